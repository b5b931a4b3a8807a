package org.estatehub.workspace.service;

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
 * <li>staff of a partner with an allocation book for themselves within it: a booking holds one of the
 * allocation's seats in each half day it books (the database's unique indexes desk_booking_morning_seat/
 * afternoon_seat, see {@link #CLAIM}); a desk's half day is booked at most once (the unique indexes
 * desk_booking_morning/afternoon);</li>
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
     * The allocation check without a queue: a partner's N allocated desks are N seats in each half day, and a
     * booking claims a free seat of each half it books in the same statement as its insert, the unique
     * indexes desk_booking_morning_seat/afternoon_seat holding each seat once (V38). Staff of one partner
     * booking the same morning claim different seats side by side; before, they counted the morning's
     * bookings one at a time under a lock on the partner's half day.
     * <p>
     * Two statements in one round trip (a prepared statement's statements are pipelined by the driver): the
     * shared lock on the partner's allocation ({@link #ALLOCATION_LOCK_KEY}: bookings share it, an allocation
     * change takes it alone, so a booking never claims under an allocation that is being changed), then the
     * claim. They must stay separate statements: READ COMMITTED takes a snapshot per statement, so only a
     * statement that starts after the lock is granted sees the allocation an earlier change committed.
     * <p>
     * The claim: the partner's allocation and the seats held that day; a seat of each half needed, drawn at
     * random among the free ones (so raced bookings rarely draw the same) and tried with a transaction
     * advisory lock that does not wait (a seat drawn by a booking still in flight is passed over, not waited
     * for); the first free desk (the desk asked for, or the zone's by label); the insert only when every
     * half has its seat and the half is not over the allocation (a seat above it is still held, see
     * {@link #compactSeats}). `on conflict do nothing`: a desk or a seat a booking committed after this
     * statement's snapshot makes the insert do nothing (after waiting for that booking's commit), and
     * {@link #book} tries again with a fresh snapshot.
     */
    private static final NamedSql CLAIM = NamedSql.of(allocationLock(false) + "; "
            + "with alloc as (select coalesce((select desks from workspace_allocation where workspace_id = :workspace"
            + "   and partner_id = :partner), 0) as desks),"
            + " held as (select morning_seat, afternoon_seat from desk_booking where workspace_id = :workspace"
            + "   and partner_id = :partner and booked_on = :on and status = 'BOOKED'),"
            + " counts as (select count(morning_seat) as morning, count(afternoon_seat) as afternoon,"
            + "   coalesce(max(morning_seat), 0) as top_morning, coalesce(max(afternoon_seat), 0) as top_afternoon from held),"
            + " over as (select (:morning and c.top_morning > al.desks) or (:afternoon and c.top_afternoon > al.desks) as over"
            + "   from counts c, alloc al),"
            + seatClaim("m", "morning", "AM") + "," + seatClaim("a", "afternoon", "PM") + ","
            // Desks of the zone (or the one desk) with no live booking holding a half the slot needs, by label.
            + " free as (select d.id, d.label, z.name as zone_name from workspace_desk d join workspace_zone z on z.id = d.zone_id"
            + "   where d.workspace_id = :workspace and (d.zone_id = :zone or d.id = :desk)"
            + "   and not exists (select 1 from desk_booking b where b.desk_id = d.id and b.booked_on = :on"
            + "   and b.status = 'BOOKED' and (b.slot = 'DAY' or :slot = 'DAY' or b.slot = :slot))"
            + "   order by d.label limit 1),"
            + " booked as (insert into desk_booking (id, workspace_id, desk_id, zone_id, partner_id, username, booked_on, slot,"
            + "   status, created_at, morning_seat, afternoon_seat) select :id, :workspace, free.id, :zone, :partner, :username, :on,"
            + "   :slot, 'BOOKED', :createdAt, m.seat, a.seat from free cross join over left join m on true left join a on true"
            + "   where not over.over and (m.seat is not null) = :morning and (a.seat is not null) = :afternoon"
            + "   on conflict do nothing returning id)"
            + " select al.desks as allocated, c.morning, c.afternoon, o.over, f.id, f.label, f.zone_name,"
            + " m.seat as morning_seat, a.seat as afternoon_seat, exists (select 1 from booked) as booked"
            + " from alloc al cross join counts c cross join over o left join free f on true left join m on true left join a on true");

    /**
     * A free seat of the half `half` (AM or PM) as CTE `name`, only when the slot books it (`:` + `when`): the
     * free seats in random order, the first whose advisory lock is free. The subquery's `offset 0` keeps it a
     * sorted subquery, so that the lock function runs on the seats in that order and stops at the first
     * (the limit), instead of on every free seat before the sort.
     */
    private static String seatClaim(String name, String when, String half) {
        String column = when + "_seat";
        return " " + name + " as (select seat from (select s as seat from alloc al, generate_series(1, al.desks) s"
                + "   where :" + when + " and not exists (select 1 from held h where h." + column + " = s)"
                + "   order by random() offset 0) free_seats where pg_try_advisory_xact_lock(hashtextextended("
                + "cast(:workspace as text) || ':' || cast(:partner as text) || ':' || cast(:on as text) || ':" + half
                + ":' || cast(seat as text), 38)) limit 1)";
    }

    /**
     * The lock of a partner's allocation in a workspace: shared by its bookings and cancellations, taken
     * alone (`exclusive`) by a change of the allocation, which renumbers the seats ({@link #compactSeats}).
     * Every transaction takes it before any row lock (the allocation change before the workspace row's), so
     * it cannot deadlock with them.
     */
    private static String allocationLock(boolean exclusive) {
        return "select " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared") + "(" + ALLOCATION_LOCK_KEY + ")";
    }

    private static final String ALLOCATION_LOCK_KEY = "hashtextextended(cast(:workspace as text) || ':' || cast(:partner as text)"
            + " || ':allocation', 38)";

    private static final NamedSql ALLOCATION_LOCK = NamedSql.of(allocationLock(true));

    private static final NamedSql ALLOCATION_SHARED_LOCK = NamedSql.of(allocationLock(false));

    /**
     * After an allocation change (under its exclusive lock, so no booking or cancellation of the partner runs):
     * the live bookings of each half of each day from today hold seats 1, 2, ... in their seat order. So when
     * the allocation was reduced below the bookings already held, the seats above it are the last ones, and
     * every seat up to it is held: a new booking of that half finds no free seat (refused) until
     * cancellations bring the bookings under the allocation ({@link #CANCEL_SEATS} moves a seat from above
     * the allocation into the one a cancellation frees, so this stays true). Two steps, since a unique index
     * is checked row by row: first out of the way (above any real seat), then down to their rank.
     */
    private static final NamedSql COMPACT_SEATS = NamedSql.of(compactHalf("morning") + "; " + compactHalf("afternoon")
            + "; update desk_booking set morning_seat = morning_seat - 1000000000 where workspace_id = :workspace"
            + " and partner_id = :partner and status = 'BOOKED' and morning_seat > 1000000000"
            + "; update desk_booking set afternoon_seat = afternoon_seat - 1000000000 where workspace_id = :workspace"
            + " and partner_id = :partner and status = 'BOOKED' and afternoon_seat > 1000000000");

    private static String compactHalf(String when) {
        String column = when + "_seat";
        return "update desk_booking b set " + column + " = r.n + 1000000000 from (select id, " + column + " as seat,"
                + " row_number() over (partition by booked_on order by " + column + ") as n from desk_booking"
                + " where workspace_id = :workspace and partner_id = :partner and status = 'BOOKED' and booked_on >= :today"
                + " and " + column + " is not null) r where b.id = r.id and r.seat <> r.n";
    }

    /**
     * A cancellation's seats, after the booking's status is CANCELLED (under the allocation's shared lock):
     * the booking lets its seats go, and where it held a seat within the allocation while a booking of the
     * same half holds one above it (the allocation was reduced below the bookings held), that booking moves
     * down into the freed seat, so the seats within the allocation stay all held until the bookings are under
     * it. `skip locked`: a booking another cancellation is moving (or cancelling) is left to it.
     */
    private static final NamedSql CANCEL_SEATS = NamedSql.of("with mine as (select morning_seat, afternoon_seat from desk_booking"
            + " where id = :id), alloc as (select coalesce((select desks from workspace_allocation where workspace_id = :workspace"
            + " and partner_id = :partner), 0) as desks),"
            + moveDown("morning") + "," + moveDown("afternoon")
            + " update desk_booking set morning_seat = null, afternoon_seat = null where id = :id");

    private static String moveDown(String when) {
        String column = when + "_seat";
        return " moved_" + when + " as (update desk_booking b set " + column + " = mine." + column + " from mine, alloc"
                + " where mine." + column + " <= alloc.desks and b.id = (select o.id from desk_booking o where o.workspace_id = :workspace"
                + " and o.partner_id = :partner and o.booked_on = :on and o.status = 'BOOKED' and o.id <> :id"
                + " and o." + column + " > alloc.desks order by o." + column + " desc limit 1 for update skip locked) returning b.id)";
    }

    /** How often a booking claims again after a raced desk or seat (each time with a fresh snapshot). */
    private static final int CLAIM_ATTEMPTS = 40;

    private static final String BOOKINGS_FROM = "from desk_booking b join workspace_desk d on d.id = b.desk_id"
            + " join workspace_zone z on z.id = d.zone_id where b.workspace_id = :workspace"
            + " and b.booked_on between :from and :to and (:all or b.partner_id = :callerPartner)";

    private static final NamedSql BOOKINGS = NamedSql.of("select b.*, d.label, z.name as zone_name " + BOOKINGS_FROM
            + " order by b.booked_on, d.label, b.slot, b.created_at, b.id limit :limit offset :offset");

    private static final NamedSql BOOKINGS_COUNT = NamedSql.of("select count(*) " + BOOKINGS_FROM);

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
        // The partner's allocation lock alone: no booking or cancellation of the partner in this workspace runs
        // until this change commits, and the seats are renumbered for the new allocation below.
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspaceId);
        params.put("partner", partnerId);
        params.put("today", PartnershipCalendar.today(clock));
        run(ALLOCATION_LOCK, params);
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
        run(COMPACT_SEATS, params);
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
        params.put("id", b.id);
        params.put("username", b.username);
        params.put("createdAt", b.createdAt);
        Claim claim = null;
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            claim = session().doReturningWork(c -> {
                try (var statement = CLAIM.prepare(c, params)) {
                    statement.execute();
                    // The lock statement's result, then the claim's.
                    statement.getMoreResults();
                    try (var row = statement.getResultSet()) {
                        row.next();
                        return new Claim(row.getInt("allocated"), row.getLong("morning"), row.getLong("afternoon"),
                                row.getBoolean("over"), row.getObject("id", UUID.class), row.getString("label"),
                                row.getString("zone_name"), row.getObject("morning_seat", Integer.class),
                                row.getObject("afternoon_seat", Integer.class), row.getBoolean("booked"));
                    }
                }
            });
            if (claim.booked()) {
                break;
            }
            if (claim.allocated() == 0) {
                // The allocation was removed after the context read.
                throw ProblemException.conflict(partner + " has no desks allocated in " + context.workspaceName() + ".");
            }
            if (claim.over() || slot.holdsMorning() && claim.morning() >= claim.allocated()
                    || slot.holdsAfternoon() && claim.afternoon() >= claim.allocated()) {
                throw ProblemException.conflict(partner + "'s " + claim.allocated() + " desks in " + context.workspaceName()
                        + " are all booked for " + input.getOn() + " " + slot + ".");
            }
            if (claim.deskId() == null) {
                throw ProblemException.conflict((input.getDeskId() != null ? "Desk " + context.deskLabel() + " is"
                        : "Every desk of zone " + context.zoneName() + " is") + " already booked for " + input.getOn() + " " + slot + ".");
            }
            if (slot.holdsMorning() && claim.morningSeat() == null || slot.holdsAfternoon() && claim.afternoonSeat() == null) {
                // Every free seat was drawn by a booking still in flight: wait a moment for them to end (waiting
                // on their seat's lock instead could deadlock with a DAY booking holding the other half's seat).
                pause(attempt);
            }
            // Otherwise the insert met a desk or seat committed after the snapshot: claim again with a new one.
        }
        if (!claim.booked()) {
            throw ProblemException.conflict(partner + "'s desks in " + context.workspaceName() + " for " + input.getOn() + " "
                    + slot + " are being booked by many people at once; please try again.");
        }
        b.deskId = claim.deskId();
        var view = WorkspaceMapper.toApi(b, claim.deskLabel(), claim.zoneName());
        audit.record(DeskBookingAuditScope.subject(b, context.assetOwner()), AuditActions.CREATED, null, audit.snapshot(view));
        return view;
    }

    /** One claim's answer: the allocation and seats held as its snapshot saw them, the desk and seats drawn. */
    private record Claim(int allocated, long morning, long afternoon, boolean over, UUID deskId, String deskLabel,
            String zoneName, Integer morningSeat, Integer afternoonSeat, boolean booked) {
    }

    /** 1, 2, 4 ... up to 32 ms: bookings in flight commit within milliseconds on a quiet machine. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(32, 1L << Math.min(attempt - 1, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a booking waited for a seat", e);
        }
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
        Map<String, Object> params = new HashMap<>();
        params.put("id", b.id);
        params.put("workspace", b.workspaceId);
        params.put("partner", b.partnerId);
        params.put("on", b.bookedOn);
        // Before the booking's row is updated, as every holder of this lock takes it before row locks.
        run(ALLOCATION_SHARED_LOCK, params);
        WorkspaceDesk desk = WorkspaceDesk.findById(b.deskId);
        String zoneName = WorkspaceZone.<WorkspaceZone>findById(desk.zoneId).name;
        var before = audit.snapshot(WorkspaceMapper.toApi(b, desk.label, zoneName));
        b.status = DeskBookingStatus.CANCELLED;
        b.cancelledAt = PartnershipCalendar.timestamp(clock);
        b.cancelledBy = caller.username();
        b.cancellationReason = reason;
        b.flush();
        run(CANCEL_SEATS, params);
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

    /** Runs a statement (or several, separated by `;`) whose results are not read. */
    private void run(NamedSql sql, Map<String, Object> params) {
        session().doWork(c -> {
            try (var statement = sql.prepare(c, params)) {
                statement.execute();
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
