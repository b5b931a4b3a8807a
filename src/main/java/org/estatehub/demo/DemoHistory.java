package org.estatehub.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.asset.Asset;
import org.estatehub.asset.mapping.AssetMapper;
import org.estatehub.asset.service.AssetAuditScope;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalInterest;
import org.estatehub.disposal.InterestStatus;
import org.estatehub.disposal.service.DisposalAuditScope;
import org.estatehub.disposal.service.DisposalInterestAuditScope;
import org.estatehub.disposal.service.DisposalInterestService;
import org.estatehub.disposal.service.DisposalService;
import org.estatehub.funding.Award;
import org.estatehub.funding.Bid;
import org.estatehub.funding.Claim;
import org.estatehub.funding.FundingRound;
import org.estatehub.funding.Payment;
import org.estatehub.funding.mapping.FundingMapper;
import org.estatehub.funding.service.AwardQueries;
import org.estatehub.funding.service.BidViews;
import org.estatehub.funding.service.FundingAuditScopes;
import org.estatehub.history.AuditActions;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.service.AuditHistory;
import org.estatehub.history.service.AuditLog;
import org.estatehub.mou.Mou;
import org.estatehub.mou.MouMapper;
import org.estatehub.mou.service.MouAuditScope;
import org.estatehub.occupation.Occupation;
import org.estatehub.occupation.mapping.OccupationMapper;
import org.estatehub.occupation.service.OccupationAuditScope;
import org.estatehub.partner.Partner;
import org.estatehub.partner.mapping.PartnerMapper;
import org.estatehub.partner.service.PartnerAuditScope;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;
import org.estatehub.project.mapping.ProjectMapper;
import org.estatehub.project.service.ProjectAuditScope;
import org.estatehub.workspace.Workspace;
import org.estatehub.workspace.WorkspaceAllocation;
import org.estatehub.workspace.WorkspaceDesk;
import org.estatehub.workspace.WorkspaceZone;
import org.estatehub.workspace.mapping.WorkspaceMapper;
import org.estatehub.workspace.service.WorkspaceAuditScope;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

/**
 * The demo data's creation, recorded like any other change: one creation event per demo record (the
 * same subject, action and snapshot as the service that creates such a record writes), so each record
 * has a history and a partner system can start from the change feed and find the demo partnership in
 * it. Events go through {@link AuditLog}, so the feed and histories apply their usual read rules: an
 * owner-only asset's creation stays hidden from other partners. A record that already has an event
 * (an earlier start, or a record created through the API) gets none, so a restart adds nothing.
 */
@ApplicationScoped
public class DemoHistory {

    /** The actor of the demo data's events; no partner created it. */
    static final String ACTOR = "demo-data";

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Inject
    AuditHistory history;

    @Inject
    BidViews bids;

    @Inject
    AwardQueries awards;

    @Inject
    DisposalService disposals;

    @Inject
    DisposalInterestService interests;

