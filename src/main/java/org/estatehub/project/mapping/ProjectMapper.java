package org.estatehub.project.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.estatehub.api.model.CountMeasure;
import org.estatehub.api.model.HectaresMeasure;
import org.estatehub.api.model.MoneyMeasure;
import org.estatehub.api.model.Outcomes;
import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProjectSummary;
import org.estatehub.api.model.Rag;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.money.Moneys;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;
import org.estatehub.project.ProjectStage;
import org.estatehub.project.StageChange;

public final class ProjectMapper {

    private ProjectMapper() {
    }

    /** The stored stage as the contract names it; exhaustive, so a new stage fails to compile until mapped. */
    public static org.estatehub.api.model.ProjectStage toApi(ProjectStage stage) {
        return switch (stage) {
            case IDEA -> org.estatehub.api.model.ProjectStage.IDEA;
            case PIPELINE -> org.estatehub.api.model.ProjectStage.PIPELINE;
            case FEASIBILITY -> org.estatehub.api.model.ProjectStage.FEASIBILITY;
            case BUSINESS_CASE -> org.estatehub.api.model.ProjectStage.BUSINESS_CASE;
            case DELIVERY -> org.estatehub.api.model.ProjectStage.DELIVERY;
            case COMPLETE -> org.estatehub.api.model.ProjectStage.COMPLETE;
            case WITHDRAWN -> org.estatehub.api.model.ProjectStage.WITHDRAWN;
        };
    }

    /** The contract's stage as stored; null (no stage given, e.g. an unfiltered list) stays null. */
    public static ProjectStage fromApi(org.estatehub.api.model.ProjectStage stage) {
        if (stage == null) {
            return null;
        }
        return switch (stage) {
            case IDEA -> ProjectStage.IDEA;
            case PIPELINE -> ProjectStage.PIPELINE;
            case FEASIBILITY -> ProjectStage.FEASIBILITY;
            case BUSINESS_CASE -> ProjectStage.BUSINESS_CASE;
            case DELIVERY -> ProjectStage.DELIVERY;
            case COMPLETE -> ProjectStage.COMPLETE;
            case WITHDRAWN -> ProjectStage.WITHDRAWN;
        };
    }

