-- The opportunity finder's benchmark data (issue #19 item 4): occupations of 1 in 40 of the bench register's
-- buildings (non-disposed, with a floor area), about 2,400 at 100,000 assets and 24,000 at 1,000,000. A
-- quarter are another partner's leases, licences or MOTOs (Maidstone's, the bench user's, 1 in 8 of all), the
-- rest owner-occupied; each takes 20-60% of the floor area and some desks. Ends are spread over ten years from
-- three months ago, so about 12% end within the next 12 months (and 1 in 5 has a break, some within it): a few
-- thousand due occupations at 1,000,000 assets, each with candidates around it in its town. Repeatable: the
-- bench assets' occupations are replaced.
begin;
delete from occupation o using asset a where a.id = o.asset_id and a.own_reference like 'BENCH-%';

insert into occupation (id, asset_id, occupier_partner_id, basis, area_m2, desks, yearly_rent, yearly_service_charge,
                        starts_on, ends_on, break_on, landlord_name)
select md5('bench-occupation:' || b.id)::uuid, b.id, b.occupier, b.basis,
       round(b.gross_internal_area_m2 * (0.2 + 0.4 * b.r_area), 2),
       case when b.n % 3 = 0 then 5 + b.n % 60 end,
       case when b.basis <> 'OWNER_OCCUPIED' then round(b.gross_internal_area_m2 * (0.2 + 0.4 * b.r_area) * (80 + 220 * b.r_rent), 2) end,
       case when b.basis <> 'OWNER_OCCUPIED' then round(b.gross_internal_area_m2 * (0.2 + 0.4 * b.r_area) * (12 + 30 * b.r_rent), 2) end,
       current_date - 1095,
       b.ends_on,
       case when b.n % 5 = 0 and b.ends_on - 200 > current_date - 1095 then b.ends_on - 200 end,
       case when b.basis = 'LEASE' and b.n % 2 = 0 then 'Bench Estates Ltd' end
  from (select a.id, a.gross_internal_area_m2, n,
               case when n % 8 = 0 then 'maidstone' when n % 4 = 1 then
                         (array['kcc', 'kent-police', 'nhs-kent-medway', 'dover', 'sevenoaks'])[1 + n % 5]
                    else a.owner_partner_id end as occupier,
               case when n % 8 = 0 or n % 4 = 1 then (array['LEASE', 'LICENCE', 'MOTO'])[1 + n % 3]
                    else 'OWNER_OCCUPIED' end as basis,
               (current_date - 90 + ((n * 7919) % 3650)::int) as ends_on,
               ((n * 31) % 100) / 100.0 as r_area, ((n * 17) % 100) / 100.0 as r_rent
          from (select a.*, row_number() over (order by a.id) as n
                  from asset a
                 where a.own_reference like 'BENCH-%' and a.status <> 'DISPOSED' and a.gross_internal_area_m2 > 0
                   and abs(hashtext(a.id::text)) % 40 = 0) a) b;
commit;
vacuum analyze occupation;
