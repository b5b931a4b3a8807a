-- GET /assets?{near}&sort=distance&limit=20 (the 20 nearest, no radius) as a partner-viewer/editor
-- (AssetSearch.search: the KNN scan for the 20th distance, the page ranked among the assets that near,
-- then the total of every located visible asset).
\set n random(1, 1000)
select lat, lon from bench_centre where n = :n \gset
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, ST_Distance(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) as distance_m
  from asset a,
       (select max(k.d) as d
          from (select a.footprint_geography <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography as d
                  from asset a
                 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
                   and a.footprint_geography is not null
                 order by 1 limit 20) k) edge
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and a.footprint_geography is not null
   and ST_DWithin(a.footprint_geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, edge.d + 0.001, false)
 order by a.footprint_geography <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography asc nulls last, a.id
 limit 20 offset 0;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
   and a.footprint_geography is not null;
