-- Benchmark data: 100,000 assets and 2,000 projects spread over the Kent districts and partners, on
-- top of the demo data (partners, 161 assets, 24 projects) that the app loads with profile demo.
-- Repeatable: every bench row is recognisable (assets: own_reference 'BENCH-n'; projects: name
-- 'Bench project n') and is deleted before the rows are generated again. Deterministic (setseed).
\set ON_ERROR_STOP on
begin;
select setseed(0.42) \gset

delete from project_milestone where project_id in (select id from project where name like 'Bench project %');
delete from project_stage_change where project_id in (select id from project where name like 'Bench project %');
delete from project_asset where project_id in (select id from project where name like 'Bench project %');
delete from project_partner where project_id in (select id from project where name like 'Bench project %');
delete from project where name like 'Bench project %';
delete from asset_status_change where asset_id in (select id from asset where own_reference like 'BENCH-%');
delete from asset where own_reference like 'BENCH-%';

-- District centres (WGS84) and the district council that owns most assets there.
create temp table bench_district (n int primary key, district varchar(30), council varchar(40), town varchar(60),
                                  lat numeric, lon numeric, pc varchar(4)) on commit drop;
insert into bench_district values
 (0, 'ASHFORD', 'ashford', 'Ashford', 51.1465, 0.8750, 'TN23'),
 (1, 'CANTERBURY', 'canterbury', 'Canterbury', 51.2802, 1.0789, 'CT1'),
 (2, 'DARTFORD', 'dartford', 'Dartford', 51.4462, 0.2169, 'DA1'),
 (3, 'DOVER', 'dover', 'Dover', 51.1279, 1.3134, 'CT16'),
 (4, 'FOLKESTONE_AND_HYTHE', 'folkestone-hythe', 'Folkestone', 51.0814, 1.1695, 'CT20'),
 (5, 'GRAVESHAM', 'gravesham', 'Gravesend', 51.4416, 0.3700, 'DA11'),
 (6, 'MAIDSTONE', 'maidstone', 'Maidstone', 51.2704, 0.5227, 'ME14'),
 (7, 'SEVENOAKS', 'sevenoaks', 'Sevenoaks', 51.2724, 0.1909, 'TN13'),
 (8, 'SWALE', 'swale', 'Sittingbourne', 51.3406, 0.7317, 'ME10'),
 (9, 'THANET', 'thanet', 'Margate', 51.3813, 1.3862, 'CT9'),
 (10, 'TONBRIDGE_AND_MALLING', 'tonbridge-malling', 'Tonbridge', 51.1950, 0.2753, 'TN9'),
 (11, 'TUNBRIDGE_WELLS', 'tunbridge-wells', 'Tunbridge Wells', 51.1324, 0.2637, 'TN1'),
 (12, 'MEDWAY', 'medway', 'Chatham', 51.3785, 0.5265, 'ME4');

-- Other owners, weighted: county council, blue-light services, health, universities.
create temp table bench_owner (n int primary key, partner varchar(40)) on commit drop;
insert into bench_owner values (0, 'kcc'), (1, 'kcc'), (2, 'kcc'), (3, 'kent-police'), (4, 'kent-fire'),
 (5, 'nhs-kent-medway'), (6, 'ekhuft'), (7, 'kmpt'), (8, 'kcht'), (9, 'secamb'), (10, 'uni-kent'),
 (11, 'uni-greenwich'), (12, 'cccu'), (13, 'kcc');

create temp table bench_type (n int primary key, asset_type varchar(30)) on commit drop;
insert into bench_type values (0, 'OFFICE'), (1, 'DEPOT'), (2, 'CLINIC'), (3, 'HOSPITAL'), (4, 'SCHOOL'),
 (5, 'LIBRARY'), (6, 'COMMUNITY_CENTRE'), (7, 'POLICE_STATION'), (8, 'FIRE_STATION'), (9, 'AMBULANCE_STATION'),
 (10, 'HOUSING'), (11, 'LAND'), (12, 'CAR_PARK'), (13, 'LEISURE'), (14, 'EDUCATION'), (15, 'OTHER');

insert into asset (id, owner_partner_id, name, asset_type, land_only, street, town, postcode, district, uprn,
                   own_reference, epims_reference, latitude, longitude, tenure, gross_internal_area_m2,
                   annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility,
                   disposed_on, disposal_reason, created_at, updated_at)
