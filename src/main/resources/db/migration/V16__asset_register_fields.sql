-- Published registers (the LGA's "land and building assets" schema) carry fields EstateHub lacked, and
-- many of their rows have no coordinates or no tenure: such an asset is still in the register (issue #15),
-- only not on maps. Contract 3.0.0.
alter table asset alter column latitude drop not null;
alter table asset alter column longitude drop not null;
alter table asset alter column tenure drop not null;
-- Half a location is no location: both coordinates or neither.
alter table asset add constraint asset_location_whole check ((latitude is null) = (longitude is null));

-- TenureDetail, HoldingType, LandArea (hectares), EnergyRating, EffectiveDate.
alter table asset add column occupancy varchar(20)
    check (occupancy in ('OWNER_OCCUPIED', 'LET', 'SUB_LET', 'LICENCE', 'VACANT', 'OTHER'));
alter table asset add column holding varchar(20) check (holding in ('LAND', 'BUILDING', 'LAND_AND_BUILDING'));
alter table asset add column land_area_hectares numeric(12,4) check (land_area_hectares >= 0);
alter table asset add column epc_band varchar(1) check (epc_band in ('A', 'B', 'C', 'D', 'E', 'F', 'G'));
alter table asset add column effective_date date;
-- The coordinate system the owner published the location in (an export writes it back the same way).
alter table asset add column coordinate_system varchar(10)
    check (coordinate_system in ('EPSG:27700', 'EPSG:4326'));
-- Every cell of the imported row that EstateHub has no field for, verbatim, in the file's order:
-- [{"name": header, "value": cell}, ...]. Nothing in a council's file is lost, and its export writes
-- them back.
alter table asset add column source_columns jsonb check (jsonb_typeof(source_columns) = 'array');

-- The LGA schema's OrganisationURI for a partner (e.g. http://opendatacommunities.org/id/district-council/maidstone).
alter table partner add column organisation_uri varchar(300);

-- The set-based import's representation of an asset follows the API's (AuditHistoryTest compares them):
-- no location or tenure when there is none, and the new fields.
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
