-- Import speed (issues #15 and #16): every index on asset is paid for by every imported row, so two that
-- overlapped others go (bench/README.md "Import" has the figures and the EXPLAIN checks).

-- asset_owner_uprn (owner, uprn) unique and V21's asset_uprn_holders (uprn, owner) include (status,
-- visibility) held the same two columns in the opposite order. One unique index serves both:
--   - uniqueness of a UPRN within an owner, and AssetService.requireUniqueKeys' count by (owner, uprn):
--     both columns are equalities, so column order does not matter (an index scan either way);
--   - the import's match by (owner, uprn): a hash join of the whole owner, as before;
--   - GET /data-quality's shared UPRNs: index-only by uprn, as V21 made it.
-- Created before the old ones go, so the register is never without its unique key.
create unique index asset_uprn_owner on asset (uprn, owner_partner_id) include (status, visibility)
    where uprn is not null;
drop index asset_uprn_holders;
drop index asset_owner_uprn;

-- (local_authority, status) is answered by asset_local_authority_name (local_authority, name, id) include
-- (status, ...): the same leading column, with status in the index, so counts by authority and status stay
-- index-only scans.
drop index asset_local_authority_status;

-- The import's audit documents (one per imported asset, INSERT ... SELECT) cost about 3.5 s of 100,000
-- rows in calls: a SQL function whose body holds a sub-select (the authority's name) is not inlined, so
-- PostgreSQL starts an executor per row. The document is therefore built by a two-argument function with
-- no sub-select, which the planner inlines into the import's statement (the caller joins local_authority
-- once for the whole set); the one-argument form, which the rest of the schema and AuditHistoryTest call,
-- looks the name up and delegates, so there is one body and both give the same document. The body is V24's (V16's with the boundary).
create or replace function asset_audit_doc(a asset, authority_name varchar) returns jsonb
language sql stable as $$
    select jsonb_strip_nulls(jsonb_build_object(
        'ownerPartnerId', a.owner_partner_id,
        'name', a.name,
        'assetType', a.asset_type,
        'landOnly', a.land_only,
        'address', case when a.street is null and a.town is null and a.postcode is null then null
                   else jsonb_build_object('street', a.street, 'town', a.town, 'postcode', a.postcode) end,
        'localAuthority', a.local_authority,
        'localAuthorityName', authority_name,
        'uprn', a.uprn,
        'ownReference', a.own_reference,
        'epimsReference', a.epims_reference,
        'location', case when a.latitude is null then null
                    else jsonb_build_object('latitude', a.latitude, 'longitude', a.longitude) end,
        'tenure', a.tenure,
        'occupancy', a.occupancy,
        'holding', a.holding,
        'landAreaHectares', a.land_area_hectares,
        'boundary', ST_AsGeoJSON(a.boundary, 7, 0)::jsonb,
        'epcBand', a.epc_band,
        'effectiveDate', a.effective_date,
        'sourceColumns', coalesce(a.source_columns, '[]'::jsonb),
        'grossInternalAreaM2', a.gross_internal_area_m2,
        'annualRunningCost', case when a.annual_running_cost is null then null
                             else jsonb_build_object('amount', a.annual_running_cost::text, 'currency', 'GBP') end,
        'utilisationPercent', a.utilisation_percent,
        'status', a.status,
        'sharedWorkspaceDesks', a.shared_workspace_desks,
        'visibility', a.visibility,
        'disposal', case when a.disposed_on is null then null
                    else jsonb_build_object('disposedOn', a.disposed_on, 'reason', a.disposal_reason) end))
$$;

create or replace function asset_audit_doc(a asset) returns jsonb
language sql stable as $$
    select asset_audit_doc(a, (select la.name from local_authority la where la.code = a.local_authority))
$$;
