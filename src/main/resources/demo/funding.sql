-- Demo funding of the Kent Estates Partnership: OPE, LRF and BLRF rounds, KEP's bids and bid lines,
-- awards, OPE claims released by the PMO, LRF/BLRF payments to project leads, and the partners' MOUs
-- with the accountable body (KCC). Runs after partners.sql, assets.sql and projects.sql.
--
-- From the partnership's reports: £1,319,000 OPE funding over four successful OPE bids (the fourteen
-- OPE-funded lines, the PMO funded in two rounds), £871,000 LRF and £5,485,000 BLRF over ten successful
-- LRF/BLRF bids in four rounds, the March 2023 BLRF2 Round 2 bid for eleven projects requesting
-- £10,874,000 (decision pending), and the Dartford Health and Wellness Facility's £50,000 request
-- (feasibility study in year 1, project manager in year 2) in the OPE Phase 4 bid of 2016.
-- Everything else (the split of each total between lines, round dates, activities, claims, invoices,
-- payments, MOU dates and signatories, and the eleven BLRF2 Round 2 projects, which the report does not
-- name) is invented for demonstration and is not the partnership's own financial data.
--
-- Shaped to show: award.released is exactly the sum of an award's APPROVED claims (OPE) or payments
-- (LRF/BLRF) and never above the award; two SUBMITTED claims waiting for the PMO (Dover and KCC, both
-- with signed, unexpired MOUs and enough balance), one REJECTED claim; MOU exceptions: Ashford's
-- signed MOU expires on 2027-01-15, Swale's expired on 2026-06-30, Tunbridge Wells' is issued but not
-- signed, and NHS Kent and Medway has none (so their awards have nothing released).
--
-- Repeatable: ids are derived from names (rounds: md5('demo-round:' || name); bids: md5('demo-bid:' ||
-- round name) for a round's single KEP bid, md5('demo-bid:' || round name || ':' || project name) where
-- each project had its own bid; lines and awards: md5('demo-line:' / 'demo-award:' || round name || ':'
-- || project name); claims and payments: md5('demo-claim:' / 'demo-payment:' || round name || ':' ||
-- project name || ':' || invoice or payment reference); MOUs: md5('demo-mou:' || partner || ':' ||
-- document reference)), every insert skips rows that exist, and stage history is added only for a
-- project that has none.

-- The eleven projects of the March 2023 BLRF2 Round 2 bid (illustrative names; see the descriptions).
insert into project (id, name, description, lead_partner_id, local_authority, type, stage, rag_status, rag_reason,
                     programmes, homes_target, homes_actual, land_released_target_ha, land_released_actual_ha,
                     other_benefits, created_at, updated_at)
select md5('demo-project:' || v.name)::uuid, v.name,
       'Illustrative name for one of the eleven projects in KEP''s March 2023 BLRF2 Round 2 bid, which the '
           || 'May 2023 report does not name. ' || v.description,
       v.lead, v.local_authority, 'LAND_RELEASE', v.stage, 'GREEN', null, '{BLRF}'::varchar(4)[],
       v.homes_t, 0, v.land_t::numeric(8, 2), 0.00, '{}'::varchar(500)[],
       v.created_at::timestamptz, v.updated_at::timestamptz
from (values
    ('Wincheap Depot',
     'Release of a council depot site in Canterbury for new homes; BLRF money requested for site investigation, demolition and remediation.',
     'canterbury', 'E07000106', 'FEASIBILITY', 70, 1.90, '2022-11-07 10:00:00+00', '2023-06-12 10:00:00+01'),
    ('Newtown Works Yard',
     'Release of a former works yard in Ashford town centre for new homes; BLRF money requested for remediation and utility diversions.',
     'ashford', 'E07000105', 'PIPELINE', 55, 1.40, '2022-11-07 10:15:00+00', '2023-03-24 10:30:00+00'),
    ('Crayford Road Garages',
     'Release of council garage courts in Dartford for affordable homes; BLRF money requested for demolition and site access.',
     'dartford', 'E07000107', 'FEASIBILITY', 36, 0.85, '2022-11-14 10:00:00+00', '2023-05-15 10:00:00+01'),
    ('Milton Creek Wharf',
     'Release of a former wharf site on Milton Creek, Sittingbourne, for homes; BLRF money requested for flood mitigation and remediation.',
     'swale', 'E07000113', 'PIPELINE', 48, 1.30, '2022-11-14 10:15:00+00', '2023-03-24 10:30:00+00'),
    ('Margate Civic Car Park',
     'Release of an underused council car park in Margate for homes; BLRF money requested for demolition and site preparation.',
     'thanet', 'E07000114', 'PIPELINE', 28, 0.45, '2022-11-21 10:00:00+00', '2023-03-24 10:30:00+00'),
    ('Aylesford Former Depot',
     'Release of a former highways and waste depot near Aylesford for homes; BLRF money requested for remediation and access works.',
     'tonbridge-malling', 'E07000115', 'FEASIBILITY', 65, 2.10, '2022-11-21 10:15:00+00', '2023-07-03 10:00:00+01'),
    ('Tonbridge Road Car Park',
     'Release of a surplus council car park on Tonbridge Road, Maidstone, for homes; BLRF money requested for site investigation and demolition.',
     'maidstone', 'E07000110', 'FEASIBILITY', 24, 0.35, '2022-11-28 10:00:00+00', '2023-06-05 10:00:00+01'),
    ('Northfleet Embankment Plot',
     'Release of a brownfield plot on the Northfleet embankment for homes; BLRF money requested for ground stabilisation and utilities.',
     'gravesham', 'E07000109', 'PIPELINE', 40, 0.95, '2022-11-28 10:15:00+00', '2023-03-24 10:30:00+00'),
    ('Dover Western Heights Gateway',
     'Release of council land at the foot of the Western Heights, Dover, for homes; BLRF money requested for site access and remediation.',
     'dover', 'E07000108', 'PIPELINE', 44, 1.20, '2022-12-05 10:00:00+00', '2023-03-24 10:30:00+00'),
    ('Cheriton Depot',
     'Release of a council depot in Cheriton, Folkestone, for homes; BLRF money requested for demolition and remediation.',
     'folkestone-hythe', 'E07000112', 'FEASIBILITY', 26, 0.60, '2022-12-05 10:15:00+00', '2023-05-22 10:00:00+01'),
    ('Edenbridge Station Yard',
     'Release of a former station yard in Edenbridge for homes; BLRF money requested for site investigation and access works.',
     'sevenoaks', 'E07000111', 'PIPELINE', 30, 0.70, '2022-12-12 10:00:00+00', '2023-03-24 10:30:00+00')
) as v(name, description, lead, local_authority, stage, homes_t, land_t, created_at, updated_at)
on conflict do nothing;

