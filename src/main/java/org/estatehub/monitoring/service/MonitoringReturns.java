package org.estatehub.monitoring.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.CountTotals;
import org.estatehub.api.model.HectaresTotals;
import org.estatehub.api.model.MoneyTotals;
import org.estatehub.api.model.MonitoringProjectRow;
import org.estatehub.api.model.MonitoringReturn;
import org.estatehub.api.model.MonitoringReturnRequest;
import org.estatehub.api.model.MonitoringTotals;
import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProgrammeMoney;
import org.estatehub.common.money.Money;
import org.estatehub.common.money.Moneys;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.service.LandRelease;
import org.estatehub.monitoring.Quarter;
import org.estatehub.project.Project;
import org.estatehub.project.mapping.ProjectMapper;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The quarterly return to OPE: for every funded project, spend to date against award, stage, RAG,
 * milestones due and missed in the quarter, outcomes against targets; with partnership totals. Generated
 * from live data; once the PMO submits it, stored as an immutable snapshot.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonitoringReturns {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    LandRelease landRelease;

    @Inject
    org.estatehub.occupation.service.OccupationDashboard occupations;

    public record Stored(String period, OffsetDateTime generatedAt, String submittedBy, Money awarded,
            Money released) {
    }

    /** Awarded and released money of one project under one programme. */
    private record ProjectMoney(UUID projectId, Programme programme, Money awarded, Money released) {
    }

    /** Milestones of one project due in the quarter, and those of them missed. */
    private record MilestoneCounts(int due, int missed) {
    }

    private static final NamedSql PROJECT_MONEY = NamedSql.of("""
            select a.project_id, a.programme, sum(a.amount_awarded) awarded, sum(a.released) released
              from award a group by a.project_id, a.programme order by a.project_id, a.programme""");

    private static final NamedSql MILESTONES = NamedSql.of("""
            select count(*) filter (where due_on between :start and :end) due,
                   count(*) filter (where due_on between :start and :end
                                    and (completed_on is null or completed_on > due_on)) missed
              from project_milestone where project_id = :project""");

    private static final NamedSql SNAPSHOT = NamedSql.of(
            "select cast(snapshot as text) snapshot from monitoring_return where period = :period");

    private static final NamedSql STORED = NamedSql.of("""
            select period, generated_at, submitted_by, awarded, released from monitoring_return
             order by period desc limit :limit offset :offset""");

    private static final NamedSql COUNT = NamedSql.of("select count(*) from monitoring_return");

    public MonitoringReturn generate(Quarter quarter) {
        // No entity changes are pending when a return is generated (submit changes nothing before), so the
        // JDBC reads need no flush.
        List<ProjectMoney> money = work(connection -> PROJECT_MONEY.list(connection, Map.of(),
                row -> new ProjectMoney(row.getObject("project_id", UUID.class),
                        Programme.fromValue(row.getString("programme")), Money.of(row.getBigDecimal("awarded")),
                        Money.of(row.getBigDecimal("released")))));
        Map<UUID, List<ProjectMoney>> byProject = new java.util.LinkedHashMap<>();
        money.forEach(r -> byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r));

        List<Project> projects = byProject.isEmpty() ? List.of()
                : Project.<Project>list("id in ?1 order by name, id", new ArrayList<>(byProject.keySet()));
        Map<Programme, FundingTotals> programmes = new EnumMap<>(Programme.class);
        for (Programme p : Programme.values()) {
            programmes.put(p, FundingTotals.NONE);
        }
        List<MonitoringProjectRow> rows = new ArrayList<>();
        Money awarded = Money.ZERO;
        Money released = Money.ZERO;
        OutcomeSums outcomes = new OutcomeSums();
        for (Project project : projects) {
            Money projectAwarded = Money.ZERO;
            Money projectReleased = Money.ZERO;
            List<Programme> projectProgrammes = new ArrayList<>();
            for (ProjectMoney r : byProject.get(project.id)) {
                Programme programme = r.programme();
                Money a = r.awarded();
                Money x = r.released();
                projectProgrammes.add(programme);
                projectAwarded = projectAwarded.plus(a);
                projectReleased = projectReleased.plus(x);
                programmes.merge(programme, new FundingTotals(a, x), FundingTotals::plus);
            }
            awarded = awarded.plus(projectAwarded);
            released = released.plus(projectReleased);
            outcomes.add(project);
            MilestoneCounts milestones = work(connection -> MILESTONES.one(connection,
                    Map.of("start", quarter.start(), "end", quarter.end(), "project", project.id),
                    row -> new MilestoneCounts(row.getInt("due"), row.getInt("missed"))));
            rows.add(new MonitoringProjectRow()
                    .projectId(project.id).projectName(project.name).leadPartnerId(project.leadPartnerId)
                    .programmes(projectProgrammes).stage(ProjectMapper.toApi(project.stage))
                    .ragStatus(project.ragStatus)
                    .ragReason(project.ragReason).awarded(projectAwarded.toApi())
                    .released(projectReleased.toApi())
                    .milestonesDue(milestones.due())
                    .milestonesMissed(milestones.missed())
                    .outcomes(ProjectMapper.outcomes(project))
                    .disposalOutcomes(landRelease.ofProject(project, quarter.end())));
        }
        MonitoringTotals totals = new MonitoringTotals()
                .projects(rows.size()).awarded(awarded.toApi()).released(released.toApi())
                .byProgramme(programmes.entrySet().stream().map(e -> new ProgrammeMoney().programme(e.getKey())
                        .awarded(e.getValue().awarded().toApi()).released(e.getValue().released().toApi())).toList())
                .homes(new CountTotals().target(outcomes.homesTarget).actual(outcomes.homesActual))
                .jobs(new CountTotals().target(outcomes.jobsTarget).actual(outcomes.jobsActual))
                .capitalReceipts(new MoneyTotals().target(Moneys.gbp(outcomes.receiptsTarget))
                        .actual(Moneys.gbp(outcomes.receiptsActual)))
                .runningCostSavings(new MoneyTotals().target(Moneys.gbp(outcomes.savingsTarget))
                        .actual(Moneys.gbp(outcomes.savingsActual)))
                .landReleased(new HectaresTotals().target(ProjectMapper.hectares(outcomes.landTarget))
                        .actual(ProjectMapper.hectares(outcomes.landActual)));
        return new MonitoringReturn()
                .period(quarter.label()).periodStart(quarter.start()).periodEnd(quarter.end())
                .status(MonitoringReturn.StatusEnum.PREVIEW)
                .generatedAt(PartnershipCalendar.timestamp(clock))
                .projects(rows).totals(totals)
                // What disposals completed by the quarter's end released, public to every partner; the totals
                // above stay those of the projects' entered outcomes, so nothing is counted twice.
                .landRelease(landRelease.figures(null, quarter.end()))
                // Rents summed: ProjectDisclosure.disclose leaves this section to the overseers.
                .occupations(occupations.partnershipWide(quarter.end()));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public MonitoringReturn submit(MonitoringReturnRequest request) {
        if (!caller.hasRole(Roles.PMO_ADMIN)) {
            throw ProblemException.forbidden("Only the programme office (pmo-admin) submits monitoring returns.");
        }
        Quarter quarter = Quarter.parse(request.getPeriod());
        if (quarter.start().isAfter(PartnershipCalendar.today(clock))) {
            throw ProblemException.invalid(List.of(org.estatehub.common.problem.Problems.fieldError("period",
                    "the quarter has not started yet")));
        }
        // Serialises submissions of the same quarter; the primary key would refuse the second anyway.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('monitoring-return:' || :period))")
                .setParameter("period", quarter.label()).getSingleResult();
        if (find(quarter.label()) != null) {
            throw ProblemException.conflict("The return for " + quarter.label() + " was already submitted; a"
                    + " submitted return never changes.");
        }
        MonitoringReturn result = generate(quarter)
                .status(MonitoringReturn.StatusEnum.SUBMITTED)
                .submittedBy(caller.username())
                .narrative(request.getNarrative() == null || request.getNarrative().isBlank() ? null
                        : request.getNarrative().strip());
        em.createNativeQuery("""
                insert into monitoring_return (period, period_start, period_end, generated_at, submitted_by, partner_id,
                                               awarded, released, snapshot)
                values (:period, :start, :end, :generatedAt, :by, :partner, :awarded, :released, cast(:snapshot as jsonb))""")
                .setParameter("period", quarter.label()).setParameter("start", quarter.start())
                .setParameter("end", quarter.end()).setParameter("generatedAt", result.getGeneratedAt())
                .setParameter("by", caller.username()).setParameter("partner", caller.partnerId())
                .setParameter("awarded", new BigDecimal(result.getTotals().getAwarded().getAmount()))
                .setParameter("released", new BigDecimal(result.getTotals().getReleased().getAmount()))
                .setParameter("snapshot", write(result))
                .executeUpdate();
        return result;
    }

    public MonitoringReturn find(String period) {
        var snapshot = work(connection -> SNAPSHOT.optional(connection, Map.of("period", period),
                row -> row.getString("snapshot")));
        if (snapshot.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(snapshot.get(), MonitoringReturn.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored return " + period + " cannot be read", e);
        }
    }

    public MonitoringReturn get(String period) {
        MonitoringReturn found = find(period);
        if (found == null) {
            throw ProblemException.notFound("No monitoring return has been submitted for " + period + ".");
        }
        return found;
    }

    public List<Stored> list(int limit, int offset) {
        return work(connection -> STORED.list(connection, Map.of("limit", limit, "offset", offset),
                row -> new Stored(row.getString("period"),
                        row.getObject("generated_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        row.getString("submitted_by"), Money.of(row.getBigDecimal("awarded")),
                        Money.of(row.getBigDecimal("released")))));
    }

    public long count() {
        return work(connection -> COUNT.count(connection, Map.of()));
    }

    /** On the session's own connection, so reads stay in the caller's transaction. */
    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Awarded and released money of one programme over the return's projects. */
    private record FundingTotals(Money awarded, Money released) {
        static final FundingTotals NONE = new FundingTotals(Money.ZERO, Money.ZERO);

        FundingTotals plus(FundingTotals o) {
            return new FundingTotals(awarded.plus(o.awarded), released.plus(o.released));
        }
    }

    /** Sums of the OPE core measures over the return's projects. */
    private static final class OutcomeSums {
        long homesTarget;
        long homesActual;
        long jobsTarget;
        long jobsActual;
        BigDecimal receiptsTarget = BigDecimal.ZERO.setScale(2);
        BigDecimal receiptsActual = BigDecimal.ZERO.setScale(2);
        BigDecimal savingsTarget = BigDecimal.ZERO.setScale(2);
        BigDecimal savingsActual = BigDecimal.ZERO.setScale(2);
        BigDecimal landTarget = BigDecimal.ZERO.setScale(2);
        BigDecimal landActual = BigDecimal.ZERO.setScale(2);

        void add(Project p) {
            homesTarget += p.homesTarget == null ? 0 : p.homesTarget;
            homesActual += p.homesActual == null ? 0 : p.homesActual;
            jobsTarget += p.jobsTarget == null ? 0 : p.jobsTarget;
            jobsActual += p.jobsActual == null ? 0 : p.jobsActual;
            receiptsTarget = plus(receiptsTarget, p.capitalReceiptsTarget);
            receiptsActual = plus(receiptsActual, p.capitalReceiptsActual);
            savingsTarget = plus(savingsTarget, p.runningCostSavingsTarget);
            savingsActual = plus(savingsActual, p.runningCostSavingsActual);
            landTarget = plus(landTarget, p.landReleasedTargetHa);
            landActual = plus(landActual, p.landReleasedActualHa);
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return value == null ? sum : sum.add(value);
        }
    }
}
