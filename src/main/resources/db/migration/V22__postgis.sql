-- PostGIS (issue #16). The extension is not trusted, so scripts/postgres.sh (and the PostGIS image in
-- docker/compose.yaml) create it as the superuser before the service migrates; this states the need.
create extension if not exists postgis;

-- Where an asset is, in PostGIS types, derived from what the register stores so no write path can make
-- them disagree:
--   boundary   the site's outline when one is known (GeoJSON Polygon/MultiPolygon on the API, WGS84);
--   footprint  the boundary, else the point of latitude/longitude: what bbox searches and tiles match
--              (geometry, so a bbox is a lon/lat rectangle exactly, as tiles' envelopes are);
--   footprint_geography  the same as geography, for radius (ST_DWithin) and nearest-first (<->) in metres
--              on the WGS84 spheroid.
-- latitude/longitude stay the point (the CSV formats and the 2.x/3.x contract carry it).
alter table asset
    add column boundary geometry(MultiPolygon, 4326),
    add column footprint geometry(Geometry, 4326) generated always as (
        coalesce(boundary, case when longitude is not null
            then ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326) end)) stored,
    add column footprint_geography geography generated always as (
        coalesce(boundary, case when longitude is not null
            then ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326) end)::geography) stored;

-- The (latitude, longitude) btree served the hand-made bounding box; GiST serves both shapes now.
drop index asset_location;
create index asset_footprint on asset using gist (footprint);
create index asset_footprint_geography on asset using gist (footprint_geography);

alter table brownfield_site
    add column boundary geometry(MultiPolygon, 4326),
    add column footprint geometry(Geometry, 4326) generated always as (
        coalesce(boundary, case when longitude is not null
            then ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326) end)) stored,
    add column footprint_geography geography generated always as (
        coalesce(boundary, case when longitude is not null
            then ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326) end)::geography) stored;

create index brownfield_site_footprint on brownfield_site using gist (footprint);
create index brownfield_site_footprint_geography on brownfield_site using gist (footprint_geography);
