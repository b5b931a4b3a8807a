package org.estatehub.occupation.mapping;

import java.time.LocalDate;

import org.estatehub.api.model.LeaseEventKind;
import org.estatehub.api.model.OccupationLeaseEvent;
import org.estatehub.api.model.OccupationLeaseEventPage;
import org.estatehub.api.model.OccupationUseMeasure;
import org.estatehub.api.model.UnderUsedOccupation;
import org.estatehub.api.model.UnderUsedOccupationPage;
import org.estatehub.occupation.service.LeaseEvents;

/** The lease-event lists ↔ contract model; each occupation as the caller reads it (OccupationMapper). */
public final class LeaseEventsMapper {

    private LeaseEventsMapper() {
    }

    public static OccupationLeaseEventPage dueToApi(LeaseEvents.Page<LeaseEvents.Due> page, int limit, int offset,
            LocalDate today) {
        return new OccupationLeaseEventPage().items(page.items().stream().map(d -> new OccupationLeaseEvent()
                .kind(LeaseEventKind.fromValue(d.kind())).dueOn(d.dueOn())
                .occupation(OccupationMapper.toApi(d.occupation(), d.assetOwnerPartnerId(), d.full(), today))).toList())
                .total(page.total()).limit(limit).offset(offset).from(page.from()).to(page.to());
    }

    /** Every occupation of this list is one the caller reads in full (LeaseEvents.underUsed). */
    public static UnderUsedOccupationPage underUsedToApi(LeaseEvents.Page<LeaseEvents.Used> page, int limit,
            int offset, LocalDate today) {
        return new UnderUsedOccupationPage().items(page.items().stream().map(u -> new UnderUsedOccupation()
                .occupation(OccupationMapper.toApi(u.occupation(), u.assetOwnerPartnerId(), true, today))
                .measure(OccupationUseMeasure.fromValue(u.measure())).usePercent(u.usePercent())
                .bookedHalfDays(u.bookedHalfDays()).capacityHalfDays(u.capacityHalfDays())).toList())
                .total(page.total()).limit(limit).offset(offset).from(page.from()).to(page.to());
    }
}
