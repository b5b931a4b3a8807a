package org.estatehub.funding.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.Claim;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.Payment;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.PublicAuditScope;
import org.estatehub.history.ScopeTypes;

/** Read rules of funding records in history and the change feed. */
public final class FundingAuditScopes {

    public static final String ROUND = ScopeTypes.FUNDING_ROUND;
    public static final String BID = ScopeTypes.BID;
    public static final String AWARD = ScopeTypes.AWARD;

    private FundingAuditScopes() {
    }

    public static AuditSubject subject(FundingRound round) {
        return AuditSubject.of(ROUND, round.id, null);
    }

    public static AuditSubject subject(Bid bid) {
        return AuditSubject.of(BID, bid.id, null);
    }

    public static AuditSubject subject(Award award) {
        return AuditSubject.of(AWARD, award.id, award.recipientPartnerId);
    }

    public static AuditSubject subject(Claim claim, Award award) {
        return AuditSubject.partOf("CLAIM", claim.id, award.recipientPartnerId, AWARD, award.id);
    }

    public static AuditSubject subject(Payment payment, Award award) {
        return AuditSubject.partOf("PAYMENT", payment.id, award.recipientPartnerId, AWARD, award.id);
    }

    /** Rounds are read by everyone. */
    @ApplicationScoped
    public static class Rounds extends PublicAuditScope {

        @Inject
        RoundService rounds;

        @Override
        public String type() {
            return ROUND;
        }

        @Override
        public void requireReadable(String scopeId) {
            rounds.get(UUID.fromString(scopeId));
        }
    }

    /** Bids are the partnership's applications: read by everyone. */
    @ApplicationScoped
    public static class Bids extends PublicAuditScope {

        @Inject
        BidService bids;

        @Override
        public String type() {
            return BID;
        }

        @Override
        public void requireReadable(String scopeId) {
            bids.get(UUID.fromString(scopeId));
        }
    }

    /**
     * Everyone sees that an award changed; its claims and payments (invoices, amounts) are detail for
     * the recipient and the programme's overseers, as in GET /awards/{id}/claims.
     */
    @ApplicationScoped
    public static class Awards implements AuditScope {

        @Inject
        AwardQueries awards;

        @Override
        public String type() {
            return AWARD;
        }

        @Override
        public void requireReadable(String scopeId) {
            awards.get(UUID.fromString(scopeId));
        }

        @Override
        public String visibleSql(Caller caller) {
            return "true";
        }

        @Override
        public String detailsSql(Caller caller) {
            return caller.oversees() ? "true"
                    : "exists (select 1 from award a where a.id = cast(e.scope_id as uuid)"
                            + " and a.recipient_partner_id = :callerPartner)";
        }
    }

}
