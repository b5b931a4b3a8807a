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
