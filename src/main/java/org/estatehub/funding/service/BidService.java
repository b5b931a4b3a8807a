package org.estatehub.funding.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.BidDecision;
import org.estatehub.api.model.BidInput;
import org.estatehub.api.model.BidLineDecision;
import org.estatehub.api.model.BidLineInput;
import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Programme;
import org.estatehub.common.http.ETags;
import org.estatehub.common.money.Money;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.Where;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.BidLine;
import org.estatehub.funding.BidStatus;
import org.estatehub.funding.FundingRound;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.project.Project;

/** Drafting, signing off, submitting and deciding bids; which step may follow which is BidLifecycle's. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BidService {

    @Inject
    Clock clock;

    @Inject
    FundingAccess access;

    @Inject
    RoundService rounds;

    @Inject
    AwardQueries awards;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    BidViews views;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<Bid> list(UUID roundId, BidStatus status, UUID projectId, Programme programme, int limit, int offset) {
        Where where = new Where();
        if (roundId != null) {
            where.and("b.round_id = :roundId", "roundId", roundId);
        }
        if (status != null) {
            where.and("b.status = :status", "status", status.toString());
        }
        if (projectId != null) {
            where.and("exists (select 1 from bid_line l where l.bid_id = b.id and l.project_id = :projectId)",
                    "projectId", projectId);
        }
        if (programme != null) {
            where.and("r.programme = :programme", "programme", programme.toString());
        }
        String from = "from bid b join funding_round r on r.id = b.round_id " + where.sql();
        return NativePaging.page(em, Bid.class, "b", from, "r.opens_on, b.title, b.id", where.params(), limit,
                offset);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Bid get(UUID id) {
        Bid bid = Bid.findById(id);
        if (bid == null) {
            throw ProblemException.notFound("No bid with id '" + id + "'.");
        }
        return bid;
    }

    public Bid create(BidInput input) {
        access.requirePmo("draft bids");
        FundingRound round = rounds.get(input.getRoundId());
        if (!FundingRoundLifecycle.takesDrafts(round.status)) {
            throw ProblemException.conflict("Round '" + round.name + "' is " + round.status + "; bids are drafted for"
                    + " planned or open rounds.");
        }
        Bid bid = new Bid();
        bid.id = UUID.randomUUID();
        bid.roundId = round.id;
        bid.status = BidStatus.DRAFT;
        apply(input, bid);
        bid.createdAt = PartnershipCalendar.timestamp(clock);
        bid.updatedAt = bid.createdAt;
        bid.persistAndFlush();
        audit.record(FundingAuditScopes.subject(bid), AuditActions.CREATED, null, snapshot(bid));
        return bid;
    }

    public Bid update(UUID id, BidInput input, String ifMatch) {
        access.requirePmo("revise bids");
        Bid bid = get(id);
        ETags.requireMatch(ifMatch, bid.version);
        BidLifecycle.requireRevisable(bid.status);
        if (!input.getRoundId().equals(bid.roundId)) {
            throw ProblemException.conflict("A bid stays in its round; draft a new bid for another round.");
        }
        var before = snapshot(bid);
        bid.updatedAt = PartnershipCalendar.timestamp(clock);
        apply(input, bid);
        bid.flush();
        audit.record(FundingAuditScopes.subject(bid), AuditActions.UPDATED, before, snapshot(bid));
        return bid;
    }

    public Bid signOff(UUID id, String ifMatch) {
        access.requireAccountableS151();
        Bid bid = get(id);
        ETags.requireMatch(ifMatch, bid.version);
        BidLifecycle.require(bid.status, BidStatus.SIGNED_OFF);
        if (bid.lines.isEmpty()) {
            throw ProblemException.conflict("A bid without lines cannot be signed off.");
        }
        var before = snapshot(bid);
        bid.status = BidStatus.SIGNED_OFF;
        bid.signedOffBy = access.username();
        bid.signedOffAt = PartnershipCalendar.timestamp(clock);
        bid.updatedAt = bid.signedOffAt;
        bid.flush();
        audit.record(FundingAuditScopes.subject(bid), AuditActions.SIGNED_OFF, before, snapshot(bid));
        return bid;
    }

    public Bid submit(UUID id, String ifMatch) {
        access.requirePmo("submit bids");
        Bid bid = get(id);
        ETags.requireMatch(ifMatch, bid.version);
        BidLifecycle.require(bid.status, BidStatus.SUBMITTED);
        FundingRound round = rounds.get(bid.roundId);
        LocalDate today = PartnershipCalendar.today(clock);
        if (!round.acceptsSubmissions(today)) {
            throw ProblemException.conflict("Round '" + round.name + "' is not open for submissions (status "
                    + round.status + ", open " + round.opensOn + " to " + round.closesOn + ").");
        }
        var before = snapshot(bid);
        bid.status = BidStatus.SUBMITTED;
        bid.submittedBy = access.username();
        bid.submittedAt = PartnershipCalendar.timestamp(clock);
        bid.updatedAt = bid.submittedAt;
        bid.flush();
        audit.record(FundingAuditScopes.subject(bid), AuditActions.SUBMITTED, before, snapshot(bid));
        return bid;
    }

    public Bid decide(UUID id, BidDecision decision, String ifMatch) {
        access.requirePmo("record decisions");
        Bid bid = get(id);
        ETags.requireMatch(ifMatch, bid.version);
        BidLifecycle.require(bid.status, BidStatus.DECIDED);
        Map<UUID, BidLine> lines = new HashMap<>();
        bid.lines.forEach(l -> lines.put(l.id, l));
        List<FieldError> errors = new ArrayList<>();
        Map<UUID, Money> awarded = new HashMap<>();
        List<BidLineDecision> decided = decision.getLines();
        for (int i = 0; i < decided.size(); i++) {
            BidLineDecision d = decided.get(i);
            BidLine line = lines.get(d.getLineId());
            Money amount = Money.fromApi(d.getAmountAwarded());
            if (line == null) {
                errors.add(Problems.fieldError("lines[" + i + "].lineId", "not a line of this bid"));
            } else if (awarded.put(line.id, amount) != null) {
                errors.add(Problems.fieldError("lines[" + i + "].lineId", "decided twice"));
            } else if (amount.isGreaterThan(line.amountRequested)) {
                errors.add(Problems.fieldError("lines[" + i + "].amountAwarded", "more than the "
                        + line.amountRequested + " requested"));
            }
        }
        for (BidLine line : bid.lines) {
            if (!awarded.containsKey(line.id) && errors.isEmpty()) {
                errors.add(Problems.fieldError("lines", "line " + line.id + " has no decision; decide every line"));
            }
        }
        if (decision.getDecidedOn().isAfter(PartnershipCalendar.today(clock))) {
            errors.add(Problems.fieldError("decidedOn", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        FundingRound round = rounds.get(bid.roundId);
        var before = snapshot(bid);
        List<Award> created = new ArrayList<>();
        for (BidLine line : bid.lines) {
            line.amountAwarded = awarded.get(line.id);
            if (line.amountAwarded.isPositive()) {
                Award award = new Award();
                award.id = UUID.randomUUID();
                award.bidLineId = line.id;
                award.programme = round.programme;
                award.projectId = line.projectId;
                award.recipientPartnerId = Project.<Project>findById(line.projectId).leadPartnerId;
                award.amountAwarded = line.amountAwarded;
                award.createdAt = PartnershipCalendar.timestamp(clock);
                award.persist();
                created.add(award);
            }
        }
        bid.status = BidStatus.DECIDED;
        bid.decidedOn = decision.getDecidedOn();
        bid.updatedAt = PartnershipCalendar.timestamp(clock);
        bid.flush();
        audit.record(FundingAuditScopes.subject(bid), AuditActions.DECIDED, before, snapshot(bid));
        for (Award award : created) {
            em.refresh(award);
            audit.record(FundingAuditScopes.subject(award), AuditActions.CREATED, null, awardSnapshot(award));
        }
        return bid;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode snapshot(Bid bid) {
        return audit.snapshot(views.view(bid));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode awardSnapshot(Award award) {
        return audit.snapshot(awards.view(award));
    }

    /** Replaces title and lines; every line must name a project once, with a positive amount. */
    private void apply(BidInput input, Bid bid) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> projects = new HashSet<>();
        List<BidLineInput> lines = input.getLines();
        for (int i = 0; i < lines.size(); i++) {
            BidLineInput line = lines.get(i);
            if (Project.findById(line.getProjectId()) == null) {
                errors.add(Problems.fieldError("lines[" + i + "].projectId", "no project '" + line.getProjectId() + "'"));
            } else if (!projects.add(line.getProjectId())) {
                errors.add(Problems.fieldError("lines[" + i + "].projectId", "the project already has a line in this bid"));
            }
            if (!Money.fromApi(line.getAmountRequested()).isPositive()) {
                errors.add(Problems.fieldError("lines[" + i + "].amountRequested.amount", "must be more than 0"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        bid.title = input.getTitle().strip();
        Map<UUID, BidLine> existing = new HashMap<>();
        bid.lines.forEach(l -> existing.put(l.projectId, l));
        List<BidLine> replaced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BidLineInput in = lines.get(i);
            BidLine line = existing.getOrDefault(in.getProjectId(), new BidLine());
            if (line.id == null) {
                line.id = UUID.randomUUID();
                line.bid = bid;
                line.projectId = in.getProjectId();
            }
            line.amountRequested = Money.fromApi(in.getAmountRequested());
            line.activities = new ArrayList<>(in.getActivities().stream().map(String::strip).toList());
            line.position = i;
            replaced.add(line);
        }
        bid.lines.clear();
        bid.lines.addAll(replaced);
    }
}
