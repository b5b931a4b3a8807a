package org.estatehub.disposal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.CountByKey;
import org.estatehub.api.model.DisposalOutcomeTotals;
import org.estatehub.api.model.DisposalOutcomes;
import org.estatehub.api.model.LandReleaseFigures;
import org.estatehub.api.model.LandReleaseRow;
import org.estatehub.api.model.LandReleaseTotals;
import org.estatehub.api.model.LiveDisposals;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.time.FinancialYear;
import org.estatehub.project.Project;
import org.hibernate.Session;

/**
 * What completed disposals delivered: land released, capital receipts, housing capacity and the homes built
 * on the released land, by financial year and disposing partner (for the quarter's return and the land
 * release dashboard), and per project (a project's outcomes). A disposal's completion is published to every
 * partner, so these figures are everyone's; expressions of interest are never read here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LandRelease {

    /** The live statuses, in the order the dashboard lists them. */
    static final List<String> LIVE = List.of("OFFERED", "TRANSFER_AGREED", "ON_OPEN_MARKET");

    private static final String FILTER = " and a.local_authority = any(cast(:authorities as varchar[]))";

    /** The financial year (its starting calendar year) a date falls in. */
    private static final String FY_OF_COMPLETION = "(extract(year from d.completed_on)::int"
            + " - case when extract(month from d.completed_on) < 4 then 1 else 0 end)";

    /**
     * One row per financial year and disposing partner: the disposals it completed in the year, and the homes
     * recorded for the year on land its disposals released. Disposals completed after `asOf` and years
     * beginning after it are left out (a return counts what was known by its quarter's end).
     */
    private static final String BY_YEAR_AND_PARTNER = """
            with done as (
                select d.id, d.owner_partner_id, d.completed_on, d.hectares_released, d.capital_receipt,
                       d.housing_capacity, %s fy
                  from disposal d join asset a on a.id = d.asset_id
                 where d.status in ('TRANSFERRED', 'SOLD') and d.completed_on <= :asOf %s
            ), completions as (
                select fy, owner_partner_id, count(*) disposals, sum(hectares_released) hectares,
                       coalesce(sum(capital_receipt), 0) receipts, coalesce(sum(housing_capacity), 0) capacity
                  from done group by fy, owner_partner_id
            ), homes as (
                select cast(substr(h.financial_year, 1, 4) as integer) fy, done.owner_partner_id,
                       sum(h.homes_permitted) permitted, sum(h.homes_started) started, sum(h.homes_completed) completed
                  from disposal_homes_delivery h join done on done.id = h.disposal_id
                 where make_date(cast(substr(h.financial_year, 1, 4) as integer), 4, 1) <= :asOf
                 group by 1, 2
            )
            select coalesce(c.fy, h.fy) fy, coalesce(c.owner_partner_id, h.owner_partner_id) partner_id,
                   coalesce(c.disposals, 0) disposals, coalesce(c.hectares, 0) hectares,
                   coalesce(c.receipts, 0) receipts, coalesce(c.capacity, 0) capacity,
                   coalesce(h.permitted, 0) permitted, coalesce(h.started, 0) started, coalesce(h.completed, 0) completed
              from completions c full join homes h on h.fy = c.fy and h.owner_partner_id = c.owner_partner_id
             order by 1, 2""";

    private static final String LIVE_BY_STATUS = """
            select d.status, count(*) disposals from disposal d join asset a on a.id = d.asset_id
             where d.status in ('OFFERED', 'TRANSFER_AGREED', 'ON_OPEN_MARKET') %s group by d.status""";

    /** The completed disposals naming a project, with the homes completed on each one's land. */
    private static final NamedSql OF_PROJECT = NamedSql.of("""
            select d.id, d.capital_receipt, d.hectares_released, d.housing_capacity,
                   (select coalesce(sum(h.homes_completed), 0) from disposal_homes_delivery h
                     where h.disposal_id = d.id
                       and make_date(cast(substr(h.financial_year, 1, 4) as integer), 4, 1) <= :asOf) homes
              from disposal d
             where d.project_id = :project and d.status in ('TRANSFERRED', 'SOLD') and d.completed_on <= :asOf
             order by d.completed_on, d.id""");

    /** A date after every completion, for the figures as they stand (PostgreSQL's dates go far beyond it). */
    public static final LocalDate ALL_TIME = LocalDate.of(9999, 12, 31);

    @Inject
    EntityManager em;

    /**
     * @param filterArea the codes of a localAuthority filter (LocalAuthorities.filterArea), or null for all
     * @param asOf       completions up to this day and the financial years begun by then
     */
    public LandReleaseFigures figures(Set<String> filterArea, LocalDate asOf) {
        Map<String, Object> params = params(filterArea);
        params.put("asOf", asOf);
        NamedSql query = NamedSql.of(BY_YEAR_AND_PARTNER.formatted(FY_OF_COMPLETION, filterArea == null ? "" : FILTER));
        List<LandReleaseRow> rows = work(connection -> query.list(connection, params, row -> new LandReleaseRow()
                .financialYear(new FinancialYear(row.getInt("fy")).label())
                .partnerId(row.getString("partner_id"))
                .disposalsCompleted(row.getInt("disposals"))
                .hectaresReleased(hectares(row.getBigDecimal("hectares")))
                .capitalReceipts(Money.of(row.getBigDecimal("receipts")).toApi())
                .housingCapacity(row.getLong("capacity"))
                .homesPermitted(row.getLong("permitted"))
                .homesStarted(row.getLong("started"))
                .homesCompleted(row.getLong("completed"))));
        BigDecimal hectares = BigDecimal.ZERO;
        Money receipts = Money.ZERO;
        LandReleaseTotals totals = new LandReleaseTotals().disposalsCompleted(0).housingCapacity(0L).homesPermitted(0L)
                .homesStarted(0L).homesCompleted(0L);
        for (LandReleaseRow row : rows) {
            hectares = hectares.add(new BigDecimal(row.getHectaresReleased()));
            receipts = receipts.plus(Money.fromApi(row.getCapitalReceipts()));
            totals.disposalsCompleted(totals.getDisposalsCompleted() + row.getDisposalsCompleted())
                    .housingCapacity(totals.getHousingCapacity() + row.getHousingCapacity())
                    .homesPermitted(totals.getHomesPermitted() + row.getHomesPermitted())
                    .homesStarted(totals.getHomesStarted() + row.getHomesStarted())
                    .homesCompleted(totals.getHomesCompleted() + row.getHomesCompleted());
        }
        return new LandReleaseFigures().byYearAndPartner(rows)
                .totals(totals.hectaresReleased(hectares(hectares)).capitalReceipts(receipts.toApi()));
    }

    /** The live disposals by status, every live status listed (0 included). */
    public LiveDisposals live(Set<String> filterArea) {
        NamedSql query = NamedSql.of(LIVE_BY_STATUS.formatted(filterArea == null ? "" : FILTER));
        Map<String, Integer> counts = new LinkedHashMap<>();
        LIVE.forEach(status -> counts.put(status, 0));
        work(connection -> query.list(connection, params(filterArea),
                row -> counts.put(row.getString("status"), row.getInt("disposals"))));
        return new LiveDisposals().total(counts.values().stream().mapToInt(Integer::intValue).sum())
                .byStatus(counts.entrySet().stream().map(e -> new CountByKey().key(e.getKey()).count(e.getValue()))
                        .toList());
    }

    /**
     * What the completed disposals naming `project` delivered (completed by `asOf`, homes of the years begun
     * by then), beside the project's entered outcomes; null when no completed disposal names it.
     */
    public DisposalOutcomes ofProject(Project project, LocalDate asOf) {
        List<UUID> ids = new ArrayList<>();
        BigDecimal[] hectares = {BigDecimal.ZERO};
        Money[] receipts = {Money.ZERO};
        long[] planned = {0};
        long[] delivered = {0};
        work(connection -> OF_PROJECT.list(connection, Map.of("project", project.id, "asOf", asOf), row -> {
            ids.add(row.getObject("id", UUID.class));
            // A transfer between partners has no receipt.
            BigDecimal receipt = row.getBigDecimal("capital_receipt");
            receipts[0] = receipt == null ? receipts[0] : receipts[0].plus(Money.of(receipt));
            hectares[0] = hectares[0].add(row.getBigDecimal("hectares_released"));
            planned[0] += row.getLong("housing_capacity");
            delivered[0] += row.getLong("homes");
            return null;
        }));
        if (ids.isEmpty()) {
            return null;
        }
        Money enteredReceipts = project.capitalReceiptsActual == null ? Money.ZERO : Money.of(project.capitalReceiptsActual);
        BigDecimal enteredLand = project.landReleasedActualHa == null ? BigDecimal.ZERO : project.landReleasedActualHa;
        long enteredHomes = project.homesActual == null ? 0 : project.homesActual;
        return new DisposalOutcomes().disposalIds(ids).capitalReceipts(receipts[0].toApi())
                .landReleasedHectares(hectares(hectares[0])).homesPlanned(planned[0]).homesDelivered(delivered[0])
                .withEntered(new DisposalOutcomeTotals().capitalReceipts(enteredReceipts.plus(receipts[0]).toApi())
                        .landReleasedHectares(hectares(enteredLand.add(hectares[0])))
                        .homes(enteredHomes + delivered[0]));
    }

    /** Hectares as a disposal records them: 4 decimal places, exact. */
    static String hectares(BigDecimal value) {
        return value.setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Map<String, Object> params(Set<String> filterArea) {
        Map<String, Object> params = new HashMap<>();
        if (filterArea != null) {
            params.put("authorities", filterArea.toArray(String[]::new));
        }
        return params;
    }

    /** On the session's own connection, so reads stay in the caller's transaction. */
    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
