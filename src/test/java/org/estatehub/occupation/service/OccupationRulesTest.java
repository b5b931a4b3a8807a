package org.estatehub.occupation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.OccupationBasis;
import org.estatehub.api.model.OccupationInput;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** Each rule of an occupation's terms, naming its field; the derived utilisation's arithmetic. */
@FastTest
class OccupationRulesTest {

    private static OccupationInput valid() {
        return new OccupationInput().occupierPartnerId("kent-police").basis(OccupationBasis.LEASE)
                .areaM2(new BigDecimal("120.50")).startsOn(LocalDate.of(2024, 4, 1)).endsOn(LocalDate.of(2029, 3, 31))
                .breakOn(LocalDate.of(2027, 3, 31)).rentReviewOn(LocalDate.of(2026, 4, 1));
    }

    private static List<String> fields(Consumer<OccupationInput> change) {
        OccupationInput in = valid();
        change.accept(in);
        return OccupationRules.check(in, "maidstone", p -> !p.equals("nobody")).stream().map(FieldError::getField).toList();
    }

    @Test
    void eachRuleNamesItsField() {
        assertEquals(List.of(), fields(in -> { }));
        assertEquals(List.of("occupierPartnerId"), fields(in -> in.occupierName("Both")));
        assertEquals(List.of("occupierPartnerId"), fields(in -> in.occupierPartnerId(null)));
        assertEquals(List.of("occupierPartnerId"), fields(in -> in.occupierPartnerId("nobody")));
        assertEquals(List.of(), fields(in -> in.occupierPartnerId(null).occupierName("Kent Community Health")));
        assertEquals(List.of("areaM2"), fields(in -> in.areaM2(null)));
        assertEquals(List.of(), fields(in -> in.areaM2(null).desks(4)));
        assertEquals(List.of("areaM2"), fields(in -> in.areaM2(new BigDecimal("1.005"))));
        assertEquals(List.of(), fields(in -> in.areaM2(new BigDecimal("1.500"))));
        assertEquals(List.of("basis"), fields(in -> in.basis(OccupationBasis.OWNER_OCCUPIED)));
        assertEquals(List.of(), fields(in -> in.basis(OccupationBasis.OWNER_OCCUPIED).occupierPartnerId("maidstone")));
        assertEquals(List.of("endsOn"), fields(in -> in.endsOn(LocalDate.of(2024, 3, 31)).breakOn(null).rentReviewOn(null)));
        assertEquals(List.of(), fields(in -> in.endsOn(LocalDate.of(2024, 4, 1)).breakOn(null).rentReviewOn(null)));
        assertEquals(List.of("breakOn"), fields(in -> in.breakOn(LocalDate.of(2029, 4, 1))));
        assertEquals(List.of("breakOn"), fields(in -> in.breakOn(LocalDate.of(2024, 3, 31))));
        assertEquals(List.of("rentReviewOn"), fields(in -> in.rentReviewOn(LocalDate.of(2030, 1, 1))));
        assertEquals(List.of(), fields(in -> in.endsOn(null).rentReviewOn(LocalDate.of(2040, 1, 1))));
        assertEquals(List.of("landlordName"), fields(in -> in.landlordName("  ")));
    }

    @Test
    void utilisationIsOccupiedOverGrossCappedAtAHundred() {
        assertEquals(new BigDecimal("74.99"), OccupationService.utilisation(new BigDecimal("900.25"), new BigDecimal("1200.50")));
        assertEquals(new BigDecimal("100.00"), OccupationService.utilisation(new BigDecimal("2000"), new BigDecimal("1000")));
        assertEquals(null, OccupationService.utilisation(null, new BigDecimal("1000")));
        assertEquals(null, OccupationService.utilisation(new BigDecimal("10"), null));
    }
}
