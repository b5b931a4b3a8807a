-- pgbench: the SQL of one booking (WorkspaceService.book) in one transaction: the workspace, desk, zone and
-- allocation reads, the day lock, the allocation count and free-desk check, the insert and its audit event
-- (a document of the same size). A random desk, half and day in ten years: collisions insert nothing, as a
-- refused booking writes nothing. -D ws=<bench workspace id>.
\set n random(1, 200)
\set day random(1, 3650)
\set half random(0, 1)
begin;
select * from workspace where id = cast(:ws as uuid);
select * from asset where id = (select asset_id from workspace where id = cast(:ws as uuid));
select * from workspace_allocation where workspace_id = cast(:ws as uuid) and partner_id = 'maidstone';
select * from workspace_desk where id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid;
select 1 from pg_advisory_xact_lock(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone', cast(current_date + cast(:day as int) as text)), 19));
select count(*) filter (where slot in ('DAY', 'AM')), count(*) filter (where slot in ('DAY', 'PM')) from desk_booking
 where workspace_id = cast(:ws as uuid) and partner_id = 'maidstone' and booked_on = current_date + cast(:day as int) and status = 'BOOKED';
select d.id from workspace_desk d where d.workspace_id = cast(:ws as uuid) and d.id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid
   and not exists (select 1 from desk_booking b where b.desk_id = d.id and b.booked_on = current_date + cast(:day as int)
                   and b.status = 'BOOKED' and (b.slot = 'DAY' or b.slot = case when cast(:half as int) = 0 then 'AM' else 'PM' end))
 order by d.label limit 1;
insert into desk_booking (id, workspace_id, desk_id, partner_id, username, booked_on, slot, status, created_at)
values (gen_random_uuid(), cast(:ws as uuid), md5('bench-desk' || chr(58) || cast(:n as text))::uuid, 'maidstone', 'maidstone.editor',
        current_date + cast(:day as int), case when cast(:half as int) = 0 then 'AM' else 'PM' end, 'BOOKED', now())
on conflict do nothing;
select * from workspace_zone where id = (select zone_id from workspace_desk where id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid);
insert into audit_event (entity_type, entity_id, action, partner_id, scope_type, scope_id, note, before_doc, after_doc,
                         actor_username, actor_partner_id, occurred_at)
values ('DESK_BOOKING', gen_random_uuid()::text, 'CREATED', 'maidstone', 'DESK_BOOKING', gen_random_uuid()::text, null, null,
        jsonb_build_object('id', gen_random_uuid(), 'workspaceId', cast(:ws as text), 'deskId', md5('bench-desk' || chr(58) || cast(:n as text))::uuid,
          'deskLabel', 'Zone 1 001', 'zoneName', 'Zone 1', 'partnerId', 'maidstone', 'username', 'maidstone.editor',
          'on', current_date + cast(:day as int), 'slot', 'AM', 'status', 'BOOKED'),
        'maidstone.editor', 'maidstone', now());
commit;
