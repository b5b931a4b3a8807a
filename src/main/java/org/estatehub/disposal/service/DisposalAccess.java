package org.estatehub.disposal.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;

/**
 * Who may do what with disposals, in one place. Disposals are everyone's to read. The owner's decisions
 * belong to the owner partner's editors and to pmo-admin (who may change any asset, as in the register).
 * Expressions of interest are read by their own partner, the disposal's owner partner and the overseers
 * (Caller.oversees, which already groups the S.151 officer with pmo-admin and the board), and nobody else.
 */
@RequestScoped
public class DisposalAccess {

    @Inject
    Caller caller;

    public void requireOwnerEditor(Disposal disposal) {
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.PARTNER_EDITOR) && disposal.ownerPartnerId.equals(caller.partnerId())) {
            return;
        }
        throw ProblemException.forbidden("Only " + disposal.ownerPartnerId + "'s editors or the programme office"
                + " decide on this disposal.");
    }

    /** The owner partner and the overseers read every interest of the disposal. */
    public boolean readsAllInterests(Disposal disposal) {
        return caller.oversees() || disposal.ownerPartnerId.equals(caller.partnerIdIfAny().orElse(null));
    }

    public boolean readsInterest(Disposal disposal, DisposalInterest interest) {
        return readsAllInterests(disposal) || interest.partnerId.equals(caller.partnerIdIfAny().orElse(null));
    }

    /**
     * A partner-editor of a partner other than the owner: first refusal is offered to the other partners.
     * Returns the interested partner.
     */
    public String requireInterestedEditor(Disposal disposal) {
        if (!caller.hasRole(Roles.PARTNER_EDITOR)) {
            throw ProblemException.forbidden("Registering an interest needs the partner-editor role.");
        }
        String partner = caller.partnerId();
        if (partner.equals(disposal.ownerPartnerId)) {
            throw ProblemException.forbidden(partner + " offers this site; only other partners register interest in it.");
        }
        return partner;
    }

    public void requireAuthorEditor(DisposalInterest interest) {
        if (!caller.hasRole(Roles.PARTNER_EDITOR) || !interest.partnerId.equals(caller.partnerId())) {
            throw ProblemException.forbidden("Only " + interest.partnerId + "'s editors withdraw its interest.");
        }
    }

    /** The partner the caller acts for, or null: a partner's own interests are found by it. */
    public String callerPartner() {
        return caller.partnerIdIfAny().orElse(null);
    }
}
