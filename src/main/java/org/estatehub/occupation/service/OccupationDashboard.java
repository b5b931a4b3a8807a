package org.estatehub.occupation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.LeaseEventsInQuarter;
import org.estatehub.api.model.OccupationVacancy;
import org.estatehub.api.model.OccupiedSpace;
import org.estatehub.api.model.ProjectSavingsRealised;
import org.estatehub.api.model.SavingsRealised;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.occupation.OccupationBasis;
import org.estatehub.occupation.mapping.OccupationMapper;
import org.estatehub.project.service.ProjectDisclosure;
import org.hibernate.Session;

/**
 * GET /dashboards/occupations (issue #19, item 5): space by partner, vacancy, lease events ahead by quarter
 * and savings realised from moves. Each part reads under the rule of what it sums: occupations under their
 * read rules, assets under the register's, rent only from occupations read in full (LeaseEvents).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OccupationDashboard {

    static final int QUARTERS = 8;

    private static final String FILTER = " and a.local_authority = any(cast(:authorities as varchar[]))";

    private static final String CURRENT = "o.starts_on <= :today and (o.ends_on is null or o.ends_on >= :today)";

    private static final String SPACE = "select o.occupier_partner_id, o.basis, count(*) occupations,"
            + " coalesce(sum(o.area_m2), 0) area, coalesce(sum(o.desks), 0) desks"
            + " from occupation o join asset a on a.id = o.asset_id where " + CURRENT + " and " + LeaseEvents.READABLE
            + "%s group by 1, 2 order by o.occupier_partner_id nulls last, o.basis";

    /**
     * Every current occupation of an asset counts towards its occupied space, whoever may read it. The
     * current occupations are summed per asset once and joined to the register (at 1,000,000 assets two
     * lookups per asset took 5-6 s, bench/README.md); an asset with neither floor area nor desks counts
     * towards nothing, so it is not read.
     */
    private static final String VACANCY = "select count(*) filter (where gia > 0) floor_assets,"
            + " coalesce(sum(gia) filter (where gia > 0), 0) gia,"
            + " coalesce(sum(least(occupied_area, gia)) filter (where gia > 0), 0) occupied_area,"
            + " count(*) filter (where desks > 0) desk_assets, coalesce(sum(desks) filter (where desks > 0), 0) desks,"
            + " coalesce(sum(least(occupied_desks, desks)) filter (where desks > 0), 0) occupied_desks"
            + " from (select a.gross_internal_area_m2 gia, a.shared_workspace_desks desks,"
            + "   coalesce(s.area, 0) occupied_area, coalesce(s.desks, 0) occupied_desks"
            + "   from asset a left join (select o.asset_id, sum(o.area_m2) area, sum(o.desks) desks from occupation o"
            + "   where " + CURRENT + " group by o.asset_id) s on s.asset_id = a.id"
            + "   where a.status <> 'DISPOSED' and (a.gross_internal_area_m2 > 0 or a.shared_workspace_desks > 0) and %s%s) x";

    private static final String AHEAD = "select cast(date_trunc('quarter', d.due_on) as date) quarter, d.kind, count(*) n"
            + " from (select id, 'END' as kind, ends_on as due_on from occupation where ends_on between :today and :to"
            + " union all select id, 'BREAK', break_on from occupation where break_on between :today and :to) d"
            + " join occupation o on o.id = d.id join asset a on a.id = o.asset_id where " + LeaseEvents.READABLE
            + "%s group by 1, 2";

    private static final String SAVINGS = "select o.project_id, count(*) occupations,"
            + " coalesce(sum(o.yearly_rent), 0) rent, coalesce(sum(o.yearly_service_charge), 0) service,"
            + " pr.running_cost_savings_actual, (%s) reads_project"
            + " from occupation o join asset a on a.id = o.asset_id join project pr on pr.id = o.project_id"
            + " where o.ends_on < :today and " + LeaseEvents.READS_IN_FULL
            + "%s group by o.project_id, pr.running_cost_savings_actual order by o.project_id";

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AssetAccess assets;

    @Inject
    EntityManager em;

    /** The dashboard as the caller may read it, today. */
    public org.estatehub.api.model.OccupationDashboard figures(Set<String> filterArea) {
        boolean all = caller.readsEverything();
        return figures(filterArea, PartnershipCalendar.today(clock), all, all ? "" : caller.partnerId(),
                ProjectDisclosure.detailsSql(caller, "o.project_id"), assets.visibleSql());
    }

    /**
     * Every occupation and asset of the partnership as of `asOf` (a quarter's last day), whoever asks: the
     * monitoring return's section, which ProjectDisclosure.disclose shows to the overseers only.
     */
    public org.estatehub.api.model.OccupationDashboard partnershipWide(LocalDate asOf) {
        return figures(null, asOf, true, "", "true", "true");
    }

    /**
     * @param readsProject SQL: whether the reader reads the details of project o.project_id
     * @param readsAsset   SQL: whether the reader reads asset a
     */
    private org.estatehub.api.model.OccupationDashboard figures(Set<String> filterArea, LocalDate today, boolean all,
            String callerPartner, String readsProject, String readsAsset) {
        LocalDate firstQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate to = firstQuarter.plusMonths(3L * QUARTERS).minusDays(1);
        Map<String, Object> params = new HashMap<>();
        params.put("all", all);
        params.put("callerPartner", callerPartner);
        params.put("today", today);
        params.put("to", to);
        if (filterArea != null) {
            params.put("authorities", filterArea.toArray(String[]::new));
        }
        String filter = filterArea == null ? "" : FILTER;
        return em.unwrap(Session.class).doReturningWork(c -> new org.estatehub.api.model.OccupationDashboard()
                .asOf(today).spaceByPartner(space(c, params, filter)).vacancy(vacancy(c, params, filter, readsAsset))
                .leaseEventsAhead(ahead(c, params, filter, firstQuarter))
                .savingsRealised(savings(c, params, filter, readsProject)));
    }

    private static List<OccupiedSpace> space(Connection c, Map<String, Object> params, String filter) throws SQLException {
        return NamedSql.of(SPACE.formatted(filter)).list(c, params, r -> new OccupiedSpace()
                .occupierPartnerId(r.getString(1))
                .basis(OccupationMapper.toApi(OccupationBasis.valueOf(r.getString(2))))
                .occupations(r.getInt(3)).areaM2(area(r.getBigDecimal(4))).desks(r.getLong(5)));
    }

    private static OccupationVacancy vacancy(Connection c, Map<String, Object> params, String filter, String readsAsset)
            throws SQLException {
        return NamedSql.of(VACANCY.formatted(readsAsset, filter)).one(c, params, r -> {
            BigDecimal gia = area(r.getBigDecimal("gia"));
            BigDecimal occupied = area(r.getBigDecimal("occupied_area"));
            long desks = r.getLong("desks");
            long occupiedDesks = r.getLong("occupied_desks");
            return new OccupationVacancy().assetsWithFloorArea(r.getInt("floor_assets")).grossInternalAreaM2(gia)
                    .occupiedAreaM2(occupied).vacantAreaM2(gia.subtract(occupied))
                    .assetsWithDesks(r.getInt("desk_assets")).desks(desks).occupiedDesks(occupiedDesks)
                    .vacantDesks(desks - occupiedDesks);
        });
    }

    private static List<LeaseEventsInQuarter> ahead(Connection c, Map<String, Object> params, String filter,
            LocalDate firstQuarter) throws SQLException {
        Map<LocalDate, LeaseEventsInQuarter> quarters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < QUARTERS; i++) {
            LocalDate start = firstQuarter.plusMonths(3L * i);
            quarters.put(start, new LeaseEventsInQuarter().quarter(start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR))
                    .startsOn(start).endsOn(start.plusMonths(3).minusDays(1)).ends(0).breaks(0));
        }
        NamedSql.of(AHEAD.formatted(filter)).list(c, params, r -> {
            LeaseEventsInQuarter q = quarters.get(r.getObject("quarter", LocalDate.class));
            if ("END".equals(r.getString("kind"))) {
                q.ends(r.getInt("n"));
            } else {
                q.breaks(r.getInt("n"));
            }
            return q;
        });
        return new ArrayList<>(quarters.values());
    }

    /** `readsProject` names the project as o.project_id: its own alias p is the project table inside it. */
    private static SavingsRealised savings(Connection c, Map<String, Object> params, String filter, String readsProject)
            throws SQLException {
        List<ProjectSavingsRealised> rows = NamedSql.of(SAVINGS.formatted(readsProject, filter)).list(c, params, r -> {
            Money rent = Money.of(r.getBigDecimal("rent"));
            Money service = Money.of(r.getBigDecimal("service"));
            BigDecimal entered = r.getBigDecimal("running_cost_savings_actual");
            ProjectSavingsRealised row = new ProjectSavingsRealised().projectId(r.getObject("project_id", UUID.class))
                    .occupationsEnded(r.getInt("occupations")).yearlyRent(rent.toApi())
                    .yearlyServiceCharge(service.toApi()).yearlyCost(rent.plus(service).toApi());
            if (entered != null && r.getBoolean("reads_project")) {
                row.runningCostSavingsActual(Money.of(entered).toApi());
            }
            return row;
        });
        Money rent = Money.ZERO;
        Money service = Money.ZERO;
        int ended = 0;
        for (ProjectSavingsRealised row : rows) {
            rent = rent.plus(Money.fromApi(row.getYearlyRent()));
            service = service.plus(Money.fromApi(row.getYearlyServiceCharge()));
            ended += row.getOccupationsEnded();
        }
        return new SavingsRealised().occupationsEnded(ended).yearlyRent(rent.toApi())
                .yearlyServiceCharge(service.toApi()).yearlyCost(rent.plus(service).toApi()).byProject(rows);
    }

    /** m² as stored: two decimals, exact. */
    private static BigDecimal area(BigDecimal m2) {
        return m2.setScale(2, RoundingMode.UNNECESSARY);
    }
}
