package org.estatehub.workspace.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.PartnerUse;
import org.estatehub.api.model.UseFigures;
import org.estatehub.api.model.UsePeriod;
import org.estatehub.api.model.WorkspaceUse;
import org.estatehub.asset.Asset;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.workspace.WorkspaceAllocation;
import org.hibernate.Session;

/**
 * Use of a workspace against allocation, per week (Monday to Sunday) or calendar month, in half days:
 * capacity is desks x working days (Monday to Friday) x 2, with allocations as they are now (they are not
 * kept over time). The owner and the readers of everything see every partner; a partner holding an
 * allocation sees the office's totals and its own row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkspaceUseReport {

    public enum Period {
        WEEK, MONTH
    }

    private static final NamedSql BOOKED = NamedSql.of("select booked_on, partner_id,"
            + " sum(case when slot = 'DAY' then 2 else 1 end) from desk_booking where workspace_id = :workspace"
            + " and status = 'BOOKED' and booked_on between :from and :to group by booked_on, partner_id");

    @Inject
    WorkspaceService workspaces;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public WorkspaceUse use(UUID workspaceId, Period period, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("to", "must not be before from (" + from + ")")));
        }
        if (to.isAfter(from.plusDays(366))) {
            throw ProblemException.invalid(List.of(Problems.fieldError("to", "at most 366 days after from (" + from + ")")));
        }
        WorkspaceService.Full full = workspaces.get(workspaceId);
        Asset asset = Asset.findById(full.workspace().assetId);
        boolean all = workspaces.seesAllBookings(asset);
        String own = caller.partnerId();
        Map<String, Integer> allocated = new TreeMap<>();
        for (WorkspaceAllocation a : full.allocations()) {
            allocated.put(a.partnerId, a.desks);
        }
        if (!all && !allocated.containsKey(own)) {
            throw ProblemException.forbidden("A workspace's use is read by its owner, the programme office, the board and"
                    + " the partners holding an allocation in it.");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspaceId);
        params.put("from", from);
        params.put("to", to);
        record Booked(LocalDate on, String partner, long halfDays) {
        }
        List<Booked> booked = em.unwrap(Session.class).doReturningWork(c -> BOOKED.list(c, params,
                r -> new Booked(r.getObject(1, LocalDate.class), r.getString(2), r.getLong(3))));
        TreeSet<String> partners = new TreeSet<>(allocated.keySet());
        booked.forEach(b -> partners.add(b.partner()));
        if (!all) {
            partners.retainAll(List.of(own));
        }
        List<UsePeriod> periods = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); ) {
            LocalDate end = period == Period.WEEK ? start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                    : start.with(TemporalAdjusters.lastDayOfMonth());
            if (end.isAfter(to)) {
                end = to;
            }
            int workingDays = workingDays(start, end);
            LocalDate s = start;
            LocalDate e = end;
            long officeBooked = booked.stream().filter(b -> !b.on().isBefore(s) && !b.on().isAfter(e))
                    .mapToLong(Booked::halfDays).sum();
            List<PartnerUse> rows = new ArrayList<>();
            for (String partner : partners) {
                int desks = allocated.getOrDefault(partner, 0);
                long partnerBooked = booked.stream().filter(b -> b.partner().equals(partner) && !b.on().isBefore(s)
                        && !b.on().isAfter(e)).mapToLong(Booked::halfDays).sum();
                rows.add(new PartnerUse().partnerId(partner).allocatedDesks(desks)
                        .use(figures(2L * desks * workingDays, partnerBooked)));
            }
            periods.add(new UsePeriod().startsOn(start).endsOn(end).workingDays(workingDays)
                    .office(figures(2L * full.workspace().deskCount * workingDays, officeBooked)).partners(rows));
            start = end.plusDays(1);
        }
        return new WorkspaceUse().workspaceId(workspaceId).period(WorkspaceUse.PeriodEnum.fromValue(period.name()))
                .from(from).to(to).periods(periods);
    }

    static int workingDays(LocalDate start, LocalDate end) {
        int days = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    static UseFigures figures(long allocatedHalfDays, long bookedHalfDays) {
        UseFigures f = new UseFigures().allocatedHalfDays(allocatedHalfDays).bookedHalfDays(bookedHalfDays);
        if (allocatedHalfDays > 0) {
            f.usePercent(BigDecimal.valueOf(bookedHalfDays * 100).divide(BigDecimal.valueOf(allocatedHalfDays), 2,
                    RoundingMode.HALF_UP));
        }
        return f;
    }
}
