package org.estatehub.disposal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.DisposalInterestInput;
import org.estatehub.api.model.FieldError;
import org.estatehub.common.http.ETags;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.disposal.InterestStatus;
import org.estatehub.disposal.mapping.DisposalMapper;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

/**
 * Expressions of interest: registered by other partners while the window is open, shortlisted or declined
 * by the owner, withdrawn by their author, and settled with the owner's decision on the disposal. Each is
 * recorded in its own confidential scope (DisposalInterestAuditScope), never in the disposal's history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DisposalInterestService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DisposalAccess access;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<DisposalInterest> list(UUID disposalId, int limit, int offset) {
        Disposal disposal = disposal(disposalId);
        Sort order = Sort.by("registeredOn").and("createdAt").and("id");
        var query = access.readsAllInterests(disposal)
                ? DisposalInterest.<DisposalInterest>find("disposalId", order, disposalId)
                // Any other caller's own only: with no partner, nothing.
                : DisposalInterest.<DisposalInterest>find("disposalId = ?1 and partnerId = ?2", order, disposalId,
                        access.callerPartner() == null ? "" : access.callerPartner());
        long total = query.count();
        List<DisposalInterest> items = offset >= total ? List.of()
                : query.range(offset, (int) Math.min((long) offset + limit, Integer.MAX_VALUE) - 1).list();
        return new Slice<>(items, total);
    }

    /** 404 for an unknown interest and for one the caller may not read alike. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DisposalInterest get(UUID interestId) {
        DisposalInterest interest = DisposalInterest.findById(interestId);
        if (interest == null || !access.readsInterest(disposal(interest.disposalId), interest)) {
            throw notFound(interestId);
        }
        return interest;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisposalInterest get(UUID disposalId, UUID interestId) {
        disposal(disposalId);
        DisposalInterest interest = get(interestId);
        if (!interest.disposalId.equals(disposalId)) {
            throw notFound(interestId);
        }
        return interest;
    }

    public DisposalInterest register(UUID disposalId, DisposalInterestInput input) {
        Disposal disposal = disposal(disposalId);
        String partner = access.requireInterestedEditor(disposal);
        LocalDate today = today();
        if (!disposal.windowOpen(today)) {
            throw ProblemException.conflict(disposal.status != DisposalStatus.OFFERED
                    ? "The disposal is " + disposal.status + ": interests are registered only while it is OFFERED."
                    : "The interest window closed on " + disposal.interestClosesOn + ".");
        }
        List<FieldError> errors = new ArrayList<>();
        DisposalService.requireText(errors, input.getTiming(), "timing");
        DisposalService.requireText(errors, input.getFundingSource(), "fundingSource");
        DisposalService.checkContact(errors, input.getContact(), "contact");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (DisposalInterest.count("disposalId = ?1 and partnerId = ?2 and status in ?3", disposalId, partner,
                DisposalInterestLifecycle.live()) > 0) {
            throw ProblemException.conflict(partner + " already has a live interest in this disposal; withdraw it"
                    + " before registering another.");
        }
        DisposalInterest i = new DisposalInterest();
        i.id = UUID.randomUUID();
        i.disposalId = disposalId;
        i.partnerId = partner;
        i.status = InterestStatus.REGISTERED;
        i.intendedUse = DisposalMapper.fromApi(input.getIntendedUse());
        i.proposal = input.getProposal() == null || input.getProposal().isBlank() ? null : input.getProposal().strip();
        i.timing = input.getTiming().strip();
        i.fundingSource = input.getFundingSource().strip();
        i.contactName = input.getContact().getName().strip();
        i.contactEmail = input.getContact().getEmail().strip();
        i.contactPhone = input.getContact().getPhone() == null ? null : input.getContact().getPhone().strip();
        i.registeredOn = today;
        i.createdAt = PartnershipCalendar.timestamp(clock);
        i.updatedAt = i.createdAt;
        i.persistAndFlush();
        audit.record(DisposalInterestAuditScope.subject(i), AuditActions.CREATED, null, snapshot(i));
        return i;
    }

    public DisposalInterest shortlist(UUID disposalId, UUID interestId, String ifMatch) {
        return ownerDecision(disposalId, interestId, ifMatch, InterestStatus.SHORTLISTED);
    }

    public DisposalInterest decline(UUID disposalId, UUID interestId, String ifMatch) {
        return ownerDecision(disposalId, interestId, ifMatch, InterestStatus.DECLINED);
    }

    public DisposalInterest withdraw(UUID disposalId, UUID interestId, String ifMatch) {
        DisposalInterest interest = get(disposalId, interestId);
        access.requireAuthorEditor(interest);
        ETags.requireMatch(ifMatch, interest.version);
        DisposalInterestLifecycle.require(interest.status, InterestStatus.WITHDRAWN);
        return change(interest, InterestStatus.WITHDRAWN, null);
    }

    /**
     * The owner's decision on the disposal settles its interests in the same transaction: `accepted` (for
     * an agreed transfer) becomes ACCEPTED and every other live interest DECLINED; with no `accepted` (a
     * release or a withdrawal), every live interest, an accepted one included, is DECLINED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void settle(Disposal disposal, DisposalInterest accepted, String note) {
        List<DisposalInterest> live = DisposalInterest.list("disposalId = ?1 and status in ?2 order by id", disposal.id,
                DisposalInterestLifecycle.live());
        for (DisposalInterest interest : live) {
            if (accepted != null && interest.id.equals(accepted.id)) {
                change(interest, InterestStatus.ACCEPTED, null);
            } else {
                change(interest, InterestStatus.DECLINED, note);
            }
        }
    }

    private DisposalInterest ownerDecision(UUID disposalId, UUID interestId, String ifMatch, InterestStatus to) {
        DisposalInterest interest = get(disposalId, interestId);
        Disposal disposal = disposal(disposalId);
        access.requireOwnerEditor(disposal);
        ETags.requireMatch(ifMatch, interest.version);
        if (disposal.status != DisposalStatus.OFFERED) {
            throw ProblemException.conflict("The disposal is " + disposal.status + ": its interests are decided with it.");
        }
        DisposalInterestLifecycle.require(interest.status, to);
        return change(interest, to, null);
    }

    private DisposalInterest change(DisposalInterest interest, InterestStatus to, String note) {
        DisposalInterestLifecycle.require(interest.status, to);
        JsonNode before = snapshot(interest);
        interest.status = to;
        interest.updatedAt = PartnershipCalendar.timestamp(clock);
        interest.flush();
        audit.record(DisposalInterestAuditScope.subject(interest), AuditActions.STATUS_CHANGED, before, snapshot(interest),
                note);
        return interest;
    }

    private Disposal disposal(UUID id) {
        Disposal disposal = Disposal.findById(id);
        if (disposal == null) {
            throw ProblemException.notFound("No disposal with id '" + id + "'.");
        }
        return disposal;
    }

    /** The interest as its history records it, in whatever state `interest` holds (the demo data's history). */
    public JsonNode recorded(DisposalInterest interest) {
        return snapshot(interest);
    }

    private JsonNode snapshot(DisposalInterest interest) {
        return audit.snapshot(DisposalMapper.toApi(interest));
    }

    private LocalDate today() {
        return PartnershipCalendar.today(clock);
    }

    private static ProblemException notFound(UUID interestId) {
        return ProblemException.notFound("No expression of interest with id '" + interestId + "'.");
    }
}
