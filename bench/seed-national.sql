-- National-scale benchmark data (#16): :national more assets across England's other 283 current
-- lower-tier and unitary authorities, on top of bench/seed.sql's 100,000 in Kent and Medway (run by
-- `BENCH_ASSETS=1000000 bench/bench.sh seed` with national = 900000; with the default 100,000 it runs with
-- national = 0: it removes what an earlier national seed left and draws bench_centre, below, from Kent).
--
-- Where: each authority gets assets in proportion to its 2020 population (mySociety's reference file,
-- src/main/resources/reference/uk-local-authorities.csv, the one V13 was generated from), so Birmingham
-- holds ~20 times Rutland. Within an authority they cluster in towns, not uniformly: a main town at the
-- authority's centre with 40% of them (spread 1.5 km, normally distributed), one to six satellite towns
-- (by population) within 0.35 x the square root of its area of the centre, spread 0.8 km, and 10%
-- scattered over that whole disc as rural sites.
-- Who: as bench/seed.sql does in Kent, half owned by the authority's own council and the rest by the
-- county council (two-tier areas; else the council again), police, fire and rescue, NHS trust, ambulance
-- service and university: partners 'bench-...' made here, one council per authority, one police force,
-- fire service and NHS trust per county area (per region for metropolitan districts and London), one
-- ambulance service and one university per region. Status, type, visibility as in bench/seed.sql.
-- Repeatable: national assets carry own_reference 'BENCH-N<n>', their partners ids 'bench-...'; both are
-- deleted first. Deterministic (setseed; one process, no parallel workers).
\set ON_ERROR_STOP on
begin;
set local jit = off;
set local max_parallel_workers_per_gather = 0;
set local synchronous_commit = off;
select setseed(0.1616) \gset

delete from asset_status_change where asset_id in (select id from asset where own_reference like 'BENCH-N%');
delete from asset where own_reference like 'BENCH-N%';
delete from partner where id like 'bench-%';

create temp table bench_csv (la_code text, official_name text, nice_name text, gss text, start_date text,
    end_date text, replaced_by text, nation text, region text, la_type text, la_type_name text, county_la text,
    combined text, alt_names text, former_gss text, notes text, current_authority text, bs6879 text, ecode text,
    even_older text, gov_uk_slug text, area text, pop text, x text, y text, lat text, lon text, powers text,
    lower_or_unitary text, mapit text, ofcom text, old_ons text, old_register text, ocd_id text, os_file text,
    os text, snac text, wdtk_id text) on commit drop;
\copy bench_csv from 'src/main/resources/reference/uk-local-authorities.csv' with (format csv, header true)

-- The authorities (Kent's districts and Medway are bench/seed.sql's), their share of the assets and the
-- partner ids of their owners.
create temp table bench_la on commit drop as
select l.code, l.la_code, l.name, l.official_name, l.type, l.region, l.county_code,
       c.lat::float8 as lat, c.lon::float8 as lon, c.pop::float8 as pop, c.area::float8 as area_km2,
       lower(regexp_replace(l.region, '[^A-Za-z]+', '-', 'g')) as region_slug,
       case when l.type in ('MD', 'LBO', 'CC') then 'r-' || lower(regexp_replace(l.region, '[^A-Za-z]+', '-', 'g'))
            else lower(coalesce(k.la_code, l.la_code)) end as area_slug,
       'bench-' || lower(l.la_code) as council,
       case when k.code is not null then 'bench-' || lower(k.la_code) end as county
  from local_authority l
  join bench_csv c on c.gss = l.code
  left join local_authority k on k.code = l.county_code
 where l.nation = 'England' and l.current and l.type in ('NMD', 'UA', 'MD', 'LBO', 'CC')
   and coalesce(l.county_code, '') <> 'E10000016' and l.code <> 'E06000035'
   -- Nothing national (not even its partners) for the default 100,000.
   and :national > 0;

insert into partner (id, name, short_name, type, local_authority)
select council, official_name || ' (bench)', left(name, 60),
       case when type = 'NMD' then 'DISTRICT_COUNCIL' else 'UNITARY_COUNCIL' end, code
  from bench_la
union all
select distinct county, k.official_name || ' (bench)', left(k.name, 60), 'COUNTY_COUNCIL', k.code
  from bench_la b join local_authority k on k.code = b.county_code
