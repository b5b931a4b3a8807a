package org.estatehub.disposal.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;

/**
 * An expression of interest's history is as confidential as the interest: its author's partner, the
 * disposal's owner partner and the overseers (Caller.oversees: pmo-admin, board-member and the S.151
 * officer) see its events and values; other partners, other interested partners included, never see that
 * it exists, in its history or in the change feed.
 */
@ApplicationScoped
public class DisposalInterestAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.DISPOSAL_INTEREST;

    @Inject
    DisposalInterestService interests;

    /** Its own scope, never the disposal's: the disposal's events are everyone's. */
    public static AuditSubject subject(DisposalInterest interest) {
        return AuditSubject.of(TYPE, interest.id, interest.partnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        interests.get(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.oversees() ? "true"
                : "exists (select 1 from disposal_interest i join disposal d on d.id = i.disposal_id"
                        + " where i.id = cast(e.scope_id as uuid)"
                        + " and (i.partner_id = :callerPartner or d.owner_partner_id = :callerPartner))";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