select md5('bench-asset:' || g.i)::uuid,
       case when g.r_owner < 0.5 then d.council else o.partner end,
       initcap(lower(replace(t.asset_type, '_', ' '))) || ' ' || d.town || ' ' || g.i,
       t.asset_type,
       t.asset_type in ('LAND', 'CAR_PARK'),
       (1 + g.i % 200) || ' ' || (array['High Street', 'Station Road', 'Church Lane', 'London Road', 'Mill Lane',
                                          'Park Road', 'Queen Street', 'King Street'])[1 + g.i % 8],
       d.town,
       d.pc || ' ' || (g.i % 10) || chr(65 + (g.i / 10) % 26) || chr(65 + (g.i / 260) % 26),
       d.district,
       (200000000000 + g.i)::text,
       'BENCH-' || g.i,
       case when g.i % 3 = 0 then 'EP' || g.i end,
       round(d.lat + (g.r_lat::numeric - 0.5) * 0.12, 6),
       round(d.lon + (g.r_lon::numeric - 0.5) * 0.18, 6),
       (array['FREEHOLD', 'FREEHOLD', 'FREEHOLD', 'LEASEHOLD', 'OTHER'])[1 + g.i % 5],
       case when t.asset_type in ('LAND', 'CAR_PARK') then null else round((50 + g.r_area * 5000)::numeric, 2) end,
       round((1000 + g.r_area * 250000)::numeric, 2),
       round((g.r_util * 100)::numeric, 2),
       s.status,
       case when t.asset_type = 'OFFICE' and g.i % 7 = 0 then 10 + g.i % 40 else 0 end,
       case when g.i % 10 = 0 then 'OWNER_ONLY' else 'PARTNERSHIP' end,
       case when s.status = 'DISPOSED' then date '2015-01-01' + (g.i % 3000) end,
       case when s.status = 'DISPOSED' then 'Sold on the open market' end,
       now() - (g.i % 2000) * interval '1 day', now() - (g.i % 500) * interval '1 day'
from (select i, random() as r_owner, random() as r_lat, random() as r_lon, random() as r_area,
             random() as r_util, random() as r_status, random() as r_district, random() as r_type
        from generate_series(1, 100000) as i) g
join bench_district d on d.n = floor(g.r_district * 13)::int
join bench_owner o on o.n = g.i % 14
join bench_type t on t.n = floor(g.r_type * 16)::int
cross join lateral (select case when g.r_status < 0.70 then 'OPERATIONAL' when g.r_status < 0.85 then 'UNDER_UTILISED'
                                when g.r_status < 0.95 then 'SURPLUS' else 'DISPOSED' end as status) s;

insert into asset_status_change (asset_id, from_status, to_status, changed_at, changed_by, partner_id, reason)
select id, null, status, created_at, 'bench-seed', owner_partner_id, 'Registered'
  from asset where own_reference like 'BENCH-%';

-- 2,000 projects: lead is a district council or KCC, two to four participants, one or two linked assets.
insert into project (id, name, description, lead_partner_id, district, type, stage, rag_status, rag_reason,
                     programmes, homes_target, homes_actual, jobs_target, jobs_actual, capital_receipts_target,
                     running_cost_savings_target, land_released_target_ha, created_at, updated_at)
select md5('bench-project:' || g.i)::uuid,
       'Bench project ' || lpad(g.i::text, 4, '0') || ' ' || d.town,
       'Generated for the benchmark.',
       case when g.i % 4 = 0 then 'kcc' else d.council end,
       d.district,
       (array['CO_LOCATION', 'OFFICE_RATIONALISATION', 'HOUSING_REGENERATION', 'LAND_RELEASE',
              'HEALTH_AND_WELLBEING_HUB', 'SHARED_WORKSPACE'])[1 + g.i % 6],
       (array['IDEA', 'PIPELINE', 'FEASIBILITY', 'BUSINESS_CASE', 'DELIVERY', 'DELIVERY', 'DELIVERY', 'COMPLETE',
              'WITHDRAWN'])[1 + g.i % 9],
       (array['GREEN', 'GREEN', 'AMBER', 'RED'])[1 + g.i % 4],
       case when g.i % 4 >= 2 then 'Behind the agreed timetable' end,
       (array['{OPE}', '{LRF}', '{BLRF}', '{OPE,LRF}', '{}'])[1 + g.i % 5]::varchar(4)[],
       case when g.i % 3 = 0 then 20 + g.i % 300 end, case when g.i % 6 = 0 then g.i % 20 end,
       case when g.i % 2 = 0 then 5 + g.i % 80 end, null,
       case when g.i % 5 = 0 then 100000 + (g.i % 50) * 25000 end,
       case when g.i % 4 = 1 then 20000 + (g.i % 30) * 5000 end,
       case when g.i % 5 = 3 then round(((g.i % 40) / 10.0)::numeric, 2) end,
       now() - (g.i % 1500) * interval '1 day', now() - (g.i % 300) * interval '1 day'
from generate_series(1, 2000) as g(i)
join bench_district d on d.n = g.i % 13;

insert into project_partner (project_id, partner_id)
select distinct p.id, x.partner
  from project p
  cross join lateral (select o.partner from bench_owner o
                       where o.n in ((hashtext(p.name) & 1023) % 14, (hashtext(p.name || 'b') & 1023) % 14,
                                     (hashtext(p.name || 'c') & 1023) % 14)) x
 where p.name like 'Bench project %' and x.partner <> p.lead_partner_id;

insert into project_asset (project_id, asset_id)
select p.id, md5('bench-asset:' || (1 + (hashtext(p.name || k) & 1048575) % 100000))::uuid
  from project p cross join (values ('x'), ('y')) k(k)
 where p.name like 'Bench project %'
on conflict do nothing;

insert into project_stage_change (project_id, from_stage, to_stage, changed_at, changed_by, partner_id, note)
select id, null, stage, created_at, 'bench-seed', lead_partner_id, 'Generated'
  from project where name like 'Bench project %';
commit;
vacuum analyze partner;
vacuum analyze asset;
vacuum analyze asset_status_change;
vacuum analyze project;
vacuum analyze project_partner;
vacuum analyze project_asset;
vacuum analyze project_stage_change;