union all
select distinct on (x.id) x.id, x.name, null, x.type, null
  from bench_la b
 cross join lateral (values ('bench-police-' || b.area_slug, 'Police of ' || b.area_slug || ' (bench)', 'POLICE'),
                            ('bench-fire-' || b.area_slug, 'Fire and Rescue of ' || b.area_slug || ' (bench)', 'FIRE_AND_RESCUE'),
                            ('bench-nhs-' || b.area_slug, 'NHS Trust of ' || b.area_slug || ' (bench)', 'NHS'),
                            ('bench-amb-' || b.region_slug, 'Ambulance Service of ' || b.region || ' (bench)', 'AMBULANCE'),
                            ('bench-uni-' || b.region_slug, 'University of ' || b.region || ' (bench)', 'UNIVERSITY')) x(id, name, type);

-- Assets per authority: the population share of :national, the remainders given to the largest
-- authorities so that the total is exact; first and last asset number of each authority.
create temp table bench_la_n on commit drop as
with share as (
  select code, (:national * pop / sum(pop) over ()) as exact from bench_la
), floored as (
  select code, floor(exact)::int as n, exact - floor(exact) as rest from share
), topped as (
  select code, n + case when row_number() over (order by rest desc, code)
                             <= :national - sum(n) over () then 1 else 0 end as n
    from floored
)
select code, n, (sum(n) over (order by code) - n)::int as first_i from topped;

-- Towns: the main one at the centre, satellites by population (one per 60,000 people, at most six)
-- at a random bearing and distance within the authority's disc. weight: the town's share of the
-- clustered assets.
create temp table bench_town on commit drop as
select b.code, 0 as t, b.lat, b.lon, 1.5 as spread_km, 0.4 / 0.9 as weight
  from bench_la b
union all
select b.code, s.t,
       least(60.85, greatest(49.85, b.lat + (r.d * 0.35 * sqrt(b.area_km2)) * cos(r.bearing) / 111.2)),
       least(1.75, greatest(-8.65, b.lon + (r.d * 0.35 * sqrt(b.area_km2)) * sin(r.bearing)
                                          / (111.2 * cos(radians(b.lat))))),
       0.8, (0.5 / 0.9) / least(6, 1 + floor(b.pop / 60000))
  from bench_la b
 cross join lateral generate_series(1, least(6, 1 + floor(b.pop / 60000))::int) s(t)
 cross join lateral (select 0.3 + 0.7 * random() as d, 2 * pi() * random() as bearing, s.t as keep) r
 order by 1, 2;

-- Each town's range of [0, 1) for picking it by a uniform draw.
create temp table bench_town_range on commit drop as
select code, t, lat, lon, spread_km,
       sum(weight) over (partition by code order by t) - weight as lo,
       sum(weight) over (partition by code order by t) as hi
  from bench_town;
create index on bench_town_range (code, lo);

create temp table bench_type (n int primary key, asset_type varchar(30)) on commit drop;
insert into bench_type values (0, 'OFFICE'), (1, 'DEPOT'), (2, 'CLINIC'), (3, 'HOSPITAL'), (4, 'SCHOOL'),
 (5, 'LIBRARY'), (6, 'COMMUNITY_CENTRE'), (7, 'POLICE_STATION'), (8, 'FIRE_STATION'), (9, 'AMBULANCE_STATION'),
 (10, 'HOUSING'), (11, 'LAND'), (12, 'CAR_PARK'), (13, 'LEISURE'), (14, 'EDUCATION'), (15, 'OTHER');

create temp table bench_national on commit drop as
select n.first_i + k.k as i, b.*, random() as r_owner, random() as r_area, random() as r_util,
       random() as r_status, random() as r_type, random() as r_rural, random() as r_town,
       random() as u1, random() as u2
  from bench_la_n n
  join bench_la b on b.code = n.code
 cross join lateral generate_series(1, n.n) k(k);

