-- Benchmark data: 100,000 assets and 2,000 projects spread over the Kent districts and partners, and
-- their funding, on top of the demo data (partners, 161 assets, 35 projects, the Kent funding) that the
-- app loads with profile demo. Funding: 23 rounds beside the nine demo rounds (OPE Phases 1-13, LRF
-- 2017-2019, BLRF 2020-2026; two open, one closed awaiting its decision, one planned), 1,560 bids with
-- 4,150 lines from 1,392 of the projects, 2,465 awards, 4,136 OPE claims, 1,469 LRF/BLRF payments and
-- 18 MOUs; the demo's own funding rows and totals are left as they are.
-- Repeatable: every bench row is recognisable (assets: own_reference 'BENCH-n'; projects: name
-- 'Bench project n'; funding: everything under a round named 'Bench ...'; MOUs: document_reference
-- 'BENCH-MOU-...') and is deleted before the rows are generated again. Deterministic (setseed; only the
-- open and planned rounds are dated from today).
\set ON_ERROR_STOP on
begin;
-- JIT compiling the larger statements takes longer than running them (2-4 s of the seed).
set local jit = off;
select setseed(0.42) \gset

-- Bench funding first (it refers to bench projects), in foreign-key order: every row hangs off a round
-- named 'Bench %'; bench MOUs carry a document reference 'BENCH-MOU-%'.
delete from claim c using award a, bid_line l, bid b, funding_round r
 where c.award_id = a.id and a.bid_line_id = l.id and l.bid_id = b.id and b.round_id = r.id and r.name like 'Bench %';
delete from payment x using award a, bid_line l, bid b, funding_round r
 where x.award_id = a.id and a.bid_line_id = l.id and l.bid_id = b.id and b.round_id = r.id and r.name like 'Bench %';
delete from award a using bid_line l, bid b, funding_round r
 where a.bid_line_id = l.id and l.bid_id = b.id and b.round_id = r.id and r.name like 'Bench %';
delete from bid_line l using bid b, funding_round r where l.bid_id = b.id and b.round_id = r.id and r.name like 'Bench %';
delete from bid b using funding_round r where b.round_id = r.id and r.name like 'Bench %';
delete from funding_round where name like 'Bench %';
delete from mou where document_reference like 'BENCH-MOU-%';

delete from project_milestone where project_id in (select id from project where name like 'Bench project %');
delete from project_stage_change where project_id in (select id from project where name like 'Bench project %');
delete from project_asset where project_id in (select id from project where name like 'Bench project %');
delete from project_partner where project_id in (select id from project where name like 'Bench project %');
delete from project where name like 'Bench project %';
delete from asset_status_change where asset_id in (select id from asset where own_reference like 'BENCH-%');
delete from asset where own_reference like 'BENCH-%';

-- District centres (WGS84) and the district council that owns most assets there; `code` is the
-- authority's GSS code, which assets record.
create temp table bench_district (n int primary key, district varchar(30), council varchar(40), town varchar(60),
                                  lat numeric, lon numeric, pc varchar(4), code varchar(9)) on commit drop;
insert into bench_district values
 (0, 'ASHFORD', 'ashford', 'Ashford', 51.1465, 0.8750, 'TN23', 'E07000105'),
 (1, 'CANTERBURY', 'canterbury', 'Canterbury', 51.2802, 1.0789, 'CT1', 'E07000106'),
 (2, 'DARTFORD', 'dartford', 'Dartford', 51.4462, 0.2169, 'DA1', 'E07000107'),
 (3, 'DOVER', 'dover', 'Dover', 51.1279, 1.3134, 'CT16', 'E07000108'),
 (4, 'FOLKESTONE_AND_HYTHE', 'folkestone-hythe', 'Folkestone', 51.0814, 1.1695, 'CT20', 'E07000112'),
 (5, 'GRAVESHAM', 'gravesham', 'Gravesend', 51.4416, 0.3700, 'DA11', 'E07000109'),
 (6, 'MAIDSTONE', 'maidstone', 'Maidstone', 51.2704, 0.5227, 'ME14', 'E07000110'),
 (7, 'SEVENOAKS', 'sevenoaks', 'Sevenoaks', 51.2724, 0.1909, 'TN13', 'E07000111'),
 (8, 'SWALE', 'swale', 'Sittingbourne', 51.3406, 0.7317, 'ME10', 'E07000113'),
 (9, 'THANET', 'thanet', 'Margate', 51.3813, 1.3862, 'CT9', 'E07000114'),
 (10, 'TONBRIDGE_AND_MALLING', 'tonbridge-malling', 'Tonbridge', 51.1950, 0.2753, 'TN9', 'E07000115'),
 (11, 'TUNBRIDGE_WELLS', 'tunbridge-wells', 'Tunbridge Wells', 51.1324, 0.2637, 'TN1', 'E07000116'),
 (12, 'MEDWAY', 'medway', 'Chatham', 51.3785, 0.5265, 'ME4', 'E06000035');

