-- GET /assets?localAuthority=:authority&status=:status&limit=50&offset=100 as a partner-viewer/editor
-- (AssetSearch.search: the page, then the total).
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, cast(null as double precision) as distance_m from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.local_authority = :authority and a.status = :status
 order by a.name asc nulls last, a.id limit 50 offset 100;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.local_authority = :authority and a.status = :status;
