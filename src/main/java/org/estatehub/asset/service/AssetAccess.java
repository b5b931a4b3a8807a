package org.estatehub.asset.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.estatehub.api.model.Visibility;
import org.estatehub.asset.Asset;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;

/**
 * The register's sharing rules in one place: who reads and who changes which asset. An asset the
 * caller may not read answers 404, exactly as if it did not exist, so its existence is not revealed.
 */
@RequestScoped
public class AssetAccess {

    @Inject
    Caller caller;

    public boolean canRead(Asset asset) {
        return caller.readsEverything()
                || asset.visibility == Visibility.PARTNERSHIP
                || asset.ownerPartnerId.equals(caller.partnerId());
    }

    public Asset requireReadable(Asset asset, Object id) {
        if (asset == null || !canRead(asset)) {
            throw ProblemException.notFound("No asset with id '" + id + "'.");
        }
        return asset;
    }

    public void requireWritable(Asset asset) {
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.PARTNER_EDITOR) && asset.ownerPartnerId.equals(caller.partnerId())) {
            return;
        }
        throw ProblemException.forbidden(caller.hasRole(Roles.PARTNER_EDITOR)
                ? "Only " + asset.ownerPartnerId + "'s editors or the programme office may change this asset."
                : "Changing assets needs the partner-editor role.");
    }

    /** The owner of a new asset or of an import: the caller's partner unless pmo-admin names another. */
    public String ownerFor(String requestedOwner) {
        String own = caller.partnerId();
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return requestedOwner == null ? own : requestedOwner;
        }
        if (!caller.hasRole(Roles.PARTNER_EDITOR)) {
            throw ProblemException.forbidden("Registering assets needs the partner-editor role.");
        }
        if (requestedOwner != null && !requestedOwner.equals(own)) {
            throw ProblemException.forbidden("Partner editors register assets for their own partner ('" + own
                    + "') only.");
        }
        return own;
    }

    /** SQL condition (alias `a`) limiting rows to those the caller may read; binds :callerPartner. */
    public String visibleSql() {
        return caller.readsEverything() ? "true"
                : "(a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner)";
    }

    public String callerPartner() {
        return caller.partnerId();
    }

    public String username() {
        return caller.username();
    }
}
