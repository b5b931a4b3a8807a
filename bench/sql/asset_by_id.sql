-- GET /assets/{id} (Asset.findById). wrk picks ids at random from the bench assets; so does this.
\set i random(1, 100000)
select a1_0.id, a1_0.annual_running_cost, a1_0.asset_type, a1_0.created_at, a1_0.disposal_reason,
       a1_0.disposed_on, a1_0.epims_reference, a1_0.gross_internal_area_m2, a1_0.land_only,
       a1_0.latitude, a1_0.local_authority, a1_0.longitude, a1_0.name, a1_0.own_reference, a1_0.owner_partner_id, a1_0.postcode,
       a1_0.shared_workspace_desks, a1_0.status, a1_0.street, a1_0.tenure, a1_0.town, a1_0.updated_at,
       a1_0.uprn, a1_0.utilisation_percent, a1_0.version, a1_0.visibility
  from asset a1_0 where a1_0.id = md5('bench-asset:' || :i)::uuid;
