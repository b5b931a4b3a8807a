-- Occupations and shared workspaces (issue #19, items 1 and 2).
--
-- An occupation is who occupies (part of) an asset, on what basis and terms. It has no stored status: it is
-- current from starts_on until ends_on (inclusive; open-ended without one), so "ended" can never go stale.
-- The end, break and rent-review dates are indexed for the lease-event lists and the opportunity finder
-- built on this table later (#19 items 3 and 4), which look for dates coming within N months.

create table occupation (
    id                     uuid           primary key,
    asset_id               uuid           not null references asset (id),
    -- Exactly one occupier: a partner of the partnership, or an outside body by name.
    occupier_partner_id    varchar(40)    references partner (id),
    occupier_name          varchar(200)   check (length(btrim(occupier_name)) > 0),
    basis                  varchar(20)    not null check (basis in ('OWNER_OCCUPIED', 'LEASE', 'LICENCE', 'MOTO', 'SUB_LET')),
    area_m2                numeric(12, 2) check (area_m2 > 0),
    desks                  integer        check (desks > 0),
    -- Per year, exact pounds and pence.
    yearly_rent            numeric(14, 2) check (yearly_rent >= 0),
    yearly_service_charge  numeric(14, 2) check (yearly_service_charge >= 0),
    starts_on              date           not null,
    ends_on                date,
    break_on               date,
    rent_review_on         date,
    -- The landlord when it is outside the partnership (a partner landlord is the asset's owner).
    landlord_name          varchar(200)   check (length(btrim(landlord_name)) > 0),
    created_at             timestamptz    not null default now(),
    updated_at             timestamptz    not null default now(),
    version                bigint         not null default 0,
    constraint occupation_one_occupier check ((occupier_partner_id is null) <> (occupier_name is null)),
    constraint occupation_space check (area_m2 is not null or desks is not null),
    constraint occupation_term check (ends_on is null or ends_on >= starts_on),
    constraint occupation_break_in_term check (break_on is null
        or (break_on >= starts_on and (ends_on is null or break_on <= ends_on))),
    constraint occupation_review_in_term check (rent_review_on is null
        or (rent_review_on >= starts_on and (ends_on is null or rent_review_on <= ends_on)))
);

create index occupation_asset on occupation (asset_id, starts_on, id);
create index occupation_occupier on occupation (occupier_partner_id) where occupier_partner_id is not null;
create index occupation_ends_on on occupation (ends_on) where ends_on is not null;
create index occupation_break_on on occupation (break_on) where break_on is not null;
create index occupation_rent_review_on on occupation (rent_review_on) where rent_review_on is not null;

-- A shared workspace in an asset: hot desks in zones. desk_count and allocated_desks are kept by the
-- triggers below from the desks and the allocations, so "allocated <= desks" is a row check that holds
-- under concurrent allocation changes (each change updates, and so locks, the workspace row).
create table workspace (
    id               uuid          primary key,
    asset_id         uuid          not null references asset (id),
    name             varchar(200)  not null check (length(btrim(name)) > 0),
    desk_count       integer       not null default 0 check (desk_count >= 0),
    allocated_desks  integer       not null default 0 check (allocated_desks >= 0),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    version          bigint        not null default 0,
    constraint workspace_allocation_within_desks check (allocated_desks <= desk_count),
    unique (asset_id, name)
);

create table workspace_zone (
    id            uuid          primary key,
    workspace_id  uuid          not null references workspace (id),
    name          varchar(100)  not null check (length(btrim(name)) > 0),
    unique (workspace_id, name)
);

create table workspace_desk (
    id            uuid          primary key,
    workspace_id  uuid          not null references workspace (id),
    zone_id       uuid          not null references workspace_zone (id),
    label         varchar(100)  not null check (length(btrim(label)) > 0),
    unique (workspace_id, label)
);
create index workspace_desk_zone on workspace_desk (zone_id, label);

create table workspace_allocation (
    workspace_id  uuid         not null references workspace (id),
    partner_id    varchar(40)  not null references partner (id),
    desks         integer      not null check (desks >= 0),
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    primary key (workspace_id, partner_id)
);

create function workspace_desk_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update workspace set desk_count = desk_count + 1 where id = new.workspace_id;
    else
        update workspace set desk_count = desk_count - 1 where id = old.workspace_id;
    end if;
    return null;
end $$;
create trigger workspace_desk_counted after insert or delete on workspace_desk
    for each row execute function workspace_desk_count();

create function workspace_allocated_desks() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update workspace set allocated_desks = allocated_desks - old.desks where id = old.workspace_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update workspace set allocated_desks = allocated_desks + new.desks where id = new.workspace_id;
    end if;
    return null;
end $$;
create trigger workspace_allocation_counted after insert or update or delete on workspace_allocation
    for each row execute function workspace_allocated_desks();

-- A booking of a desk for a day or a half day, by a partner's staff member as themselves. A booking of a
-- zone is a booking of a desk of that zone which the service picks (zone_id says what was asked for).
create table desk_booking (
    id            uuid          primary key,
    workspace_id  uuid          not null references workspace (id),
    desk_id       uuid          not null references workspace_desk (id),
    zone_id       uuid          references workspace_zone (id),
    partner_id    varchar(40)   not null references partner (id),
    username      varchar(200)  not null check (length(btrim(username)) > 0),
    booked_on     date          not null,
    slot          varchar(3)    not null check (slot in ('DAY', 'AM', 'PM')),
    status        varchar(10)   not null check (status in ('BOOKED', 'CANCELLED')),
    cancelled_at  timestamptz,
    cancelled_by  varchar(200),
    cancellation_reason varchar(500),
    created_at    timestamptz   not null default now(),
    version       bigint        not null default 0,
    constraint desk_booking_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null and cancelled_by is not null)),
    constraint desk_booking_reason_when_cancelled check (cancellation_reason is null or status = 'CANCELLED')
);

-- No double booking: a live booking holds the morning (DAY or AM) and/or the afternoon (DAY or PM) of its
-- desk and day, and each half is unique. So DAY conflicts with DAY, AM and PM; AM and PM do not conflict.
create unique index desk_booking_morning on desk_booking (desk_id, booked_on)
    where status = 'BOOKED' and slot in ('DAY', 'AM');
create unique index desk_booking_afternoon on desk_booking (desk_id, booked_on)
    where status = 'BOOKED' and slot in ('DAY', 'PM');
-- A partner's live bookings of a day (the allocation check) and a workspace's use by period.
create index desk_booking_partner_day on desk_booking (workspace_id, partner_id, booked_on) where status = 'BOOKED';
create index desk_booking_day on desk_booking (workspace_id, booked_on);
