-- Search and district maps page through one district in name order (GET /assets?district=...): this
-- index gives that order without a sort and, with the INCLUDE columns, counts the matching rows
-- (status and visibility filters) from the index alone. Measured with bench/bench.sh (README).
create index asset_district_name on asset (district, name, id) include (status, visibility, owner_partner_id);
