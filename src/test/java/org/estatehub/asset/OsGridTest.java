package org.estatehub.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.estatehub.asset.geo.OsGrid;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

@FastTest
class OsGridTest {

    private final OsGrid grid = new OsGrid();

    @Test
    void nationalGridOriginArea() {
        // The grid's true origin: 49 N 2 W lies at easting 400000, northing -100000 (OSGB36); the datum
        // shift to WGS84 moves it by under 150 m.
        double[] en = grid.toEastingNorthing(49.0, -2.0);
        assertEquals(400_000, en[0], 150);
        assertEquals(-100_000, en[1], 150);
    }

    @Test
    void roundTripIsExact() {
        double[] en = grid.toEastingNorthing(51.2735, 0.5237);
        double[] back = grid.toLatLon(en[0], en[1]);
        assertEquals(51.2735, back[0], 1e-7);
        assertEquals(0.5237, back[1], 1e-7);
    }
}
