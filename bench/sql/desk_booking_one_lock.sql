-- pgbench: bench/sql/desk_booking.sql with every client booking one partner's same half day, as the wrk load of
-- the desk-booking line does: the same partner, day (the tenth day ahead) and half (the morning), random desks.
-- Before V38 these clients queued on one lock; now they claim seats side by side. After the first 200
-- bookings every desk's morning is taken and the claim inserts nothing (the audit insert and the commit still
-- run). -D ws=<bench workspace id>.
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
select pg_advisory_xact_lock_shared(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone', 'allocation'), 38));
with alloc as (select coalesce((select desks from workspace_allocation where workspace_id = cast(:ws as uuid)
                                   and partner_id = 'maidstone'), 0) as desks),
     held as (select morning_seat, afternoon_seat from desk_booking where workspace_id = cast(:ws as uuid)
                 and partner_id = 'maidstone' and booked_on = current_date + cast(:day as int) and status = 'BOOKED'),
     counts as (select count(morning_seat) as morning, count(afternoon_seat) as afternoon,
                       coalesce(max(morning_seat), 0) as top_morning, coalesce(max(afternoon_seat), 0) as top_afternoon from held),
     over as (select (:half = 0 and c.top_morning > al.desks) or (:half = 1 and c.top_afternoon > al.desks) as over
                from counts c, alloc al),
 m as (select seat from (select s as seat from alloc al, generate_series(1, al.desks) s
                 where :half = 0 and not exists (select 1 from held h where h.morning_seat = s)
                 order by random() offset 0) free_seats
               where pg_try_advisory_xact_lock(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone',
                     cast(current_date + cast(:day as int) as text), 'AM', cast(seat as text)), 38)) limit 1),
 a as (select seat from (select s as seat from alloc al, generate_series(1, al.desks) s
                 where :half = 1 and not exists (select 1 from held h where h.afternoon_seat = s)
                 order by random() offset 0) free_seats
               where pg_try_advisory_xact_lock(hashtextextended(concat_ws(chr(58), cast(:ws as text), 'maidstone',
                     cast(current_date + cast(:day as int) as text), 'PM', cast(seat as text)), 38)) limit 1),
     free as (select d.id, d.label, z.name as zone_name from workspace_desk d join workspace_zone z on z.id = d.zone_id
               where d.workspace_id = cast(:ws as uuid) and (d.zone_id = cast(null as uuid) or d.id = md5('bench-desk' || chr(58) || cast(:n as text))::uuid)
                 and not exists (select 1 from desk_booking b where b.desk_id = d.id and b.booked_on = current_date + cast(:day as int)
                                 and b.status = 'BOOKED' and (b.slot = 'DAY' or b.slot = case when :half = 0 then 'AM' else 'PM' end))
               order by d.label limit 1),
     booked as (insert into desk_booking (id, workspace_id, desk_id, zone_id, partner_id, username, booked_on, slot, status, created_at,
                                          morning_seat, afternoon_seat)
                select gen_random_uuid(), cast(:ws as uuid), free.id, null, 'maidstone', 'maidstone.editor', current_date + cast(:day as int),
                       case when :half = 0 then 'AM' else 'PM' end, 'BOOKED', now(), m.seat, a.seat
                  from free cross join over left join m on true left join a on true
                 where not over.over and (m.seat is not null) = (:half = 0) and (a.seat is not null) = (:half = 1)
                on conflict do nothing returning id)
select al.desks as allocated, c.morning, c.afternoon, o.over, f.id, f.label, f.zone_name,
       m.seat as morning_seat, a.seat as afternoon_seat, exists (select 1 from booked) as booked
  from alloc al cross join counts c cross join over o left join free f on true left join m on true left join a on true;
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
