package org.estatehub.monitoring.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetDashboard;
import org.estatehub.api.model.AssetFigures;
import org.estatehub.api.model.CountByKey;
import org.estatehub.api.model.PipelineDashboard;
import org.estatehub.api.model.PipelineDistrict;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.common.money.Moneys;

/** Aggregates for SPA dashboards, computed in SQL; asset figures respect the caller's visibility. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboards {

    @Inject
    EntityManager em;

    @Inject
    AssetAccess assetAccess;

    public PipelineDashboard pipeline() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(district, 'NONE'), stage, count(*) from project
                 group by 1, 2 order by 1, 2""", Object[].class).getResultList();
        Map<String, Integer> byStage = new LinkedHashMap<>();
        Map<String, PipelineDistrict> byDistrict = new LinkedHashMap<>();
        int total = 0;
        for (Object[] r : rows) {
            String district = (String) r[0];
            String stage = (String) r[1];
            int count = ((Number) r[2]).intValue();
            total += count;
            byStage.merge(stage, count, Integer::sum);
            PipelineDistrict d = byDistrict.computeIfAbsent(district,
                    k -> new PipelineDistrict().district(k).count(0).byStage(new ArrayList<>()));
            d.setCount(d.getCount() + count);
            d.getByStage().add(new CountByKey().key(stage).count(count));
        }
        return new PipelineDashboard().total(total)
                .byStage(byStage.entrySet().stream().map(e -> new CountByKey().key(e.getKey()).count(e.getValue()))
                        .toList())
                .byDistrict(new ArrayList<>(byDistrict.values()));
    }

    public AssetDashboard assets() {
        return new AssetDashboard()
                .total(assetFigures("'ALL'").get(0))
                .byDistrict(assetFigures("a.district"))
                .byStatus(assetFigures("a.status"))
                .byPartner(assetFigures("a.owner_partner_id"));
    }

    private List<AssetFigures> assetFigures(String key) {
        String visible = assetAccess.visibleSql();
        var query = em.createNativeQuery("select " + key + ", count(*), coalesce(sum(a.gross_internal_area_m2), 0),"
                + " coalesce(sum(a.annual_running_cost), 0) from asset a where a.status <> 'DISPOSED' and " + visible
                + " group by 1 order by 1", Object[].class);
        if (visible.contains(":callerPartner")) {
            query.setParameter("callerPartner", assetAccess.callerPartner());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            rows = List.<Object[]>of(new Object[] {"ALL", 0, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        return rows.stream().map(r -> new AssetFigures().key((String) r[0]).count(((Number) r[1]).intValue())
                .grossInternalAreaM2(((BigDecimal) r[2]).setScale(2).toPlainString())
                .annualRunningCost(Moneys.gbp(((BigDecimal) r[3]).setScale(2)))).toList();
    }
}
