package org.estatehub.common.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What only PostGIS answers about a boundary: whether it is a valid shape (ST_IsValid, and why not), its
 * area on the WGS84 spheroid and a point on its surface. One statement that writes nothing, run before the
 * record changes, so a refused boundary leaves nothing half-written.
 */
@ApplicationScoped
public class BoundaryMeasures {

    /** Hectares to 4 decimal places, i.e. to the square metre (the asset column's scale). */
    public static final int HECTARE_DECIMALS = 4;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "estatehub.geometry.max-vertices", defaultValue = "10000")
    int maxVertices;

    /**
     * @param hectares ST_Area(boundary::geography) / 10,000, rounded half-up to {@link #HECTARE_DECIMALS}
     * @param latitude, longitude ST_PointOnSurface, rounded to the point columns' 6 decimals
     */
    public record Measures(BigDecimal hectares, BigDecimal latitude, BigDecimal longitude) {
    }

    public int maxVertices() {
        return maxVertices;
    }

    /** A body's boundary member, checked in Java (SiteBoundaries.read). */
    public SiteBoundaries.Change read(JsonNode node, String field) {
        return SiteBoundaries.read(node, field, maxVertices);
    }

    /**
     * Measures a boundary (GeoJSON text from SiteBoundaries), or a 400 naming {@code field} with
     * ST_IsValidReason when PostGIS finds it invalid (self-intersecting rings, overlapping parts...).
     */
    public Measures measure(String geoJson, String field) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select ST_IsValid(g), ST_IsValidReason(g),
                       case when ST_IsValid(g) then round((ST_Area(g::geography) / 10000)::numeric, :decimals) end,
                       case when ST_IsValid(g) then ST_Y(ST_PointOnSurface(g)) end,
                       case when ST_IsValid(g) then ST_X(ST_PointOnSurface(g)) end
                from (select ST_SetSRID(ST_GeomFromGeoJSON(cast(:geometry as text)), 4326) as g) boundary
                """)
                .setParameter("geometry", geoJson)
                .setParameter("decimals", HECTARE_DECIMALS)
                .getSingleResult();
        if (!Boolean.TRUE.equals(row[0])) {
            throw ProblemException.invalid(List.of(Problems.fieldError(field,
                    "is not a valid polygon: " + row[1])));
        }
        BigDecimal hectares = ((BigDecimal) row[2]).setScale(HECTARE_DECIMALS, RoundingMode.HALF_UP);
        return new Measures(hectares, degrees((Number) row[3]), degrees((Number) row[4]));
    }

    private static BigDecimal degrees(Number value) {
        return BigDecimal.valueOf(value.doubleValue()).setScale(6, RoundingMode.HALF_UP);
    }
}