-- Other owners, weighted: county council, blue-light services, health, universities.
create temp table bench_owner (n int primary key, partner varchar(40)) on commit drop;
insert into bench_owner values (0, 'kcc'), (1, 'kcc'), (2, 'kcc'), (3, 'kent-police'), (4, 'kent-fire'),
 (5, 'nhs-kent-medway'), (6, 'ekhuft'), (7, 'kmpt'), (8, 'kcht'), (9, 'secamb'), (10, 'uni-kent'),
 (11, 'uni-greenwich'), (12, 'cccu'), (13, 'kcc');

create temp table bench_type (n int primary key, asset_type varchar(30)) on commit drop;
insert into bench_type values (0, 'OFFICE'), (1, 'DEPOT'), (2, 'CLINIC'), (3, 'HOSPITAL'), (4, 'SCHOOL'),
 (5, 'LIBRARY'), (6, 'COMMUNITY_CENTRE'), (7, 'POLICE_STATION'), (8, 'FIRE_STATION'), (9, 'AMBULANCE_STATION'),
 (10, 'HOUSING'), (11, 'LAND'), (12, 'CAR_PARK'), (13, 'LEISURE'), (14, 'EDUCATION'), (15, 'OTHER');

insert into asset (id, owner_partner_id, name, asset_type, land_only, street, town, postcode, local_authority, uprn,
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
       d.code,
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

-- Projects name their local authority by GSS code: bench_district's districts, by its n.
create temp table bench_project_authority (n int primary key, code varchar(9) not null) on commit drop;
insert into bench_project_authority values
 (0, 'E07000105'), (1, 'E07000106'), (2, 'E07000107'), (3, 'E07000108'), (4, 'E07000112'), (5, 'E07000109'),
 (6, 'E07000110'), (7, 'E07000111'), (8, 'E07000113'), (9, 'E07000114'), (10, 'E07000115'), (11, 'E07000116'),
 (12, 'E06000035');

-- 2,000 projects: lead is a district council or KCC, two to four participants, one or two linked assets.
insert into project (id, name, description, lead_partner_id, local_authority, type, stage, rag_status, rag_reason,
                     programmes, homes_target, homes_actual, jobs_target, jobs_actual, capital_receipts_target,
                     running_cost_savings_target, land_released_target_ha, created_at, updated_at)
select md5('bench-project:' || g.i)::uuid,
       'Bench project ' || lpad(g.i::text, 4, '0') || ' ' || d.town,
       'Generated for the benchmark.',
       case when g.i % 4 = 0 then 'kcc' else d.council end,
       c.code,
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
join bench_district d on d.n = g.i % 13
join bench_project_authority c on c.n = d.n;

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
-- Funding for the bench projects: 23 rounds 'Bench ...' beside the nine Kent demo rounds. OPE phases
-- 2016-2025 decided, Phase 11 closed awaiting its decision, Phase 12 open now, Phase 13 planned; LRF
-- 2017-2019 and BLRF 2020-2025 decided, BLRF 2026/27 open now. Open and planned rounds are dated from
-- today so that they really are open (or planned) whenever the seed runs; the rest have fixed dates.
create temp table bench_round (n int primary key, programme varchar(4), name varchar(100), opens_on date,
                               closes_on date, decision_due date, status varchar(10), bids int, max_lines int)
    on commit drop;
insert into bench_round
select n, 'OPE', 'Bench OPE Phase ' || n, make_date(2015 + n, 5, 6), make_date(2015 + n, 6, 28),
       make_date(2015 + n, 9, 26), 'DECIDED', 80, 5
  from generate_series(1, 10) n;
insert into bench_round values
 (11, 'OPE', 'Bench OPE Phase 11', '2026-05-05', '2026-06-26', '2026-12-18', 'CLOSED', 80, 5),
 (12, 'OPE', 'Bench OPE Phase 12', current_date - 45, current_date + 45, current_date + 135, 'OPEN', 80, 5),
 (13, 'OPE', 'Bench OPE Phase 13', current_date + 75, current_date + 135, current_date + 225, 'PLANNED', 20, 5),
 (14, 'LRF', 'Bench LRF 2017/18', '2017-11-06', '2017-12-15', '2018-02-28', 'DECIDED', 100, 3),
 (15, 'LRF', 'Bench LRF 2018/19', '2018-09-03', '2018-10-31', '2019-01-31', 'DECIDED', 100, 3),
 (16, 'LRF', 'Bench LRF 2019/20', '2019-09-02', '2019-10-31', '2020-01-31', 'DECIDED', 100, 3),
 (17, 'BLRF', 'Bench BLRF 2020/21', '2020-12-01', '2021-01-29', '2021-04-30', 'DECIDED', 40, 3),
 (18, 'BLRF', 'Bench BLRF 2021/22', '2021-10-04', '2021-12-10', '2022-03-31', 'DECIDED', 40, 3),
 (19, 'BLRF', 'Bench BLRF 2022/23', '2022-09-05', '2022-11-11', '2023-02-28', 'DECIDED', 40, 3),
 (20, 'BLRF', 'Bench BLRF 2023/24', '2023-09-04', '2023-11-10', '2024-02-29', 'DECIDED', 40, 3),
 (21, 'BLRF', 'Bench BLRF 2024/25', '2024-09-02', '2024-11-08', '2025-02-28', 'DECIDED', 40, 3),
 (22, 'BLRF', 'Bench BLRF 2025/26', '2025-09-01', '2025-11-07', '2026-02-27', 'DECIDED', 40, 3),
 (23, 'BLRF', 'Bench BLRF 2026/27', current_date - 30, current_date + 60, current_date + 150, 'OPEN', 40, 3);

insert into funding_round (id, programme, name, opens_on, closes_on, decision_due, status, created_at, updated_at)
select md5('bench-round:' || n)::uuid, programme, name, opens_on, closes_on, decision_due, status,
       (opens_on - 120)::timestamptz,
       (case status when 'DECIDED' then decision_due when 'CLOSED' then closes_on when 'OPEN' then opens_on
                    else opens_on - 120 end)::timestamptz
  from bench_round;

-- A project bids only to the programmes it is in (project.programmes: 800 OPE, 800 LRF, 400 BLRF bench
-- projects). Ordered by authority so that a bid's lines are mostly one district's projects.
create temp table bench_pool on commit drop as
select x.programme, p.id as project_id, p.lead_partner_id, p.local_authority,
       row_number() over (partition by x.programme order by p.local_authority, p.name)::int - 1 as k,
       count(*) over (partition by x.programme)::int as size
  from project p cross join unnest(p.programmes) as x(programme)
 where p.name like 'Bench project %';

-- Bids: 80 per OPE round (1-5 lines), 100 per LRF and 40 per BLRF round (1-3 lines). Status follows the
-- round: decided rounds hold decided bids (and a few never submitted), the closed round submitted ones,
-- the open rounds a mix, the planned round drafts. One bid in five of a decided round gets nothing.
create temp table bench_bid on commit drop as
select s.*, 1 + floor(s.r_lines * s.max_lines)::int as lines,
       case s.round_status
           when 'DECIDED' then case when s.r_status < 0.01 then 'DRAFT' when s.r_status < 0.03 then 'SIGNED_OFF'
                                    else 'DECIDED' end
           when 'CLOSED' then case when s.r_status < 0.08 then 'SIGNED_OFF' else 'SUBMITTED' end
           when 'OPEN' then case when s.r_status < 0.35 then 'DRAFT' when s.r_status < 0.55 then 'SIGNED_OFF'
                                 else 'SUBMITTED' end
           else 'DRAFT' end as status,
       s.r_outcome < 0.2 as declined,
       -- The day the bid was submitted (or last worked on): within the round's window, never after today.
       s.w0 + floor(s.r_day * (s.w1 - s.w0 + 1))::int as day
  from (select o.*, random() as r_lines, random() as r_status, random() as r_outcome, random() as r_day
          from (select md5('bench-bid:' || r.n || ':' || i)::uuid as id, r.n as round_n, i, r.name as round_name,
                       r.programme, r.status as round_status, r.decision_due, r.max_lines,
                       case when r.status = 'PLANNED' then current_date - 40 else r.opens_on end as w0,
                       case when r.status in ('OPEN', 'PLANNED') then current_date - 1 else r.closes_on end as w1
                  from bench_round r cross join generate_series(1, r.bids) i
                 order by r.n, i) o) s;

-- Lines: consecutive projects of the programme's pool, shifted per round, so no project is twice in a
-- round. OPE asks for £20k-£500k (mostly small), LRF/BLRF for £100k-£3m. Decided lines: 12% (and every
-- line of a declined bid) get nothing, half the rest the full amount, the others 50-95% of it.
create temp table bench_line on commit drop as
select s.id, s.bid_id, s.round_n, s.i, s.j, s.programme, s.project_id, s.lead_partner_id, s.local_authority,
       s.bid_status, s.decided_on, s.requested,
       array(select (case when s.programme = 'OPE'
                          then array['Feasibility study', 'Business case', 'Masterplan', 'Site investigation',
                                     'Project manager', 'Design and cost plan', 'Space utilisation survey',
                                     'Options appraisal', 'Stakeholder engagement', 'Legal and procurement advice']
                          else array['Site investigation', 'Demolition and remediation', 'Remediation',
                                     'Site preparation', 'Access works', 'Utility connections', 'Utility diversions',
                                     'Flood mitigation', 'Ground stabilisation', 'Infrastructure works']
                     end)[1 + (floor(s.r_act * 10)::int + t) % 10]
               from generate_series(0, case when s.programme = 'OPE' then floor(s.r_nact * 4)::int
                                            else floor(s.r_nact * 3)::int end) t
              order by t)::varchar(200)[] as activities,
       case when s.bid_status <> 'DECIDED' then null
            when s.declined or s.r_award < 0.12 then 0
            when s.r_award < 0.6 then s.requested
            else floor(s.requested * (0.5 + 0.45 * s.r_part)::numeric / 500) * 500
       end::numeric(14, 2) as awarded
  from (select o.*,
               case when o.programme = 'OPE' then round((20000 + 480000 * o.r_req ^ 3)::numeric, -2)
                    else round((100000 + 2900000 * o.r_req ^ 3)::numeric, -3) end::numeric(14, 2) as requested
          from (select o.*, random() as r_req, random() as r_award, random() as r_part, random() as r_act,
                       random() as r_nact
                  from (select md5('bench-line:' || b.round_n || ':' || b.i || ':' || b.j)::uuid as id,
                               b.id as bid_id, b.round_n, b.i, b.j, b.programme, b.status as bid_status, b.declined,
                               case when b.status = 'DECIDED' then b.decision_due end as decided_on,
                               pl.project_id, pl.lead_partner_id, pl.local_authority
                          from (select b.*, j, (b.round_n * 137 + (b.i - 1) * b.max_lines + j - 1) % z.size as k
                                  from bench_bid b
                                  cross join generate_series(1, b.lines) j
                                  join (select distinct programme, size from bench_pool) z
                                    on z.programme = b.programme
                                offset 0) b  -- keeps the planner joining the pool on (programme, k)
                          join bench_pool pl on pl.programme = b.programme and pl.k = b.k
                         order by b.round_n, b.i, b.j) o) o) s;

insert into bid (id, round_id, title, status, signed_off_by, signed_off_at, submitted_by, submitted_at, decided_on,
                 created_at, updated_at)
select b.id, md5('bench-round:' || b.round_n)::uuid,
       b.round_name || ': ' || d.town || ' bid ' || lpad(b.i::text, 3, '0'),
       b.status,
       case when b.status <> 'DRAFT' then 'bench-seed' end, t.signed_off_at,
       case when b.status in ('SUBMITTED', 'DECIDED') then 'bench-seed' end,
       case when b.status in ('SUBMITTED', 'DECIDED') then t.submitted_at end,
       case when b.status = 'DECIDED' then b.decision_due end,
       t.created_at,
       case b.status when 'DECIDED' then (b.decision_due + time '09:00') at time zone 'Europe/London'
                     when 'SUBMITTED' then t.submitted_at
                     when 'SIGNED_OFF' then t.signed_off_at
                     else t.created_at end
  from bench_bid b
  join bench_line l on l.bid_id = b.id and l.j = 1
  join bench_project_authority c on c.code = l.local_authority
  join bench_district d on d.n = c.n
  cross join lateral (
      select (b.day + time '10:00' + b.i * interval '1 minute') at time zone 'Europe/London' as submitted_at,
             case when b.status = 'DRAFT' then null
                  when b.status = 'SIGNED_OFF' then (b.day + time '15:00') at time zone 'Europe/London'
                  else (b.day - 2 + time '15:00') at time zone 'Europe/London' end as signed_off_at,
             (b.day - case when b.status = 'DRAFT' then 0 else 23 end + time '09:00') at time zone 'Europe/London'
                 as created_at) t;

insert into bid_line (id, bid_id, project_id, amount_requested, activities, amount_awarded, position)
select id, bid_id, project_id, requested, activities, awarded, j from bench_line;

-- MOUs, so that OPE claims could be approved when they were: every partner leading bench projects signed
-- a ten-year MOU in 2015, ended when its current MOU came (the demo's, or a bench renewal for the
-- partners the demo gives none). Thanet's lapsed in March 2025 without renewal, so its recent claims
-- wait, like Tunbridge Wells' (demo MOU issued, not signed) and Swale's (demo MOU expired June 2026).
create temp table bench_mou_renewal (partner_id varchar(40) primary key, signed_on date) on commit drop;
insert into bench_mou_renewal values ('canterbury', '2024-04-15'), ('folkestone-hythe', '2024-06-03'),
 ('tonbridge-malling', '2023-11-20'), ('medway', '2025-01-13');

insert into mou (id, partner_id, status, issued_on, signed_on, signatory, document_reference, expires_on,
                 created_at, updated_at)
select md5('bench-mou:BENCH-MOU-' || extract(year from r.signed_on) || '-' || r.partner_id)::uuid, r.partner_id,
       'SIGNED', r.signed_on - 28, r.signed_on, 'Head of Property, ' || p.name,
       'BENCH-MOU-' || extract(year from r.signed_on) || '-' || r.partner_id,
       (r.signed_on + interval '5 years' - interval '1 day')::date,
       (r.signed_on - 28)::timestamptz, r.signed_on::timestamptz
  from bench_mou_renewal r join partner p on p.id = r.partner_id
 where not exists (select 1 from mou m where m.partner_id = r.partner_id and m.status in ('DRAFT', 'ISSUED', 'SIGNED'));

insert into mou (id, partner_id, status, issued_on, signed_on, signatory, document_reference, expires_on,
                 terminated_on, termination_reason, created_at, updated_at)
select md5('bench-mou:BENCH-MOU-2015-' || p.id)::uuid, p.id,
       case when e.ended is null then 'SIGNED' else 'TERMINATED' end,
       date '2015-03-02', date '2015-03-30', 'Head of Property, ' || p.name, 'BENCH-MOU-2015-' || p.id,
       date '2025-03-29', e.ended, case when e.ended is not null then 'Replaced by the partner''s current MOU' end,
       timestamptz '2015-03-02 10:00:00+00', coalesce(e.ended, date '2015-03-30')::timestamptz
  from partner p
  cross join lateral (select min(coalesce(m.signed_on, m.issued_on, m.created_at::date)) as ended
                        from mou m where m.partner_id = p.id and m.status in ('DRAFT', 'ISSUED', 'SIGNED')) e
 where p.id in (select distinct lead_partner_id from bench_pool);

-- Awards: one per line awarded money, to the project's lead, as BidService.decide makes them. Each is
-- drawn down over the years after the decision: older awards (nearly) fully, recent ones in part,
-- one in 25 not at all; in one to four OPE claims or one to three LRF/BLRF payments.
create temp table bench_award on commit drop as
select s.*, round(s.awarded * s.share, 2) as drawn,
       -- Days from the decision to the last claim or payment: some awards draw down faster than others.
       floor(least(date '2026-09-30' - s.decided_on, 1460) * (0.6 + 0.4 * s.r_pace))::int as span,
       case when s.share = 0 then 0 when s.programme = 'OPE' then 1 + floor(s.r_k * 4)::int
            else 1 + floor(s.r_k * 3)::int end as k
  from (select o.*,
               case when o.r_none < 0.04 then 0
                    when o.decided_on < date '2021-01-01'
                        then case when o.r_share < 0.65 then 1 else 0.75 + 0.25 * o.r_share2::numeric end
                    when o.decided_on < date '2024-01-01' then 0.4 + 0.6 * o.r_share2::numeric
                    else 0.1 + 0.5 * o.r_share2::numeric end as share
          from (select o.*, random() as r_none, random() as r_share, random() as r_share2, random() as r_k,
                       random() as r_pace
                  from (select md5('bench-award:' || l.id)::uuid as id, row_number() over (order by l.round_n, l.i, l.j) as no,
                               l.id as line_id, l.programme, l.project_id, l.lead_partner_id as recipient, l.awarded,
                               l.decided_on, l.activities
                          from bench_line l
                         where l.awarded > 0
                         order by l.round_n, l.i, l.j) o) o) s;

-- Claims and payments, spread evenly from a month after the decision over up to four years, the last
-- by 30 September 2026. A claim is approved (a week or two after it came in) only if the recipient had an
-- MOU in force that day, as ReleaseService.approve requires; otherwise, or if it came in after
-- 1 August 2026, it is still waiting. One in 25 was rejected.
create temp table bench_release on commit drop as
select s.*,
       case when s.programme <> 'OPE' then null
            when s.day > date '2026-08-01' then 'SUBMITTED'
            when s.r_reject < 0.04 then 'REJECTED'
            when exists (select 1 from mou m
                          where m.partner_id = s.recipient and m.signed_on <= s.decided_day
                            and s.decided_day <= m.expires_on
                            and (m.terminated_on is null or s.decided_day < m.terminated_on)) then 'APPROVED'
            else 'SUBMITTED' end as status
  from (select o.*, o.day + 5 + floor(o.r_days * 10)::int as decided_day
          from (select o.*, random() as r_reject, random() as r_days
                  from (select a.id as award_id, a.no, a.programme, a.recipient, t, a.activities,
                               round(a.drawn * t / a.k, 2) - round(a.drawn * (t - 1) / a.k, 2) as amount,
                               a.decided_on + 30 + floor((a.span - 30) * t / a.k::numeric)::int as day
                          from bench_award a cross join generate_series(1, a.k) t
                         order by a.no, t) o) o) s;

-- released is exactly the sum of the approved claims (OPE) or of the payments (LRF/BLRF).
insert into award (id, bid_line_id, programme, project_id, recipient_partner_id, amount_awarded, released, created_at)
select a.id, a.line_id, a.programme, a.project_id, a.recipient, a.awarded, coalesce(x.released, 0),
       (a.decided_on + time '10:00') at time zone 'Europe/London'
  from bench_award a
  left join (select award_id, sum(amount) as released from bench_release
              where programme <> 'OPE' or status = 'APPROVED' group by award_id) x on x.award_id = a.id;

insert into claim (id, award_id, invoice_reference, amount, activity, description, status, submitted_by,
                   submitted_at, decided_by, decided_at, rejection_reason)
select md5('bench-claim:' || x.award_id || ':' || x.t)::uuid, x.award_id,
       'BENCH-INV-' || lpad(x.no::text, 5, '0') || '-' || x.t, x.amount,
       x.activities[1 + (x.t - 1) % cardinality(x.activities)],
       x.activities[1 + (x.t - 1) % cardinality(x.activities)] || ', instalment ' || x.t, x.status, 'bench-seed',
       (x.day + time '10:00') at time zone 'Europe/London',
       case when x.status <> 'SUBMITTED' then 'bench-seed' end,
       case when x.status <> 'SUBMITTED' then (x.decided_day + time '14:00') at time zone 'Europe/London' end,
       case when x.status = 'REJECTED' then 'Spend does not match the bid activities' end
  from bench_release x
 where x.programme = 'OPE';

insert into payment (id, award_id, amount, paid_on, reference, recorded_by, recorded_at)
select md5('bench-payment:' || x.award_id || ':' || x.t)::uuid, x.award_id, x.amount, x.day,
       'BENCH-' || x.programme || '-PAY-' || lpad(x.no::text, 5, '0') || '-' || x.t, 'bench-seed',
       (x.day + time '14:00') at time zone 'Europe/London'
  from bench_release x
 where x.programme <> 'OPE';

-- What the services keep but no constraint checks; a failed seed rolls back instead of leaving bad data.
do $$
declare
    problem text;
begin
    select coalesce(
        (select 'award ' || a.id || ': released differs from its approved claims or payments' from award a
          where a.released <> coalesce((select sum(c.amount) from claim c where c.award_id = a.id and c.status = 'APPROVED'), 0)
                              + coalesce((select sum(p.amount) from payment p where p.award_id = a.id), 0) limit 1),
        (select 'award ' || a.id || ': not the line''s awarded amount, project, lead or programme'
           from award a join bid_line l on l.id = a.bid_line_id join bid b on b.id = l.bid_id
           join funding_round r on r.id = b.round_id join project p on p.id = a.project_id
          where a.amount_awarded <> l.amount_awarded or a.project_id <> l.project_id
             or a.recipient_partner_id <> p.lead_partner_id or a.programme <> r.programme or b.status <> 'DECIDED' limit 1),
        (select 'claim ' || c.id || ': activity not on the bid line' from claim c join award a on a.id = c.award_id
           join bid_line l on l.id = a.bid_line_id where not c.activity = any (l.activities) limit 1),
        (select 'award ' || a.id || ': claims or payments exceed the award' from award a
          where a.amount_awarded < coalesce((select sum(c.amount) from claim c where c.award_id = a.id and c.status <> 'REJECTED'), 0)
                                   + coalesce((select sum(p.amount) from payment p where p.award_id = a.id), 0) limit 1),
        (select 'claim ' || c.id || ' against an LRF/BLRF award' from claim c
           join award a on a.id = c.award_id where a.programme <> 'OPE' limit 1),
        (select 'payment ' || x.id || ' against an OPE award' from payment x join award a on a.id = x.award_id
          where a.programme = 'OPE' limit 1),
        (select 'bench claim ' || c.id || ' approved without an MOU in force' from claim c
           join award a on a.id = c.award_id
          where c.invoice_reference like 'BENCH-INV-%' and c.status = 'APPROVED'
            and not exists (select 1 from mou m
                             where m.partner_id = a.recipient_partner_id and m.signed_on <= c.decided_at::date
                               and c.decided_at::date <= m.expires_on
                               and (m.terminated_on is null or c.decided_at::date < m.terminated_on)) limit 1))
      into problem;
    if problem is not null then
        raise exception 'bench funding is inconsistent: %', problem;
    end if;
end $$;
commit;
vacuum analyze partner;
vacuum analyze asset;
vacuum analyze asset_status_change;
vacuum analyze project;
vacuum analyze project_partner;
vacuum analyze project_asset;
vacuum analyze project_stage_change;
vacuum analyze funding_round;
vacuum analyze bid;
vacuum analyze bid_line;
vacuum analyze award;
vacuum analyze claim;
vacuum analyze payment;
vacuum analyze mou;
