-- GET /assets?{near}&radiusM=5000&sort=distance&limit=20 (the 20 nearest within 5 km) as a
-- partner-viewer/editor (AssetSearch.search: the page by the KNN order, then the total within 5 km).
\set n random(1, 1000)
select lat, lon from bench_centre where n = :n \gset
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, ST_Distance(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) as distance_m
  from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and ST_DWithin(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, 5000)
 order by a.footprint_geography <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography asc nulls last, a.id
 limit 20 offset 0;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and ST_DWithin(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, 5000);
