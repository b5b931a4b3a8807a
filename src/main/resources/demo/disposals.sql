-- Demo surplus sites of the Kent Estates Partnership (issue #17): seven disposals in every state, on demo
-- assets of different owners, one of them OWNER_ONLY (Sheerness Police Station: every partner reads the
-- disposal's published fields, never the asset's register fields). Runs after assets.sql and projects.sql.
--
--   Union Street car park site (Maidstone)     OFFERED, first-refusal window open, no interest yet
--   Sheerness Police Station (Kent Police)     OFFERED, OWNER_ONLY asset, interests from Swale and KCC
--   Angel Centre (Tonbridge and Malling)       TRANSFER_AGREED with KCC; the NHS's interest declined
--   Biggins Wood (Folkestone and Hythe)        ON_OPEN_MARKET after the window closed unagreed
--   Former Dover Leisure Centre site (Dover)   SOLD in 2022-23, with homes delivered in 2023-24 and 2024-25
--   Whitfield urban expansion land             TRANSFERRED from KCC to Dover for the Whitfield office hub
--   Maison Dieu (Dover)                        WITHDRAWN
--
-- Illustrative: reasons, prices, receipts, areas, dates and homes are invented for demonstration, not the
-- partners' disposal records. Each window's closing date is 40 working days (England and Wales) after its
-- declaration, as WorkingDays.after computes it.
--
-- The two OFFERED sites are dated from the day the demo is loaded, so that their first-refusal windows are
-- open whenever it is loaded: Union Street declared 9 days before, Sheerness 37 days before (its interests
-- 10 and 17 days after its declaration). The loader (DemoDataLoader) passes the service clock's date as
-- estatehub.demo_today (the database's date when the script is run by hand), and afterwards sets their
-- closing days by WorkingDays.after: 56 days here is 40 working days only when no bank holiday falls in them.
-- The other sites' dates are fixed: they are what happened, and what returns and dashboards count by year.
-- Kent's own figures (77 properties in its disposal pipeline, about 100 vacant) are context in the README,
-- not rows here.
--
-- Repeatable: disposal ids are md5('demo-disposal:' || asset owner || ':' || asset reference), interest ids
-- md5('demo-disposal-interest:' || asset owner || ':' || asset reference || ':' || partner), and every
-- insert skips rows that exist. One statement for disposals and interests: an agreed transfer's disposal
-- and its accepted interest refer to each other (the disposal's reference is checked at commit).
with load_date (today) as (
    select coalesce(nullif(current_setting('estatehub.demo_today', true), '')::date, current_date)
), v0 (asset_owner, ref, owner, status, reason, available_from, offer_types, guide_price, site_area, known_constraints,
        contact_name, contact_email, declared_on, closes_on, receiver, agreed_on, released_on, withdrawn_on,
        withdrawal_reason, completed_on, receipt, hectares, capacity, project) as (values
    ('maidstone', 'MBC-AS-004', 'maidstone', 'OFFERED',
     'Surface car park no longer needed once the Brunswick Street scheme provides replacement spaces; the site is allocated for town-centre homes.',
     '+129', '{FREEHOLD_SALE,LEASEHOLD}', 1450000.00, 0.3100, 'Within the town centre conservation area; public car park until the replacement opens.',
     'Maidstone estates team', 'estates@maidstone.example.gov.uk', '-9', null, null, null, null, null,
     null, null, null, null, null, null),
    ('kent-police', 'KP-0902', 'kent-police', 'OFFERED',
     'Front counter and response teams move to the Sittingbourne hub; the building is surplus to operational need.',
     '+247', '{FREEHOLD_SALE,LEASEHOLD,LICENCE}', null, 0.2400, 'Custody suite to be decommissioned before handover.',
     'Kent Police estates', 'estates@kent-police.example.police.uk', '-37', null, null, null, null, null,
     null, null, null, null, null, null),
    ('tonbridge-malling', 'TMBC-0003', 'tonbridge-malling', 'TRANSFER_AGREED',
     'Leisure services move to the new Tonbridge leisure centre; the building suits a library and adult education hub.',
     '2027-01-04', '{LEASEHOLD}', 900000.00, 0.5800, 'Plant at end of life; asbestos survey on file.',
     'Tonbridge and Malling property services', 'property@tmbc.example.gov.uk', '2026-06-01', '2026-07-27', 'kcc',
     '2026-08-14', null, null, null, null, null, null, null, null),
    ('folkestone-hythe', 'FHDC-0002', 'folkestone-hythe', 'ON_OPEN_MARKET',
     'Former industrial land, remediated with Land Release Fund money; no partner needs it for services.',
     '2026-06-01', '{FREEHOLD_SALE}', 3200000.00, 4.1000, 'Ancient woodland buffer on the northern edge; access from Caesars Way only.',
     'Folkestone and Hythe estates', 'estates@folkestone-hythe.example.gov.uk', '2026-03-02', '2026-04-29', null, null,
     '2026-05-05', null, null, null, null, null, null, null),
    ('dover', 'DDC-0006', 'dover', 'SOLD',
     'Leisure centre closed when Dover District Leisure Centre opened at Whitfield; cleared site for homes.',
     '2022-01-04', '{FREEHOLD_SALE}', 1700000.00, 1.4200, 'Flood zone 2 on the seaward side.',
     'Dover property services', 'property@dover.example.gov.uk', '2021-11-01', '2021-12-29', null, null,
     '2022-01-10', null, null, '2022-09-30', 1850000.00, 1.4200, 120, null),
    ('dover', 'DDC-0002', 'kcc', 'TRANSFERRED',
     'County land at Whitfield no longer needed for highways; Dover needs it for the public sector office hub.',
     '2020-11-02', '{FREEHOLD_SALE}', null, 2.3000, 'Highway improvement line along Sandwich Road.',
     'KCC Infrastructure', 'infrastructure@kent.example.gov.uk', '2020-09-01', '2020-10-27', 'dover',
     '2020-11-20', null, null, null, '2021-03-31', null, 2.3000, 0, 'Whitfield Public Sector Office Hub'),
    ('dover', 'DDC-0005', 'dover', 'WITHDRAWN',
     'Under-used hall considered surplus after the Discovery Centre opened.',
     '2025-09-01', '{LEASEHOLD,LICENCE}', null, 0.1900, 'Grade I listed; scheduled monument below.',
     'Dover property services', 'property@dover.example.gov.uk', '2025-05-06', '2025-07-02', null, null, null,
     '2025-07-01', 'Retained: heritage funding secured to restore the hall for community use.', null, null, null, null,
     null)
), v as (
    -- A date written '-9' or '+129' is that many days from the load date (declared_on) or from the declaration
    -- (available_from); the closing day of a relative declaration is set by the loader (see above).
    select v0.asset_owner, v0.ref, v0.owner, v0.status, v0.reason,
           case when v0.available_from like '+%' then (d.declared_on + v0.available_from::integer)::text
                else v0.available_from end as available_from,
           v0.offer_types, v0.guide_price, v0.site_area, v0.known_constraints, v0.contact_name, v0.contact_email,
           d.declared_on::text as declared_on, coalesce(v0.closes_on, (d.declared_on + 56)::text) as closes_on,
           v0.receiver, v0.agreed_on, v0.released_on, v0.withdrawn_on, v0.withdrawal_reason, v0.completed_on,
           v0.receipt, v0.hectares, v0.capacity, v0.project
      from v0 cross join load_date
      cross join lateral (select case when v0.declared_on like '-%' then load_date.today + v0.declared_on::integer
                                      else v0.declared_on::date end as declared_on) d
), iv0 (asset_owner, ref, partner, status, intended_use, proposal, timing, funding_source, contact_name, contact_email,
       registered_on) as (values
    ('kent-police', 'KP-0902', 'swale', 'REGISTERED', 'CO_LOCATION',
     'Council customer service point sharing the front counter with a police contact desk.',
     'Within a year of transfer', 'Council capital programme', 'Swale property team', 'property@swale.example.gov.uk', '+10'),
    ('kent-police', 'KP-0902', 'kcc', 'SHORTLISTED', 'SERVICE_DELIVERY',
     'Sheerness library and registration services moved from leased premises.',
     'Within 12 months of transfer', 'OPE grant and capital receipts', 'KCC Infrastructure',
     'infrastructure@kent.example.gov.uk', '+17'),
    ('tonbridge-malling', 'TMBC-0003', 'kcc', 'ACCEPTED', 'SERVICE_DELIVERY',
     'Tonbridge library and adult education in one building.', 'Fit-out in 2027', 'KCC capital programme',
     'KCC Infrastructure', 'infrastructure@kent.example.gov.uk', '2026-06-22'),
    ('tonbridge-malling', 'TMBC-0003', 'nhs-kent-medway', 'DECLINED', 'SERVICE_DELIVERY',
     'Community diagnostic centre.', '2028', 'NHS capital', 'ICB estates', 'estates@nhs-kent-medway.example.nhs.uk',
     '2026-07-03'),
    ('dover', 'DDC-0002', 'dover', 'ACCEPTED', 'SERVICE_DELIVERY',
     'The Whitfield public sector office hub.', 'Construction from 2021', 'OPE grant and council capital',
     'Dover property services', 'property@dover.example.gov.uk', '2020-09-15')
), iv as (
    -- A date written '+10' is that many days after the disposal's declaration.
    select iv0.asset_owner, iv0.ref, iv0.partner, iv0.status, iv0.intended_use, iv0.proposal, iv0.timing,
           iv0.funding_source, iv0.contact_name, iv0.contact_email,
           case when iv0.registered_on like '+%' then (v.declared_on::date + iv0.registered_on::integer)::text
                else iv0.registered_on end as registered_on
      from iv0 join v on v.asset_owner = iv0.asset_owner and v.ref = iv0.ref
), disposals as (
    insert into disposal (id, asset_id, owner_partner_id, status, reason, available_from, offer_types, guide_price,
                          site_area_hectares, known_constraints, contact_name, contact_email, declared_on,
                          interest_window_working_days, interest_closes_on, agreed_interest_id, receiving_partner_id,
                          agreed_on, released_on, withdrawn_on, withdrawal_reason, completed_on, capital_receipt,
                          hectares_released, housing_capacity, project_id)
    select md5('demo-disposal:' || v.asset_owner || ':' || v.ref)::uuid,
           md5('demo-asset:' || v.asset_owner || ':' || v.ref)::uuid, v.owner, v.status, v.reason,
           v.available_from::date, v.offer_types::varchar(20)[], v.guide_price::numeric(14, 2),
           v.site_area::numeric(12, 4), v.known_constraints, v.contact_name, v.contact_email, v.declared_on::date, 40,
           v.closes_on::date,
           case when v.receiver is null then null
                else md5('demo-disposal-interest:' || v.asset_owner || ':' || v.ref || ':' || v.receiver)::uuid end,
           v.receiver, v.agreed_on::date, v.released_on::date, v.withdrawn_on::date, v.withdrawal_reason,
           v.completed_on::date, v.receipt::numeric(14, 2), v.hectares::numeric(12, 4), v.capacity::integer,
           case when v.project is null then null else md5('demo-project:' || v.project)::uuid end
      from v
    on conflict do nothing
    returning id
), interests as (
    insert into disposal_interest (id, disposal_id, partner_id, status, intended_use, proposal, timing, funding_source,
                                   contact_name, contact_email, registered_on)
    select md5('demo-disposal-interest:' || iv.asset_owner || ':' || iv.ref || ':' || iv.partner)::uuid,
           md5('demo-disposal:' || iv.asset_owner || ':' || iv.ref)::uuid, iv.partner, iv.status, iv.intended_use,
           iv.proposal, iv.timing, iv.funding_source, iv.contact_name, iv.contact_email, iv.registered_on::date
      from iv
    on conflict do nothing
    returning id
)
select (select count(*) from disposals) disposals, (select count(*) from interests) interests;

-- Homes on the land the Dover sale released: each year's own figures (permission for all 120 homes in
-- 2023-24; starts and completions over two years).
insert into disposal_homes_delivery (disposal_id, financial_year, homes_permitted, homes_started, homes_completed,
                                     recorded_by, recorded_by_partner_id, recorded_at)
select md5('demo-disposal:dover:DDC-0006')::uuid, v.financial_year, v.permitted, v.started, v.completed,
       'demo-data', 'dover', v.recorded_at::timestamptz
from (values
    ('2023-24', 120, 48, 0, '2024-04-19 10:00:00+01'),
    ('2024-25', 0, 52, 61, '2025-04-22 10:00:00+01')
) as v (financial_year, permitted, started, completed, recorded_at)
on conflict do nothing;