insert into project_partner (project_id, partner_id)
select md5('demo-project:' || v.project)::uuid, 'kcc'
from (values ('Wincheap Depot'), ('Newtown Works Yard'), ('Crayford Road Garages'), ('Milton Creek Wharf'),
             ('Margate Civic Car Park'), ('Aylesford Former Depot'), ('Tonbridge Road Car Park'),
             ('Northfleet Embankment Plot'), ('Dover Western Heights Gateway'), ('Cheriton Depot'),
             ('Edenbridge Station Yard')) as v(project)
on conflict do nothing;

insert into project_stage_change (project_id, from_stage, to_stage, changed_at, changed_by, partner_id, note)
select md5('demo-project:' || v.project)::uuid, v.from_stage, v.to_stage, v.changed_at::timestamptz,
       'pmo.admin', 'kcc', v.note
from (values
    ('Wincheap Depot', null, 'PIPELINE', '2022-11-07 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Wincheap Depot', 'PIPELINE', 'FEASIBILITY', '2023-06-12 10:00:00+01', 'Site investigation commissioned by the council'),
    ('Newtown Works Yard', null, 'PIPELINE', '2022-11-07 10:15:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Crayford Road Garages', null, 'PIPELINE', '2022-11-14 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Crayford Road Garages', 'PIPELINE', 'FEASIBILITY', '2023-05-15 10:00:00+01', null),
    ('Milton Creek Wharf', null, 'PIPELINE', '2022-11-14 10:15:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Margate Civic Car Park', null, 'PIPELINE', '2022-11-21 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Aylesford Former Depot', null, 'PIPELINE', '2022-11-21 10:15:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Aylesford Former Depot', 'PIPELINE', 'FEASIBILITY', '2023-07-03 10:00:00+01', null),
    ('Tonbridge Road Car Park', null, 'PIPELINE', '2022-11-28 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Tonbridge Road Car Park', 'PIPELINE', 'FEASIBILITY', '2023-06-05 10:00:00+01', null),
    ('Northfleet Embankment Plot', null, 'PIPELINE', '2022-11-28 10:15:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Dover Western Heights Gateway', null, 'PIPELINE', '2022-12-05 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Cheriton Depot', null, 'PIPELINE', '2022-12-05 10:15:00+00', 'Shortlisted for the BLRF2 Round 2 bid'),
    ('Cheriton Depot', 'PIPELINE', 'FEASIBILITY', '2023-05-22 10:00:00+01', null),
    ('Edenbridge Station Yard', null, 'PIPELINE', '2022-12-12 10:00:00+00', 'Shortlisted for the BLRF2 Round 2 bid')
) as v(project, from_stage, to_stage, changed_at, note)
where not exists (select 1 from project_stage_change c
                  where c.project_id = md5('demo-project:' || v.project)::uuid)
order by v.project, v.changed_at::timestamptz;

-- Rounds: four successful OPE phases, two LRF and two BLRF rounds decided, BLRF2 Round 2 awaiting decision.
insert into funding_round (id, programme, name, opens_on, closes_on, decision_due, status, created_at, updated_at)
select md5('demo-round:' || v.name)::uuid, v.programme, v.name, v.opens_on::date, v.closes_on::date,
       v.decision_due::date, v.status, v.opens_on::timestamptz, coalesce(v.decision_due, v.closes_on)::timestamptz
