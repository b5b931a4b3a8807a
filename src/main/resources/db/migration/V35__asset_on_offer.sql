-- An asset under a live disposal (OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET) keeps its status and its owner
-- until the disposal is completed or withdrawn (issue #17): the disposal decides what becomes of the site,
-- and a status or owner changed under it would leave a live offer of a site put back into use, sold, or
-- someone else's. The service refuses such changes first with a 409 naming the disposal (PUT /assets/{id},
-- the import, POST /assets/{id}/disposal); this trigger holds the rule for every writer, the import's
-- set-based update and plain SQL included.
--
-- Why a trigger with no exception for the disposal's own changes: the service orders them so that none is
-- needed. A declaration marks the asset SURPLUS before it inserts the live disposal; a completion makes the
-- disposal TRANSFERRED or SOLD (no longer live) before it transfers the asset or disposes of it, in the same
-- transaction, so a refused asset change rolls the completion back too. Telling "the completion's own
-- change" apart inside the trigger (a session flag, or matching the receiving partner) would be a door any
-- writer could open; an order of statements is not. Fields other than status and owner stay editable.
--
-- The disposal row is read without a lock: the declaration locks the asset's row before it checks and
-- inserts (DisposalService.declare), so an update of the asset that races it either commits first (the
-- declaration's version check then fails) or waits for the declaration and then sees its disposal here.
create function asset_keeps_status_on_offer() returns trigger language plpgsql as $$
declare
    live_id     uuid;
    live_status varchar(20);
begin
    select d.id, d.status into live_id, live_status
      from disposal d
     where d.asset_id = old.id and d.status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET');
    if live_id is not null then
        raise exception 'asset % is on offer as disposal % (%): its status and owner change only through the disposal',
            old.id, live_id, live_status using errcode = 'check_violation', constraint = 'asset_on_offer';
    end if;
    return new;
end $$;

create trigger asset_on_offer before update of status, owner_partner_id on asset
    for each row
    when (new.status is distinct from old.status or new.owner_partner_id is distinct from old.owner_partner_id)
    execute function asset_keeps_status_on_offer();
