package org.estatehub.asset.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.CoLocationCluster;
import org.estatehub.api.model.CoLocationResult;
import org.estatehub.asset.service.CoLocationFinder;
import org.junit.jupiter.api.Test;

/** The co-location answer's cap on listed assets (README "Limits"), on clusters made up here. */
class CoLocationMapperTest {

    static CoLocationFinder.Cluster cluster(int assets) {
        List<CoLocationFinder.Point> points = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            points.add(new CoLocationFinder.Point(UUID.randomUUID(), "Asset " + i, i % 2 == 0 ? "kcc" : "dover",
                    AssetType.OFFICE, AssetStatus.OPERATIONAL, new BigDecimal("51.100000"), new BigDecimal("1.200000"),
                    new BigDecimal("10.00"), new BigDecimal("50.00")));
        }
        return new CoLocationFinder.Cluster(points, List.of("dover", "kcc"), new BigDecimal("10.00").multiply(
                BigDecimal.valueOf(assets)), new BigDecimal("50.00"), new BigDecimal("51.100000"),
                new BigDecimal("1.200000"));
    }

    @Test
    void underTheCapEverythingIsListed() {
        CoLocationResult result = CoLocationMapper.toApi(500, 2, List.of(cluster(3), cluster(2)), 5);
        assertFalse(result.getTruncated());
        assertEquals(2, result.getClusterCount());
        assertEquals(List.of(3, 2), result.getItems().stream().map(c -> c.getAssets().size()).toList());
    }

    @Test
    void theLastListedClusterIsCutAndTheRestLeftOut() {
        CoLocationResult result = CoLocationMapper.toApi(500, 2, List.of(cluster(3), cluster(4), cluster(2)), 5);
        assertTrue(result.getTruncated());
        assertEquals(3, result.getClusterCount());
        assertEquals(2, result.getItems().size());
        CoLocationCluster cut = result.getItems().get(1);
        assertEquals(2, cut.getAssets().size());
        assertEquals(4, cut.getAssetCount(), "assetCount counts every asset of the cluster");
        assertEquals(new BigDecimal("40.00"), new BigDecimal(cut.getTotalAnnualRunningCost().getAmount()));
    }

    @Test
    void oneHugeClusterIsListedUpToTheCap() {
        CoLocationResult result = CoLocationMapper.toApi(500, 2, List.of(cluster(100_000)), 5_000);
        assertTrue(result.getTruncated());
        assertEquals(5_000, result.getItems().get(0).getAssets().size());
        assertEquals(100_000, result.getItems().get(0).getAssetCount());
    }
}
