package org.estatehub.asset.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The search rules the contract cannot express, checked without a server. */
@Tag("fast")
class AssetQueryTest {

    private static final BigDecimal LAT = new BigDecimal("51.27");
    private static final BigDecimal LON = new BigDecimal("0.52");

    private static AssetQuery query(String q, String bbox, BigDecimal lat, BigDecimal lon, Integer radius,
            Boolean includeDisposed, String sort) {
        return AssetQuery.of(null, null, null, null, q, bbox, lat, lon, radius, includeDisposed, sort, 50, 0);
    }

    private static List<FieldError> errors(String bbox, BigDecimal lat, BigDecimal lon, Integer radius, String sort) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> query(null, bbox, lat, lon, radius, null, sort));
        assertEquals(400, problem.status());
        return problem.errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::getField).toList();
    }

    @Test
    void defaultsWhenNothingIsAsked() {
        AssetQuery query = query(null, null, null, null, null, null, null);
        assertEquals("name", query.sort());
        assertFalse(query.includeDisposed());
        assertFalse(query.aroundPoint());
        assertNull(query.text());
        assertNull(query.bbox());
        assertEquals(50, query.limit());
        assertEquals(0, query.offset());
    }

    @Test
    void filtersArePassedThrough() {
        AssetQuery query = AssetQuery.of("kent-cc", java.util.Set.of("E07000108"), AssetStatus.OPERATIONAL, AssetType.OFFICE, null,
                null, null, null, null, true, "-annualRunningCost", 10, 20);
        assertEquals("kent-cc", query.partner());
        assertEquals(java.util.Set.of("E07000108"), query.localAuthorities());
        assertEquals(AssetStatus.OPERATIONAL, query.status());
        assertEquals(AssetType.OFFICE, query.type());
        assertTrue(query.includeDisposed());
        assertEquals("-annualRunningCost", query.sort());
        assertEquals(10, query.limit());
        assertEquals(20, query.offset());
    }

    @Test
    void textIsTrimmedAndLowerCasedAndBlankMeansNone() {
        assertEquals("civic centre", query("  Civic CENTRE ", null, null, null, null, null, null).text());
        assertNull(query("   ", null, null, null, null, null, null).text());
        assertNull(query("", null, null, null, null, null, null).text());
    }

    @Test
    void bboxIsReadInContractOrder() {
        AssetQuery query = query(null, "0.50,51.25,0.55,51.29", null, null, null, null, null);
        assertArrayEquals(new double[] { 0.50, 51.25, 0.55, 51.29 }, query.bbox());
    }

    @Test
    void bboxWithMinNotBelowMaxNamesBbox() {
        assertEquals(List.of("bbox"), fields(errors("0.55,51.25,0.50,51.29", null, null, null, null)));
        assertEquals(List.of("bbox"), fields(errors("0.50,51.29,0.55,51.25", null, null, null, null)));
        assertEquals(List.of("bbox"), fields(errors("0.50,51.25,0.50,51.29", null, null, null, null)));
    }

    @Test
    void aRadiusSearchNeedsAllThreeParts() {
        AssetQuery around = query(null, null, LAT, LON, 500, null, "distance");
        assertTrue(around.aroundPoint());
        assertEquals(51.27, around.nearLat());
        assertEquals(0.52, around.nearLon());
        assertEquals(500, around.radiusM());
        assertEquals(List.of("radiusM"), fields(errors(null, LAT, null, null, null)));
        assertEquals(List.of("radiusM"), fields(errors(null, LAT, LON, null, null)));
        assertEquals(List.of("radiusM"), fields(errors(null, null, null, 500, null)));
        assertEquals(List.of("radiusM"), fields(errors(null, null, LON, 500, null)));
    }

    @Test
    void aPointWithoutARadiusAsksForTheNearestFirst() {
        AssetQuery nearest = query(null, null, LAT, LON, null, null, "distance");
        assertFalse(nearest.aroundPoint());
        assertTrue(nearest.fromPoint());
        List<FieldError> errors = errors(null, LAT, LON, null, "name");
        assertEquals(List.of("radiusM"), fields(errors));
        assertTrue(errors.get(0).getMessage().contains("sort=distance"), errors.get(0).getMessage());
        assertEquals(List.of("radiusM", "sort"), fields(errors(null, LAT, null, null, "distance")));
    }

    @Test
    void everyListedSortIsAccepted() {
        for (String sort : AssetQuery.SORTS) {
            assertEquals(sort, query(null, null, LAT, LON, 100, null, sort).sort());
        }
    }

    @Test
    void anUnknownSortListsTheChoices() {
        List<FieldError> errors = errors(null, null, null, null, "size");
        assertEquals(List.of("sort"), fields(errors));
        assertTrue(errors.get(0).getMessage().startsWith("'size' is not one of: name, -name,"), errors.get(0).getMessage());
        assertEquals(List.of("sort"), fields(errors(null, null, null, null, "-distance")));
    }

    @Test
    void sortByDistanceNeedsAPoint() {
        List<FieldError> errors = errors(null, null, null, null, "distance");
        assertEquals(List.of("sort"), fields(errors));
        assertTrue(errors.get(0).getMessage().contains("needs a point"), errors.get(0).getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<FieldError> errors = errors("1,1,0,0", LAT, null, null, "distance");
        assertEquals(List.of("bbox", "radiusM", "sort"), fields(errors));
    }

    @Test
    void theTotalIsExactUnlessBoundedIsAskedFor() {
        assertTrue(query(null, null, null, null, null, null, null).exactTotal());
        assertTrue(AssetQuery.of(null, null, null, null, null, null, null, null, null, null, null, "exact", 50, 0)
                .exactTotal());
        assertFalse(AssetQuery.of(null, null, null, null, null, null, LAT, LON, null, null, "distance", "bounded", 20, 0)
                .exactTotal());
        ProblemException problem = assertThrows(ProblemException.class,
                () -> AssetQuery.of(null, null, null, null, null, null, null, null, null, null, null, "Bounded", 50, 0));
        assertEquals(List.of("total"), fields(problem.errors()));
        assertEquals("'Bounded' is not one of: exact, bounded", problem.errors().get(0).getMessage());
    }
}
