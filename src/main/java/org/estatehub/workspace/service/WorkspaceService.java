package org.estatehub.workspace.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.DeskBookingInput;
import org.estatehub.api.model.WorkspaceInput;
import org.estatehub.api.model.WorkspaceZoneInput;
import org.estatehub.asset.Asset;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.estatehub.workspace.BookingSlot;
import org.estatehub.workspace.DeskBooking;
import org.estatehub.workspace.DeskBookingStatus;
import org.estatehub.workspace.Workspace;
import org.estatehub.workspace.WorkspaceAllocation;
import org.estatehub.workspace.WorkspaceDesk;
import org.estatehub.workspace.WorkspaceZone;
import org.estatehub.workspace.mapping.WorkspaceMapper;
import org.hibernate.Session;

/**
 * Shared workspaces, allocations and desk bookings. Who does what:
 * <ul>
 * <li>the workspace is read by whoever reads its asset and by every partner holding an allocation in it;
 * the asset owner's editors and pmo-admin set it up;</li>
 * <li>a partner's allocation is set by that partner's editors, the asset owner's editors and pmo-admin;
 * all allocations together never exceed the desks (the database's check on the workspace row);</li>
 * <li>staff of a partner with an allocation book for themselves within it (checked under a lock on each
 * half of the partner's day in the workspace that the booking holds); a desk's half day is booked at most once
 * (the database's unique indexes desk_booking_morning/afternoon);</li>
 * <li>a booking is read by its partner, the asset's owner and the readers of everything.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class WorkspaceService {

    /** A workspace with everything its representation shows. */
    public record Full(Workspace workspace, String assetOwnerPartnerId, List<WorkspaceZone> zones,
            Map<UUID, List<WorkspaceDesk>> desksByZone, List<WorkspaceAllocation> allocations) {
        public org.estatehub.api.model.Workspace toApi() {
            return WorkspaceMapper.toApi(workspace, assetOwnerPartnerId, zones, desksByZone, allocations);
        }
    }

    public record Summary(UUID id, UUID assetId, String assetName, String assetOwnerPartnerId, String name,
            int deskCount, int allocatedDesks) {
    }

    public record SummaryPage(List<Summary> items, long total) {
    }

    public record BookingPage(List<org.estatehub.api.model.DeskBooking> items, long total) {
    }

    private static final String READABLE = "(:everything or a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :callerPartner"
            + " or exists (select 1 from workspace_allocation wa where wa.workspace_id = w.id and wa.partner_id = :callerPartner))";

    private static final String LIST_FROM = "from workspace w join asset a on a.id = w.asset_id where " + READABLE
            + " and (cast(:asset as uuid) is null or w.asset_id = :asset)";

    private static final NamedSql LIST = NamedSql.of("select w.id, w.asset_id, a.name as asset_name, a.owner_partner_id,"
            + " w.name, w.desk_count, w.allocated_desks " + LIST_FROM + " order by a.name, w.name, w.id limit :limit offset :offset");

    private static final NamedSql LIST_COUNT = NamedSql.of("select count(*) " + LIST_FROM);

    /**
     * Everything a booking reads before its lock, in one statement (no entities: nothing to flush or
     * dirty-check): the workspace, its asset's owner, whether the caller may read it (the rule of
     * {@link #readable}: the asset's or an allocation of the caller's partner), the partner's allocation and
     * the desk or zone asked for (each with whether it belongs to this workspace). No row: no workspace.
     */
    private static final NamedSql BOOKING_CONTEXT = NamedSql.of("select w.name, a.owner_partner_id,"
            + " (:everything or a.visibility = 'PARTNERSHIP' or a.owner_partner_id = :partner or al.partner_id is not null)"
            + " as readable, al.desks as allocated, d.id is not null and d.workspace_id = w.id as desk_here, d.label as desk_label,"
            + " z.id is not null and z.workspace_id = w.id as zone_here, z.name as zone_name"
            + " from workspace w join asset a on a.id = w.asset_id"
            + " left join workspace_allocation al on al.workspace_id = w.id and al.partner_id = :partner"
            + " left join workspace_desk d on d.id = :desk left join workspace_zone z on z.id = :zone where w.id = :workspace");

    /**
     * The lock, then the checks and the insert, sent as three statements in one round trip (the driver
     * pipelines a prepared statement's statements and reads their results in order), because the lock is
     * held until commit and every round trip under it is a round trip every other booking of the partner's
     * day waits for. They must stay separate statements: READ COMMITTED takes a snapshot per statement, so
     * only a statement that starts after the lock is granted sees the bookings committed by its previous
     * holder.
     * <p>
     * The lock is on (workspace, partner, day, half) rather than the whole day: the allocation check of a
     * morning counts only bookings holding the morning, that of an afternoon only the afternoon, so an AM
     * and a PM booking of the same partner's day need not wait for each other. A DAY booking takes both,
     * morning first, as every booking takes its locks in that order (no deadlock).
     */
    private static final NamedSql LOCK_CHECK_INSERT = NamedSql.of(halfLock("AM", ":morning") + "; "
            + halfLock("PM", ":afternoon") + "; "
            + "with halves as (select count(*) filter (where slot in ('DAY', 'AM')) as morning,"
            + "   count(*) filter (where slot in ('DAY', 'PM')) as afternoon from desk_booking where workspace_id = :workspace"
            + "   and partner_id = :partner and booked_on = :on and status = 'BOOKED'),"
            // Desks of the zone (or the one desk) with no live booking holding a half the slot needs, by label.
            + " free as (select d.id, d.label, z.name as zone_name from workspace_desk d join workspace_zone z on z.id = d.zone_id"
            + "   where d.workspace_id = :workspace and (d.zone_id = :zone or d.id = :desk)"
            + "   and not exists (select 1 from desk_booking b where b.desk_id = d.id and b.booked_on = :on"
            + "   and b.status = 'BOOKED' and (b.slot = 'DAY' or :slot = 'DAY' or b.slot = :slot))"
            + "   order by d.label limit 1),"
            + " booked as (insert into desk_booking (id, workspace_id, desk_id, zone_id, partner_id, username, booked_on, slot,"
            + "   status, created_at) select :id, :workspace, free.id, :zone, :partner, :username, :on, :slot, 'BOOKED', :createdAt"
            + "   from free, halves where not (:morning and halves.morning >= :allocated)"
            + "   and not (:afternoon and halves.afternoon >= :allocated) returning id)"
            + " select h.morning, h.afternoon, f.id, f.label, f.zone_name, exists (select 1 from booked) as booked"
            + " from halves h left join free f on true");

    /** The transaction lock on one half of the partner's day in the workspace, taken only when `when` is true. */
    private static String halfLock(String half, String when) {
        // In the select list, so that it is evaluated only for the row the where clause lets through.
        return "select pg_advisory_xact_lock(hashtextextended(cast(:workspace as text) || ':' || cast(:partner as text)"
                + " || ':' || cast(:on as text) || ':" + half + "', 19)) where " + when;
    }

    private static final String BOOKINGS_FROM = "from desk_booking b join workspace_desk d on d.id = b.desk_id"
            + " join workspace_zone z on z.id = d.zone_id where b.workspace_id = :workspace"
            + " and b.booked_on between :from and :to and (:all or b.partner_id = :callerPartner)";

    private static final NamedSql BOOKINGS = NamedSql.of("select b.*, d.label, z.name as zone_name " + BOOKINGS_FROM
            + " order by b.booked_on, d.label, b.slot, b.created_at, b.id limit :limit offset :offset");

    private static final NamedSql BOOKINGS_COUNT = NamedSql.of("select count(*) " + BOOKINGS_FROM);

    /** PostgreSQL's SQLSTATE for a unique index refusing a row. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AssetAccess access;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    // ---- workspaces

    @Transactional(Transactional.TxType.SUPPORTS)
    public SummaryPage list(UUID asset, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        params.put("everything", caller.readsEverything());
        params.put("callerPartner", caller.partnerId());
        params.put("asset", asset);
        params.put("limit", limit);
        params.put("offset", offset);
        return session().doReturningWork(c -> new SummaryPage(LIST.list(c, params, r -> new Summary(
                r.getObject("id", UUID.class), r.getObject("asset_id", UUID.class), r.getString("asset_name"),
                r.getString("owner_partner_id"), r.getString("name"), r.getInt("desk_count"),
                r.getInt("allocated_desks"))), LIST_COUNT.count(c, params)));
    }

    public Full create(UUID assetId, WorkspaceInput input) {
        Asset asset = access.requireReadable(Asset.findById(assetId), assetId);
        access.requireWritable(asset);
        List<org.estatehub.api.model.FieldError> errors = new ArrayList<>();
        if (input.getName().isBlank()) {
            errors.add(Problems.fieldError("name", "must not be blank"));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < input.getZones().size(); i++) {
            String zone = input.getZones().get(i).getName();
            if (zone.isBlank()) {
                errors.add(Problems.fieldError("zones[" + i + "].name", "must not be blank"));
            } else if (!names.add(zone.strip())) {
                errors.add(Problems.fieldError("zones[" + i + "].name", "two zones are called '" + zone.strip() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (Workspace.count("assetId = ?1 and name = ?2", assetId, input.getName().strip()) > 0) {
            throw ProblemException.conflict("The asset already has a workspace called '" + input.getName().strip() + "'.");
        }
        Workspace w = new Workspace();
        w.id = UUID.randomUUID();
        w.assetId = assetId;
        w.name = input.getName().strip();
        w.createdAt = PartnershipCalendar.timestamp(clock);
        w.updatedAt = w.createdAt;
        w.persist();
        for (WorkspaceZoneInput zoneInput : input.getZones()) {
            WorkspaceZone zone = new WorkspaceZone();
            zone.id = UUID.randomUUID();
            zone.workspaceId = w.id;
            zone.name = zoneInput.getName().strip();
            zone.persist();
            for (int n = 1; n <= zoneInput.getDesks(); n++) {
                WorkspaceDesk desk = new WorkspaceDesk();
                desk.id = UUID.randomUUID();
                desk.workspaceId = w.id;
                desk.zoneId = zone.id;
                desk.label = zone.name + " " + String.format("%02d", n);
                desk.persist();
            }
        }
        em.flush();
        em.refresh(w);
        Full full = full(w, asset);
        audit.record(WorkspaceAuditScope.subject(w, asset.ownerPartnerId), AuditActions.CREATED, null,
                audit.snapshot(full.toApi()));
        return full;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Full get(UUID id) {
        Workspace w = Workspace.findById(id);
        Asset asset = w == null ? null : Asset.findById(w.assetId);
        if (w == null || !readable(w, asset)) {
            throw ProblemException.notFound("No workspace with id '" + id + "'.");
        }
        return full(w, asset);
    }

    public Full setAllocation(UUID workspaceId, String partnerId, int desks) {
        Full current = get(workspaceId);
        Asset asset = Asset.findById(current.workspace().assetId);
        boolean editor = caller.hasRole(Roles.PARTNER_EDITOR);
        String own = caller.partnerId();
        if (!caller.hasRole(Roles.PMO_ADMIN) && !(editor && (own.equals(partnerId) || own.equals(asset.ownerPartnerId)))) {
            throw ProblemException.forbidden("A partner's allocation is set by its own editors, the editors of "
                    + asset.ownerPartnerId + " (the workspace's owner) or the programme office.");
        }
        if (Partner.findById(partnerId) == null) {
            throw ProblemException.notFound("No partner '" + partnerId + "'.");
        }
        // The workspace row's lock serialises allocation changes, so the check below sees every other one.
        Workspace w = em.find(Workspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(w);
        var before = audit.snapshot(full(w, asset).toApi());
        WorkspaceAllocation allocation = WorkspaceAllocation.findById(new WorkspaceAllocation.Key(workspaceId, partnerId));
        int others = w.allocatedDesks - (allocation == null ? 0 : allocation.desks);
        if (others + desks > w.deskCount) {
            throw ProblemException.conflict(w.name + " has " + w.deskCount + " desks and " + others
                    + " are allocated to other partners, so " + partnerId + " can have at most " + (w.deskCount - others)
                    + ", not " + desks + ".");
        }
        if (allocation == null && desks > 0) {
            allocation = new WorkspaceAllocation();
            allocation.workspaceId = workspaceId;
            allocation.partnerId = partnerId;
            allocation.desks = desks;
            allocation.updatedAt = PartnershipCalendar.timestamp(clock);
            allocation.persist();
        } else if (allocation != null && desks == 0) {
            allocation.delete();
        } else if (allocation != null) {
            allocation.desks = desks;
            allocation.updatedAt = PartnershipCalendar.timestamp(clock);
        }
        w.updatedAt = PartnershipCalendar.timestamp(clock);
        em.flush();
        em.refresh(w);
        Full after = full(w, asset);
        audit.record(WorkspaceAuditScope.subject(w, asset.ownerPartnerId), AuditActions.UPDATED, before,
                audit.snapshot(after.toApi()), "Allocation of " + partnerId + ": " + desks + " desks");
        return after;
    }

    // ---- bookings

    public org.estatehub.api.model.DeskBooking book(UUID workspaceId, DeskBookingInput input) {
        if (caller.isServiceAccount()) {
            throw ProblemException.forbidden("Desks are booked by people as themselves, not by partner systems.");
        }
        String partner = caller.partnerId();
        BookingSlot slot = WorkspaceMapper.fromApi(input.getSlot());
        Map<String, Object> params = new HashMap<>();
        params.put("everything", caller.readsEverything());
        params.put("workspace", workspaceId);
        params.put("partner", partner);
        params.put("desk", input.getDeskId());
        params.put("zone", input.getZoneId());
        record Context(String workspaceName, String assetOwner, boolean readable, int allocated, boolean deskHere,
                String deskLabel, boolean zoneHere, String zoneName) {
        }
        Context context = session().doReturningWork(c -> BOOKING_CONTEXT.optional(c, params, r -> new Context(
                r.getString("name"), r.getString("owner_partner_id"), r.getBoolean("readable"), r.getInt("allocated"),
                r.getBoolean("desk_here"), r.getString("desk_label"), r.getBoolean("zone_here"),
                r.getString("zone_name")))).orElse(null);
        if (context == null || !context.readable()) {
            throw ProblemException.notFound("No workspace with id '" + workspaceId + "'.");
        }
        LocalDate today = PartnershipCalendar.today(clock);
        List<org.estatehub.api.model.FieldError> errors = new ArrayList<>();
        if ((input.getDeskId() == null) == (input.getZoneId() == null)) {
            errors.add(Problems.fieldError("deskId", "give exactly one of deskId and zoneId"));
        }
        if (input.getDeskId() != null && !context.deskHere()) {
            errors.add(Problems.fieldError("deskId", "no desk '" + input.getDeskId() + "' in this workspace"));
        }
        if (input.getZoneId() != null && !context.zoneHere()) {
            errors.add(Problems.fieldError("zoneId", "no zone '" + input.getZoneId() + "' in this workspace"));
        }
        if (input.getOn().isBefore(today)) {
            errors.add(Problems.fieldError("on", "must not be before today (" + today + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // No allocation row reads as 0 (getInt of SQL null).
        if (context.allocated() == 0) {
            throw ProblemException.conflict(partner + " has no desks allocated in " + context.workspaceName() + ".");
        }
        DeskBooking b = new DeskBooking();
        b.id = UUID.randomUUID();
        b.workspaceId = workspaceId;
        b.zoneId = input.getZoneId();
        b.partnerId = partner;
        b.username = caller.username();
        b.bookedOn = input.getOn();
        b.slot = slot;
        b.status = DeskBookingStatus.BOOKED;
        b.createdAt = PartnershipCalendar.timestamp(clock);
        params.put("on", b.bookedOn);
        params.put("slot", slot.name());
        params.put("morning", slot.holdsMorning());
        params.put("afternoon", slot.holdsAfternoon());
        params.put("allocated", context.allocated());
        params.put("id", b.id);
        params.put("username", b.username);
        params.put("createdAt", b.createdAt);
        record Outcome(long morning, long afternoon, UUID deskId, String deskLabel, String zoneName, boolean booked,
                boolean raced) {
        }
        Outcome outcome = session().doReturningWork(c -> {
            try (var statement = LOCK_CHECK_INSERT.prepare(c, params)) {
                statement.execute();
                // The two lock statements' results (a row or none), then the checks and the insert's.
                statement.getMoreResults();
                statement.getMoreResults();
                try (var row = statement.getResultSet()) {
                    row.next();
                    return new Outcome(row.getLong("morning"), row.getLong("afternoon"), row.getObject("id", UUID.class),
                            row.getString("label"), row.getString("zone_name"), row.getBoolean("booked"), false);
                }
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // Another partner's booking of the same desk and half day committed between the check and the
                // insert: the unique index refuses the second (the raced case the check cannot see).
                return new Outcome(0, 0, null, null, null, false, true);
            }
        });
        if (outcome.raced()) {
            throw ProblemException.conflict((input.getDeskId() != null ? "Desk " + context.deskLabel() : "A desk of zone " + context.zoneName())
                    + " was booked for " + input.getOn() + " " + slot + " by someone else a moment ago.");
        }
        if (slot.holdsMorning() && outcome.morning() >= context.allocated()
                || slot.holdsAfternoon() && outcome.afternoon() >= context.allocated()) {
            throw ProblemException.conflict(partner + "'s " + context.allocated() + " desks in " + context.workspaceName()
                    + " are all booked for " + input.getOn() + " " + slot + ".");
        }
        if (!outcome.booked()) {
            throw ProblemException.conflict((input.getDeskId() != null ? "Desk " + context.deskLabel() + " is"
                    : "Every desk of zone " + context.zoneName() + " is") + " already booked for " + input.getOn() + " " + slot + ".");
        }
        b.deskId = outcome.deskId();
        var view = WorkspaceMapper.toApi(b, outcome.deskLabel(), outcome.zoneName());
        audit.record(DeskBookingAuditScope.subject(b, context.assetOwner()), AuditActions.CREATED, null, audit.snapshot(view));
        return view;
    }

    /** `reason` is optional; it is kept with the booking and is the cancellation event's note. */
    public org.estatehub.api.model.DeskBooking cancel(UUID bookingId, String reason) {
        DeskBooking b = DeskBooking.findById(bookingId);
        Workspace w = b == null ? null : Workspace.findById(b.workspaceId);
        Asset asset = w == null ? null : Asset.findById(w.assetId);
        if (b == null || !seesBookingsOf(asset, b.partnerId)) {
            throw ProblemException.notFound("No desk booking with id '" + bookingId + "'.");
        }
        String own = caller.partnerId();
        boolean booker = own.equals(b.partnerId) && caller.username().equals(b.username);
        boolean editor = caller.hasRole(Roles.PARTNER_EDITOR) && (own.equals(b.partnerId) || own.equals(asset.ownerPartnerId));
        if (!booker && !editor && !caller.hasRole(Roles.PMO_ADMIN)) {
            throw ProblemException.forbidden("A booking is cancelled by the person who made it, the editors of their"
                    + " partner or of the workspace's owner, or the programme office.");
        }
        DeskBookingLifecycle.require(b.status, DeskBookingStatus.CANCELLED);
        WorkspaceDesk desk = WorkspaceDesk.findById(b.deskId);
        String zoneName = WorkspaceZone.<WorkspaceZone>findById(desk.zoneId).name;
        var before = audit.snapshot(WorkspaceMapper.toApi(b, desk.label, zoneName));
        b.status = DeskBookingStatus.CANCELLED;
        b.cancelledAt = PartnershipCalendar.timestamp(clock);
        b.cancelledBy = caller.username();
        b.cancellationReason = reason;
        b.flush();
        var view = WorkspaceMapper.toApi(b, desk.label, zoneName);
        audit.record(DeskBookingAuditScope.subject(b, asset.ownerPartnerId), AuditActions.CANCELLED, before, audit.snapshot(view),
                reason);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingPage bookings(UUID workspaceId, LocalDate from, LocalDate to, int limit, int offset) {
        Full full = get(workspaceId);
        LocalDate first = from == null ? PartnershipCalendar.today(clock) : from;
        LocalDate last = to == null ? first : to;
        if (last.isBefore(first)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("to", "must not be before from (" + first + ")")));
        }
        if (last.isAfter(first.plusDays(62))) {
            throw ProblemException.invalid(List.of(Problems.fieldError("to", "at most 62 days after from (" + first + ")")));
        }
        Asset asset = Asset.findById(full.workspace().assetId);
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspaceId);
        params.put("from", first);
        params.put("to", last);
        params.put("all", seesAllBookings(asset));
        params.put("callerPartner", caller.partnerId());
        params.put("limit", limit);
        params.put("offset", offset);
        return session().doReturningWork(c -> new BookingPage(BOOKINGS.list(c, params, r -> {
            DeskBooking b = new DeskBooking();
            b.id = r.getObject("id", UUID.class);
            b.workspaceId = r.getObject("workspace_id", UUID.class);
            b.deskId = r.getObject("desk_id", UUID.class);
            b.zoneId = r.getObject("zone_id", UUID.class);
            b.partnerId = r.getString("partner_id");
            b.username = r.getString("username");
            b.bookedOn = r.getObject("booked_on", LocalDate.class);
            b.slot = BookingSlot.valueOf(r.getString("slot"));
            b.status = DeskBookingStatus.valueOf(r.getString("status"));
            b.cancelledAt = r.getObject("cancelled_at", java.time.OffsetDateTime.class);
            b.cancelledBy = r.getString("cancelled_by");
            b.cancellationReason = r.getString("cancellation_reason");
            return WorkspaceMapper.toApi(b, r.getString("label"), r.getString("zone_name"));
        }), BOOKINGS_COUNT.count(c, params)));
    }

    // ---- rules shared with the use report and the audit scope

    boolean readable(Workspace w, Asset asset) {
        return access.canRead(asset) || WorkspaceAllocation.findById(new WorkspaceAllocation.Key(w.id, caller.partnerId())) != null;
    }

    /** The asset's owner and the readers of everything see every partner's bookings and use. */
    boolean seesAllBookings(Asset asset) {
        return caller.readsEverything() || asset.ownerPartnerId.equals(caller.partnerId());
    }

    private boolean seesBookingsOf(Asset asset, String partner) {
        return seesAllBookings(asset) || partner.equals(caller.partnerId());
    }

    private Full full(Workspace w, Asset asset) {
        List<WorkspaceZone> zones = WorkspaceZone.list("workspaceId = ?1 order by name, id", w.id);
        Map<UUID, List<WorkspaceDesk>> desks = WorkspaceDesk.<WorkspaceDesk>list("workspaceId = ?1 order by label, id", w.id)
                .stream().collect(Collectors.groupingBy(d -> d.zoneId, LinkedHashMap::new, Collectors.toList()));
        List<WorkspaceAllocation> allocations = WorkspaceAllocation.list("workspaceId = ?1 order by partnerId", w.id);
        return new Full(w, asset.ownerPartnerId, zones, desks, allocations);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
