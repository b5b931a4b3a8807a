-- GET /tiles/assets/{z}/{x}/{y}.mvt as a partner-editor (AssetTiles.sql): the tile of a random bench asset
-- at a random zoom of 8-14, as bench.sh's tile list for wrk is made. Finding the tile from the asset (one
-- primary-key read) is the only work the app does not do.
\set i random(1, 100000)
\set z random(8, 14)
with t as (select cast(:z as int) as z, floor((a.longitude + 180) / 360 * 2 ^ cast(:z as int))::int as x,
                  floor((1 - ln(tan(radians(a.latitude)) + 1 / cos(radians(a.latitude))) / pi()) / 2 * 2 ^ cast(:z as int))::int as y
             from asset a where a.id = md5('bench-asset:' || :i)::uuid),
 bounds as (select ST_TileEnvelope(t.z, t.x, t.y) as tile,
                   ST_Transform(ST_TileEnvelope(t.z, t.x, t.y, margin => 0.015625), 4326) as area from t),
 visible as (select a.id, a.name, a.status, a.asset_type, a.owner_partner_id, a.visibility,
                    a.local_authority, a.utilisation_percent, a.footprint
               from asset a, bounds where a.footprint && bounds.area
                and (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :caller) and a.status <> 'DISPOSED'
              order by a.id limit 10000),
 features as (select cast(v.id as text) as id, v.name, v.status, v.asset_type as type,
                     v.owner_partner_id as "ownerPartnerId", v.visibility, v.local_authority as "localAuthority",
                     cast(v.utilisation_percent as double precision) as "utilisationPercent",
                     ST_AsMVTGeom(ST_Transform(case when cast(:z as int) >= 13 then v.footprint else ST_PointOnSurface(v.footprint) end, 3857),
                                  bounds.tile, 4096, 64, true) as geom
                from visible v, bounds)
select ST_AsMVT(features, 'assets', 4096, 'geom') from features where geom is not null;
