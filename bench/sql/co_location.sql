-- GET /assets/co-location?distanceM=:distance&limit=20 over the whole register as a partner-editor or viewer
-- (CoLocationFinder.CLUSTERS_SQL with the caller's visibility; :cell is distance x sqrt(2)); then the listed
-- members (CoLocationFinder.MEMBERS), here the first cluster's. The app plans it with jit off (SET LOCAL).
set jit = off;
with candidate as (
  select a.id, a.name, a.owner_partner_id as owner, a.status, a.annual_running_cost as cost,
         a.utilisation_percent as utilisation,
         ST_Transform(ST_SetSRID(ST_MakePoint(a.longitude::float8, a.latitude::float8), 4326), 27700) as bng
    from asset a
   where a.status <> 'DISPOSED' and a.latitude is not null and a.longitude is not null
     and (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller)
), linked as (
  select c.*, ST_ClusterDBSCAN(c.bng, :distance, 1) over () as component from candidate c
), component as (
  -- Splitting a group cannot add partners: a group of too few partners is dropped before it.
  select component, (ST_MinimumBoundingRadius(ST_Collect(bng))).radius as radius
    from linked group by component having count(distinct owner) >= :minpartners
), piece as (
  select l.*, case when k.radius <= :distance then ''
                   else floor(ST_X(l.bng) / :cell)::bigint || ',' || floor(ST_Y(l.bng) / :cell)::bigint end as square
    from linked l join component k using (component)
), cluster as (
  select count(*) as asset_count, count(distinct owner) as partner_count,
         array_agg(distinct owner order by owner) as partner_ids,
         count(*) filter (where status in ('SURPLUS', 'UNDER_UTILISED')) as opportunity_count,
         coalesce(sum(cost), 0) as total_cost, round(avg(utilisation), 2) as mean_utilisation,
         ST_MinimumBoundingRadius(ST_Collect(bng)) as circle,
         ST_Transform(ST_ConvexHull(ST_Collect(bng)), 4326) as hull,
         min(id::text) as key,
         (array_agg(id order by status in ('SURPLUS', 'UNDER_UTILISED') desc, owner, name, id))[1:50] as listed
    from piece group by component, square having count(distinct owner) >= :minpartners
)
-- The total also when the page lies beyond the last cluster (then one row without a cluster).
select t.total, r.*
  from (select count(*)::int as total from cluster) t
  left join lateral (
    select key, asset_count, partner_count, partner_ids, opportunity_count, total_cost, mean_utilisation,
           ST_Y(ST_Transform((circle).center, 4326)) as centre_lat,
           ST_X(ST_Transform((circle).center, 4326)) as centre_lon, (circle).radius as radius_m,
           ST_AsGeoJSON(hull, 6) as hull, listed
      from cluster
     order by opportunity_count desc, total_cost desc, partner_count desc, key
     limit :limit offset :offset) r on true
 order by r.opportunity_count desc, r.total_cost desc, r.partner_count desc, r.key;
select a.id, a.name, a.owner_partner_id, a.asset_type, a.status, a.latitude, a.longitude, a.annual_running_cost,
       a.utilisation_percent from asset a where a.id = any(array(select id from asset order by id limit 50));
