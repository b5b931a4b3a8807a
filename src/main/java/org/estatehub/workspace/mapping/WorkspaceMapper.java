package org.estatehub.workspace.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.estatehub.api.model.WorkspaceAllocation;
import org.estatehub.api.model.WorkspaceDesk;
import org.estatehub.api.model.WorkspaceZone;
import org.estatehub.workspace.BookingSlot;
import org.estatehub.workspace.DeskBooking;
import org.estatehub.workspace.DeskBookingStatus;
import org.estatehub.workspace.Workspace;

/** Workspace and booking entities ↔ contract models. */
public final class WorkspaceMapper {

    private WorkspaceMapper() {
    }

    public static org.estatehub.api.model.Workspace toApi(Workspace w, String assetOwnerPartnerId,
            List<org.estatehub.workspace.WorkspaceZone> zones, Map<UUID, List<org.estatehub.workspace.WorkspaceDesk>> desksByZone,
            List<org.estatehub.workspace.WorkspaceAllocation> allocations) {
        return new org.estatehub.api.model.Workspace().id(w.id).assetId(w.assetId)
                .assetOwnerPartnerId(assetOwnerPartnerId).name(w.name).deskCount(w.deskCount)
                .allocatedDesks(w.allocatedDesks)
                .zones(zones.stream().map(z -> new WorkspaceZone().id(z.id).name(z.name)
                        .desks(desksByZone.getOrDefault(z.id, List.of()).stream()
                                .map(d -> new WorkspaceDesk().id(d.id).label(d.label)).toList()))
                        .toList())
                .allocations(allocations.stream()
                        .map(a -> new WorkspaceAllocation().partnerId(a.partnerId).desks(a.desks)).toList())
                .version(w.version);
    }

    public static org.estatehub.api.model.DeskBooking toApi(DeskBooking b, String deskLabel, String zoneName) {
        return new org.estatehub.api.model.DeskBooking().id(b.id).workspaceId(b.workspaceId).deskId(b.deskId)
                .deskLabel(deskLabel).zoneName(zoneName).requestedZoneId(b.zoneId).partnerId(b.partnerId)
                .username(b.username).on(b.bookedOn).slot(toApi(b.slot)).status(toApi(b.status))
                .cancelledAt(b.cancelledAt).cancelledBy(b.cancelledBy)
                .cancellationReason(b.cancellationReason);
    }

    // Exhaustive switches: a value added on one side without the other fails to compile.

    public static org.estatehub.api.model.BookingSlot toApi(BookingSlot s) {
        return switch (s) {
            case DAY -> org.estatehub.api.model.BookingSlot.DAY;
            case AM -> org.estatehub.api.model.BookingSlot.AM;
            case PM -> org.estatehub.api.model.BookingSlot.PM;
        };
    }

    public static BookingSlot fromApi(org.estatehub.api.model.BookingSlot s) {
        return switch (s) {
            case DAY -> BookingSlot.DAY;
            case AM -> BookingSlot.AM;
            case PM -> BookingSlot.PM;
        };
    }

    public static org.estatehub.api.model.DeskBookingStatus toApi(DeskBookingStatus s) {
        return switch (s) {
            case BOOKED -> org.estatehub.api.model.DeskBookingStatus.BOOKED;
            case CANCELLED -> org.estatehub.api.model.DeskBookingStatus.CANCELLED;
        };
    }
}