-- Positions: rural sites uniform over the disc, the rest normally distributed around their town
-- (Box-Muller on u1, u2); kept inside the register's UK bounds.
create temp table bench_position on commit drop as
select g.i,
       round(least(60.9, greatest(49.8, p.lat + p.dy_km / 111.2))::numeric, 6) as lat,
       round(least(1.8, greatest(-8.7, p.lon + p.dx_km / (111.2 * cos(radians(p.lat)))))::numeric, 6) as lon
  from bench_national g
 cross join lateral (
   select case when g.r_rural < 0.1 then g.lat else t.lat end as lat,
          case when g.r_rural < 0.1 then g.lon else t.lon end as lon,
          case when g.r_rural < 0.1 then 0.35 * sqrt(g.area_km2) * sqrt(g.u1) * cos(2 * pi() * g.u2)
               else t.spread_km * sqrt(-2 * ln(1 - g.u1)) * cos(2 * pi() * g.u2) end as dy_km,
          case when g.r_rural < 0.1 then 0.35 * sqrt(g.area_km2) * sqrt(g.u1) * sin(2 * pi() * g.u2)
               else t.spread_km * sqrt(-2 * ln(1 - g.u1)) * sin(2 * pi() * g.u2) end as dx_km
     from (select * from bench_town_range t
            where t.code = g.code and t.lo <= g.r_town order by t.lo desc limit 1) t) p;

insert into asset (id, owner_partner_id, name, asset_type, land_only, street, town, postcode, local_authority, uprn,
                   own_reference, epims_reference, latitude, longitude, tenure, gross_internal_area_m2,
                   annual_running_cost, utilisation_percent, status, shared_workspace_desks, visibility,
                   disposed_on, disposal_reason, created_at, updated_at)
select md5('bench-national-asset:' || g.i)::uuid,
       case when g.r_owner < 0.5 then g.council
            else (array[coalesce(g.county, g.council), coalesce(g.county, g.council), 'bench-police-' || g.area_slug,
                        'bench-fire-' || g.area_slug, 'bench-nhs-' || g.area_slug, 'bench-nhs-' || g.area_slug,
                        'bench-amb-' || g.region_slug, 'bench-uni-' || g.region_slug])[1 + g.i % 8] end,
       initcap(lower(replace(t.asset_type, '_', ' '))) || ' ' || g.name || ' ' || g.i,
       t.asset_type,
       t.asset_type in ('LAND', 'CAR_PARK'),
       (1 + g.i % 200) || ' ' || (array['High Street', 'Station Road', 'Church Lane', 'London Road', 'Mill Lane',
                                          'Park Road', 'Queen Street', 'King Street'])[1 + g.i % 8],
       left(g.name, 100),
       upper(left(g.la_code, 2)) || (1 + g.i % 9) || ' ' || (g.i % 10) || chr(65 + (g.i / 10) % 26) || chr(65 + (g.i / 260) % 26),
       g.code,
       (300000000000 + g.i)::text,
       'BENCH-N' || g.i,
       case when g.i % 3 = 0 then 'EPN' || g.i end,
       p.lat, p.lon,
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
  from bench_national g
  join bench_position p on p.i = g.i
  join bench_type t on t.n = floor(g.r_type * 16)::int
 cross join lateral (select case when g.r_status < 0.70 then 'OPERATIONAL' when g.r_status < 0.85 then 'UNDER_UTILISED'
                                 when g.r_status < 0.95 then 'SURPLUS' else 'DISPOSED' end as status) s;

insert into asset_status_change (asset_id, from_status, to_status, changed_at, changed_by, partner_id, reason)
select id, null, status, created_at, 'bench-seed', owner_partner_id, 'Registered'
  from asset where own_reference like 'BENCH-N%';

-- The exact count, or the whole seed rolls back (the cast fails with the message).
select case when count(*) <> :national
            then cast('national seed: ' || count(*) || ' assets, expected ' || :national as int) end
  from asset where own_reference like 'BENCH-N%';
-- Centres for the radius and nearest-first benchmarks (bench.sh's {near}, bench/sql/asset_radius.sql):
-- 1,000 bench assets' positions drawn at random, so an area is drawn as often as it is dense.
drop table if exists bench_centre;
create table bench_centre as
select row_number() over (order by md5(id::text))::int as n, latitude::float8 as lat, longitude::float8 as lon
  from (select id, latitude, longitude from asset
         where own_reference like 'BENCH-%' and latitude is not null order by md5(id::text) limit 1000) a;
alter table bench_centre add primary key (n);
commit;
analyze asset;
analyze asset_status_change;
analyze partner;
