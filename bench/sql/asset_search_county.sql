-- GET /assets?localAuthority=E10000016&status=:status&limit=50&offset=100 (Kent County Council: the
-- county's own assets and its twelve districts', AssetSearch's `= any(...)`) as a partner-viewer/editor.
select a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson, cast(null as double precision) as distance_m from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller)
   and a.local_authority = any('{E07000105,E07000106,E07000107,E07000108,E07000109,E07000110,E07000111,E07000112,E07000113,E07000114,E07000115,E07000116,E10000016}'::text[])
   and a.status = :status
 order by a.name asc nulls last, a.id limit 50 offset 100;
select count(*) from asset a
 where (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller)
   and a.local_authority = any('{E07000105,E07000106,E07000107,E07000108,E07000109,E07000110,E07000111,E07000112,E07000113,E07000114,E07000115,E07000116,E10000016}'::text[])
   and a.status = :status;
