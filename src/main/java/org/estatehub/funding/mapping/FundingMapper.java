package org.estatehub.funding.mapping;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.estatehub.api.model.FundingFigures;
import org.estatehub.api.model.FundingSummary;
import org.estatehub.api.model.ProgrammeFunding;
import org.estatehub.api.model.RoundFunding;
import org.estatehub.common.money.Moneys;
import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.BidLine;
import org.estatehub.funding.Claim;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.Payment;
import org.estatehub.funding.service.FundingSummaryService;
import org.estatehub.project.Project;

public final class FundingMapper {

    private FundingMapper() {
    }

    public static org.estatehub.api.model.FundingRound toApi(FundingRound r) {
        return new org.estatehub.api.model.FundingRound()
                .id(r.id).programme(r.programme).name(r.name).opensOn(r.opensOn).closesOn(r.closesOn)
                .decisionDue(r.decisionDue).status(r.status).version(r.version);
    }

    /** `awards` maps bid line ids to their award ids. */
    public static org.estatehub.api.model.Bid toApi(Bid b, FundingRound round, Map<UUID, Project> projects,
            Map<UUID, UUID> awards) {
        BigDecimal requested = BigDecimal.ZERO.setScale(2);
        BigDecimal awarded = BigDecimal.ZERO.setScale(2);
        boolean decided = false;
        List<org.estatehub.api.model.BidLine> lines = new java.util.ArrayList<>();
        for (BidLine l : b.lines) {
            Project project = projects.get(l.projectId);
            requested = requested.add(l.amountRequested);
            if (l.amountAwarded != null) {
                awarded = awarded.add(l.amountAwarded);
                decided = true;
            }
            lines.add(new org.estatehub.api.model.BidLine()
                    .id(l.id).projectId(l.projectId).projectName(project.name).leadPartnerId(project.leadPartnerId)
                    .amountRequested(Moneys.gbp(l.amountRequested)).activities(List.copyOf(l.activities))
                    .amountAwarded(Moneys.gbp(l.amountAwarded)).awardId(awards.get(l.id)));
        }
        return new org.estatehub.api.model.Bid()
                .id(b.id).roundId(b.roundId).roundName(round.name).programme(round.programme).title(b.title)
                .status(b.status).lines(lines).totalRequested(Moneys.gbp(requested))
                .totalAwarded(decided ? Moneys.gbp(awarded) : null)
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
                .recipientPartnerId(a.recipientPartnerId).amountAwarded(Moneys.gbp(a.amountAwarded))
                .released(Moneys.gbp(a.released)).balance(Moneys.gbp(a.balance()))
                .activities(List.copyOf(line.activities));
    }

    public static org.estatehub.api.model.Claim toApi(Claim c) {
        return new org.estatehub.api.model.Claim()
                .id(c.id).awardId(c.awardId).invoiceReference(c.invoiceReference).amount(Moneys.gbp(c.amount))
                .activity(c.activity).description(c.description).status(c.status).submittedBy(c.submittedBy)
                .submittedAt(c.submittedAt.withOffsetSameInstant(ZoneOffset.UTC)).decidedBy(c.decidedBy)
                .decidedAt(c.decidedAt == null ? null : c.decidedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .rejectionReason(c.rejectionReason).version(c.version);
    }

    public static org.estatehub.api.model.Payment toApi(Payment p) {
        return new org.estatehub.api.model.Payment()
                .id(p.id).awardId(p.awardId).amount(Moneys.gbp(p.amount)).paidOn(p.paidOn).reference(p.reference)
                .recordedBy(p.recordedBy).recordedAt(p.recordedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static FundingSummary toApi(FundingSummaryService.Summary s) {
        return new FundingSummary()
                .programmes(s.programmes().entrySet().stream()
                        .map(e -> new ProgrammeFunding().programme(e.getKey()).figures(figures(e.getValue()))).toList())
                .rounds(s.rounds().stream().map(r -> new RoundFunding().roundId(r.roundId()).name(r.name())
                        .programme(r.programme()).status(r.status()).figures(figures(r.figures()))).toList())
                .total(figures(s.total()));
    }

    private static FundingFigures figures(FundingSummaryService.Figures f) {
        return new FundingFigures()
                .requested(Moneys.gbp(f.requested())).awarded(Moneys.gbp(f.awarded()))
                .released(Moneys.gbp(f.released())).awaitingDecision(Moneys.gbp(f.awaiting()))
                .bids(f.bids()).successfulBids(f.successfulBids()).lines(f.lines());
    }
}
