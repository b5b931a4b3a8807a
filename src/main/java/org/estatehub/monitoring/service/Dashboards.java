package org.estatehub.monitoring.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetAuthorityFigures;
import org.estatehub.api.model.AssetDashboard;
import org.estatehub.api.model.AssetFigures;
import org.estatehub.api.model.CountByKey;
import org.estatehub.api.model.PipelineDashboard;
import org.estatehub.api.model.PipelineAuthority;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.asset.service.DataQualityRules;
import org.estatehub.authority.LocalAuthority;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.authority.service.PartnershipArea;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.hibernate.Session;

/** Aggregates for SPA dashboards, computed in SQL; asset figures respect the caller's visibility. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboards {

    @Inject
    EntityManager em;

    @Inject
    AssetAccess assetAccess;

    @Inject
    LocalAuthorities authorities;

    @Inject
    PartnershipArea area;

    /** Projects of one local authority (null: none) in one stage. */
    private record StageCount(String localAuthority, String stage, int count) {
    }

    /**
     * One line of an asset dashboard: the key's assets, their area and running cost, and how complete their
     * records are (DataQualityRules, as GET /data-quality counts).
     */
    private record AssetTotals(String key, int count, BigDecimal grossInternalAreaM2, Money annualRunningCost,
            DataQualityRules.Counts completeness) {

        static AssetTotals none(String key) {
            return new AssetTotals(key, 0, BigDecimal.ZERO, Money.ZERO, DataQualityRules.Counts.NONE);
        }
    }

    private static final NamedSql PIPELINE = NamedSql.of("""
            select local_authority, stage, count(*) projects from project
             group by 1, 2 order by 1, 2""");

    private static final NamedSql PIPELINE_IN = NamedSql.of("""
            select local_authority, stage, count(*) projects from project
             where local_authority = any(cast(:authorities as varchar[]))
             group by 1, 2 order by 1, 2""");

    /**
     * @param filterArea the codes of a localAuthority filter (LocalAuthorities.filterArea: an authority and,
     *                   for a county, its districts), or null for the whole register
     */
    public PipelineDashboard pipeline(Set<String> filterArea) {
        NamedSql select = filterArea == null ? PIPELINE : PIPELINE_IN;
        Map<String, Object> params = filterArea == null ? Map.of()
                : Map.of("authorities", filterArea.toArray(String[]::new));
        List<StageCount> rows = em.unwrap(Session.class).doReturningWork(connection -> select.list(connection,
                params, row -> new StageCount(row.getString("local_authority"), row.getString("stage"),
                        row.getInt("projects"))));
        Map<String, Integer> byStage = new LinkedHashMap<>();
        // Keyed by code; Optional.empty() is the group of projects without an authority.
        Map<Optional<String>, PipelineAuthority> byAuthority = new HashMap<>();
        int total = 0;
        for (StageCount r : rows) {
            String stage = r.stage();
            int count = r.count();
            total += count;
            byStage.merge(stage, count, Integer::sum);
            PipelineAuthority group = byAuthority.computeIfAbsent(Optional.ofNullable(r.localAuthority()),
                    code -> pipelineGroup(code.orElse(null)));
            group.setCount(group.getCount() + count);
            group.getByStage().add(new CountByKey().key(stage).count(count));
        }
        return new PipelineDashboard().total(total)
                .byStage(byStage.entrySet().stream().map(e -> new CountByKey().key(e.getKey()).count(e.getValue()))
                        .toList())
                .byLocalAuthority(filterArea == null ? inAreaOrder(byAuthority)
                        : inFilterOrder(filterArea, byAuthority));
    }

    /** The authorities of a filter's area in name order, listed even without projects: nothing else matched. */
    private List<PipelineAuthority> inFilterOrder(Set<String> filterArea,
            Map<Optional<String>, PipelineAuthority> byAuthority) {
        return filterAuthorities(filterArea).stream()
                .map(a -> byAuthority.getOrDefault(Optional.of(a.code), pipelineGroup(a.code))).toList();
    }

    /** A filter's authorities (LocalAuthorities.filterArea's codes), in name order. */
    private List<LocalAuthority> filterAuthorities(Set<String> filterArea) {
        return authorities.inNameOrder(filterArea);
    }

    private PipelineAuthority pipelineGroup(String code) {
        return new PipelineAuthority().localAuthority(code)
                .name(authorities.find(code).map(a -> a.name).orElse(null))
                .inPartnershipArea(area.contains(code)).count(0).byStage(new ArrayList<>());
    }

    /**
     * Every authority of the partnership's area in name order, listed even without projects so a
     * dashboard shows the whole area; then the authorities outside it that have projects, in name order;
     * then the projects without an authority.
     */
    private List<PipelineAuthority> inAreaOrder(Map<Optional<String>, PipelineAuthority> byAuthority) {
        List<PipelineAuthority> groups = new ArrayList<>();
        for (LocalAuthority authority : area.authorities()) {
            groups.add(byAuthority.getOrDefault(Optional.of(authority.code), pipelineGroup(authority.code)));
        }
        authorities.all().stream()
                .filter(a -> !area.contains(a.code) && byAuthority.containsKey(Optional.of(a.code)))
                .forEach(a -> groups.add(byAuthority.get(Optional.of(a.code))));
        PipelineAuthority none = byAuthority.get(Optional.<String>empty());
        if (none != null) {
            groups.add(none);
        }
        return groups;
    }

    /**
     * @param filterArea the codes of a localAuthority filter (LocalAuthorities.filterArea), or null for
     *                   every asset the caller may see; the filter only narrows that visibility
     */
    public AssetDashboard assets(Set<String> filterArea) {
        List<AssetTotals> byCode = assetTotals("a.local_authority", filterArea);
        return new AssetDashboard()
                .total(total(filterArea))
                .byLocalAuthority(filterArea == null ? byLocalAuthority(byCode) : inFilter(filterArea, byCode))
                .byStatus(assetFigures("a.status", filterArea).stream().map(f -> f.completeness(null)).toList())
                .byPartner(assetFigures("a.owner_partner_id", filterArea));
    }

    /**
     * The authorities of a filter's area in name order, with zeros where the caller sees no asset. Rows
     * can only be of those authorities (the query's own filter), and an authority's inPartnershipArea
     * still says whether the partnership's configured area holds it.
     */
    private List<AssetAuthorityFigures> inFilter(Set<String> filterArea, List<AssetTotals> rows) {
        Map<String, AssetTotals> byCode = new HashMap<>();
        for (AssetTotals row : rows) {
            byCode.put(row.key(), row);
        }
        return filterAuthorities(filterArea).stream()
                .map(a -> authorityFigures(a.code, a.name, area.contains(a.code),
                        byCode.getOrDefault(a.code, AssetTotals.none(a.code))))
                .toList();
    }

    /**
     * Every authority of the partnership's area in name order, with zeros where the caller sees no asset,
     * then the authorities outside the area that hold assets the caller sees, in name order, then the
     * assets without an authority (none today: the column is required, but the grouping does not assume it).
     */
    private List<AssetAuthorityFigures> byLocalAuthority(List<AssetTotals> rows) {
        Map<String, AssetTotals> byCode = new HashMap<>();
        AssetTotals withoutAuthority = null;
        for (AssetTotals row : rows) {
            if (row.key() == null) {
                withoutAuthority = row;
            } else {
                byCode.put(row.key(), row);
            }
        }
        List<AssetAuthorityFigures> figures = new ArrayList<>();
        for (LocalAuthority authority : area.authorities()) {
            AssetTotals row = byCode.remove(authority.code);
            figures.add(authorityFigures(authority.code, authority.name, true,
                    row == null ? AssetTotals.none(authority.code) : row));
        }
        // all() is in name order, so the authorities left over come out in name order too.
        for (LocalAuthority authority : authorities.all()) {
            AssetTotals row = byCode.remove(authority.code);
            if (row != null) {
                figures.add(authorityFigures(authority.code, authority.name, false, row));
            }
        }
        if (withoutAuthority != null) {
            figures.add(authorityFigures(null, null, false, withoutAuthority));
        }
        return figures;
    }

    private static AssetAuthorityFigures authorityFigures(String code, String name, boolean inArea, AssetTotals row) {
        return new AssetAuthorityFigures().localAuthority(code).name(name).inPartnershipArea(inArea)
                .count(row.count())
                .grossInternalAreaM2(row.grossInternalAreaM2().setScale(2).toPlainString())
                .annualRunningCost(row.annualRunningCost().toApi())
                .completeness(row.completeness().percentages());
    }

    /**
     * The one line of all assets counted; with none (SQL's group by gives no row), a line of zeros. Only the
     * total gets it: a status or partner list without assets is empty, never a made-up key "ALL".
     */
    private AssetFigures total(Set<String> filterArea) {
        List<AssetFigures> rows = assetFigures("'ALL'", filterArea);
        return rows.isEmpty() ? figures(AssetTotals.none("ALL")) : rows.get(0);
    }

    private static AssetFigures figures(AssetTotals r) {
        return new AssetFigures().key(r.key()).count(r.count())
                .grossInternalAreaM2(r.grossInternalAreaM2().setScale(2).toPlainString())
                .annualRunningCost(r.annualRunningCost().toApi())
                .completeness(r.completeness().percentages());
    }

    private List<AssetFigures> assetFigures(String key, Set<String> filterArea) {
        List<AssetTotals> rows = assetTotals(key, filterArea);
        return rows.stream().map(Dashboards::figures).toList();
    }

    private List<AssetTotals> assetTotals(String key, Set<String> filterArea) {
        String visible = assetAccess.visibleSql();
        String inFilter = filterArea == null ? "" : " and a.local_authority = any(cast(:authorities as varchar[]))";
        // `key` is one of this class's own column expressions, never caller input.
        NamedSql figures = NamedSql.of("select " + key + " figures_key, count(*) assets,"
                + " coalesce(sum(a.gross_internal_area_m2), 0) area, coalesce(sum(a.annual_running_cost), 0) cost, "
                + DataQualityRules.COLUMNS
                + " from asset a where a.status <> 'DISPOSED' and " + visible + inFilter + " group by 1 order by 1");
        Map<String, Object> params = new HashMap<>();
        if (figures.names().contains("callerPartner")) {
            params.put("callerPartner", assetAccess.callerPartner());
        }
        if (filterArea != null) {
            params.put("authorities", filterArea.toArray(String[]::new));
        }
        return em.unwrap(Session.class).doReturningWork(connection -> figures.list(connection,
                params, row -> new AssetTotals(row.getString("figures_key"), row.getInt("assets"),
                        row.getBigDecimal("area"), Money.of(row.getBigDecimal("cost")),
                        DataQualityRules.read(row))));
    }
}
