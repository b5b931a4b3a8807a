package org.estatehub.asset.mapping;

import java.util.List;
import java.util.Map;

import org.estatehub.api.model.CoLocationAsset;
import org.estatehub.api.model.CoLocationCluster;
import org.estatehub.api.model.CoLocationHull;
import org.estatehub.api.model.CoLocationResult;
import org.estatehub.api.model.Location;
import org.estatehub.asset.service.CoLocationFinder;
import org.estatehub.common.money.Moneys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

public final class CoLocationMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CoLocationMapper() {
    }

    public static CoLocationResult toApi(CoLocationFinder.Query query, CoLocationFinder.Page page) {
        List<CoLocationCluster> items = page.clusters().stream().map(CoLocationMapper::cluster).toList();
        boolean membersLeftOut = page.clusters().stream().anyMatch(c -> c.assets().size() < c.assetCount());
        return new CoLocationResult()
                .distanceM(query.distanceM())
                .minPartners(query.minPartners())
                .items(items)
                .total(page.total())
                .limit(query.limit())
                .offset(query.offset())
                .clusterCount(page.total())
                .truncated(membersLeftOut || query.offset() > 0 || query.offset() + items.size() < page.total());
    }

    private static CoLocationCluster cluster(CoLocationFinder.Cluster c) {
        return new CoLocationCluster()
                .key(c.key())
                .partnerIds(c.partnerIds())
                .partnerCount(c.partnerIds().size())
                .assetCount(c.assetCount())
                .opportunityCount(c.opportunityCount())
                .assets(c.assets().stream().map(CoLocationMapper::asset).toList())
                .totalAnnualRunningCost(Moneys.gbp(c.totalRunningCost()))
                .meanUtilisationPercent(c.meanUtilisation())
                .centre(new Location().latitude(c.centreLat()).longitude(c.centreLon()))
                .radiusM(java.math.BigDecimal.valueOf(c.radiusM()).setScale(1, java.math.RoundingMode.HALF_UP))
                .hull(hull(c.hullGeoJson()));
    }

    /** PostGIS's GeoJSON of the hull (ST_AsGeoJSON: Point, LineString or Polygon) as the contract's object. */
    static CoLocationHull hull(String geoJson) {
        try {
            Map<?, ?> geometry = JSON.readValue(geoJson, Map.class);
            return new CoLocationHull()
                    .type(CoLocationHull.TypeEnum.fromValue((String) geometry.get("type")))
                    .coordinates((List<Object>) geometry.get("coordinates"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostGIS wrote a hull that is not JSON: " + geoJson, e);
        }
    }

    private static CoLocationAsset asset(CoLocationFinder.Point p) {
        return new CoLocationAsset()
                .id(p.id())
                .name(p.name())
                .ownerPartnerId(p.owner())
                .assetType(p.type())
                .status(p.status())
                .location(new Location().latitude(p.latitude()).longitude(p.longitude()))
                .annualRunningCost(Moneys.gbp(p.runningCost()))
                .utilisationPercent(p.utilisation());
    }
}
