-- Desk booking seats (issue #19, the booking benchmark): a partner's allocation of N desks in a workspace is
-- N seats per half day. A live booking holds one seat number of each half it books (a DAY booking one in the
-- morning and one in the afternoon, not necessarily the same number), and the unique indexes below let a
-- seat be held once. Staff of one partner booking the same half day then claim different seats side by side
-- instead of queueing on one lock per half day to count the bookings already held; the allocation check is
-- "a free seat in 1..N" (WorkspaceService.book). Which seat a booking holds means nothing to anyone: it is
-- not in the API, and it is not a desk (the desk is desk_id, still booked once per half day by the indexes
-- desk_booking_morning/afternoon).
alter table desk_booking add column morning_seat integer check (morning_seat > 0),
                         add column afternoon_seat integer check (afternoon_seat > 0);

-- Existing live bookings, the demo data's included: seats 1, 2, ... in each half of each partner's day, in
-- the order they were made. A cancelled booking holds no seat and keeps none.
update desk_booking b set morning_seat = s.n
from (select id, row_number() over (partition by workspace_id, partner_id, booked_on order by created_at, id) as n
        from desk_booking where status = 'BOOKED' and slot in ('DAY', 'AM')) s
where b.id = s.id;

update desk_booking b set afternoon_seat = s.n
from (select id, row_number() over (partition by workspace_id, partner_id, booked_on order by created_at, id) as n
        from desk_booking where status = 'BOOKED' and slot in ('DAY', 'PM')) s
where b.id = s.id;

-- A live booking holds a seat in exactly the halves its slot books.
alter table desk_booking add constraint desk_booking_seats check (status <> 'BOOKED'
    or ((morning_seat is not null) = (slot in ('DAY', 'AM')) and (afternoon_seat is not null) = (slot in ('DAY', 'PM'))));

-- A seat of a partner's half day is held by one live booking at most. Cancelling a booking (status
-- CANCELLED) takes it out of the index: the seat is free again.
create unique index desk_booking_morning_seat on desk_booking (workspace_id, partner_id, booked_on, morning_seat)
    where status = 'BOOKED' and morning_seat is not null;
create unique index desk_booking_afternoon_seat on desk_booking (workspace_id, partner_id, booked_on, afternoon_seat)
    where status = 'BOOKED' and afternoon_seat is not null;

-- Rolling upgrades (README "Upgrades without downtime"): replicas of the previous release keep serving while
-- this migration is applied, and their booking insert names no seat, which the check above would refuse.
-- For such an insert (a live booking with neither seat set; this release always sets the seats of its
-- slot, so the trigger's WHEN is false for it and costs nothing) the lowest seat number free in each half
-- the slot books is filled in. The previous release checked the allocation itself, under its half-day lock,
-- before inserting; a seat taken meanwhile by this release's claim is a unique violation of the indexes
-- above, which that release answers as its usual 409.
-- The lowest seat number no live booking holds in one half (morning or afternoon) of a partner's day.
create function desk_booking_lowest_free_seat(ws uuid, partner varchar, day date, morning boolean)
returns integer language sql stable as $$
    select min(n)::int
      from generate_series(1, (select count(*) + 1 from desk_booking b
                                where b.workspace_id = ws and b.partner_id = partner and b.booked_on = day
                                  and b.status = 'BOOKED'
                                  and case when morning then b.morning_seat else b.afternoon_seat end is not null)::int) n
     where not exists (select 1 from desk_booking b
                        where b.workspace_id = ws and b.partner_id = partner and b.booked_on = day
                          and b.status = 'BOOKED'
                          and case when morning then b.morning_seat else b.afternoon_seat end = n)
$$;

create function desk_booking_seats_of_previous_release() returns trigger language plpgsql as $$
begin
    if new.slot in ('DAY', 'AM') then
        new.morning_seat := desk_booking_lowest_free_seat(new.workspace_id, new.partner_id, new.booked_on, true);
    end if;
    if new.slot in ('DAY', 'PM') then
        new.afternoon_seat := desk_booking_lowest_free_seat(new.workspace_id, new.partner_id, new.booked_on, false);
    end if;
    return new;
end $$;

create trigger desk_booking_seats_of_previous_release before insert on desk_booking
    for each row when (new.status = 'BOOKED' and new.morning_seat is null and new.afternoon_seat is null)
    execute function desk_booking_seats_of_previous_release();
