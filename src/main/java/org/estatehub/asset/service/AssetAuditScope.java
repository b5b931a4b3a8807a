package org.estatehub.asset.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

import jakarta.persistence.EntityManager;

import org.estatehub.asset.Asset;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.NamedSql;
import org.hibernate.Session;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;

/**
 * An asset's history follows the register's sharing rules as they are now: when an asset becomes
 * OWNER_ONLY, all of its events, earlier ones included, disappear for other partners (the register
 * answers 404 for the asset itself, so its past must not leak either).
 */
@ApplicationScoped
public class AssetAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.ASSET;

    @Inject
    AssetService assets;

    public static AuditSubject subject(Asset asset) {
        return AuditSubject.of(TYPE, asset.id, asset.ownerPartnerId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Events of the asset recorded under the caller's partner: those of the caller's own ownership. */
    private static final NamedSql FORMER_OWNER = NamedSql.of("select count(*) from audit_event e"
            + " where e.scope_type = 'ASSET' and e.scope_id = :id and e.partner_id = :partner");

    /**
     * As reading the asset, except that a former owner (the asset was transferred to another partner) still
     * reads the history of its own ownership, the transfer included, even when the asset is OWNER_ONLY.
     */
    @Override
    public void requireReadable(String scopeId) {
        try {
            assets.get(UUID.fromString(scopeId));
        } catch (ProblemException e) {
            if (e.status() != 404 || !formerOwner(scopeId)) {
                throw e;
            }
        }
    }

    private boolean formerOwner(String scopeId) {
        java.util.Optional<String> partner = caller.partnerIdIfAny();
        return partner.isPresent() && em.unwrap(Session.class).doReturningWork(c -> FORMER_OWNER.count(c,
                Map.of("id", scopeId, "partner", partner.get()))) > 0;
    }

    /**
     * An event's partner is the asset's owner when it was recorded (the transfer's event is the former
     * owner's): so every owner, present or past, sees the events of its ownership, and nobody else learns
     * anything of an OWNER_ONLY asset.
     */
    @Override
    public String visibleSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "(e.partner_id = :callerPartner or exists (select 1 from asset a where a.id = cast(e.scope_id as uuid)"
                        + " and (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner)))";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
