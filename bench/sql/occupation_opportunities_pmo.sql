-- GET /occupations/opportunities?withinMonths=12&distanceM=2000&candidates=5&limit=20 as pmo-admin: every
-- occupation, every asset (OpportunityFinder.SQL with visibility `true` and no occupier condition). The app
-- plans it with jit off (SET LOCAL). Variables: today, horizon (today + 12 months), distance, candidates,
-- limit, offset.
set jit = off;
with due as (
  select o.id, o.asset_id, o.occupier_partner_id, o.occupier_name, o.basis, o.area_m2, o.desks,
         o.ends_on, o.break_on, o.yearly_rent, o.yearly_service_charge,
         least(case when o.break_on >= :today then o.break_on end, o.ends_on) as event_on
    from occupation o
   where o.starts_on <= :today and (o.ends_on is null or o.ends_on >= :today)
     and (o.ends_on between :today and :horizon or o.break_on between :today and :horizon)
     
), origin_space as materialized (
  select d.*, oa.name as asset_name, oa.footprint_geography as geo,
         exists (select 1 from asset a where a.id = d.asset_id and true) as readable,
         case when oa.annual_running_cost is null then null when d.area_m2 is not null and oa.gross_internal_area_m2 > 0 then round(least(oa.annual_running_cost * d.area_m2 / oa.gross_internal_area_m2, oa.annual_running_cost), 2) when d.desks is not null and case when ws.n > 0 then ws.desks else oa.shared_workspace_desks end > 0 then round(least(oa.annual_running_cost * d.desks / case when ws.n > 0 then ws.desks else oa.shared_workspace_desks end, oa.annual_running_cost), 2) end as share
    from due d
    join asset oa on oa.id = d.asset_id
    cross join lateral (
      select count(*) as n, coalesce(sum(w.desk_count), 0) as desks
        from workspace w where w.asset_id = oa.id) ws
), origin as (
  -- The running cost of an asset the caller may not read is not the caller's to see, nor to count.
  select s.*, case when s.readable then s.share end as running_share,
         coalesce(s.yearly_rent, 0) + coalesce(s.yearly_service_charge, 0)
           + coalesce(case when s.readable then s.share end, 0) as cost_ending
    from origin_space s
), page as (
  select * from origin o order by o.cost_ending desc, o.event_on, o.id limit :limit offset :offset
), candidate as (
  select o.id as occupation_id, a.id as asset_id, a.name, a.owner_partner_id, a.asset_type, a.status,
         a.latitude, a.longitude, ST_Distance(a.footprint_geography, o.geo) as distance_m,
         case when a.gross_internal_area_m2 is not null then room.free_area end as free_area,
         room.free_desks, room.share, o.cost_ending - coalesce(room.share, 0) as saving
    from page o cross join   asset a
  cross join lateral (
    select coalesce(sum(c.area_m2), 0) as area, coalesce(sum(c.desks), 0) as desks
      from occupation c
     where c.asset_id = a.id and c.starts_on <= :today and (c.ends_on is null or c.ends_on >= :today)) used
  cross join lateral (
    select count(*) as n, coalesce(sum(w.desk_count), 0) as desks,
           coalesce(sum(w.desk_count - w.allocated_desks), 0) as free
      from workspace w where w.asset_id = a.id) ws
  cross join lateral (
    select greatest(a.gross_internal_area_m2 - used.area, 0) as free_area,
           case when ws.n > 0 then ws.free else greatest(a.shared_workspace_desks - used.desks, 0) end as free_desks,
           case when a.annual_running_cost is null then null when o.area_m2 is not null and a.gross_internal_area_m2 > 0 then round(least(a.annual_running_cost * o.area_m2 / a.gross_internal_area_m2, a.annual_running_cost), 2) when o.desks is not null and case when ws.n > 0 then ws.desks else a.shared_workspace_desks end > 0 then round(least(a.annual_running_cost * o.desks / case when ws.n > 0 then ws.desks else a.shared_workspace_desks end, a.annual_running_cost), 2) end as share) room
 where ST_DWithin(a.footprint_geography, o.geo, :distance)
   -- Implied by the room rule below, but cheap to test on the index scan's rows before the sums.
   and (o.area_m2 is null or a.gross_internal_area_m2 >= o.area_m2)
   and a.id <> o.asset_id and a.status <> 'DISPOSED' and true
   and (o.area_m2 is null or room.free_area >= o.area_m2)
   and (o.desks is null or room.free_desks >= o.desks)
   and o.cost_ending - coalesce(room.share, 0) > 0

), ranked as (
  select c.*, count(*) over (partition by c.occupation_id) as candidate_count,
         row_number() over (partition by c.occupation_id order by c.saving desc, c.distance_m, c.asset_id) as n
    from candidate c
)
-- The total also when the page lies beyond the last occupation (then one row without one).
select t.total, p.id, p.asset_id as origin_asset_id, case when p.readable then p.asset_name end as origin_name,
       p.occupier_partner_id, p.occupier_name, p.basis, p.area_m2, p.desks, p.ends_on, p.break_on, p.event_on,
       p.yearly_rent, p.yearly_service_charge, p.running_share, p.cost_ending,
       r.candidate_count, r.asset_id, r.name, r.owner_partner_id, r.asset_type, r.status, r.latitude,
       r.longitude, r.distance_m, r.free_area, r.free_desks, r.share as candidate_share, r.saving
  from (select count(*) as total from origin) t
  left join page p on true
  left join ranked r on r.occupation_id = p.id and r.n <= :candidates
 order by p.cost_ending desc, p.event_on, p.id, r.n;
