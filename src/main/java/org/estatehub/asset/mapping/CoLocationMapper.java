package org.estatehub.asset.mapping;

import java.util.ArrayList;
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

    /**
     * Lists clusters in rank order until `maxListedAssets` assets are listed (estatehub.co-location.max-listed-assets,
     * 5,000): a register of 100,000 assets in clusters was a ~25 MB document built in memory per request.
     */
    public static CoLocationResult toApi(int distanceM, int minPartners, List<CoLocationFinder.Cluster> clusters,
            int maxListedAssets) {
        List<CoLocationCluster> items = new ArrayList<>();
        int room = maxListedAssets;
        boolean truncated = false;
        for (CoLocationFinder.Cluster c : clusters) {
            if (room == 0) {
                truncated = true;
                break;
            }
            int listed = Math.min(room, c.assets().size());
            truncated |= listed < c.assets().size();
            items.add(cluster(c, listed));
            room -= listed;
        }
        return new CoLocationResult()
                .distanceM(distanceM)
                .minPartners(minPartners)
                .items(items)
                .clusterCount(clusters.size())
                .truncated(truncated);
    }

    private static CoLocationCluster cluster(CoLocationFinder.Cluster c, int listed) {
        return new CoLocationCluster()
                .partnerIds(c.partnerIds())
                .partnerCount(c.partnerIds().size())
                .assetCount(c.assets().size())
                .assets(c.assets().subList(0, listed).stream().map(CoLocationMapper::asset).toList())
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