from (values
    ('OPE', 'OPE Phase 4', '2016-06-01', '2016-07-29', '2016-09-15', 'DECIDED'),
    ('OPE', 'OPE Phase 5', '2017-05-02', '2017-06-30', '2017-09-29', 'DECIDED'),
    ('OPE', 'OPE Phase 6', '2018-05-01', '2018-06-29', '2018-09-28', 'DECIDED'),
    ('OPE', 'OPE Phase 7', '2019-05-01', '2019-06-28', '2019-09-27', 'DECIDED'),
    ('LRF', 'LRF 2017/18', '2017-11-01', '2017-12-15', '2018-02-28', 'DECIDED'),
    ('LRF', 'LRF 2018/19', '2018-09-03', '2018-10-31', '2019-01-31', 'DECIDED'),
    ('BLRF', 'BLRF 2020/21', '2020-12-01', '2021-01-29', '2021-04-30', 'DECIDED'),
    ('BLRF', 'BLRF2 Round 1 (2022)', '2022-01-10', '2022-03-04', '2022-05-27', 'DECIDED'),
    ('BLRF', 'BLRF2 Round 2 (2023)', '2023-01-09', '2023-03-31', '2023-08-31', 'CLOSED')
) as v(programme, name, opens_on, closes_on, decision_due, status)
on conflict do nothing;

-- Bids: one KEP bid per OPE round and for BLRF2 Round 2; one bid per project in the other LRF/BLRF rounds.
-- Signed off by the S.151 officer before submission; decided bids carry the round's decision date.
insert into bid (id, round_id, title, status, signed_off_by, signed_off_at, submitted_by, submitted_at, decided_on,
                 created_at, updated_at)
select md5('demo-bid:' || v.round || coalesce(':' || v.project, ''))::uuid, md5('demo-round:' || v.round)::uuid,
       v.title, v.status, 's151.officer', v.signed_off_at::timestamptz, 'pmo.admin', v.submitted_at::timestamptz,
       v.decided_on::date, (v.signed_off_at::timestamptz - interval '21 days'),
       coalesce(v.decided_on::timestamptz + interval '9 hours', v.submitted_at::timestamptz)
from (values
    ('OPE Phase 4', null, 'Kent Estates Partnership OPE Phase 4 bid (July 2016)', 'DECIDED',
     '2016-07-25 16:00:00+01', '2016-07-27 11:00:00+01', '2016-09-15'),
    ('OPE Phase 5', null, 'Kent Estates Partnership OPE Phase 5 bid (June 2017)', 'DECIDED',
     '2017-06-26 16:00:00+01', '2017-06-28 11:00:00+01', '2017-09-29'),
    ('OPE Phase 6', null, 'Kent Estates Partnership OPE Phase 6 bid (June 2018)', 'DECIDED',
     '2018-06-25 16:00:00+01', '2018-06-27 11:00:00+01', '2018-09-28'),
    ('OPE Phase 7', null, 'Kent Estates Partnership OPE Phase 7 bid (June 2019)', 'DECIDED',
     '2019-06-24 16:00:00+01', '2019-06-26 11:00:00+01', '2019-09-27'),
    ('LRF 2017/18', 'Brunswick Street and Union Street', 'Brunswick Street and Union Street: LRF 2017/18 bid', 'DECIDED',
     '2017-12-11 15:00:00+00', '2017-12-13 10:00:00+00', '2018-02-28'),
    ('LRF 2017/18', 'King Street Car Park', 'King Street Car Park: LRF 2017/18 bid', 'DECIDED',
     '2017-12-11 15:10:00+00', '2017-12-13 10:10:00+00', '2018-02-28'),
    ('LRF 2018/19', 'Heather House and Pavilion', 'Heather House and Pavilion: LRF 2018/19 bid', 'DECIDED',
     '2018-10-26 15:00:00+01', '2018-10-29 10:00:00+00', '2019-01-31'),
    ('LRF 2018/19', 'Biggins Wood', 'Biggins Wood: LRF 2018/19 bid', 'DECIDED',
     '2018-10-26 15:10:00+01', '2018-10-29 10:10:00+00', '2019-01-31'),
    ('BLRF 2020/21', 'Princes Parade', 'Princes Parade: BLRF 2020/21 bid', 'DECIDED',
     '2021-01-25 15:00:00+00', '2021-01-27 10:00:00+00', '2021-04-30'),
    ('BLRF 2020/21', 'Beach Street', 'Beach Street: BLRF 2020/21 bid', 'DECIDED',
     '2021-01-25 15:10:00+00', '2021-01-27 10:10:00+00', '2021-04-30'),
    ('BLRF 2020/21', 'Self-Build Plots 1 and 2', 'Self-Build Plots 1 and 2: BLRF 2020/21 bid', 'DECIDED',
     '2021-01-25 15:20:00+00', '2021-01-27 10:20:00+00', '2021-04-30'),
    ('BLRF2 Round 1 (2022)', 'Highview', 'Highview: BLRF2 Round 1 bid', 'DECIDED',
     '2022-02-28 15:00:00+00', '2022-03-02 10:00:00+00', '2022-05-27'),
    ('BLRF2 Round 1 (2022)', 'Farmstead Drive', 'Farmstead Drive: BLRF2 Round 1 bid', 'DECIDED',
     '2022-02-28 15:10:00+00', '2022-03-02 10:10:00+00', '2022-05-27'),
    ('BLRF2 Round 1 (2022)', 'White Oaks Residential', 'White Oaks Residential: BLRF2 Round 1 bid', 'DECIDED',
     '2022-02-28 15:20:00+00', '2022-03-02 10:20:00+00', '2022-05-27'),
    ('BLRF2 Round 2 (2023)', null, 'Kent Estates Partnership BLRF2 Round 2 bid (March 2023)', 'SUBMITTED',
     '2023-03-22 15:00:00+00', '2023-03-24 10:30:00+00', null)
) as v(round, project, title, status, signed_off_at, submitted_at, decided_on)
on conflict do nothing;

