-- Public bodies of the partnership. Each partner is a tenant; ids are stable lower-case slugs
-- because they travel in every access token (claim partner_id).
create table partner (
    id               varchar(40)  primary key
                     check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(id) >= 2),
    name             varchar(200) not null check (length(btrim(name)) > 0),
    short_name       varchar(60),
    type             varchar(30)  not null check (type in ('COUNTY_COUNCIL', 'DISTRICT_COUNCIL', 'UNITARY_COUNCIL', 'POLICE',
                     'FIRE_AND_RESCUE', 'NHS', 'AMBULANCE', 'UNIVERSITY', 'ASSOCIATION', 'OTHER')),
    district         varchar(30)  check (district in ('ASHFORD', 'CANTERBURY', 'DARTFORD', 'DOVER',
                     'FOLKESTONE_AND_HYTHE', 'GRAVESHAM', 'MAIDSTONE', 'SEVENOAKS', 'SWALE', 'THANET',
                     'TONBRIDGE_AND_MALLING', 'TUNBRIDGE_WELLS', 'MEDWAY')),
    accountable_body boolean      not null default false,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    version          bigint       not null default 0
);

-- A partnership has exactly one accountable body (it holds OPE money and runs the PMO).
create unique index partner_one_accountable_body on partner (accountable_body) where accountable_body;

create index partner_type on partner (type, id);
