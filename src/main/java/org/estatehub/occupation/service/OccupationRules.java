package org.estatehub.occupation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.OccupationBasis;
import org.estatehub.api.model.OccupationInput;
import org.estatehub.common.problem.Problems;

/**
 * The rules an occupation's terms must meet beyond the contract's schema, each naming its field. The
 * database checks the same (occupation_one_occupier, _space, _term, _break_in_term, _review_in_term), so
 * a change that slipped past these would still be refused.
 */
public final class OccupationRules {

    private OccupationRules() {
    }

    /** @param partnerExists whether `occupierPartnerId` names a partner (asked only when one is given) */
    public static List<FieldError> check(OccupationInput in, String assetOwnerPartnerId,
            java.util.function.Predicate<String> partnerExists) {
        List<FieldError> errors = new ArrayList<>();
        boolean partner = in.getOccupierPartnerId() != null;
        boolean outsider = in.getOccupierName() != null;
        if (partner == outsider) {
            errors.add(Problems.fieldError("occupierPartnerId",
                    "give exactly one of occupierPartnerId (a partner) and occupierName (an outside occupier)"));
        } else if (partner && !partnerExists.test(in.getOccupierPartnerId())) {
            errors.add(Problems.fieldError("occupierPartnerId", "no partner '" + in.getOccupierPartnerId() + "'"));
        }
        if (outsider && in.getOccupierName().isBlank()) {
            errors.add(Problems.fieldError("occupierName", "must not be blank"));
        }
        if (in.getLandlordName() != null && in.getLandlordName().isBlank()) {
            errors.add(Problems.fieldError("landlordName", "must not be blank"));
        }
        if (in.getAreaM2() == null && in.getDesks() == null) {
            errors.add(Problems.fieldError("areaM2", "give the space occupied: areaM2 and/or desks"));
        }
        if (in.getAreaM2() != null && in.getAreaM2().stripTrailingZeros().scale() > 2) {
            // NUMERIC(12, 2) would round silently: refuse rather than store another figure than was sent.
            errors.add(Problems.fieldError("areaM2", "at most two decimals"));
        }
        if (in.getBasis() == OccupationBasis.OWNER_OCCUPIED && !assetOwnerPartnerId.equals(in.getOccupierPartnerId())) {
            errors.add(Problems.fieldError("basis", "OWNER_OCCUPIED only by the asset's owner ('" + assetOwnerPartnerId
                    + "') as occupierPartnerId"));
        }
        LocalDate start = in.getStartsOn();
        LocalDate end = in.getEndsOn();
        if (end != null && end.isBefore(start)) {
            errors.add(Problems.fieldError("endsOn", "must not be before startsOn (" + start + ")"));
        }
        inTerm(errors, "breakOn", in.getBreakOn(), start, end);
        inTerm(errors, "rentReviewOn", in.getRentReviewOn(), start, end);
        return errors;
    }

    private static void inTerm(List<FieldError> errors, String field, LocalDate date, LocalDate start, LocalDate end) {
        if (date != null && (date.isBefore(start) || end != null && date.isAfter(end))) {
            errors.add(Problems.fieldError(field, "must fall within the term (" + start + " to "
                    + (end == null ? "open-ended" : end.toString()) + ")"));
        }
    }
}
