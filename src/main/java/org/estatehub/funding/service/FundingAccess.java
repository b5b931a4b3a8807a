package org.estatehub.funding.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.funding.Award;
import org.estatehub.partner.Partner;

/** Who may do what with the partnership's money. */
@RequestScoped
public class FundingAccess {

    @Inject
    Caller caller;

    public void requirePmo(String what) {
        if (!caller.hasRole(Roles.PMO_ADMIN)) {
            throw ProblemException.forbidden("Only the programme office (pmo-admin) may " + what + ".");
        }
    }

    /** The accountable body's S.151 officer signs off every bid. */
    public void requireAccountableS151() {
        Partner partner = Partner.findById(caller.partnerId());
        if (!caller.hasRole(Roles.S151_OFFICER) || partner == null || !partner.accountableBody) {
            throw ProblemException.forbidden("Only the accountable body's S.151 officer signs off a bid.");
        }
    }

    /** Claims and payments: the recipient partner and those overseeing the programme. */
    public void requireMoneyReader(Award award) {
        if (!(caller.oversees() || award.recipientPartnerId.equals(caller.partnerId()))) {
            throw ProblemException.forbidden("Only " + award.recipientPartnerId
                    + " (the recipient) and the programme's overseers read this award's claims and payments.");
        }
    }

    /** The project lead's editors claim OPE money; the PMO may enter a claim on their behalf. */
    public void requireClaimant(Award award) {
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return;
        }
        if (!caller.hasRole(Roles.PARTNER_EDITOR) || !award.recipientPartnerId.equals(caller.partnerId())) {
            throw ProblemException.forbidden("Only the editors of " + award.recipientPartnerId
                    + " (the project lead) or the programme office may claim against this award.");
        }
    }

    public String username() {
        return caller.username();
    }
}
