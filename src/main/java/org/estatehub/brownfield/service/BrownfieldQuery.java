package org.estatehub.brownfield.service;

import java.util.Locale;
import java.util.Set;

import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.PlanningStatus;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.problem.ProblemException;

/**
 * A search of the brownfield sites as the caller asked for it. {@code localAuthorities} is the filter's area
 * (LocalAuthorities.filterArea), null for none; {@code located} keeps only sites with a location (the map).
 */
public record BrownfieldQuery(String partner, Set<String> localAuthorities, PlanningStatus planningStatus,
        OwnershipStatus ownershipStatus, Boolean deliverable, String text, double[] bbox, boolean located, int limit,
        int offset) {

    public static BrownfieldQuery of(String partner, Set<String> localAuthorities, PlanningStatus planningStatus,
            OwnershipStatus ownershipStatus, Boolean deliverable, String q, String bbox, boolean located, int limit,
            int offset) {
        double[] box = null;
        if (bbox != null) {
            String[] parts = bbox.split(",");
            box = new double[4];
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i]);
            }
            if (box[0] >= box[2] || box[1] >= box[3]) {
                throw ProblemException.invalid(java.util.List.of(Problems.fieldError("bbox",
                        "must be minLon,minLat,maxLon,maxLat with min < max")));
            }
        }
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return new BrownfieldQuery(partner, localAuthorities == null ? null : Set.copyOf(localAuthorities),
                planningStatus, ownershipStatus, deliverable, text, box, located || box != null, limit, offset);
    }
}
