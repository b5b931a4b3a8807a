-- Assets name their local authority by ONS GSS code (local_authority, V13) instead of the District enum of
-- Kent's twelve districts and Medway: an asset may sit anywhere in the UK. Contract 2.0.0.
alter table asset add column local_authority varchar(9) references local_authority (code);

-- The enum's values are exactly these thirteen current authorities.
create temp table asset_district_authority (district varchar(30) primary key, code varchar(9) not null);
insert into asset_district_authority values
    ('ASHFORD', 'E07000105'), ('CANTERBURY', 'E07000106'), ('DARTFORD', 'E07000107'), ('DOVER', 'E07000108'),
    ('FOLKESTONE_AND_HYTHE', 'E07000112'), ('GRAVESHAM', 'E07000109'), ('MAIDSTONE', 'E07000110'),
    ('SEVENOAKS', 'E07000111'), ('SWALE', 'E07000113'), ('THANET', 'E07000114'),
    ('TONBRIDGE_AND_MALLING', 'E07000115'), ('TUNBRIDGE_WELLS', 'E07000116'), ('MEDWAY', 'E06000035');

update asset a set local_authority = d.code from asset_district_authority d where d.district = a.district;
alter table asset alter column local_authority set not null;

-- Dropping the column drops its check constraint and the two indexes that lead with it.
alter table asset drop column district;

create index asset_local_authority_status on asset (local_authority, status);
-- The search's main index (V11's asset_district_name, now on the code): GET /assets?localAuthority=...
-- pages through one authority in name order without a sort and counts from the index alone; a county's
-- filter (local_authority = any(its codes)) reads the same index once per code. Checked with EXPLAIN on
-- the bench data (bench/README.md).
create index asset_local_authority_name on asset (local_authority, name, id)
    include (status, visibility, owner_partner_id);

-- The set-based import's representation of an asset follows the API's: localAuthority and its name
-- instead of district (AuditHistoryTest compares the two).
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
        'location', jsonb_build_object('latitude', a.latitude, 'longitude', a.longitude),
        'tenure', a.tenure,
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

-- Stored history reads as 2.0.0 does: an asset's snapshots name the authority by code and name, so an
-- old event and a new one diff field by field (a 1.x "district" beside a 2.0 "localAuthority" would show
-- every asset's authority as changed by the upgrade).
update audit_event e
   set before_doc = case when e.before_doc ? 'district'
                         then (e.before_doc - 'district') || jsonb_build_object('localAuthority', bd.code,
                              'localAuthorityName', bl.name)
                         else e.before_doc end,
       after_doc = case when e.after_doc ? 'district'
                        then (e.after_doc - 'district') || jsonb_build_object('localAuthority', ad.code,
                             'localAuthorityName', al.name)
                        else e.after_doc end
  from audit_event o
  left join asset_district_authority bd on bd.district = o.before_doc ->> 'district'
  left join local_authority bl on bl.code = bd.code
  left join asset_district_authority ad on ad.district = o.after_doc ->> 'district'
  left join local_authority al on al.code = ad.code
 where o.id = e.id and e.entity_type = 'ASSET' and (e.before_doc ? 'district' or e.after_doc ? 'district');

drop table asset_district_authority;
