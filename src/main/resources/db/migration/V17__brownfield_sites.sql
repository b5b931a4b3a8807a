-- Brownfield land register sites (issue #15, part 5): one row per site of a council's statutory register,
-- imported from the 2017 data standard or the current planning-data layout (org.estatehub.brownfield).
-- A site belongs to its owner partner (the tenant: only the owner's editors and pmo-admin change it);
-- registers are public, so every partner reads every site. Invariants the file may break are checked here
-- as well as in the importer, so no path can store them.
create table brownfield_site (
    id                      uuid          primary key,
    owner_partner_id        varchar(40)   not null references partner (id),
    -- SiteReference (2017) / reference (planning data): the council's own key, unique within its register;
    -- the import matches by it.
    site_reference          varchar(100)  not null check (length(btrim(site_reference)) > 0),
    previously_part_of      varchar(100),
    -- SiteNameAddress (2017, one text) or name (planning data).
    name                    varchar(1000) not null check (length(btrim(name)) > 0),
    site_address            varchar(1000),
    site_plan_url           varchar(2000),
    local_authority         varchar(9)    not null references local_authority (code),
    -- WGS84, converted from OS National Grid when the file gives easting/northing; both or neither.
    latitude                numeric(9, 6) check (latitude between 49.8 and 60.9),
    longitude               numeric(9, 6) check (longitude between -8.7 and 1.8),
    hectares                numeric(14, 6) check (hectares >= 0),
    ownership_status        varchar(40)   not null check (ownership_status in ('OWNED_BY_PUBLIC_AUTHORITY',
                            'NOT_OWNED_BY_PUBLIC_AUTHORITY', 'MIXED_OWNERSHIP', 'UNKNOWN_OWNERSHIP')),
    deliverable             boolean,
    planning_status         varchar(30)   check (planning_status in ('PERMISSIONED', 'NOT_PERMISSIONED',
                            'PENDING_DECISION')),
    permission_type         varchar(200),
    permission_date         date,
    -- URLs, in the file's order (planning data separates them with '|').
    planning_history        varchar(500)[] not null default '{}',
    proposed_for_pip        boolean,
    min_net_dwellings       integer       check (min_net_dwellings >= 0),
    max_net_dwellings       integer       check (max_net_dwellings >= 0),
    development_description varchar(4000),
    non_housing_development varchar(4000),
    part2                   boolean,
    hazardous_substances    varchar(1000),
    site_information        varchar(4000),
    notes                   varchar(4000),
    first_added_date        date,
    last_updated_date       date,
    end_date                date,
    asset_id                uuid          references asset (id),
    project_id              uuid          references project (id),
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0,
    unique (owner_partner_id, site_reference),
    check ((latitude is null) = (longitude is null)),
    check (min_net_dwellings is null or max_net_dwellings is null or min_net_dwellings <= max_net_dwellings),
    check (end_date is null or first_added_date is null or end_date >= first_added_date)
);

-- GET /brownfield-sites?localAuthority=... pages through an authority in name order.
create index brownfield_site_local_authority_name on brownfield_site (local_authority, name, id);
create index brownfield_site_name on brownfield_site (name, id);
create index brownfield_site_asset on brownfield_site (asset_id) where asset_id is not null;
create index brownfield_site_project on brownfield_site (project_id) where project_id is not null;