-- Bid lines. bid_project is null where the round has a single KEP bid. Awarded equals requested on every
-- successful line; the BLRF2 Round 2 lines have no decision yet.
insert into bid_line (id, bid_id, project_id, amount_requested, activities, amount_awarded, position)
select md5('demo-line:' || v.round || ':' || v.project)::uuid,
       md5('demo-bid:' || v.round || case when v.own_bid then ':' || v.project else '' end)::uuid,
       md5('demo-project:' || v.project)::uuid, v.requested::numeric(14, 2), v.activities::varchar(200)[],
       v.awarded::numeric(14, 2), v.position
from (values
    -- OPE Phase 4 (2016): £230,000
    ('OPE Phase 4', false, 'Dartford Town Centre', '50000.00', '{"Feasibility study (year 1)","Project manager support (year 2)"}', '50000.00', 1),
    ('OPE Phase 4', false, 'Dover Discovery Centre', '60000.00', '{"Feasibility study","Design and cost plan"}', '60000.00', 2),
    ('OPE Phase 4', false, 'Maidstone Civic Centre', '50000.00', '{"Space utilisation survey","Business case"}', '50000.00', 3),
    ('OPE Phase 4', false, 'KEP Programme Management Office', '70000.00', '{"Programme officer","Programme support costs"}', '70000.00', 4),
    -- OPE Phase 5 (2017): £325,000
    ('OPE Phase 5', false, 'Ebbsfleet Grove Road', '100000.00', '{"Site investigation","Masterplan","Project manager"}', '100000.00', 1),
    ('OPE Phase 5', false, 'Sittingbourne Civic Quarter', '90000.00', '{"Feasibility study","Masterplan"}', '90000.00', 2),
    ('OPE Phase 5', false, 'West Kent Partnership', '75000.00', '{"Accommodation review","Business case"}', '75000.00', 3),
    ('OPE Phase 5', false, 'Paddock Wood Community Hub', '60000.00', '{"Feasibility study","Design development"}', '60000.00', 4),
    -- OPE Phase 6 (2018): £420,000
    ('OPE Phase 6', false, 'West Kent Blue Light Hub', '120000.00', '{"Feasibility study","Site options appraisal"}', '120000.00', 1),
    ('OPE Phase 6', false, 'Ebbsfleet Integration of Healthy Living and Preventative Services', '150000.00', '{"Service model design","Business case","Project manager"}', '150000.00', 2),
    ('OPE Phase 6', false, 'Repton Housing and Health Hub', '80000.00', '{"Feasibility study","Health needs assessment"}', '80000.00', 3),
    ('OPE Phase 6', false, 'KEP Programme Management Office', '70000.00', '{"Programme officer","Programme support costs"}', '70000.00', 4),
    -- OPE Phase 7 (2019): £344,000
    ('OPE Phase 7', false, 'Whitfield Public Sector Office Hub', '110000.00', '{"Partner accommodation requirements","Feasibility study","Viability review"}', '110000.00', 1),
    ('OPE Phase 7', false, 'KEP Shared Workspaces', '94000.00', '{"Workspace fit-out","Desk booking system","Project manager"}', '94000.00', 2),
    ('OPE Phase 7', false, 'OPE Opportunities Development Fund', '140000.00', '{"Feasibility grants to partners","Option studies"}', '140000.00', 3),
    -- LRF: £871,000
    ('LRF 2017/18', true, 'Brunswick Street and Union Street', '350000.00', '{"Site investigation","Demolition and remediation","Site preparation"}', '350000.00', 1),
    ('LRF 2017/18', true, 'King Street Car Park', '221000.00', '{"Demolition and remediation","Site preparation"}', '221000.00', 1),
    ('LRF 2018/19', true, 'Heather House and Pavilion', '150000.00', '{"Site investigation","Demolition and remediation"}', '150000.00', 1),
    ('LRF 2018/19', true, 'Biggins Wood', '150000.00', '{"Site investigation","Remediation","Access works"}', '150000.00', 1),
    -- BLRF: £5,485,000
    ('BLRF 2020/21', true, 'Princes Parade', '1500000.00', '{"Remediation","Infrastructure works"}', '1500000.00', 1),
    ('BLRF 2020/21', true, 'Beach Street', '720000.00', '{"Demolition and remediation","Site works"}', '720000.00', 1),
    ('BLRF 2020/21', true, 'Self-Build Plots 1 and 2', '245000.00', '{"Access works","Utility connections"}', '245000.00', 1),
    ('BLRF2 Round 1 (2022)', true, 'Highview', '1020000.00', '{"Demolition and remediation","Site preparation"}', '1020000.00', 1),
    ('BLRF2 Round 1 (2022)', true, 'Farmstead Drive', '650000.00', '{"Site access","Drainage works"}', '650000.00', 1),
    ('BLRF2 Round 1 (2022)', true, 'White Oaks Residential', '1350000.00', '{"Enabling works","Demolition and remediation"}', '1350000.00', 1),
    -- BLRF2 Round 2 (2023), submitted March 2023, no decision yet: £10,874,000 requested
    ('BLRF2 Round 2 (2023)', false, 'Wincheap Depot', '1450000.00', '{"Site investigation","Demolition and remediation"}', null, 1),
    ('BLRF2 Round 2 (2023)', false, 'Newtown Works Yard', '1200000.00', '{"Remediation","Utility diversions"}', null, 2),
    ('BLRF2 Round 2 (2023)', false, 'Crayford Road Garages', '980000.00', '{"Demolition and remediation","Site access"}', null, 3),
    ('BLRF2 Round 2 (2023)', false, 'Milton Creek Wharf', '1125000.00', '{"Flood mitigation","Remediation"}', null, 4),
    ('BLRF2 Round 2 (2023)', false, 'Margate Civic Car Park', '760000.00', '{"Demolition and remediation","Site preparation"}', null, 5),
    ('BLRF2 Round 2 (2023)', false, 'Aylesford Former Depot', '1310000.00', '{"Remediation","Access works"}', null, 6),
    ('BLRF2 Round 2 (2023)', false, 'Tonbridge Road Car Park', '640000.00', '{"Site investigation","Demolition and remediation"}', null, 7),
    ('BLRF2 Round 2 (2023)', false, 'Northfleet Embankment Plot', '890000.00', '{"Ground stabilisation","Utility connections"}', null, 8),
    ('BLRF2 Round 2 (2023)', false, 'Dover Western Heights Gateway', '1019000.00', '{"Site access","Remediation"}', null, 9),
    ('BLRF2 Round 2 (2023)', false, 'Cheriton Depot', '700000.00', '{"Demolition and remediation","Project manager"}', null, 10),
    ('BLRF2 Round 2 (2023)', false, 'Edenbridge Station Yard', '800000.00', '{"Site investigation","Access works"}', null, 11)
) as v(round, own_bid, project, requested, activities, awarded, position)
on conflict do nothing;

