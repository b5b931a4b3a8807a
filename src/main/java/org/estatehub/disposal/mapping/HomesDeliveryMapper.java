package org.estatehub.disposal.mapping;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.estatehub.api.model.HomesDelivered;
import org.estatehub.api.model.HomesDeliveredTotals;
import org.estatehub.api.model.HomesDeliveredYear;
import org.estatehub.disposal.HomesDelivery;

public final class HomesDeliveryMapper {

    private HomesDeliveryMapper() {
    }

    public static HomesDeliveredYear toApi(HomesDelivery row) {
        return new HomesDeliveredYear()
                .financialYear(row.financialYear)
                .homesPermitted(row.homesPermitted)
                .homesStarted(row.homesStarted)
                .homesCompleted(row.homesCompleted)
                .recordedBy(row.recordedBy)
                .recordedByPartnerId(row.recordedByPartnerId)
                .recordedAt(row.recordedAt == null ? null : row.recordedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version(row.version);
    }

    /** Every year of a disposal (in year order) with their sums; `homesPlanned` its housing capacity. */
    public static HomesDelivered toApi(UUID disposalId, Integer homesPlanned, List<HomesDelivery> years) {
        return new HomesDelivered()
                .disposalId(disposalId)
                .homesPlanned(homesPlanned)
                .years(years.stream().map(HomesDeliveryMapper::toApi).toList())
                .totals(new HomesDeliveredTotals()
                        .homesPermitted(years.stream().mapToLong(y -> y.homesPermitted).sum())
                        .homesStarted(years.stream().mapToLong(y -> y.homesStarted).sum())
                        .homesCompleted(years.stream().mapToLong(y -> y.homesCompleted).sum()));
    }
}
