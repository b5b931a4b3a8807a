package org.estatehub.asset.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.estatehub.api.model.DataQualityField;
import org.estatehub.api.model.FieldCompleteness;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The percentages' arithmetic without a server: exact, half up (not half even), one place. */
@FastTest
class DataQualityRulesTest {

    @Test
    void percentagesAreExactAndRoundedHalfUp() {
        assertEquals("66.7", DataQualityRules.percent(2, 3));
        assertEquals("33.3", DataQualityRules.percent(1, 3));
        assertEquals("12.5", DataQualityRules.percent(1, 8));
        // 6.25 and 0.05: half even (or a double's 0.0499...) would give 6.2 and 0.0.
        assertEquals("6.3", DataQualityRules.percent(1, 16));
        assertEquals("0.1", DataQualityRules.percent(1, 2000));
        assertEquals("99.9", DataQualityRules.percent(99_949, 100_000));
        assertEquals("100.0", DataQualityRules.percent(99_950, 100_000));
        assertEquals("0.0", DataQualityRules.percent(0, 7));
        assertEquals("100.0", DataQualityRules.percent(7, 7));
        assertNull(DataQualityRules.percent(0, 0));
    }

    @Test
    void everyFieldIsReportedInTheContractsOrder() {
        int n = DataQualityField.values().length;
        int[] expected = new int[n];
        int[] with = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = 10;
            with[i] = i;
        }
        List<FieldCompleteness> fields = new DataQualityRules.Counts(expected, with).fields();
        assertEquals(List.of(DataQualityField.values()), fields.stream().map(FieldCompleteness::getField).toList());
        assertEquals(3, fields.get(3).getWith());
        assertEquals(7, fields.get(3).getWithout());
        var percentages = new DataQualityRules.Counts(expected, with).percentages();
        assertEquals(List.of("0.0", "10.0", "20.0", "30.0", "40.0", "50.0", "60.0"),
                List.of(percentages.getUprn(), percentages.getLocation(), percentages.getTenure(),
                        percentages.getGrossInternalArea(), percentages.getRunningCost(), percentages.getEpc(),
                        percentages.getUtilisation()));
    }
}
