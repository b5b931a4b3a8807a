package org.estatehub.workspace.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.WorkspacesApi;
import org.estatehub.api.model.DeskBookingCancellation;
import org.estatehub.api.model.DeskBookingInput;
import org.estatehub.api.model.DeskBookingPage;
import org.estatehub.api.model.WorkspaceAllocationInput;
import org.estatehub.api.model.WorkspaceInput;
import org.estatehub.api.model.WorkspacePage;
import org.estatehub.api.model.WorkspaceSummary;
import org.estatehub.common.http.ETags;
import org.estatehub.workspace.service.WorkspaceService;
import org.estatehub.workspace.service.WorkspaceUseReport;

import io.quarkus.security.Authenticated;

@Authenticated
public class WorkspaceResource implements WorkspacesApi {

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceUseReport use;

    @Override
    public Response listWorkspaces(UUID asset, Integer limit, Integer offset) {
        var page = workspaces.list(asset, limit, offset);
        return Response.ok(new WorkspacePage().items(page.items().stream().map(s -> new WorkspaceSummary().id(s.id())
                .assetId(s.assetId()).assetName(s.assetName()).assetOwnerPartnerId(s.assetOwnerPartnerId())
                .name(s.name()).deskCount(s.deskCount()).allocatedDesks(s.allocatedDesks())).toList())
                .total(page.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response createWorkspace(UUID assetId, WorkspaceInput input) {
        var full = workspaces.create(assetId, input);
        return Response.created(URI.create("/workspaces/" + full.workspace().id)).entity(full.toApi())
                .header("ETag", ETags.of(full.workspace().version)).build();
    }

    @Override
    public Response getWorkspace(UUID workspaceId) {
        return ok(workspaces.get(workspaceId));
    }

    @Override
    public Response setWorkspaceAllocation(UUID workspaceId, String partnerId, WorkspaceAllocationInput input) {
        return ok(workspaces.setAllocation(workspaceId, partnerId, input.getDesks()));
    }

    @Override
    public Response bookDesk(UUID workspaceId, DeskBookingInput input) {
        var booking = workspaces.book(workspaceId, input);
        return Response.created(URI.create("/bookings/" + booking.getId())).entity(booking).build();
    }

    @Override
    public Response cancelDeskBooking(UUID bookingId, DeskBookingCancellation cancellation) {
        return Response.ok(workspaces.cancel(bookingId, cancellation.getReason())).build();
    }

    @Override
    public Response listDeskBookings(UUID workspaceId, LocalDate from, LocalDate to, Integer limit, Integer offset) {
        var page = workspaces.bookings(workspaceId, from, to, limit, offset);
        return Response.ok(new DeskBookingPage().items(page.items()).total(page.total()).limit(limit).offset(offset))
                .build();
    }

    @Override
    public Response getWorkspaceUse(UUID workspaceId, LocalDate from, LocalDate to, String period) {
        return Response.ok(use.use(workspaceId, WorkspaceUseReport.Period.valueOf(period), from, to)).build();
    }

    private static Response ok(WorkspaceService.Full full) {
        return Response.ok(full.toApi()).header("ETag", ETags.of(full.workspace().version)).build();
    }
}
