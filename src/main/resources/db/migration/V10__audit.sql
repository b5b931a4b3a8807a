-- Audit history and change feed: one row per change to a record, written by the service in the same
-- transaction as the change (a rolled-back change leaves no event). Rows are only ever added.
create table audit_event (
    id               bigserial    primary key,
    -- The writing transaction's id. The feed orders by (txid, id) and only serves events whose
    -- transaction is older than every transaction still running (pg_snapshot_xmin), so an event can
    -- never commit behind a cursor already handed out (see org.estatehub.common.audit.ChangeFeed).
    txid             xid8         not null default pg_current_xact_id(),
    occurred_at      timestamptz  not null default now(),
    entity_type      varchar(40)  not null,
    entity_id        varchar(64)  not null,
    action           varchar(40)  not null,
    actor_username   varchar(200) not null,
    actor_partner_id varchar(40),
    -- The partner the record belongs to (asset owner, project lead, milestone owner, the partner itself).
    partner_id       varchar(40),
    -- Whose read rules apply, evaluated at read time against the record's current state: ('ASSET', id),
    -- ('PROJECT', id) for a project and its stage changes and milestones, ('PARTNER', id).
    scope_type       varchar(40)  not null,
    scope_id         varchar(64)  not null,
    note             varchar(1000),
    -- The record's API representation before (null for a creation) and after the change. The
    -- field-level difference is worked out when read (audit_diff, a page at a time), which keeps writing
    -- cheap: a 100,000-row CSV import stores its documents in one set-based statement.
    before_doc       jsonb,
    after_doc        jsonb        not null
);
create index audit_event_feed on audit_event (txid, id);
create index audit_event_scope on audit_event (scope_type, scope_id, id);

-- A JSON document as (path, value) leaves: nested objects become dotted paths (`address.postcode`);
-- arrays and scalars are leaves; JSON nulls count as absent.
create function audit_leaves(doc jsonb) returns table (path text, value jsonb)
language sql immutable as $$
    with recursive leaf(path, value) as (
        select e.key, e.value from jsonb_each(case when jsonb_typeof(doc) = 'object' then doc else '{}' end) e
        union all
        select leaf.path || '.' || e.key, e.value
          from leaf, jsonb_each(leaf.value) e
         where jsonb_typeof(leaf.value) = 'object'
    )
    select path, value from leaf where jsonb_typeof(value) not in ('object', 'null')
$$;

-- Field-level difference of two representations: {"path": {"from": before, "to": after}} for every
-- leaf that differs; `from` or `to` is left out when that side has no value. The one definition of a
-- diff, for every event however it was written.
create function audit_diff(before jsonb, after jsonb) returns jsonb
language sql immutable as $$
    select coalesce(jsonb_object_agg(coalesce(b.path, a.path),
               jsonb_strip_nulls(jsonb_build_object('from', b.value, 'to', a.value))), '{}'::jsonb)
      from audit_leaves(before) b
      full join audit_leaves(after) a on a.path = b.path
     where b.value is distinct from a.value
$$;

-- An asset's API representation (GET /assets/{id} without id, version and timestamps), for the
-- set-based CSV import, which changes rows without loading them into Java. AuditHistoryTest checks it
-- against the service's own representation so the two cannot drift apart unnoticed.
create function asset_audit_doc(a asset) returns jsonb
language sql stable as $$
    select jsonb_strip_nulls(jsonb_build_object(
        'ownerPartnerId', a.owner_partner_id,
        'name', a.name,
        'assetType', a.asset_type,
        'landOnly', a.land_only,
        'address', case when a.street is null and a.town is null and a.postcode is null then null
                   else jsonb_build_object('street', a.street, 'town', a.town, 'postcode', a.postcode) end,
        'district', a.district,
        'uprn', a.uprn,
        'ownReference', a.own_reference,
        'epimsReference', a.epims_reference,
        'location', jsonb_build_object('latitude', a.latitude, 'longitude', a.longitude),
        'tenure', a.tenure,
        'grossInternalAreaM2', a.gross_internal_area_m2,
        'annualRunningCost', case when a.annual_running_cost is null then null
                             else jsonb_build_object('amount', a.annual_running_cost::text, 'currency', 'GBP') end,
        'utilisationPercent', a.utilisation_percent,
        'status', a.status,
        'sharedWorkspaceDesks', a.shared_workspace_desks,
        'visibility', a.visibility,
        'disposal', case when a.disposed_on is null then null
                    else jsonb_build_object('disposedOn', a.disposed_on, 'reason', a.disposal_reason) end))
$$;
