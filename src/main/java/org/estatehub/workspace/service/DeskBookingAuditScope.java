package org.estatehub.workspace.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;
import org.estatehub.workspace.DeskBooking;

/**
 * A booking names a person, so its events are read only as the booking is: by its partner, the
 * workspace asset's owner and the readers of everything. Bookings have no history of their own to page.
 */
@ApplicationScoped
public class DeskBookingAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.DESK_BOOKING;

    public static AuditSubject subject(DeskBooking b, String assetOwnerPartnerId) {
        return AuditSubject.of(TYPE, b.id, b.partnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        throw ProblemException.notFound("No history of desk booking '" + UUID.fromString(scopeId) + "'.");
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "exists (select 1 from desk_booking b join workspace w on w.id = b.workspace_id"
                        + " join asset a on a.id = w.asset_id where b.id = cast(e.scope_id as uuid)"
                        + " and (b.partner_id = :callerPartner or a.owner_partner_id = :callerPartner))";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
