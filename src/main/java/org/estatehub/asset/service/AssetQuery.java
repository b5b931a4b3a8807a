package org.estatehub.asset.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;

/**
 * A search of the register as the caller asked for it, checked for the rules the contract cannot
 * express (bbox order, the radius parameters together, sort by distance only around a point). A point
 * (nearLat, nearLon) comes with radiusM (a radius search) or, without it, with sort=distance: the nearest
 * first, however far, which a map asks for to show "the 20 closest" without guessing a radius.
 * {@code localAuthorities} is the filter's area (LocalAuthorities.filterArea: the authority and, for a
 * county, its districts), null for no filter. {@code exactTotal}: the total counts every match
 * ({@code total=exact}, the default) rather than no further than the page and one more ({@code total=bounded}).
 */
public record AssetQuery(String partner, Set<String> localAuthorities, AssetStatus status, AssetType type, String text,
        double[] bbox, Double nearLat, Double nearLon, Integer radiusM, boolean includeDisposed, String sort,
        boolean exactTotal, int limit, int offset) {

    public static final List<String> SORTS = List.of("name", "-name", "annualRunningCost", "-annualRunningCost",
            "grossInternalAreaM2", "-grossInternalAreaM2", "utilisationPercent", "-utilisationPercent", "updatedAt",
            "-updatedAt", "distance");

    /** The contract's values of {@code total}. */
    public static final List<String> TOTALS = List.of("exact", "bounded");

    /** A search whose total counts every match. */
    public static AssetQuery of(String partner, Set<String> localAuthorities, AssetStatus status, AssetType type, String q,
            String bbox, BigDecimal nearLat, BigDecimal nearLon, Integer radiusM, Boolean includeDisposed,
            String sort, int limit, int offset) {
        return of(partner, localAuthorities, status, type, q, bbox, nearLat, nearLon, radiusM, includeDisposed, sort,
                null, limit, offset);
    }

    /** @param total {@code exact} (also for null) or {@code bounded}, as the contract's parameter */
    public static AssetQuery of(String partner, Set<String> localAuthorities, AssetStatus status, AssetType type, String q,
            String bbox, BigDecimal nearLat, BigDecimal nearLon, Integer radiusM, Boolean includeDisposed,
            String sort, String total, int limit, int offset) {
        List<FieldError> errors = new ArrayList<>();
        double[] box = null;
        if (bbox != null) {
            String[] parts = bbox.split(",");
            box = new double[4];
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i]);
            }
            if (box[0] >= box[2] || box[1] >= box[3]) {
                errors.add(Problems.fieldError("bbox", "must be minLon,minLat,maxLon,maxLat with min < max"));
            }
        }
        boolean point = nearLat != null && nearLon != null;
        String order = sort == null ? "name" : sort;
        if ((nearLat == null) != (nearLon == null) || (radiusM != null && !point)) {
            errors.add(Problems.fieldError("radiusM", "a radius search needs nearLat, nearLon and radiusM together"));
        } else if (point && radiusM == null && !order.equals("distance")) {
            errors.add(Problems.fieldError("radiusM",
                    "nearLat and nearLon need radiusM (a radius search) or sort=distance (the nearest first)"));
        }
        if (!SORTS.contains(order)) {
            errors.add(Problems.fieldError("sort", "'" + order + "' is not one of: " + String.join(", ", SORTS)));
        } else if (order.equals("distance") && !point) {
            errors.add(Problems.fieldError("sort",
                    "sort=distance needs a point: nearLat and nearLon (with radiusM for a radius search)"));
        }
        String counting = total == null ? "exact" : total;
        if (!TOTALS.contains(counting)) {
            errors.add(Problems.fieldError("total", "'" + counting + "' is not one of: " + String.join(", ", TOTALS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return new AssetQuery(partner, localAuthorities == null ? null : Set.copyOf(localAuthorities), status, type, text, box,
                nearLat == null ? null : nearLat.doubleValue(), nearLon == null ? null : nearLon.doubleValue(),
                radiusM, Boolean.TRUE.equals(includeDisposed), order, counting.equals("exact"), limit, offset);
    }

    /** A radius search: only assets within radiusM of the point. */
    public boolean aroundPoint() {
        return radiusM != null;
    }

    /** A point was given (a radius search or the nearest first): every hit carries its distance. */
    public boolean fromPoint() {
        return nearLat != null;
    }

    /** Nearest first, within a radius or not. */
    public boolean nearestFirst() {
        return sort.equals("distance");
    }
}
