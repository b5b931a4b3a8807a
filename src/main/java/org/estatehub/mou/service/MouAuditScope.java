package org.estatehub.mou.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;
import org.estatehub.mou.Mou;

/** An MOU's history is read by its partner and the programme's overseers, like the MOU itself. */
@ApplicationScoped
public class MouAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.MOU;

    @Inject
    MouService mous;

    public static AuditSubject subject(Mou mou) {
        return AuditSubject.of(TYPE, mou.id, mou.partnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        mous.get(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.oversees() ? "true"
                : "exists (select 1 from mou m where m.id = cast(e.scope_id as uuid) and m.partner_id = :callerPartner)";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
