-- Site boundaries (issue #16): an asset's representation carries its boundary, so the set-based import's
-- documents of it (asset_audit_doc, compared with the API's by AuditHistoryTest) do too. GeoJSON as the API
-- writes it: a MultiPolygon, positions to 7 decimals, no bbox or crs member (ST_AsGeoJSON options 0).
create or replace function asset_audit_doc(a asset) returns jsonb
language sql stable as $$
    select jsonb_strip_nulls(jsonb_build_object(
        'ownerPartnerId', a.owner_partner_id,
        'name', a.name,
        'assetType', a.asset_type,
        'landOnly', a.land_only,
        'address', case when a.street is null and a.town is null and a.postcode is null then null
                   else jsonb_build_object('street', a.street, 'town', a.town, 'postcode', a.postcode) end,
        'localAuthority', a.local_authority,
        'localAuthorityName', (select la.name from local_authority la where la.code = a.local_authority),
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
