-- The partnership's shared register of public land and property.
create extension if not exists pg_trgm;

create table asset (
    id                     uuid          primary key,
    owner_partner_id       varchar(40)   not null references partner (id),
    name                   varchar(200)  not null check (length(btrim(name)) > 0),
    asset_type             varchar(30)   not null check (asset_type in ('OFFICE', 'DEPOT', 'CLINIC', 'HOSPITAL',
                           'SCHOOL', 'LIBRARY', 'COMMUNITY_CENTRE', 'POLICE_STATION', 'FIRE_STATION',
                           'AMBULANCE_STATION', 'HOUSING', 'LAND', 'CAR_PARK', 'LEISURE', 'EDUCATION', 'OTHER')),
    land_only              boolean       not null,
    street                 varchar(200),
    town                   varchar(100),
    postcode               varchar(8)    check (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
    district               varchar(30)   not null check (district in ('ASHFORD', 'CANTERBURY', 'DARTFORD', 'DOVER',
                           'FOLKESTONE_AND_HYTHE', 'GRAVESHAM', 'MAIDSTONE', 'SEVENOAKS', 'SWALE', 'THANET',
                           'TONBRIDGE_AND_MALLING', 'TUNBRIDGE_WELLS', 'MEDWAY')),
    uprn                   varchar(12)   check (uprn ~ '^[1-9][0-9]{0,11}$'),
    own_reference          varchar(60),
    epims_reference        varchar(30),
    -- WGS84, within the United Kingdom's extent.
    latitude               numeric(9, 6) not null check (latitude between 49.8 and 60.9),
    longitude              numeric(9, 6) not null check (longitude between -8.7 and 1.8),
    tenure                 varchar(20)   not null check (tenure in ('FREEHOLD', 'LEASEHOLD', 'OTHER')),
    gross_internal_area_m2 numeric(12, 2) check (gross_internal_area_m2 >= 0),
    annual_running_cost    numeric(14, 2) check (annual_running_cost >= 0),
    utilisation_percent    numeric(5, 2) check (utilisation_percent between 0 and 100),
    status                 varchar(20)   not null check (status in ('OPERATIONAL', 'UNDER_UTILISED', 'SURPLUS', 'DISPOSED')),
    shared_workspace_desks integer       not null default 0 check (shared_workspace_desks >= 0),
    visibility             varchar(20)   not null check (visibility in ('PARTNERSHIP', 'OWNER_ONLY')),
    disposed_on            date,
    disposal_reason        varchar(1000),
    created_at             timestamptz   not null default now(),
    updated_at             timestamptz   not null default now(),
    version                bigint        not null default 0,
    -- A disposed asset keeps its record, and says when and why it left the estate.
    constraint asset_disposal_recorded check ((status = 'DISPOSED') = (disposed_on is not null)),
    constraint asset_land_has_no_desks check (not land_only or shared_workspace_desks = 0)
);

-- Idempotent CSV import matches rows on (owner, UPRN) or, without a UPRN, on (owner, own reference).
create unique index asset_owner_uprn on asset (owner_partner_id, uprn) where uprn is not null;
create unique index asset_owner_reference on asset (owner_partner_id, own_reference) where own_reference is not null;

create index asset_owner on asset (owner_partner_id, name, id);
create index asset_district_status on asset (district, status);
create index asset_name_order on asset (name, id);
create index asset_location on asset (latitude, longitude);
create index asset_search_text on asset using gin ((name || ' ' || coalesce(street, '') || ' ' || coalesce(town, '')
    || ' ' || coalesce(postcode, '')) gin_trgm_ops);

-- Every change of status, including disposal, is kept: the register's history of each asset.
create table asset_status_change (
    id          bigserial    primary key,
    asset_id    uuid         not null references asset (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    changed_at  timestamptz  not null default now(),
    changed_by  varchar(200) not null,
    partner_id  varchar(40)  not null,
    reason      varchar(1000)
);
create index asset_status_change_asset on asset_status_change (asset_id, id);
