package org.estatehub.workspace;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A desk booked by one person of a partner's staff for a day or half day. */
@Entity
@Table(name = "desk_booking")
public class DeskBooking extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false, updatable = false)
    public UUID workspaceId;

    @Column(name = "desk_id", nullable = false, updatable = false)
    public UUID deskId;

    /** The zone asked for, when the service picked the desk. */
    @Column(name = "zone_id", updatable = false)
    public UUID zoneId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(nullable = false, updatable = false)
    public String username;

    @Column(name = "booked_on", nullable = false, updatable = false)
    public LocalDate bookedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public BookingSlot slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeskBookingStatus status;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
