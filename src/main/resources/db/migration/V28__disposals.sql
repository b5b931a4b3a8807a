-- Surplus land and disposals (issue #17). A partner declares an asset surplus; the declaration is a disposal
-- opportunity that every partner may read (its published fields, even where the asset is OWNER_ONLY); other
-- partners register expressions of interest during a first-refusal window of working days; the owner agrees a
-- transfer to one of them or, once the window has closed with no agreement, releases the site to the open
-- market; a transfer or sale completes it with what it delivered. The invariants below hold whatever the
-- service does: one live disposal per asset, at most one accepted interest per disposal, the agreed interest
-- is one of the disposal's own, and every status carries the facts that status means.

create table disposal (
    id                          uuid          primary key,
    asset_id                    uuid          not null references asset (id),
    -- The partner that declared it: the asset's owner at the time (a transfer then changes the asset's owner).
    owner_partner_id            varchar(40)   not null references partner (id),
    status                      varchar(20)   not null check (status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET',
                                'TRANSFERRED', 'SOLD', 'WITHDRAWN')),
    reason                      varchar(2000) not null check (length(btrim(reason)) > 0),
    available_from              date          not null,
    offer_types                 varchar(20)[] not null
                                check (cardinality(offer_types) > 0
                                       and offer_types <@ array['FREEHOLD_SALE', 'LEASEHOLD', 'LICENCE']::varchar(20)[]),
    guide_price                 numeric(14, 2) check (guide_price >= 0),
    site_area_hectares          numeric(12, 4) check (site_area_hectares > 0),
    known_constraints           varchar(4000),
    contact_name                varchar(200)  not null check (length(btrim(contact_name)) > 0),
    contact_email               varchar(254)  not null check (contact_email ~ '^[^@\s]+@[^@\s]+$'),
    contact_phone               varchar(40),
    declared_on                 date          not null,
    -- The window's length as it was configured when declared, and its last day: a later change of the
    -- setting never moves an open window.
    interest_window_working_days integer      not null check (interest_window_working_days > 0),
    interest_closes_on          date          not null check (interest_closes_on > declared_on),
    agreed_interest_id          uuid,
    receiving_partner_id        varchar(40)   references partner (id),
    agreed_on                   date,
    released_on                 date,
    withdrawn_on                date,
    withdrawal_reason           varchar(2000),
    completed_on                date,
    capital_receipt             numeric(14, 2) check (capital_receipt >= 0),
    hectares_released           numeric(12, 4) check (hectares_released >= 0),
    housing_capacity            integer       check (housing_capacity >= 0),
    project_id                  uuid          references project (id),
    created_at                  timestamptz   not null default now(),
    updated_at                  timestamptz   not null default now(),
    version                     bigint        not null default 0,
    constraint disposal_not_to_itself check (receiving_partner_id is null or receiving_partner_id <> owner_partner_id),
    -- A transfer is agreed with exactly one partner's interest, and stays recorded once completed.
    constraint disposal_transfer_agreed check ((status in ('TRANSFER_AGREED', 'TRANSFERRED'))
        = (agreed_interest_id is not null and receiving_partner_id is not null and agreed_on is not null)),
    -- The open market only after release; a sale is on the open market.
    constraint disposal_released check ((status in ('ON_OPEN_MARKET', 'SOLD')) = (released_on is not null)),
    constraint disposal_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_on is not null)),
    -- Completion records what the disposal delivered; a sale always has its receipt and the land it released.
    constraint disposal_completed check ((status in ('TRANSFERRED', 'SOLD'))
        = (completed_on is not null and hectares_released is not null)),
    constraint disposal_sale_receipt check (status <> 'SOLD' or capital_receipt is not null),
    constraint disposal_outcomes_on_completion check (status in ('TRANSFERRED', 'SOLD')
        or (capital_receipt is null and hectares_released is null and housing_capacity is null))
);

-- One live disposal per asset (a withdrawn or completed one is history; a withdrawn asset may be declared again).
create unique index disposal_live_asset on disposal (asset_id) where status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET');
create index disposal_owner on disposal (owner_partner_id, declared_on, id);
create index disposal_status on disposal (status, declared_on, id);
create index disposal_project on disposal (project_id) where project_id is not null;

-- An expression of interest: confidential to its author, the disposal's owner, the PMO and board members.
create table disposal_interest (
    id                 uuid          primary key,
    disposal_id        uuid          not null references disposal (id),
    partner_id         varchar(40)   not null references partner (id),
    status             varchar(20)   not null check (status in ('REGISTERED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED',
                       'WITHDRAWN')),
    intended_use       varchar(30)   not null check (intended_use in ('CO_LOCATION', 'SERVICE_DELIVERY', 'HOUSING',
                       'REGENERATION')),
    proposal           varchar(4000),
    timing             varchar(1000) not null check (length(btrim(timing)) > 0),
    funding_source     varchar(1000) not null check (length(btrim(funding_source)) > 0),
    contact_name       varchar(200)  not null check (length(btrim(contact_name)) > 0),
    contact_email      varchar(254)  not null check (contact_email ~ '^[^@\s]+@[^@\s]+$'),
    contact_phone      varchar(40),
    registered_on      date          not null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            bigint        not null default 0,
    -- The target of the disposal's composite key below: the agreed interest is one of the disposal's own,
    -- and the receiving partner is that interest's partner.
    constraint disposal_interest_of_disposal unique (id, disposal_id, partner_id)
);

-- A partner has one live expression of interest per disposal; exactly one can be accepted.
create unique index disposal_interest_live_partner on disposal_interest (disposal_id, partner_id)
    where status in ('REGISTERED', 'SHORTLISTED', 'ACCEPTED');
create unique index disposal_interest_one_accepted on disposal_interest (disposal_id) where status = 'ACCEPTED';
create index disposal_interest_partner on disposal_interest (partner_id, disposal_id);

alter table disposal add constraint disposal_agreed_interest
    foreign key (agreed_interest_id, id, receiving_partner_id) references disposal_interest (id, disposal_id, partner_id)
    deferrable initially deferred;