    /** The project's details as the contract shows them; the authorities give its authority's name. */
    public static org.estatehub.api.model.Project toApi(Project p, List<Milestone> milestones, LocalDate today,
            LocalAuthorities authorities) {
        return new org.estatehub.api.model.Project()
                .id(p.id)
                .name(p.name)
                .description(p.description)
                .leadPartnerId(p.leadPartnerId)
                .participatingPartnerIds(sorted(p.participatingPartnerIds))
                .localAuthority(p.localAuthority)
                .localAuthorityName(authorityName(p, authorities))
                .type(p.type)
                .stage(toApi(p.stage))
                .rag(p.ragStatus == null ? null : new Rag().status(p.ragStatus).reason(p.ragReason))
                .assetIds(p.assetIds.stream().sorted().toList())
                .programmes(programmes(p))
                .milestones(milestones.stream().map(m -> toApi(m, today)).toList())
                .outcomes(outcomes(p))
                .createdAt(p.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(p.updatedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version(p.version);
    }

    public static ProjectSummary toSummary(Project p, LocalAuthorities authorities) {
        return new ProjectSummary()
                .id(p.id)
                .name(p.name)
                .leadPartnerId(p.leadPartnerId)
                .participatingPartnerIds(sorted(p.participatingPartnerIds))
                .localAuthority(p.localAuthority)
                .localAuthorityName(authorityName(p, authorities))
                .type(p.type)
                .stage(toApi(p.stage))
                .ragStatus(p.ragStatus)
                .programmes(programmes(p));
    }

    private static String authorityName(Project p, LocalAuthorities authorities) {
        return authorities.find(p.localAuthority).map(a -> a.name).orElse(null);
    }

    public static org.estatehub.api.model.Milestone toApi(Milestone m, LocalDate today) {
        org.estatehub.api.model.Milestone.StateEnum state = m.completedOn != null
                ? org.estatehub.api.model.Milestone.StateEnum.COMPLETED
                : m.dueOn.isBefore(today) ? org.estatehub.api.model.Milestone.StateEnum.MISSED
                        : org.estatehub.api.model.Milestone.StateEnum.DUE;
        return new org.estatehub.api.model.Milestone()
                .id(m.id)
                .name(m.name)
                .dueOn(m.dueOn)
                .completedOn(m.completedOn)
                .ownerPartnerId(m.ownerPartnerId)
                .state(state)
                .version(m.version);
    }

    public static org.estatehub.api.model.StageChange toApi(StageChange c) {
        return new org.estatehub.api.model.StageChange()
                .fromStage(c.fromStage == null ? null : toApi(c.fromStage))
                .toStage(toApi(c.toStage))
                .changedAt(c.changedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .changedBy(c.changedBy)
                .partnerId(c.partnerId)
                .note(c.note);
    }

    public static Outcomes outcomes(Project p) {
        return new Outcomes()
                .homes(count(p.homesTarget, p.homesActual))
                .jobs(count(p.jobsTarget, p.jobsActual))
                .capitalReceipts(money(p.capitalReceiptsTarget, p.capitalReceiptsActual))
                .runningCostSavings(money(p.runningCostSavingsTarget, p.runningCostSavingsActual))
                .landReleased(hectares(p.landReleasedTargetHa, p.landReleasedActualHa))
                .otherBenefits(p.otherBenefits.isEmpty() ? null : List.copyOf(p.otherBenefits));
    }

    /** Copies caller-supplied outcomes onto the project; absent measures are cleared. */
    public static void applyOutcomes(Outcomes o, Project p) {
        CountMeasure homes = o == null ? null : o.getHomes();
        p.homesTarget = homes == null ? null : homes.getTarget();
        p.homesActual = homes == null ? null : homes.getActual();
        CountMeasure jobs = o == null ? null : o.getJobs();
        p.jobsTarget = jobs == null ? null : jobs.getTarget();
        p.jobsActual = jobs == null ? null : jobs.getActual();
        MoneyMeasure receipts = o == null ? null : o.getCapitalReceipts();
        p.capitalReceiptsTarget = receipts == null ? null : Moneys.amount(receipts.getTarget());
        p.capitalReceiptsActual = receipts == null ? null : Moneys.amount(receipts.getActual());
        MoneyMeasure savings = o == null ? null : o.getRunningCostSavings();
        p.runningCostSavingsTarget = savings == null ? null : Moneys.amount(savings.getTarget());
        p.runningCostSavingsActual = savings == null ? null : Moneys.amount(savings.getActual());
        HectaresMeasure land = o == null ? null : o.getLandReleased();
        p.landReleasedTargetHa = land == null ? null : hectares(land.getTarget());
        p.landReleasedActualHa = land == null ? null : hectares(land.getActual());
        p.otherBenefits = o == null || o.getOtherBenefits() == null ? new ArrayList<>()
                : new ArrayList<>(o.getOtherBenefits().stream().map(String::strip).toList());
    }

    public static String hectares(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static BigDecimal hectares(String value) {
        return value == null ? null : new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static CountMeasure count(Integer target, Integer actual) {
        return target == null && actual == null ? null : new CountMeasure().target(target).actual(actual);
    }

    private static MoneyMeasure money(BigDecimal target, BigDecimal actual) {
        return target == null && actual == null ? null
                : new MoneyMeasure().target(Moneys.gbp(target)).actual(Moneys.gbp(actual));
    }

    private static HectaresMeasure hectares(BigDecimal target, BigDecimal actual) {
        return target == null && actual == null ? null
                : new HectaresMeasure().target(hectares(target)).actual(hectares(actual));
    }

    private static List<Programme> programmes(Project p) {
        return p.programmes.stream().map(Programme::fromValue).sorted().toList();
    }

    private static List<String> sorted(java.util.Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
