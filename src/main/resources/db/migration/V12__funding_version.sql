-- A counter of committed changes to what the funding summary adds up (rounds, bids, bid lines, awards;
-- claims and payments change an award's released amount). FundingSummaryService reuses its last answer
-- while the counter is unchanged: it is read from the database, so every replica sees a change as soon
-- as it commits, whoever made it (the API, an import, a fix in psql).
create table funding_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into funding_version values (true, 0);

-- Deferred to commit and once per transaction: funding writes queue on the counter's row only while
-- committing, after all their other locks are taken, so the counter adds no lock-order deadlock.
create function funding_version_bump() returns trigger language plpgsql as $$
begin
    if current_setting('estatehub.funding_version_bumped', true) is distinct from txid_current()::text then
        perform set_config('estatehub.funding_version_bumped', txid_current()::text, true);
        update funding_version set version = version + 1;
    end if;
    return null;
end $$;

create constraint trigger funding_round_changes_summary after insert or update or delete on funding_round
    deferrable initially deferred for each row execute function funding_version_bump();
create constraint trigger bid_changes_summary after insert or update or delete on bid
    deferrable initially deferred for each row execute function funding_version_bump();
create constraint trigger bid_line_changes_summary after insert or update or delete on bid_line
    deferrable initially deferred for each row execute function funding_version_bump();
create constraint trigger award_changes_summary after insert or update or delete on award
    deferrable initially deferred for each row execute function funding_version_bump();
