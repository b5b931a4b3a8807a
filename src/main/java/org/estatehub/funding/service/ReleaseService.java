package org.estatehub.funding.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.ClaimInput;
import org.estatehub.api.model.PaymentInput;
import org.estatehub.api.model.Programme;
import org.estatehub.common.http.ETags;
import org.estatehub.common.money.Money;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.funding.Award;
import org.estatehub.funding.BidLine;
import org.estatehub.funding.Claim;
import org.estatehub.funding.ClaimStatus;
import org.estatehub.funding.Payment;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.mou.service.MouService;

import io.quarkus.panache.common.Sort;

/**
 * Releasing awarded money. OPE: the lead claims against an invoice and a bid activity, the PMO approves
 * (checking the MOU) or rejects. LRF/BLRF: the PMO records payments made directly to the lead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReleaseService {

    @Inject
    Clock clock;

    @Inject
    FundingAccess access;

    @Inject
    ReleaseLedger ledger;

    @Inject
    MouService mous;

    @Inject
    AuditLog audit;

    @Inject
    AwardQueries awards;

    public Claim submitClaim(UUID awardId, ClaimInput input) {
        Award award = awards.get(awardId);
        access.requireClaimant(award);
        if (award.programme != Programme.OPE) {
            throw ProblemException.conflict(award.programme + " money is paid directly to the project lead; record"
                    + " payments instead of claims.");
        }
        BidLine line = BidLine.findById(award.bidLineId);
        String activity = input.getActivity().strip();
        if (!line.activities.contains(activity)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("activity",
                    "not an activity of the bid line; one of: " + String.join("; ", line.activities))));
        }
        Money amount = positive(input.getAmount());
        // Checked again, under the award's row lock, when the claim is approved (ReleaseLedger).
        if (amount.isGreaterThan(award.balance())) {
            throw ReleaseLedger.overRelease(award, amount);
        }
        if (Claim.count("awardId = ?1 and invoiceReference = ?2", awardId, input.getInvoiceReference().strip()) > 0) {
            throw ProblemException.conflict("Invoice '" + input.getInvoiceReference().strip()
                    + "' has already been claimed against this award.");
        }
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.awardId = awardId;
        claim.invoiceReference = input.getInvoiceReference().strip();
        claim.amount = amount;
        claim.activity = activity;
        claim.description = input.getDescription() == null || input.getDescription().isBlank() ? null
                : input.getDescription().strip();
        claim.status = ClaimStatus.SUBMITTED;
        claim.submittedBy = access.username();
        claim.submittedAt = PartnershipCalendar.timestamp(clock);
        claim.persistAndFlush();
        audit.record(FundingAuditScopes.subject(claim, award), AuditActions.SUBMITTED, null, snapshot(claim));
        return claim;
    }

    public Claim approve(UUID claimId, String ifMatch) {
        access.requirePmo("approve claims");
        Claim claim = claim(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        ClaimLifecycle.require(claim.status, ClaimStatus.APPROVED);
        Award award = awards.get(claim.awardId);
        mous.requireInForce(award.recipientPartnerId, PartnershipCalendar.today(clock));
        var before = snapshot(claim);
        claim.status = ClaimStatus.APPROVED;
        claim.decidedBy = access.username();
        claim.decidedAt = PartnershipCalendar.timestamp(clock);
        // The version check makes a second approval of the same claim fail even when both passed If-Match.
        claim.flush();
        release(award, claim.amount, "claim " + claim.invoiceReference);
        audit.record(FundingAuditScopes.subject(claim, award), AuditActions.APPROVED, before, snapshot(claim));
        return claim;
    }

    public Claim reject(UUID claimId, String reason, String ifMatch) {
        access.requirePmo("reject claims");
        Claim claim = claim(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        ClaimLifecycle.require(claim.status, ClaimStatus.REJECTED);
        var before = snapshot(claim);
        claim.status = ClaimStatus.REJECTED;
        claim.decidedBy = access.username();
        claim.decidedAt = PartnershipCalendar.timestamp(clock);
        claim.rejectionReason = reason.strip();
        claim.flush();
        audit.record(FundingAuditScopes.subject(claim, awards.get(claim.awardId)), AuditActions.REJECTED, before,
                snapshot(claim));
        return claim;
    }

    public Payment recordPayment(UUID awardId, PaymentInput input) {
        access.requirePmo("record payments");
        Award award = awards.get(awardId);
        if (award.programme == Programme.OPE) {
            throw ProblemException.conflict("OPE money is held by the accountable body and released against claims;"
                    + " payments are for LRF and BLRF awards.");
        }
        Money amount = positive(input.getAmount());
        if (input.getPaidOn().isAfter(PartnershipCalendar.today(clock))) {
            throw ProblemException.invalid(List.of(Problems.fieldError("paidOn", "must not be in the future")));
        }
        if (Payment.count("awardId = ?1 and reference = ?2", awardId, input.getReference().strip()) > 0) {
            throw ProblemException.conflict("Payment '" + input.getReference().strip() + "' is already recorded.");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.awardId = awardId;
        payment.amount = amount;
        payment.paidOn = input.getPaidOn();
        payment.reference = input.getReference().strip();
        payment.recordedBy = access.username();
        payment.recordedAt = PartnershipCalendar.timestamp(clock);
        payment.persistAndFlush();
        audit.record(FundingAuditScopes.subject(payment, award), AuditActions.CREATED, null,
                audit.snapshot(org.estatehub.funding.mapping.FundingMapper.toApi(payment)));
        release(award, amount, "payment " + payment.reference);
        return payment;
    }

    /** One claim, read by whoever may read its award's claims. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim readClaim(UUID claimId) {
        Claim claim = claim(claimId);
        access.requireMoneyReader(awards.get(claim.awardId));
        return claim;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<Claim> claims(UUID awardId, int limit, int offset) {
        Award award = awards.get(awardId);
        access.requireMoneyReader(award);
        var query = Claim.<Claim>find("awardId", Sort.descending("submittedAt").and("id"), awardId);
        return new Slice<>(query.range(offset, offset + limit - 1).list(), query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<Payment> payments(UUID awardId, int limit, int offset) {
        Award award = awards.get(awardId);
        access.requireMoneyReader(award);
        var query = Payment.<Payment>find("awardId", Sort.descending("paidOn").and("recordedAt").and("id"), awardId);
        return new Slice<>(query.range(offset, offset + limit - 1).list(), query.count());
    }

    /** Releases money and records the award's new released and balance figures. */
    private void release(Award award, Money amount, String what) {
        var before = audit.snapshot(awards.view(award));
        ledger.release(award, amount);
        audit.record(FundingAuditScopes.subject(award), AuditActions.RELEASED, before, audit.snapshot(awards.view(award)),
                what);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode snapshot(Claim claim) {
        return audit.snapshot(org.estatehub.funding.mapping.FundingMapper.toApi(claim));
    }

    private Claim claim(UUID id) {
        Claim claim = Claim.findById(id);
        if (claim == null) {
            throw ProblemException.notFound("No claim with id '" + id + "'.");
        }
        return claim;
    }

    /** Claims and payments release money, so zero is refused like a negative amount would be. */
    private static Money positive(org.estatehub.api.model.Money input) {
        Money amount = Money.fromApi(input);
        if (!amount.isPositive()) {
            throw ProblemException.invalid(List.of(Problems.fieldError("amount.amount", "must be more than 0")));
        }
        return amount;
    }
}
