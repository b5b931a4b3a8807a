-- pgbench: the SQL of one booking (WorkspaceService.book) in one transaction, as the service sends it: the
-- context read (workspace, asset owner, readability, allocation, desk), then in one round trip (a pipeline,
-- as the driver sends the service's three statements) the half-day lock and the checks-and-insert, then the
-- audit event (the AuditLog statement, audit_diff included, a document of the same size). A random desk, half
-- and day in ten years, so clients rarely share a lock (the wrk load shares one: see bench/README.md, "Desk
-- booking"); a desk already booked inserts nothing, as a refused booking writes nothing (the audit insert
-- still runs, so every transaction costs what a booking costs). -D ws=<bench workspace id>.
-- chr(58) is ':' (pgbench would read :x in a literal as a variable).
\set n random(1, 200)
\set day random(1, 3650)
\set half random(0, 1)
begin;
select w.name, a.owner_partner_id,
       (false or a.visibility = 'PARTNERSHIP' or a.owner_partner_id = 'maidstone' or al.partner_id is not null) as readable,
       al.desks as allocated, d.id is not null and d.workspace_id = w.id as desk_here, d.label as desk_label,
       z.id is not null and z.workspace_id = w.id as zone_here, z.name as zone_name
  from workspace w join asset a on a.id = w.asset_id
  left join workspace_allocation al on al.workspace_id = w.id and al.partner_id = 'maidstone'
  left join workspace_desk d on d.id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid
  left join workspace_zone z on z.id = cast(null as uuid)
 where w.id = cast(:ws as uuid);
\startpipeline
select pg_advisory_xact_lock(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone',
       cast(current_date + cast(:day as int) as text), 'AM'), 19)) where :half = 0;
select pg_advisory_xact_lock(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone',
       cast(current_date + cast(:day as int) as text), 'PM'), 19)) where :half = 1;
with halves as (select count(*) filter (where slot in ('DAY', 'AM')) as morning,
                       count(*) filter (where slot in ('DAY', 'PM')) as afternoon
                  from desk_booking where workspace_id = cast(:ws as uuid) and partner_id = 'maidstone'
                   and booked_on = current_date + cast(:day as int) and status = 'BOOKED'),
     free as (select d.id, d.label, z.name as zone_name from workspace_desk d join workspace_zone z on z.id = d.zone_id
               where d.workspace_id = cast(:ws as uuid) and (d.zone_id = cast(null as uuid) or d.id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid)
                 and not exists (select 1 from desk_booking b where b.desk_id = d.id and b.booked_on = current_date + cast(:day as int)
                                 and b.status = 'BOOKED' and (b.slot = 'DAY' or b.slot = case when :half = 0 then 'AM' else 'PM' end))
               order by d.label limit 1),
     booked as (insert into desk_booking (id, workspace_id, desk_id, zone_id, partner_id, username, booked_on, slot, status, created_at)
                select gen_random_uuid(), cast(:ws as uuid), free.id, null, 'maidstone', 'maidstone.editor', current_date + cast(:day as int),
                       case when :half = 0 then 'AM' else 'PM' end, 'BOOKED', now()
                  from free, halves
                 where not (:half = 0 and halves.morning >= 200) and not (:half = 1 and halves.afternoon >= 200)
                on conflict do nothing returning id)
select h.morning, h.afternoon, f.id, f.label, f.zone_name, exists (select 1 from booked) as booked
  from halves h left join free f on true;
\endpipeline
insert into audit_event (entity_type, entity_id, action, partner_id, scope_type, scope_id, note, before_doc, after_doc,
                         actor_username, actor_partner_id, occurred_at)
select c.entity_type, c.entity_id, c.action, c.partner_id, c.scope_type, c.scope_id, c.note, c.before_doc, c.after_doc,
       'maidstone.editor', 'maidstone', now()
  from (select 'DESK_BOOKING' as entity_type, gen_random_uuid()::text as entity_id, 'CREATED' as action, 'maidstone' as partner_id,
               'DESK_BOOKING' as scope_type, gen_random_uuid()::text as scope_id, cast(null as text) as note, d.before_doc, d.after_doc
          from (select cast(null as jsonb) as before_doc,
                       jsonb_build_object('workspaceId', cast(:ws as text), 'deskId', md5('bench-desk' || chr(58) || cast(:n as text))::uuid,
                         'deskLabel', 'Zone 1 001', 'zoneName', 'Zone 1', 'partnerId', 'maidstone', 'username', 'maidstone.editor',
                         'on', current_date + cast(:day as int), 'slot', 'AM', 'status', 'BOOKED') as after_doc) d
         where audit_diff(d.before_doc, d.after_doc) <> '{}'::jsonb) c;
commit;
