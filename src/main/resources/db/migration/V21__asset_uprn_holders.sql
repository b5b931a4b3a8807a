-- GET /data-quality's shared UPRNs: which partners hold each UPRN, counted from this index alone (status
-- and visibility included, so the non-disposed, visible holders are found without reading the table);
-- the (owner, uprn) unique index cannot answer "who else holds this UPRN". Checked with EXPLAIN ANALYZE on
-- 164,000 assets (README "Data quality").
create index asset_uprn_holders on asset (uprn, owner_partner_id) include (status, visibility) where uprn is not null;
