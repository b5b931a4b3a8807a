-- Demo brownfield land register sites of two Kent councils, Maidstone and Dover, as their registers would
-- list them (runs after projects.sql and funding.sql). Illustrative, not an extract of either council's
-- published register: references, areas, dwellings and dates are invented; the places and coordinates
-- (WGS84) are real. Two sites are linked to the BLRF2 Round 2 bid's projects (Tonbridge Road Car Park,
-- Dover Western Heights Gateway) and one to the register's Union Street car park site asset.
--
-- Repeatable: ids are md5('demo-brownfield:' || owner || ':' || reference), and existing rows are skipped.
insert into brownfield_site (id, owner_partner_id, site_reference, name, site_address, site_plan_url,
                             local_authority, latitude, longitude, hectares, ownership_status, deliverable,
                             planning_status, permission_type, permission_date, planning_history,
                             min_net_dwellings, max_net_dwellings, notes, first_added_date, last_updated_date,
                             asset_id, project_id, created_at, updated_at)
select md5('demo-brownfield:' || v.owner || ':' || v.reference)::uuid, v.owner, v.reference, v.name, v.address,
       v.plan_url, v.authority, v.lat::numeric(9, 6), v.lon::numeric(9, 6), v.hectares::numeric(14, 6), v.ownership,
       v.deliverable::boolean, v.planning, v.permission_type, v.permission_date::date, v.history::varchar(500)[],
       v.min_dw::integer, v.max_dw::integer, v.notes, v.first_added::date, v.last_updated::date,
       case when v.asset_ref is null then null else md5('demo-asset:' || v.owner || ':' || v.asset_ref)::uuid end,
       case when v.project is null then null else md5('demo-project:' || v.project)::uuid end,
       '2023-01-16 09:00:00+00'::timestamptz, '2023-01-16 09:00:00+00'::timestamptz
from (values
    ('maidstone', 'MBC-BLR-0001', 'Tonbridge Road car park', 'Tonbridge Road, Maidstone ME16 8RN',
     'https://maidstone.example.gov.uk/brownfield/MBC-BLR-0001.pdf', 'E07000110', '51.270900', '0.510300', '0.62',
     'OWNED_BY_PUBLIC_AUTHORITY', 'true', 'NOT_PERMISSIONED', null, null, '{}', '35', '48',
     'Surplus council car park; BLRF2 Round 2 bid for site investigation and demolition.', '2017-12-20',
     '2023-01-10', null, 'Tonbridge Road Car Park'),
    ('maidstone', 'MBC-BLR-0002', 'Union Street car park site', 'Union Street, Maidstone ME14 1ED',
     null, 'E07000110', '51.276150', '0.526500', '0.38', 'OWNED_BY_PUBLIC_AUTHORITY', 'true', 'PERMISSIONED',
     'full planning permission', '2021-06-14', '{https://pa.maidstone.example.gov.uk/21/500123/FULL}', '60', '60',
     null, '2017-12-20', '2023-01-10', 'MBC-AS-004', null),
    ('maidstone', 'MBC-BLR-0003', 'Former Springfield Mill', 'Sandling Road, Maidstone ME14 2LP',
     null, 'E07000110', '51.283400', '0.519800', '2.15', 'NOT_OWNED_BY_PUBLIC_AUTHORITY', null, 'PENDING_DECISION',
     'outline planning permission', null, '{}', '120', '160', null, '2018-12-14', '2023-01-10', null, null),
    ('dover', 'DDC-BLR-014', 'Land at the foot of the Western Heights', 'Snargate Street, Dover CT17 9BZ',
     null, 'E07000108', '51.121300', '1.306900', '1.40', 'OWNED_BY_PUBLIC_AUTHORITY', 'true', 'NOT_PERMISSIONED',
     null, null, '{}', '40', '55', 'BLRF2 Round 2 bid for site access and remediation.', '2017-12-19',
     '2022-12-16', null, 'Dover Western Heights Gateway'),
    ('dover', 'DDC-BLR-022', 'Former Buckland Paper Mill (phase 3)', 'London Road, River, Dover CT16 2NB',
     null, 'E07000108', '51.140600', '1.288300', '3.05', 'MIXED_OWNERSHIP', null, 'PERMISSIONED',
     'reserved matters approval', '2019-03-28', '{}', '150', '190', null, '2017-12-19', '2022-12-16', null, null)
) as v(owner, reference, name, address, plan_url, authority, lat, lon, hectares, ownership, deliverable, planning,
       permission_type, permission_date, history, min_dw, max_dw, notes, first_added, last_updated, asset_ref, project)
where exists (select 1 from partner p where p.id = v.owner)
on conflict do nothing;
