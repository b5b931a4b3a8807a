-- Occupations and shared workspaces of the demo partnership (issue #19). Repeatable: every id is derived
-- from what it describes (md5 of a key), and every insert skips rows that exist, so a re-run adds nothing.
--
-- Occupations: the partners' own offices as OWNER_OCCUPIED; shared buildings with several occupiers
-- (Invicta House, Gun Wharf, Sessions House, Canterbury's and Folkestone's civic offices); leases from
-- outside landlords; a sub-let; one ended occupation. Rent and service charge are per year.
insert into occupation (id, asset_id, occupier_partner_id, occupier_name, basis, area_m2, desks, yearly_rent,
                        yearly_service_charge, starts_on, ends_on, break_on, rent_review_on, landlord_name)
select md5('demo-occupation:' || v.owner || ':' || v.ref || ':' || coalesce(v.partner, v.outsider))::uuid,
       a.id, v.partner, v.outsider, v.basis, v.area, v.desks, v.rent, v.service, v.starts::date, v.ends::date,
       v.break_on::date, v.review::date, v.landlord
from (values
    ('kcc', 'KCC-0002', 'kcc', null, 'OWNER_OCCUPIED', 6800.00, 520, null, null, '1998-04-01', null, null, null, null),
    ('kcc', 'KCC-0002', 'kent-police', null, 'MOTO', 460.00, 42, 52000.00, 11500.00, '2022-04-01', '2027-03-31', '2025-03-31', '2026-04-01', null),
    ('kcc', 'KCC-0002', 'nhs-kent-medway', null, 'LICENCE', 215.50, 18, 24750.00, 5400.00, '2023-10-01', '2026-09-30', null, null, null),
    ('kcc', 'KCC-0002', 'maidstone', null, 'MOTO', 180.00, 16, 19800.00, 4500.00, '2024-01-08', '2029-01-07', '2027-01-07', '2027-01-08', null),
    ('kcc', 'KCC-0001', 'kcc', null, 'OWNER_OCCUPIED', 11900.00, 860, null, null, '1913-01-01', null, null, null, null),
    ('kcc', 'KCC-0001', 'kalc', null, 'LICENCE', 64.00, 5, 6200.00, 1300.00, '2021-06-01', '2027-05-31', null, '2024-06-01', null),
    ('kcc', 'KCC-0001', null, 'Kent Community Foundation', 'LEASE', 140.00, 12, 21500.00, 3900.00, '2019-09-29', '2029-09-28', '2024-09-28', '2024-09-29', null),
    ('medway', 'MED-0001', 'medway', null, 'OWNER_OCCUPIED', 6400.00, 480, null, null, '2008-09-01', null, null, null, null),
    ('medway', 'MED-0001', 'kcc', null, 'MOTO', 310.00, 30, 38000.00, 8200.00, '2021-04-01', '2026-03-31', null, '2024-04-01', null),
    ('medway', 'MED-0001', 'kent-police', null, 'MOTO', 150.00, 14, 18400.00, 3900.00, '2023-04-01', '2028-03-31', '2026-03-31', null, null),
    ('medway', 'MED-0001', null, 'Medway Citizens Advice', 'SUB_LET', 85.00, 8, 7650.00, 2100.00, '2022-07-01', '2027-06-30', null, null, null),
    ('canterbury', 'CCC-0001', 'canterbury', null, 'OWNER_OCCUPIED', 5600.00, 410, null, null, '1989-05-01', null, null, null, null),
    ('canterbury', 'CCC-0001', 'kcc', null, 'MOTO', 260.00, 24, 27300.00, 6100.00, '2022-10-01', '2027-09-30', null, '2025-10-01', null),
    ('canterbury', 'CCC-0001', 'kent-police', null, 'LICENCE', 120.00, 10, 13200.00, 2800.00, '2020-01-06', '2025-01-05', null, null, null),
    ('folkestone-hythe', 'FHDC-0001', 'folkestone-hythe', null, 'OWNER_OCCUPIED', 4700.00, 350, null, null, '1966-06-01', null, null, null, null),
    ('folkestone-hythe', 'FHDC-0001', 'kcc', null, 'MOTO', 190.00, 18, 19950.00, 4300.00, '2023-07-01', '2028-06-30', '2026-06-30', '2026-07-01', null),
    ('gravesham', 'GBC-0001', 'gravesham', null, 'OWNER_OCCUPIED', 6900.00, 500, null, null, '1968-01-01', null, null, null, null),
    ('gravesham', 'GBC-0001', 'kent-fire', null, 'MOTO', 95.00, 9, 9800.00, 2300.00, '2024-04-01', '2029-03-31', null, '2027-04-01', null),
    ('sevenoaks', 'SDC-0001', 'sevenoaks', null, 'OWNER_OCCUPIED', 4300.00, 310, null, null, '1985-03-01', null, null, null, null),
    ('sevenoaks', 'SDC-0001', 'kcc', null, 'MOTO', 140.00, 14, 15400.00, 3400.00, '2024-09-02', '2027-09-01', null, null, null),
    ('kcc', 'KCC-0202', 'kcc', null, 'OWNER_OCCUPIED', 3100.00, 230, null, null, '2003-02-01', null, null, null, null),
    ('kcc', 'KCC-0202', 'canterbury', null, 'MOTO', 160.00, 15, 14400.00, 3500.00, '2023-01-09', '2026-12-31', null, null, null),
    ('kcc', 'KCC-0902', 'kcc', null, 'OWNER_OCCUPIED', 2500.00, 180, null, null, '2001-11-01', null, null, null, null),
    ('kcc', 'KCC-0902', 'thanet', null, 'MOTO', 110.00, 10, 9900.00, 2600.00, '2024-05-01', '2027-04-30', null, '2026-05-01', null),
    -- Leased in from outside the partnership.
    ('kcc', 'KCC-0301', 'kcc', null, 'LEASE', 1450.00, null, 96500.00, 18200.00, '2012-03-25', '2027-03-24', '2025-03-24', '2022-03-25', 'Dover Harbour Board'),
    ('nhs-kent-medway', 'ICB-0101', 'nhs-kent-medway', null, 'LEASE', 980.00, 40, 142000.00, 26800.00, '2016-04-01', '2031-03-31', '2026-03-31', '2026-04-01', 'Assura Properties plc'),
    ('secamb', 'SECAMB-0201', 'secamb', null, 'LEASE', 620.00, null, 58000.00, 7400.00, '2018-10-01', '2028-09-30', '2027-09-30', '2023-10-01', 'Thanet Industrial Estates Ltd')
) as v (owner, ref, partner, outsider, basis, area, desks, rent, service, starts, ends, break_on, review, landlord)
join asset a on a.id = md5('demo-asset:' || v.owner || ':' || v.ref)::uuid
on conflict (id) do nothing;

-- The eight offices with shared workspaces (the partnership's report, 2.13): one workspace each with the
-- asset's shared-workspace desks, three quarters open plan and the rest quiet.
-- Temporary tables of this connection only (the loader runs the scripts on one connection, autocommitting).
drop table if exists pg_temp.demo_office;
create temporary table demo_office (owner varchar(40), ref varchar(40), name varchar(200));
insert into demo_office values
    ('medway', 'MED-0001', 'Gun Wharf shared workspace'),
    ('kcc', 'KCC-0002', 'Invicta House shared workspace'),
    ('kcc', 'KCC-0202', 'Brook House shared workspace'),
    ('kcc', 'KCC-0902', 'St Peters House shared workspace'),
    ('sevenoaks', 'SDC-0001', 'Sevenoaks District Office shared workspace'),
    ('folkestone-hythe', 'FHDC-0001', 'Folkestone and Hythe District Office shared workspace'),
    ('gravesham', 'GBC-0001', 'Gravesham Civic Centre shared workspace'),
    ('canterbury', 'CCC-0001', 'Canterbury City Council shared workspace');

insert into workspace (id, asset_id, name)
select md5('demo-workspace:' || o.owner || ':' || o.ref)::uuid, a.id, o.name
from demo_office o join asset a on a.id = md5('demo-asset:' || o.owner || ':' || o.ref)::uuid
on conflict (id) do nothing;

insert into workspace_zone (id, workspace_id, name)
select md5('demo-zone:' || w.id || ':' || z.name)::uuid, w.id, z.name
from workspace w join demo_office o on w.id = md5('demo-workspace:' || o.owner || ':' || o.ref)::uuid
cross join (values ('Open plan'), ('Quiet')) as z (name)
on conflict (id) do nothing;

-- Desks: the first ceil(3/4) of the asset's shared desks open plan, the rest quiet.
insert into workspace_desk (id, workspace_id, zone_id, label)
select md5('demo-desk:' || w.id || ':' || n)::uuid, w.id,
       md5('demo-zone:' || w.id || ':' || case when n <= ceil(a.shared_workspace_desks * 0.75) then 'Open plan' else 'Quiet' end)::uuid,
       case when n <= ceil(a.shared_workspace_desks * 0.75) then 'Open plan ' || lpad(n::text, 2, '0')
            else 'Quiet ' || lpad((n - ceil(a.shared_workspace_desks * 0.75))::text, 2, '0') end
from workspace w join demo_office o on w.id = md5('demo-workspace:' || o.owner || ':' || o.ref)::uuid
join asset a on a.id = w.asset_id
cross join lateral generate_series(1, a.shared_workspace_desks) as n
on conflict (id) do nothing;

-- Allocations: the owner's share first; each partner's desks are a run of the workspace's desks in label
-- order (first_desk), which the bookings below keep to, so no desk is booked twice.
drop table if exists pg_temp.demo_allocation;
create temporary table demo_allocation (ref varchar(40), partner varchar(40), desks int, first_desk int);
insert into demo_allocation values
    ('MED-0001', 'medway', 10, 1), ('MED-0001', 'kcc', 6, 11), ('MED-0001', 'kent-police', 4, 17), ('MED-0001', 'nhs-kent-medway', 3, 21),
    ('KCC-0002', 'kcc', 12, 1), ('KCC-0002', 'maidstone', 6, 13), ('KCC-0002', 'kent-police', 6, 19), ('KCC-0002', 'kent-fire', 3, 25), ('KCC-0002', 'nhs-kent-medway', 3, 28),
    ('KCC-0202', 'kcc', 5, 1), ('KCC-0202', 'canterbury', 4, 6), ('KCC-0202', 'kent-police', 2, 10),
    ('KCC-0902', 'kcc', 4, 1), ('KCC-0902', 'thanet', 3, 5),
    ('SDC-0001', 'sevenoaks', 6, 1), ('SDC-0001', 'kcc', 4, 7), ('SDC-0001', 'kent-police', 2, 11),
    ('FHDC-0001', 'folkestone-hythe', 7, 1), ('FHDC-0001', 'kcc', 5, 8), ('FHDC-0001', 'kent-police', 3, 13),
    ('GBC-0001', 'gravesham', 5, 1), ('GBC-0001', 'kcc', 3, 6), ('GBC-0001', 'kent-fire', 2, 9),
    ('CCC-0001', 'canterbury', 8, 1), ('CCC-0001', 'kcc', 6, 9), ('CCC-0001', 'uni-kent', 3, 15), ('CCC-0001', 'kent-police', 3, 18);

insert into workspace_allocation (workspace_id, partner_id, desks)
select md5('demo-workspace:' || o.owner || ':' || o.ref)::uuid, al.partner, al.desks
from demo_allocation al join demo_office o on o.ref = al.ref
on conflict (workspace_id, partner_id) do nothing;

-- A month of bookings (the working days of November 2026): each day each partner books between 40% and
-- 90% of its allocation (a fixed pseudo-random share per partner and day), a whole day at the first desks
-- of its run, and one more person the morning only at the next desk when it has room.
-- The k-th booking of a partner's day holds seat k of each half it books (V38).
insert into desk_booking (id, workspace_id, desk_id, partner_id, username, booked_on, slot, status, created_at,
                          morning_seat, afternoon_seat)
select md5('demo-booking:' || d.id || ':' || day || ':' || slot)::uuid, d.workspace_id, d.id, al.partner,
       al.partner || '.staff' || lpad((k)::text, 2, '0'), day, slot, 'BOOKED', day - interval '3 days',
       k, case when slot = 'DAY' then k end
from demo_allocation al
join demo_office o on o.ref = al.ref
cross join lateral generate_series(date '2026-11-02', date '2026-11-30', interval '1 day') as g (day_ts)
cross join lateral (select g.day_ts::date as day) as dd
cross join lateral (select floor(al.desks * (0.4 + 0.5 * ((abs(hashtext(al.partner || dd.day)) % 100) / 100.0)))::int as full_days) as s
cross join lateral generate_series(1, least(al.desks, s.full_days + 1)) as k
cross join lateral (select case when k <= s.full_days then 'DAY' else 'AM' end as slot) as sl
join lateral (select x.id, x.workspace_id from (
        select wd.id, wd.workspace_id, row_number() over (order by wd.label) as n
        from workspace_desk wd where wd.workspace_id = md5('demo-workspace:' || o.owner || ':' || o.ref)::uuid) x
        where x.n = al.first_desk + k - 1) as d on true
where extract(isodow from dd.day) < 6
on conflict do nothing;

drop table pg_temp.demo_allocation;
drop table pg_temp.demo_office;