-- Awards: one per successful line, under the round's programme, to the project's lead. released is the
-- sum of the award's APPROVED claims (OPE) or payments (LRF/BLRF) inserted below.
insert into award (id, bid_line_id, programme, project_id, recipient_partner_id, amount_awarded, released, created_at)
select md5('demo-award:' || r.name || ':' || p.name)::uuid, l.id, r.programme, p.id, p.lead_partner_id,
       l.amount_awarded, v.released::numeric(14, 2), b.decided_on::timestamptz + interval '10 hours'
from (values
    ('OPE Phase 4', 'Dartford Town Centre', '45000.00'),
    ('OPE Phase 4', 'Dover Discovery Centre', '60000.00'),
    ('OPE Phase 4', 'Maidstone Civic Centre', '50000.00'),
    ('OPE Phase 4', 'KEP Programme Management Office', '70000.00'),
    ('OPE Phase 5', 'Ebbsfleet Grove Road', '100000.00'),
    ('OPE Phase 5', 'Sittingbourne Civic Quarter', '90000.00'),
    ('OPE Phase 5', 'West Kent Partnership', '75000.00'),
    ('OPE Phase 5', 'Paddock Wood Community Hub', '0.00'),
    ('OPE Phase 6', 'West Kent Blue Light Hub', '48000.00'),
    ('OPE Phase 6', 'Ebbsfleet Integration of Healthy Living and Preventative Services', '0.00'),
    ('OPE Phase 6', 'Repton Housing and Health Hub', '30000.00'),
    ('OPE Phase 6', 'KEP Programme Management Office', '70000.00'),
    ('OPE Phase 7', 'Whitfield Public Sector Office Hub', '70000.00'),
    ('OPE Phase 7', 'KEP Shared Workspaces', '70000.00'),
    ('OPE Phase 7', 'OPE Opportunities Development Fund', '75000.00'),
    ('LRF 2017/18', 'Brunswick Street and Union Street', '350000.00'),
    ('LRF 2017/18', 'King Street Car Park', '190500.00'),
    ('LRF 2018/19', 'Heather House and Pavilion', '150000.00'),
    ('LRF 2018/19', 'Biggins Wood', '100000.00'),
    ('BLRF 2020/21', 'Princes Parade', '1200000.00'),
    ('BLRF 2020/21', 'Beach Street', '720000.00'),
    ('BLRF 2020/21', 'Self-Build Plots 1 and 2', '245000.00'),
    ('BLRF2 Round 1 (2022)', 'Highview', '1020000.00'),
    ('BLRF2 Round 1 (2022)', 'Farmstead Drive', '585000.00'),
    ('BLRF2 Round 1 (2022)', 'White Oaks Residential', '675000.00')
) as v(round, project, released)
join funding_round r on r.name = v.round
join project p on p.id = md5('demo-project:' || v.project)::uuid
join bid_line l on l.id = md5('demo-line:' || v.round || ':' || v.project)::uuid
join bid b on b.id = l.bid_id
where l.amount_awarded > 0
on conflict do nothing;

