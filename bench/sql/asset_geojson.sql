-- GET /assets?localAuthority=:authority&limit=5000 with Accept: application/geo+json (one authority's map).
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, cast(null as double precision) as distance_m from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.local_authority = :authority
   and a.status <> 'DISPOSED'
 order by a.name asc nulls last, a.id limit 5000 offset 0;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.local_authority = :authority
   and a.status <> 'DISPOSED';
