package org.estatehub.workspace;

/** A desk booking's stored status (column desk_booking.status); transitions: DeskBookingLifecycle. */
public enum DeskBookingStatus {
    BOOKED, CANCELLED
}
