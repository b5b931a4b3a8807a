-- Collaborative projects: lead and participating partners, linked assets, stage, RAG, milestones and
-- the OPE core outcome measures (target and actual to date).
create table project (
    id                           uuid          primary key,
    name                         varchar(200)  not null check (length(btrim(name)) > 0),
    description                  varchar(5000),
    lead_partner_id              varchar(40)   not null references partner (id),
    district                     varchar(30)   check (district in ('ASHFORD', 'CANTERBURY', 'DARTFORD', 'DOVER',
                                 'FOLKESTONE_AND_HYTHE', 'GRAVESHAM', 'MAIDSTONE', 'SEVENOAKS', 'SWALE', 'THANET',
                                 'TONBRIDGE_AND_MALLING', 'TUNBRIDGE_WELLS', 'MEDWAY')),
    type                         varchar(40)   not null check (type in ('CO_LOCATION', 'OFFICE_RATIONALISATION',
                                 'HOUSING_REGENERATION', 'LAND_RELEASE', 'HEALTH_AND_WELLBEING_HUB',
                                 'SHARED_WORKSPACE', 'PROGRAMME_OFFICE')),
    stage                        varchar(20)   not null check (stage in ('IDEA', 'PIPELINE', 'FEASIBILITY',
                                 'BUSINESS_CASE', 'DELIVERY', 'COMPLETE', 'WITHDRAWN')),
    rag_status                   varchar(5)    check (rag_status in ('RED', 'AMBER', 'GREEN')),
    rag_reason                   varchar(1000),
    programmes                   varchar(4)[]  not null default '{}'
                                 check (programmes <@ array['OPE', 'LRF', 'BLRF']::varchar(4)[]),
    homes_target                 integer       check (homes_target >= 0),
    homes_actual                 integer       check (homes_actual >= 0),
    jobs_target                  integer       check (jobs_target >= 0),
    jobs_actual                  integer       check (jobs_actual >= 0),
    capital_receipts_target      numeric(14, 2) check (capital_receipts_target >= 0),
    capital_receipts_actual      numeric(14, 2) check (capital_receipts_actual >= 0),
    running_cost_savings_target  numeric(14, 2) check (running_cost_savings_target >= 0),
    running_cost_savings_actual  numeric(14, 2) check (running_cost_savings_actual >= 0),
    land_released_target_ha      numeric(8, 2) check (land_released_target_ha >= 0),
    land_released_actual_ha      numeric(8, 2) check (land_released_actual_ha >= 0),
    other_benefits               varchar(500)[] not null default '{}',
    created_at                   timestamptz   not null default now(),
    updated_at                   timestamptz   not null default now(),
    version                      bigint        not null default 0,
    constraint project_rag_reason check (rag_status is null or rag_status = 'GREEN' or rag_reason is not null)
);
create index project_name_order on project (name, id);
create index project_lead on project (lead_partner_id);
create index project_stage on project (stage);

create table project_partner (
    project_id uuid        not null references project (id),
    partner_id varchar(40) not null references partner (id),
    primary key (project_id, partner_id)
);
create index project_partner_partner on project_partner (partner_id);

create table project_asset (
    project_id uuid not null references project (id),
    asset_id   uuid not null references asset (id),
    primary key (project_id, asset_id)
);
create index project_asset_asset on project_asset (asset_id);

create table project_milestone (
    id               uuid         primary key,
    project_id       uuid         not null references project (id),
    name             varchar(200) not null check (length(btrim(name)) > 0),
    due_on           date         not null,
    completed_on     date,
    owner_partner_id varchar(40)  not null references partner (id),
    version          bigint       not null default 0
);
create index project_milestone_project on project_milestone (project_id, due_on);

-- Who moved a project between stages, and when; rows are only ever added.
create table project_stage_change (
    id          bigserial    primary key,
    project_id  uuid         not null references project (id),
    from_stage  varchar(20),
    to_stage    varchar(20)  not null,
    changed_at  timestamptz  not null default now(),
    changed_by  varchar(200) not null,
    partner_id  varchar(40)  not null,
    note        varchar(1000)
);
create index project_stage_change_project on project_stage_change (project_id, id);
