-- Quarterly monitoring returns to OPE: generated from live data, stored as an immutable snapshot.
create table monitoring_return (
    period        varchar(7)    primary key check (period ~ '^[0-9]{4}-Q[1-4]$'),
    period_start  date          not null,
    period_end    date          not null,
    generated_at  timestamptz   not null,
    submitted_by  varchar(200)  not null,
    partner_id    varchar(40)   not null,
    awarded       numeric(16, 2) not null,
    released      numeric(16, 2) not null,
    snapshot      jsonb         not null
);

-- Submitted means final: the database itself refuses to change or remove a return.
create function monitoring_return_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'monitoring return % is an immutable snapshot', old.period
        using errcode = 'P0001';
end;
$$;

create trigger monitoring_return_no_update before update or delete on monitoring_return
    for each row execute function monitoring_return_immutable();
