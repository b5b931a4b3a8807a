package org.estatehub.asset.mapping;

import java.util.List;

import org.estatehub.api.model.CoLocationAsset;
import org.estatehub.api.model.CoLocationCluster;
import org.estatehub.api.model.CoLocationResult;
import org.estatehub.api.model.Location;
import org.estatehub.asset.service.CoLocationFinder;
import org.estatehub.common.money.Moneys;

public final class CoLocationMapper {

    private CoLocationMapper() {
    }

    public static CoLocationResult toApi(int distanceM, int minPartners, List<CoLocationFinder.Cluster> clusters) {
        return new CoLocationResult()
                .distanceM(distanceM)
                .minPartners(minPartners)
                .items(clusters.stream().map(CoLocationMapper::cluster).toList());
    }

    private static CoLocationCluster cluster(CoLocationFinder.Cluster c) {
        return new CoLocationCluster()
                .partnerIds(c.partnerIds())
                .partnerCount(c.partnerIds().size())
                .assetCount(c.assets().size())
                .assets(c.assets().stream().map(CoLocationMapper::asset).toList())
                .totalAnnualRunningCost(Moneys.gbp(c.totalRunningCost()))
                .meanUtilisationPercent(c.meanUtilisation())
                .centre(new Location().latitude(c.centreLat()).longitude(c.centreLon()));
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
