package org.estatehub.asset.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.estatehub.asset.mapping.PublishedWording;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/**
 * The export and the update recognise a source column as a field's published wording by its header
 * (PublishedWording); the import decides which header is which column (TransparencyColumns). They must
 * agree, or an export would write wording the import reads as another column's.
 */
@FastTest
class PublishedWordingTest {

    @Test
    void theWordingHeadersAreTheImportsColumnsForTenureOccupancyAndHolding() {
        Map<PublishedWording, TransparencyColumns> column = Map.of(PublishedWording.TENURE, TransparencyColumns.TENURE,
                PublishedWording.OCCUPANCY, TransparencyColumns.TENURE_DETAIL, PublishedWording.HOLDING,
                TransparencyColumns.HOLDING);
        for (String header : new String[] {"Tenure", "TenureType", "Tenure Type", "tenure_type", "TenureDetail",
                "Tenure Detail", "HoldingType", "Holding Type", "Holding"}) {
            PublishedWording wording = PublishedWording.of(header);
            assertEquals(TransparencyColumns.match(header), column.get(wording), header);
        }
        for (String header : new String[] {"OtherDetail", "Contact", "Ward", "Tenure category", "Organisation"}) {
            assertEquals(null, PublishedWording.of(header), header);
        }
    }
}
