-- The booking benchmark's workspace (issue #19): "Bench hub" in the first of Maidstone's shared bench
-- assets, 200 desks in four zones, all 200 allocated to Maidstone (the bench user's partner), so every
-- desk's morning and afternoon of every day can be booked once: 400 distinct bookings a day. Repeatable.
insert into workspace (id, asset_id, name)
select md5('bench-workspace')::uuid, a.id, 'Bench hub'
from (select id from asset where own_reference like 'BENCH-%' and owner_partner_id = 'maidstone'
        and visibility = 'PARTNERSHIP' order by own_reference limit 1) a
on conflict (id) do nothing;

insert into workspace_zone (id, workspace_id, name)
select md5('bench-zone:' || z)::uuid, md5('bench-workspace')::uuid, 'Zone ' || z
from generate_series(1, 4) as z
on conflict (id) do nothing;

insert into workspace_desk (id, workspace_id, zone_id, label)
select md5('bench-desk:' || n)::uuid, md5('bench-workspace')::uuid, md5('bench-zone:' || (1 + (n - 1) / 50))::uuid,
       'Zone ' || (1 + (n - 1) / 50) || ' ' || lpad(n::text, 3, '0')
from generate_series(1, 200) as n
on conflict (id) do nothing;

insert into workspace_allocation (workspace_id, partner_id, desks)
values (md5('bench-workspace')::uuid, 'maidstone', 200)
on conflict (workspace_id, partner_id) do nothing;