-- OPE claims against the bid activities, checked and released by the PMO. Two wait for a decision;
-- one was rejected. Paddock Wood (MOU issued, not signed) and the Ebbsfleet healthy living centre (no MOU)
-- have had nothing released.
insert into claim (id, award_id, invoice_reference, amount, activity, description, status, submitted_by,
                   submitted_at, decided_by, decided_at, rejection_reason)
select md5('demo-claim:' || v.round || ':' || v.project || ':' || v.invoice)::uuid,
       md5('demo-award:' || v.round || ':' || v.project)::uuid, v.invoice, v.amount::numeric(14, 2), v.activity,
       v.description, v.status, v.submitted_by, v.submitted_at::timestamptz,
       case when v.decided_at is not null then 'pmo.admin' end, v.decided_at::timestamptz,
       case when v.status = 'REJECTED' then 'Spend does not match the bid activities' end
from (values
    ('OPE Phase 4', 'Dartford Town Centre', 'INV-DBC-2017-011', '25000.00', 'Feasibility study (year 1)',
     'Dartford Health and Wellness Facility feasibility study', 'APPROVED', 'dartford.editor',
     '2017-06-19 11:00:00+01', '2017-06-30 15:00:00+01'),
    ('OPE Phase 4', 'Dartford Town Centre', 'INV-DBC-2018-027', '20000.00', 'Project manager support (year 2)',
     'Project manager, July 2018 to March 2019', 'APPROVED', 'dartford.editor',
     '2019-04-08 10:30:00+01', '2019-04-18 14:00:00+01'),
    ('OPE Phase 4', 'Dover Discovery Centre', 'INV-DDC-2017-004', '35000.00', 'Feasibility study',
     'Feasibility study for co-locating the library, customer services and adult education', 'APPROVED', 'dover.editor',
     '2017-03-13 10:00:00+00', '2017-03-24 16:00:00+00'),
    ('OPE Phase 4', 'Dover Discovery Centre', 'INV-DDC-2017-019', '25000.00', 'Design and cost plan',
     'RIBA stage 2 design and cost plan', 'APPROVED', 'dover.editor',
     '2017-10-09 10:00:00+01', '2017-10-20 12:00:00+01'),
    ('OPE Phase 4', 'Maidstone Civic Centre', 'INV-MBC-2017-002', '20000.00', 'Space utilisation survey',
     'Space utilisation survey of Maidstone House', 'APPROVED', 'maidstone.editor',
     '2017-02-06 09:30:00+00', '2017-02-17 11:00:00+00'),
    ('OPE Phase 4', 'Maidstone Civic Centre', 'INV-MBC-2017-015', '30000.00', 'Business case',
     'Business case for consolidating the civic offices', 'APPROVED', 'maidstone.editor',
     '2017-08-14 10:00:00+01', '2017-08-25 15:30:00+01'),
    ('OPE Phase 4', 'KEP Programme Management Office', 'INV-KCC-2017-031', '35000.00', 'Programme officer',
     'Programme officer, 2017/18', 'APPROVED', 'kcc.editor',
     '2018-04-09 10:00:00+01', '2018-04-13 12:00:00+01'),
    ('OPE Phase 4', 'KEP Programme Management Office', 'INV-KCC-2018-007', '35000.00', 'Programme support costs',
     'Programme support costs, 2017 to 2019', 'APPROVED', 'kcc.editor',
     '2019-04-08 10:00:00+01', '2019-04-12 12:00:00+01'),
    ('OPE Phase 5', 'Ebbsfleet Grove Road', 'INV-GBC-2018-006', '40000.00', 'Site investigation',
     'Ground investigation and topographical survey', 'APPROVED', 'gravesham.editor',
     '2018-03-05 10:00:00+00', '2018-03-16 14:00:00+00'),
    ('OPE Phase 5', 'Ebbsfleet Grove Road', 'INV-GBC-2018-021', '45000.00', 'Masterplan',
     'Grove Road masterplan', 'APPROVED', 'gravesham.editor',
     '2018-11-12 10:00:00+00', '2018-11-23 15:00:00+00'),
    ('OPE Phase 5', 'Ebbsfleet Grove Road', 'INV-GBC-2019-002', '12500.00', 'Project manager',
     'Legal fees for the land disposal', 'REJECTED', 'gravesham.editor',
     '2019-02-04 10:00:00+00', '2019-02-12 11:00:00+00'),
    ('OPE Phase 5', 'Ebbsfleet Grove Road', 'INV-GBC-2019-009', '15000.00', 'Project manager',
     'Project manager, October 2018 to March 2019', 'APPROVED', 'gravesham.editor',
     '2019-04-15 10:00:00+01', '2019-04-26 12:00:00+01'),
    ('OPE Phase 5', 'Sittingbourne Civic Quarter', 'INV-SBC-2018-004', '50000.00', 'Feasibility study',
     'Civic quarter feasibility study', 'APPROVED', 'swale.editor',
     '2018-02-19 10:00:00+00', '2018-03-02 14:00:00+00'),
    ('OPE Phase 5', 'Sittingbourne Civic Quarter', 'INV-SBC-2018-016', '40000.00', 'Masterplan',
     'Civic quarter masterplan', 'APPROVED', 'swale.editor',
     '2018-08-06 10:00:00+01', '2018-08-17 14:00:00+01'),
    ('OPE Phase 5', 'West Kent Partnership', 'INV-SDC-2018-003', '30000.00', 'Accommodation review',
     'Joint West Kent accommodation review', 'APPROVED', 'sevenoaks.editor',
     '2018-01-22 10:00:00+00', '2018-02-02 12:00:00+00'),
    ('OPE Phase 5', 'West Kent Partnership', 'INV-SDC-2018-017', '45000.00', 'Business case',
     'Business case for shared offices and back-office teams', 'APPROVED', 'sevenoaks.editor',
     '2018-05-14 10:00:00+01', '2018-05-25 12:00:00+01'),
    ('OPE Phase 6', 'West Kent Blue Light Hub', 'INV-KP-2019-004', '48000.00', 'Feasibility study',
     'Blue light hub feasibility study (work to withdrawal)', 'APPROVED', 'police.editor',
     '2019-06-10 10:00:00+01', '2019-06-21 12:00:00+01'),
    ('OPE Phase 6', 'Repton Housing and Health Hub', 'INV-ABC-2020-008', '30000.00', 'Health needs assessment',
     'Health needs assessment for Repton Park', 'APPROVED', 'ashford.editor',
     '2020-03-02 10:00:00+00', '2020-03-13 12:00:00+00'),
    ('OPE Phase 6', 'KEP Programme Management Office', 'INV-KCC-2019-012', '35000.00', 'Programme officer',
     'Programme officer, 2019/20', 'APPROVED', 'kcc.editor',
     '2020-04-06 10:00:00+01', '2020-04-09 12:00:00+01'),
    ('OPE Phase 6', 'KEP Programme Management Office', 'INV-KCC-2020-004', '35000.00', 'Programme support costs',
     'Programme officer and support costs, 2020/21', 'APPROVED', 'kcc.editor',
     '2021-04-12 10:00:00+01', '2021-04-16 12:00:00+01'),
    ('OPE Phase 7', 'Whitfield Public Sector Office Hub', 'INV-DDC-2020-003', '25000.00', 'Partner accommodation requirements',
     'Partner accommodation requirements study', 'APPROVED', 'dover.editor',
     '2020-02-10 10:00:00+00', '2020-02-21 12:00:00+00'),
    ('OPE Phase 7', 'Whitfield Public Sector Office Hub', 'INV-DDC-2021-014', '45000.00', 'Feasibility study',
     'Whitfield office hub feasibility study', 'APPROVED', 'dover.editor',
     '2021-09-27 10:00:00+01', '2021-10-08 12:00:00+01'),
    ('OPE Phase 7', 'Whitfield Public Sector Office Hub', 'INV-DDC-2026-021', '18500.00', 'Viability review',
     'Viability review, first instalment', 'SUBMITTED', 'dover.editor',
     '2026-11-16 10:00:00+00', null),
    ('OPE Phase 7', 'KEP Shared Workspaces', 'INV-KCC-2022-018', '40000.00', 'Workspace fit-out',
     'Hot-desk fit-out in partner offices', 'APPROVED', 'kcc.editor',
     '2022-07-11 10:00:00+01', '2022-07-15 12:00:00+01'),
    ('OPE Phase 7', 'KEP Shared Workspaces', 'INV-KCC-2022-026', '30000.00', 'Desk booking system',
     'Desk booking system set-up', 'APPROVED', 'kcc.editor',
     '2022-10-03 10:00:00+01', '2022-10-07 12:00:00+01'),
    ('OPE Phase 7', 'OPE Opportunities Development Fund', 'INV-KCC-2020-009', '40000.00', 'Feasibility grants to partners',
     'First round of feasibility grants', 'APPROVED', 'kcc.editor',
     '2020-03-09 10:00:00+00', '2020-03-13 12:00:00+00'),
    ('OPE Phase 7', 'OPE Opportunities Development Fund', 'INV-KCC-2021-027', '35000.00', 'Option studies',
     'Option studies for emerging opportunities', 'APPROVED', 'kcc.editor',
     '2021-11-08 10:00:00+00', '2021-11-12 12:00:00+00'),
    ('OPE Phase 7', 'OPE Opportunities Development Fund', 'INV-KCC-2026-038', '22000.00', 'Feasibility grants to partners',
     'Feasibility grants to Tonbridge and Malling and Canterbury', 'SUBMITTED', 'kcc.editor',
     '2026-11-23 10:00:00+00', null)
) as v(round, project, invoice, amount, activity, description, status, submitted_by, submitted_at, decided_at)
on conflict do nothing;

