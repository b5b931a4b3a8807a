-- Homes delivered on land a disposal released (issue #17): what was built, recorded by financial year,
-- because counts of potential homes with no record of homes built were criticised by public accounts
-- scrutiny. One row per disposal and financial year (April to March, written '2025-26').
--
-- The figures are those of the year itself, not running totals: homes granted planning permission in
-- the year, homes started in the year and homes completed in the year, as the government's house
-- building and planning statistics count them. No order is enforced between them: a year's starts
-- can exceed its permissions (the permission came in an earlier year), and its completions its starts.
create table disposal_homes_delivery (
    disposal_id            uuid         not null references disposal (id),
    financial_year         varchar(7)   not null check (financial_year ~ '^[0-9]{4}-[0-9]{2}$'
                           and cast(substr(financial_year, 6, 2) as integer)
                               = (cast(substr(financial_year, 1, 4) as integer) + 1) % 100),
    homes_permitted        integer      not null check (homes_permitted >= 0),
    homes_started          integer      not null check (homes_started >= 0),
    homes_completed        integer      not null check (homes_completed >= 0),
    recorded_by            varchar(200) not null,
    recorded_by_partner_id varchar(40)  references partner (id),
    recorded_at            timestamptz  not null,
    version                bigint       not null default 0,
    primary key (disposal_id, financial_year)
);

-- Homes are delivered on released land only: the disposal must be complete (TRANSFERRED or SOLD), whatever
-- writes the row. The disposal's row is locked (for share) so a concurrent change of its status waits.
create function disposal_homes_delivery_on_completed() returns trigger language plpgsql as $$
declare
    current_status varchar(20);
begin
    select status into current_status from disposal where id = new.disposal_id for share;
    if current_status is not null and current_status not in ('TRANSFERRED', 'SOLD') then
        raise exception 'homes delivered are recorded only on a completed disposal; disposal % is %',
            new.disposal_id, current_status using errcode = 'check_violation',
            constraint = 'disposal_homes_delivery_completed';
    end if;
    return new;
end $$;

create trigger disposal_homes_delivery_completed before insert or update on disposal_homes_delivery
    for each row execute function disposal_homes_delivery_on_completed();

-- And the other way round: a disposal with homes recorded stays complete (completion is final anyway).
create function disposal_stays_completed_with_homes() returns trigger language plpgsql as $$
begin
    if new.status <> old.status and old.status in ('TRANSFERRED', 'SOLD')
            and exists (select 1 from disposal_homes_delivery h where h.disposal_id = old.id) then
        raise exception 'disposal % has homes delivered recorded and stays %', old.id, old.status
            using errcode = 'check_violation', constraint = 'disposal_homes_delivery_completed';
    end if;
    return new;
end $$;

create trigger disposal_stays_completed_with_homes before update of status on disposal
    for each row execute function disposal_stays_completed_with_homes();
