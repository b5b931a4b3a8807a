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
import org.estatehub.api.model.CoLocationHull;
import org.estatehub.api.model.CoLocationResult;
import org.estatehub.asset.service.CoLocationFinder;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The co-location answer's paging and truncation, and the hull PostGIS writes, on clusters made up here. */
@FastTest
class CoLocationMapperTest {

    static CoLocationFinder.Cluster cluster(int listed, int assetCount) {
        List<CoLocationFinder.Point> points = new ArrayList<>();
        for (int i = 0; i < listed; i++) {
            points.add(new CoLocationFinder.Point(UUID.randomUUID(), "Asset " + i, i % 2 == 0 ? "kcc" : "dover",
                    AssetType.OFFICE, AssetStatus.OPERATIONAL, new BigDecimal("51.100000"), new BigDecimal("1.200000"),
                    new BigDecimal("10.00"), new BigDecimal("50.00")));
        }
        return new CoLocationFinder.Cluster(points.get(0).id(), points, assetCount, List.of("dover", "kcc"), 0,
                new BigDecimal("10.00").multiply(BigDecimal.valueOf(assetCount)), new BigDecimal("50.00"),
                new BigDecimal("51.100000"), new BigDecimal("1.200000"), 12.5,
                "{\"type\":\"LineString\",\"coordinates\":[[1.2,51.1],[1.201,51.1]]}");
    }

    private static CoLocationFinder.Query query(int limit, int offset) {
        return new CoLocationFinder.Query(500, null, null, 2, limit, offset);
    }

    @Test
    void aWholeAnswerIsNotTruncated() {
        CoLocationResult result = CoLocationMapper.toApi(query(20, 0),
                new CoLocationFinder.Page(List.of(cluster(3, 3), cluster(2, 2)), 2));
        assertFalse(result.getTruncated());
        assertEquals(2, result.getTotal());
        assertEquals(2, result.getClusterCount());
        assertEquals(20, result.getLimit());
        assertEquals(List.of(3, 2), result.getItems().stream().map(c -> c.getAssets().size()).toList());
    }

    @Test
    void clustersOffThePageTruncate() {
        assertTrue(CoLocationMapper.toApi(query(1, 0), new CoLocationFinder.Page(List.of(cluster(2, 2)), 2))
                .getTruncated(), "a later page");
        assertTrue(CoLocationMapper.toApi(query(1, 1), new CoLocationFinder.Page(List.of(cluster(2, 2)), 2))
                .getTruncated(), "an earlier page");
    }

    @Test
    void membersBeyondTheListedOnesTruncate() {
        CoLocationResult result = CoLocationMapper.toApi(query(20, 0),
                new CoLocationFinder.Page(List.of(cluster(50, 900)), 1));
        assertTrue(result.getTruncated());
        assertEquals(900, result.getItems().get(0).getAssetCount(), "assetCount counts every asset of the cluster");
        assertEquals(new BigDecimal("9000.00"), new BigDecimal(result.getItems().get(0).getTotalAnnualRunningCost().getAmount()));
    }

    @Test
    void hullsOfEachShape() {
        assertEquals(CoLocationHull.TypeEnum.POINT, CoLocationMapper.hull("{\"type\":\"Point\",\"coordinates\":[1.2,51.1]}").getType());
        CoLocationHull polygon = CoLocationMapper.hull(
                "{\"type\":\"Polygon\",\"coordinates\":[[[1.2,51.1],[1.3,51.1],[1.3,51.2],[1.2,51.1]]]}");
        assertEquals(CoLocationHull.TypeEnum.POLYGON, polygon.getType());
        assertEquals(1, polygon.getCoordinates().size(), "one ring");
    }
}
