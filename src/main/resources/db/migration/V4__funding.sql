-- Funding: programmes, rounds, bids (one line per project), awards, OPE claims, LRF/BLRF payments,
-- MOUs with the accountable body, and idempotency records for retried POSTs.

create table programme (
    code     varchar(4)   primary key,
    name     varchar(100) not null,
    -- OPE money is held by the accountable body and released against claims; LRF/BLRF is paid to the lead.
    paid_via varchar(20)  not null check (paid_via in ('ACCOUNTABLE_BODY', 'PROJECT_LEAD'))
);
insert into programme (code, name, paid_via) values
    ('OPE', 'One Public Estate', 'ACCOUNTABLE_BODY'),
    ('LRF', 'Land Release Fund', 'PROJECT_LEAD'),
    ('BLRF', 'Brownfield Land Release Fund', 'PROJECT_LEAD');

create table funding_round (
    id            uuid         primary key,
    programme     varchar(4)   not null references programme (code),
    name          varchar(100) not null unique check (length(btrim(name)) > 0),
    opens_on      date         not null,
    closes_on     date         not null,
    decision_due  date,
    status        varchar(10)  not null check (status in ('PLANNED', 'OPEN', 'CLOSED', 'DECIDED')),
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    check (closes_on >= opens_on),
    check (decision_due is null or decision_due >= closes_on)
);

create table bid (
    id             uuid         primary key,
    round_id       uuid         not null references funding_round (id),
    title          varchar(200) not null check (length(btrim(title)) > 0),
    status         varchar(12)  not null check (status in ('DRAFT', 'SIGNED_OFF', 'SUBMITTED', 'DECIDED')),
    signed_off_by  varchar(200),
    signed_off_at  timestamptz,
    submitted_by   varchar(200),
    submitted_at   timestamptz,
    decided_on     date,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        bigint       not null default 0,
    -- Each status carries the facts that got it there.
    check (status = 'DRAFT' or (signed_off_by is not null and signed_off_at is not null)),
    check (status not in ('SUBMITTED', 'DECIDED') or submitted_at is not null),
    check ((status = 'DECIDED') = (decided_on is not null))
);
create index bid_round on bid (round_id);

create table bid_line (
    id               uuid          primary key,
    bid_id           uuid          not null references bid (id),
    project_id       uuid          not null references project (id),
    amount_requested numeric(14, 2) not null check (amount_requested > 0),
    activities       varchar(200)[] not null check (cardinality(activities) between 1 and 20),
    amount_awarded   numeric(14, 2) check (amount_awarded >= 0),
    position         integer       not null,
    unique (bid_id, project_id),
    -- Awarded may never exceed requested.
    constraint bid_line_awarded_within_requested check (amount_awarded <= amount_requested)
);
create index bid_line_project on bid_line (project_id);

create table award (
    id                   uuid          primary key,
    bid_line_id          uuid          not null unique references bid_line (id),
    programme            varchar(4)    not null references programme (code),
    project_id           uuid          not null references project (id),
    recipient_partner_id varchar(40)   not null references partner (id),
    amount_awarded       numeric(14, 2) not null check (amount_awarded > 0),
    released             numeric(14, 2) not null default 0,
    created_at           timestamptz   not null default now(),
    version              bigint        not null default 0,
    -- The money invariant: never more released than awarded, whatever the application does.
    constraint award_released_within_awarded check (released >= 0 and released <= amount_awarded)
);
create index award_project on award (project_id);
create index award_recipient on award (recipient_partner_id);

create table claim (
    id                uuid          primary key,
    award_id          uuid          not null references award (id),
    invoice_reference varchar(60)   not null check (length(btrim(invoice_reference)) > 0),
    amount            numeric(14, 2) not null check (amount > 0),
    activity          varchar(200)  not null,
    description       varchar(1000),
    status            varchar(10)   not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    submitted_by      varchar(200)  not null,
    submitted_at      timestamptz   not null default now(),
    decided_by        varchar(200),
    decided_at        timestamptz,
    rejection_reason  varchar(1000),
    version           bigint        not null default 0,
    unique (award_id, invoice_reference),
    check ((status = 'SUBMITTED') = (decided_at is null)),
    check (status <> 'REJECTED' or rejection_reason is not null)
);
create index claim_award on claim (award_id, submitted_at);

create table payment (
    id          uuid          primary key,
    award_id    uuid          not null references award (id),
    amount      numeric(14, 2) not null check (amount > 0),
    paid_on     date          not null,
    reference   varchar(60)   not null check (length(btrim(reference)) > 0),
    recorded_by varchar(200)  not null,
    recorded_at timestamptz   not null default now(),
    unique (award_id, reference)
);
create index payment_award on payment (award_id, paid_on);

create table mou (
    id                 uuid          primary key,
    partner_id         varchar(40)   not null references partner (id),
    status             varchar(10)   not null check (status in ('DRAFT', 'ISSUED', 'SIGNED', 'TERMINATED')),
    issued_on          date,
    signed_on          date,
    signatory          varchar(200),
    document_reference varchar(100),
    expires_on         date,
    terminated_on      date,
    termination_reason varchar(1000),
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            bigint        not null default 0,
    check (status = 'DRAFT' or issued_on is not null),
    check (status <> 'SIGNED' or (signed_on is not null and signatory is not null
                                  and document_reference is not null and expires_on is not null)),
    check (expires_on is null or signed_on is null or expires_on > signed_on),
    check ((status = 'TERMINATED') = (terminated_on is not null))
);
-- A partner has at most one live MOU (draft, issued or signed) at a time; ended ones are history.
create unique index mou_one_live_per_partner on mou (partner_id) where status in ('DRAFT', 'ISSUED', 'SIGNED');

-- A retried POST with the same Idempotency-Key gets the first answer back instead of acting twice.
create table idempotency_record (
    partner_id      varchar(40)  not null,
    idempotency_key varchar(100) not null,
    operation       varchar(60)  not null,
    request_hash    varchar(64)  not null,
    response_status integer,
    response_body   text,
    location        varchar(300),
    created_at      timestamptz  not null default now(),
    primary key (partner_id, idempotency_key)
);
