-- GET /assets?{near}&radiusM=1000&limit=50 as a partner-viewer/editor (AssetSearch.search: the page in
-- name order, then the total): a centre drawn from bench_centre (1,000 asset positions, so dense areas
-- are drawn as often as they are dense), as wrk.lua draws {near} from the same list.
\set n random(1, 1000)
select lat, lon from bench_centre where n = :n \gset
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, ST_Distance(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) as distance_m
  from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and ST_DWithin(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, 1000)
 order by a.name asc nulls last, a.id limit 50 offset 0;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and ST_DWithin(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, 1000);