-- LRF/BLRF payments, made directly to the project lead.
insert into payment (id, award_id, amount, paid_on, reference, recorded_by, recorded_at)
select md5('demo-payment:' || v.round || ':' || v.project || ':' || v.reference)::uuid,
       md5('demo-award:' || v.round || ':' || v.project)::uuid, v.amount::numeric(14, 2), v.paid_on::date,
       v.reference, 'pmo.admin', v.paid_on::timestamptz + interval '14 hours'
from (values
    ('LRF 2017/18', 'Brunswick Street and Union Street', 'LRF-PAY-0001', '175000.00', '2018-04-20'),
    ('LRF 2017/18', 'Brunswick Street and Union Street', 'LRF-PAY-0004', '175000.00', '2019-04-12'),
    ('LRF 2017/18', 'King Street Car Park', 'LRF-PAY-0002', '110500.00', '2018-04-20'),
    ('LRF 2017/18', 'King Street Car Park', 'LRF-PAY-0008', '80000.00', '2023-11-10'),
    ('LRF 2018/19', 'Heather House and Pavilion', 'LRF-PAY-0003', '75000.00', '2019-04-26'),
    ('LRF 2018/19', 'Heather House and Pavilion', 'LRF-PAY-0006', '75000.00', '2020-10-09'),
    ('LRF 2018/19', 'Biggins Wood', 'LRF-PAY-0005', '60000.00', '2019-04-26'),
    ('LRF 2018/19', 'Biggins Wood', 'LRF-PAY-0007', '40000.00', '2021-09-17'),
    ('BLRF 2020/21', 'Princes Parade', 'BLRF-PAY-0002', '750000.00', '2022-01-28'),
    ('BLRF 2020/21', 'Princes Parade', 'BLRF-PAY-0007', '450000.00', '2023-02-24'),
    ('BLRF 2020/21', 'Beach Street', 'BLRF-PAY-0001', '360000.00', '2022-01-14'),
    ('BLRF 2020/21', 'Beach Street', 'BLRF-PAY-0008', '360000.00', '2023-04-14'),
    ('BLRF 2020/21', 'Self-Build Plots 1 and 2', 'BLRF-PAY-0003', '122500.00', '2022-02-11'),
    ('BLRF 2020/21', 'Self-Build Plots 1 and 2', 'BLRF-PAY-0011', '122500.00', '2023-09-01'),
    ('BLRF2 Round 1 (2022)', 'Highview', 'BLRF-PAY-0004', '510000.00', '2022-07-01'),
    ('BLRF2 Round 1 (2022)', 'Highview', 'BLRF-PAY-0009', '510000.00', '2023-06-30'),
    ('BLRF2 Round 1 (2022)', 'Farmstead Drive', 'BLRF-PAY-0006', '325000.00', '2022-07-15'),
    ('BLRF2 Round 1 (2022)', 'Farmstead Drive', 'BLRF-PAY-0010', '260000.00', '2023-07-14'),
    ('BLRF2 Round 1 (2022)', 'White Oaks Residential', 'BLRF-PAY-0005', '675000.00', '2022-07-08')
) as v(round, project, reference, amount, paid_on)
on conflict do nothing;

