package org.estatehub.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;

/**
 * A partner's access history (members, roles, identity provider, repairs of its organization): people's
 * emails and who may act for the partner, so only those who administer the partner read it, unlike the
 * partner's own record, which everyone reads.
 */
@ApplicationScoped
public class PartnerAccessAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.PARTNER_ACCESS;
    public static final String MEMBER = "PARTNER_MEMBER";
    public static final String IDENTITY_PROVIDER = "PARTNER_IDENTITY_PROVIDER";
    public static final String ORGANIZATION = "ORGANIZATION";

    @Inject
    PartnerService partners;

    @Inject
    Caller caller;

    public static AuditSubject subject(String entityType, String entityId, String partnerId) {
        return AuditSubject.partOf(entityType, entityId, partnerId, TYPE, partnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        partners.get(scopeId);
        if (!caller.administers(scopeId)) {
            throw ProblemException.forbidden("Only the programme office and the partner's own partner-admin read who may act for it.");
        }
    }

    @Override
    public String visibleSql(Caller caller) {
        if (caller.hasRole(org.estatehub.common.tenancy.Roles.PMO_ADMIN)) {
            return "true";
        }
        return caller.hasRole(org.estatehub.common.tenancy.Roles.PARTNER_ADMIN) ? "e.scope_id = :callerPartner" : "false";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
