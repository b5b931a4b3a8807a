package org.estatehub.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.history.AuditSubject;
import org.estatehub.history.PublicAuditScope;
import org.estatehub.history.ScopeTypes;
import org.estatehub.partner.Partner;

/** Every authenticated caller reads every partner, and so its history. */
@ApplicationScoped
public class PartnerAuditScope extends PublicAuditScope {

    public static final String TYPE = ScopeTypes.PARTNER;

    @Inject
    PartnerService partners;

    public static AuditSubject subject(Partner partner) {
        return AuditSubject.of(TYPE, partner.id, partner.id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        partners.get(scopeId);
    }
}
