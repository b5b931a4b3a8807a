package org.estatehub.workspace;

/** The part of a day a desk is booked for (column desk_booking.slot); DAY holds both halves. */
public enum BookingSlot {
    DAY, AM, PM;

    public boolean holdsMorning() {
        return this != PM;
    }

    public boolean holdsAfternoon() {
        return this != AM;
    }

    /** Half days it counts for in use figures. */
    public int halfDays() {
        return this == DAY ? 2 : 1;
    }
}
