package org.estatehub.asset.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.asset.Asset;
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

    @Override
    public void requireReadable(String scopeId) {
        assets.get(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return caller.readsEverything() ? "true"
                : "exists (select 1 from asset a where a.id = cast(e.scope_id as uuid)"
                        + " and (a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner))";
    }

    @Override
    public String detailsSql(Caller caller) {
        return visibleSql(caller);
    }
}