    /** Records the creation of every record without history; the number of events written. */
    @Transactional
    public int recordCreations() {
        Set<String> recorded = history.recordedEntities();
        LocalDate today = PartnershipCalendar.today(clock);
        int[] written = {0};
        Recorder recorder = (subject, action, after) -> {
            if (recorded.add(subject.entityType() + ":" + subject.entityId())) {
                audit.recordWithoutCaller(ACTOR, subject, action, null, after, "Demo data");
                written[0]++;
            }
        };
        for (Partner partner : Partner.<Partner>listAll(Sort.by("id"))) {
            recorder.record(PartnerAuditScope.subject(partner), AuditActions.CREATED,
                    audit.snapshot(PartnerMapper.toApi(partner, authorities)));
        }
        for (Asset asset : Asset.<Asset>listAll(Sort.by("ownerPartnerId").and("ownReference").and("id"))) {
            recorder.record(AssetAuditScope.subject(asset), AuditActions.CREATED,
                    audit.snapshot(AssetMapper.toApi(asset, null, authorities)));
        }
        for (Project project : Project.<Project>listAll(Sort.by("name").and("id"))) {
            recorder.record(ProjectAuditScope.subject(project), AuditActions.CREATED,
                    audit.snapshot(ProjectMapper.toApi(project, List.of(), today, authorities), "milestones"));
        }
        for (Milestone milestone : Milestone.<Milestone>listAll(Sort.by("projectId").and("dueOn").and("id"))) {
            recorder.record(ProjectAuditScope.subject(milestone), AuditActions.CREATED,
                    audit.snapshot(ProjectMapper.toApi(milestone, today), "state"));
        }
        for (FundingRound round : FundingRound.<FundingRound>listAll(Sort.by("opensOn").and("id"))) {
            recorder.record(FundingAuditScopes.subject(round), AuditActions.CREATED,
                    audit.snapshot(FundingMapper.toApi(round)));
        }
        for (Bid bid : Bid.<Bid>listAll(Sort.by("id"))) {
            recorder.record(FundingAuditScopes.subject(bid), AuditActions.CREATED, audit.snapshot(bids.view(bid)));
        }
        Map<UUID, Award> byId = Award.<Award>listAll(Sort.by("id")).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        for (Award award : byId.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).toList()) {
            recorder.record(FundingAuditScopes.subject(award), AuditActions.CREATED, audit.snapshot(awards.view(award)));
        }
        // As ReleaseService: a claim's creation is its submission.
        for (Claim claim : Claim.<Claim>listAll(Sort.by("submittedAt").and("id"))) {
            recorder.record(FundingAuditScopes.subject(claim, byId.get(claim.awardId)), AuditActions.SUBMITTED,
                    audit.snapshot(FundingMapper.toApi(claim)));
        }
        for (Payment payment : Payment.<Payment>listAll(Sort.by("recordedAt").and("id"))) {
            recorder.record(FundingAuditScopes.subject(payment, byId.get(payment.awardId)), AuditActions.CREATED,
                    audit.snapshot(FundingMapper.toApi(payment)));
        }
        for (Mou mou : Mou.<Mou>listAll(Sort.by("partnerId").and("id"))) {
            recorder.record(MouAuditScope.subject(mou), AuditActions.CREATED, audit.snapshot(MouMapper.toApi(mou, today)));
        }
        Map<UUID, String> owners = new java.util.HashMap<>();
        Function<UUID, String> owner = id -> owners.computeIfAbsent(id, a -> Asset.<Asset>findById(a).ownerPartnerId);
        for (Occupation o : Occupation.<Occupation>listAll(Sort.by("assetId").and("startsOn").and("id"))) {
            recorder.record(OccupationAuditScope.subject(o, owner.apply(o.assetId)), AuditActions.CREATED,
                    audit.snapshot(OccupationMapper.toApi(o, owner.apply(o.assetId), true, today), "current",
                            "commercialTermsWithheld"));
        }
        // A workspace's creation shows its desks and allocations as loaded; the demo month's bookings get no
        // events of their own (thousands of them, and a booking's history is not paged anywhere).
        for (Workspace w : Workspace.<Workspace>listAll(Sort.by("assetId").and("id"))) {
            List<WorkspaceZone> zones = WorkspaceZone.list("workspaceId = ?1 order by name, id", w.id);
            Map<UUID, List<WorkspaceDesk>> desks = WorkspaceDesk.<WorkspaceDesk>list("workspaceId = ?1 order by label, id", w.id)
                    .stream().collect(Collectors.groupingBy(d -> d.zoneId, java.util.LinkedHashMap::new, Collectors.toList()));
            List<WorkspaceAllocation> allocations = WorkspaceAllocation.list("workspaceId = ?1 order by partnerId", w.id);
            recorder.record(WorkspaceAuditScope.subject(w, owner.apply(w.assetId)), AuditActions.CREATED,
                    audit.snapshot(WorkspaceMapper.toApi(w, owner.apply(w.assetId), zones, desks, allocations)));
        }
        // A disposal and its interests get the events their steps through the API would have written: the
        // declaration (as OFFERED) and each status change to the state loaded, each interest's registration
        // and its settlement, in the order the steps happen (DisposalService, DisposalInterestService).
        History histories = (subject, events) -> {
            if (recorded.add(subject.entityType() + ":" + subject.entityId())) {
                for (Event e : events) {
                    audit.recordWithoutCaller(ACTOR, subject, e.action(), e.before(), e.after(), "Demo data");
                    written[0]++;
                }
            }
        };
        for (Disposal d : Disposal.<Disposal>listAll(Sort.by("declaredOn").and("id"))) {
            AuditSubject subject = DisposalAuditScope.subject(d);
            // Its status changes are written after its interests' events (the decisions that settle them
            // come after their registration), and only with its creation, for a disposal without history.
            boolean fresh = recorded.add(subject.entityType() + ":" + subject.entityId());
            List<Disposal> steps = DemoDisposalSteps.of(d);
            if (fresh) {
                audit.recordWithoutCaller(ACTOR, subject, AuditActions.CREATED, null, disposals.recorded(steps.get(0)),
                        "Demo data");
                written[0]++;
            }
            for (DisposalInterest i : DisposalInterest.<DisposalInterest>list("disposalId = ?1 order by registeredOn, id",
                    d.id)) {
                List<Event> events = new java.util.ArrayList<>();
                JsonNode registered = interests.recorded(DemoDisposalSteps.registered(i));
                events.add(new Event(AuditActions.CREATED, null, registered));
                if (i.status != InterestStatus.REGISTERED) {
                    events.add(new Event(AuditActions.STATUS_CHANGED, registered, interests.recorded(i)));
                }
                histories.record(DisposalInterestAuditScope.subject(i), events);
            }
            for (int k = 1; fresh && k < steps.size(); k++) {
                audit.recordWithoutCaller(ACTOR, subject, AuditActions.STATUS_CHANGED, disposals.recorded(steps.get(k - 1)),
                        disposals.recorded(steps.get(k)), "Demo data");
                written[0]++;
            }
        }
        return written[0];
    }

    @FunctionalInterface
    private interface Recorder {
        void record(AuditSubject subject, String action, JsonNode after);
    }

    private record Event(String action, JsonNode before, JsonNode after) {
    }

    @FunctionalInterface
    private interface History {
        void record(AuditSubject subject, List<Event> events);
    }
}
