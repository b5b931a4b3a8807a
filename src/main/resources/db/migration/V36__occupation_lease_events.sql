-- Lease events in the change feed (issue #19, item 3): a row per occupation, kind and date, written by the
-- scheduled job the first time the date is within range, together with the feed event in one transaction.
-- The primary key is what makes the job safe with several replicas: a second replica's insert of the same
-- row waits for the first's transaction and then does nothing (on conflict do nothing), so the event is
-- written once. A changed date is another row, so it is announced again.
create table occupation_lease_event (
    occupation_id  uuid         not null references occupation (id) on delete cascade,
    kind           varchar(5)   not null check (kind in ('END', 'BREAK')),
    due_on         date         not null,
    announced_at   timestamptz  not null,
    primary key (occupation_id, kind, due_on)
);

-- Savings realised from moves (issue #19, item 5): the project an occupier moved out under. Once the
-- occupation has ended, its yearly rent and service charge count as that project's savings realised.
alter table occupation add column project_id uuid references project (id);
create index occupation_project on occupation (project_id) where project_id is not null;
