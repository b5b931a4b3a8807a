package org.estatehub.brownfield.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;

/**
 * Who reads and who changes brownfield sites, in one place (as AssetAccess for assets). Brownfield land
 * registers are public statutory data, so every caller reads every site; a site is changed (by import, or
 * its links) only by its owner's editors and the programme office.
 */
@RequestScoped
public class BrownfieldAccess {

    @Inject
    Caller caller;

    public void requireWritable(BrownfieldSite site) {
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.PARTNER_EDITOR) && site.ownerPartnerId.equals(caller.partnerId())) {
            return;
        }
        throw ProblemException.forbidden(caller.hasRole(Roles.PARTNER_EDITOR)
                ? "Only " + site.ownerPartnerId + "'s editors or the programme office may change this site."
                : "Changing brownfield sites needs the partner-editor role.");
    }

    /** The owner of an import: the caller's partner unless pmo-admin names another. */
    public String ownerFor(String requestedOwner) {
        String own = caller.partnerId();
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return requestedOwner == null ? own : requestedOwner;
        }
        if (!caller.hasRole(Roles.PARTNER_EDITOR)) {
            throw ProblemException.forbidden("Importing a brownfield land register needs the partner-editor role.");
        }
        if (requestedOwner != null && !requestedOwner.equals(own)) {
            throw ProblemException.forbidden("Partner editors import their own partner's ('" + own
                    + "') brownfield land register only.");
        }
        return own;
    }
}