-- MOUs with KCC for the partners receiving OPE money. Ashford's signed MOU expires on 2027-01-15; Swale's
-- expired on 2026-06-30 with no replacement; Tunbridge Wells' is issued but not yet signed; NHS Kent and
-- Medway has none.
insert into mou (id, partner_id, status, issued_on, signed_on, signatory, document_reference, expires_on,
                 created_at, updated_at)
select md5('demo-mou:' || v.partner || ':' || v.reference)::uuid, v.partner, v.status, v.issued_on::date,
       v.signed_on::date, v.signatory, v.reference, v.expires_on::date, v.issued_on::timestamptz,
       coalesce(v.signed_on, v.issued_on)::timestamptz
from (values
    ('kcc', 'SIGNED', '2024-01-08', '2024-01-22', 'Director of Infrastructure, Kent County Council', 'KEP-MOU-2024-01', '2029-01-21'),
    ('dover', 'SIGNED', '2019-06-03', '2019-07-08', 'Head of Property, Dover District Council', 'KEP-MOU-2019-07', '2029-07-07'),
    ('maidstone', 'SIGNED', '2024-02-19', '2024-03-11', 'Head of Regeneration and Property, Maidstone Borough Council', 'KEP-MOU-2024-02', '2029-03-10'),
    ('gravesham', 'SIGNED', '2023-04-24', '2023-05-15', 'Assistant Director (Corporate Property), Gravesham Borough Council', 'KEP-MOU-2023-04', '2028-05-14'),
    ('dartford', 'SIGNED', '2022-09-12', '2022-10-03', 'Director of Corporate Services, Dartford Borough Council', 'KEP-MOU-2022-05', '2027-10-02'),
    ('sevenoaks', 'SIGNED', '2023-02-06', '2023-02-20', 'Chief Officer Finance and Trading, Sevenoaks District Council', 'KEP-MOU-2023-02', '2028-02-19'),
    ('kent-police', 'SIGNED', '2022-04-04', '2022-04-25', 'Head of Estates, Kent Police', 'KEP-MOU-2022-03', '2027-04-24'),
    ('ashford', 'SIGNED', '2021-12-13', '2022-01-17', 'Head of Property, Ashford Borough Council', 'KEP-MOU-2022-01', '2027-01-15'),
    ('swale', 'SIGNED', '2021-06-01', '2021-07-01', 'Head of Property, Swale Borough Council', 'KEP-MOU-2021-06', '2026-06-30'),
    ('tunbridge-wells', 'ISSUED', '2026-10-19', null, null, 'KEP-MOU-2026-09', null)
) as v(partner, status, issued_on, signed_on, signatory, reference, expires_on)
on conflict do nothing;
