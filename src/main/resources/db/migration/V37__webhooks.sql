-- Webhooks (issue #20): subscriptions of partners to the change feed, and the durable delivery queue.

create table webhook_subscription (
    id                         uuid          primary key,
    partner_id                 varchar(40)   not null references partner (id),
    url                        varchar(2000) not null,
    description                varchar(500),
    event_types                text[]        not null check (cardinality(event_types) > 0),
    status                     varchar(10)   not null check (status in ('ACTIVE', 'PAUSED', 'DISABLED')),
    disabled_reason            text,
    -- Signing keys, base64 (the whsec_ prefix is added when shown). A rotation keeps the previous key
    -- signing beside the new one until previous_secret_expires_at.
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    -- The change feed's cursor (FeedCursor's opaque text) up to which events have been enqueued.
    feed_cursor                varchar(100),
    -- Bumped by each replay, so events delivered before are enqueued again rather than seen as duplicates.
    replay_generation          integer       not null default 0,
    created_by                 varchar(200)  not null,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null default 0,
    check ((status = 'DISABLED') = (disabled_reason is not null)),
    check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhook_subscription_partner on webhook_subscription (partner_id, created_at, id);

-- One row per (subscription, event, replay generation): at least once, and never enqueued twice.
create table webhook_delivery (
    id               bigint        generated always as identity primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         bigint        not null,
    -- The event's feed position: deliveries of one record go out in (event_txid, event_id) order.
    event_txid       xid8          not null,
    event_type       varchar(40)   not null,
    entity_type      varchar(40)   not null,
    entity_id        varchar(100)  not null,
    replay_generation integer      not null,
    -- The signed body, fixed when enqueued so that every attempt sends the same bytes.
    payload          text          not null,
    status           varchar(10)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       not null default 0,
    created_at       timestamptz   not null,
    -- Retries stop once retry_until has passed (the first attempt's time plus estatehub.webhooks.retry-for).
    retry_until      timestamptz,
    next_attempt_at  timestamptz   not null,
    -- A worker's claim: while lease_until is in the future no other worker (on any replica) sends it.
    lease_until      timestamptz,
    leased_by        varchar(100),
    delivered_at     timestamptz,
    last_status_code integer,
    last_error       text,
    last_latency_ms  integer,
    unique (subscription_id, event_id, replay_generation)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_record on webhook_delivery (subscription_id, entity_type, entity_id, event_txid, event_id)
    where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, id desc);

-- Every attempt, as made: which instance sent it and what came back (two replicas never send one attempt twice).
create table webhook_attempt (
    id           bigint       generated always as identity primary key,
    delivery_id  bigint       not null references webhook_delivery (id) on delete cascade,
    attempt      integer      not null,
    instance     varchar(100) not null,
    started_at   timestamptz  not null,
    status_code  integer,
    error        text,
    latency_ms   integer      not null,
    unique (delivery_id, attempt)
);
