-- pgbench: bench/sql/desk_booking.sql with every client on one lock, as the wrk load of the desk-booking line is: the
-- same partner, day (the tenth day ahead) and half (the morning), random desks. After the first 200 bookings every desk's morning is
-- taken and the checks insert nothing (the audit insert and the commit still run). The ceiling of serialised bookings
-- of one partner's half day with a client that does nothing else. -D ws=<bench workspace id>.
\set n random(1, 200)
\set day 10
\set half 0
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
