package org.estatehub.funding.mapping;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.estatehub.api.model.FundingFigures;
import org.estatehub.api.model.FundingSummary;
import org.estatehub.api.model.ProgrammeFunding;
import org.estatehub.api.model.RoundFunding;
import org.estatehub.common.money.Money;
import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.BidLine;
import org.estatehub.funding.BidStatus;
import org.estatehub.funding.Claim;
import org.estatehub.funding.ClaimStatus;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.FundingRoundStatus;
import org.estatehub.funding.Payment;
import org.estatehub.funding.service.FundingSummaryService;
import org.estatehub.project.Project;

public final class FundingMapper {

    private FundingMapper() {
    }

    public static org.estatehub.api.model.FundingRound toApi(FundingRound r) {
        return new org.estatehub.api.model.FundingRound()
                .id(r.id).programme(r.programme).name(r.name).opensOn(r.opensOn).closesOn(r.closesOn)
                .decisionDue(r.decisionDue).status(toApi(r.status)).version(r.version);
    }

    /** `awards` maps bid line ids to their award ids. */
    public static org.estatehub.api.model.Bid toApi(Bid b, FundingRound round, Map<UUID, Project> projects,
            Map<UUID, UUID> awards) {
        Money requested = Money.ZERO;
        Money awarded = Money.ZERO;
        boolean decided = false;
        List<org.estatehub.api.model.BidLine> lines = new java.util.ArrayList<>();
        for (BidLine l : b.lines) {
            Project project = projects.get(l.projectId);
            requested = requested.plus(l.amountRequested);
            if (l.amountAwarded != null) {
                awarded = awarded.plus(l.amountAwarded);
                decided = true;
            }
            lines.add(new org.estatehub.api.model.BidLine()
                    .id(l.id).projectId(l.projectId).projectName(project.name).leadPartnerId(project.leadPartnerId)
                    .amountRequested(l.amountRequested.toApi()).activities(List.copyOf(l.activities))
                    .amountAwarded(Money.toApi(l.amountAwarded)).awardId(awards.get(l.id)));
        }
        return new org.estatehub.api.model.Bid()
                .id(b.id).roundId(b.roundId).roundName(round.name).programme(round.programme).title(b.title)
                .status(toApi(b.status)).lines(lines).totalRequested(requested.toApi())
                .totalAwarded(decided ? awarded.toApi() : null)
                .signedOffBy(b.signedOffBy)
                .signedOffAt(b.signedOffAt == null ? null : b.signedOffAt.withOffsetSameInstant(ZoneOffset.UTC))
                .submittedBy(b.submittedBy)
                .submittedAt(b.submittedAt == null ? null : b.submittedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .decidedOn(b.decidedOn).version(b.version);
    }

    public static org.estatehub.api.model.Award toApi(Award a, BidLine line, FundingRound round, Project project) {
        return new org.estatehub.api.model.Award()
                .id(a.id).bidId(line.bid.id).bidLineId(line.id).roundId(round.id).roundName(round.name)
                .programme(a.programme).projectId(a.projectId).projectName(project.name)
                .recipientPartnerId(a.recipientPartnerId).amountAwarded(a.amountAwarded.toApi())
                .released(Money.toApi(a.released)).balance(a.balance().toApi())
                .activities(List.copyOf(line.activities));
    }

    public static org.estatehub.api.model.Claim toApi(Claim c) {
        return new org.estatehub.api.model.Claim()
                .id(c.id).awardId(c.awardId).invoiceReference(c.invoiceReference).amount(c.amount.toApi())
                .activity(c.activity).description(c.description).status(toApi(c.status)).submittedBy(c.submittedBy)
                .submittedAt(c.submittedAt.withOffsetSameInstant(ZoneOffset.UTC)).decidedBy(c.decidedBy)
                .decidedAt(c.decidedAt == null ? null : c.decidedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .rejectionReason(c.rejectionReason).version(c.version);
    }

    public static org.estatehub.api.model.Payment toApi(Payment p) {
        return new org.estatehub.api.model.Payment()
                .id(p.id).awardId(p.awardId).amount(p.amount.toApi()).paidOn(p.paidOn).reference(p.reference)
                .recordedBy(p.recordedBy).recordedAt(p.recordedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static FundingSummary toApi(FundingSummaryService.Summary s) {
        return new FundingSummary()
                .programmes(s.programmes().entrySet().stream()
                        .map(e -> new ProgrammeFunding().programme(e.getKey()).figures(figures(e.getValue()))).toList())
                .rounds(s.rounds().stream().map(r -> new RoundFunding().roundId(r.roundId()).name(r.name())
                        .programme(r.programme()).status(toApi(r.status())).figures(figures(r.figures()))).toList())
                .total(figures(s.total()));
    }

    private static FundingFigures figures(FundingSummaryService.Figures f) {
        return new FundingFigures()
                .requested(f.requested().toApi()).awarded(f.awarded().toApi())
                .released(f.released().toApi()).awaitingDecision(f.awaiting().toApi())
                .bids(f.bids()).successfulBids(f.successfulBids()).lines(f.lines());
    }

    // Stored statuses are domain enums; the contract's enums exist only at the API edge. Each switch is
    // exhaustive, so a status added on one side without the other fails to compile.

    public static org.estatehub.api.model.RoundStatus toApi(FundingRoundStatus s) {
        return switch (s) {
            case PLANNED -> org.estatehub.api.model.RoundStatus.PLANNED;
            case OPEN -> org.estatehub.api.model.RoundStatus.OPEN;
            case CLOSED -> org.estatehub.api.model.RoundStatus.CLOSED;
            case DECIDED -> org.estatehub.api.model.RoundStatus.DECIDED;
        };
    }

    public static FundingRoundStatus fromApi(org.estatehub.api.model.RoundStatus s) {
        return s == null ? null : switch (s) {
            case PLANNED -> FundingRoundStatus.PLANNED;
            case OPEN -> FundingRoundStatus.OPEN;
            case CLOSED -> FundingRoundStatus.CLOSED;
            case DECIDED -> FundingRoundStatus.DECIDED;
        };
    }

    public static org.estatehub.api.model.BidStatus toApi(BidStatus s) {
        return switch (s) {
            case DRAFT -> org.estatehub.api.model.BidStatus.DRAFT;
            case SIGNED_OFF -> org.estatehub.api.model.BidStatus.SIGNED_OFF;
            case SUBMITTED -> org.estatehub.api.model.BidStatus.SUBMITTED;
            case DECIDED -> org.estatehub.api.model.BidStatus.DECIDED;
        };
    }

    public static BidStatus fromApi(org.estatehub.api.model.BidStatus s) {
        return s == null ? null : switch (s) {
            case DRAFT -> BidStatus.DRAFT;
            case SIGNED_OFF -> BidStatus.SIGNED_OFF;
            case SUBMITTED -> BidStatus.SUBMITTED;
            case DECIDED -> BidStatus.DECIDED;
        };
    }

    public static org.estatehub.api.model.ClaimStatus toApi(ClaimStatus s) {
        return switch (s) {
            case SUBMITTED -> org.estatehub.api.model.ClaimStatus.SUBMITTED;
            case APPROVED -> org.estatehub.api.model.ClaimStatus.APPROVED;
            case REJECTED -> org.estatehub.api.model.ClaimStatus.REJECTED;
        };
    }
}
