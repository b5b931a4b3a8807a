package org.estatehub.occupation.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.occupation.Occupation;
import org.estatehub.partner.Partner;
import org.hibernate.Session;

/**
 * The lease-event lists (issue #19, item 3): occupations whose end or break falls within N months, and
 * current occupations used below a threshold. The first follows the occupation's read rules
 * (OccupationService.get, OccupationAuditScope.visibleSql); the second only the occupations the caller
 * reads in full, since an occupier's use of its space is read no wider than a workspace's use is.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeaseEvents {

    /** Bookings are counted over the 28 days before today: four whole weeks, so always 20 working days. */
    static final int USE_DAYS = 28;
    static final int USE_WORKING_DAYS = 20;

    /** An occupation as the caller reads it, with a lease event's kind and date. */
    public record Due(Occupation occupation, String assetOwnerPartnerId, boolean full, String kind, LocalDate dueOn) {
    }

    /** A current occupation with its measured use. */
    public record Used(Occupation occupation, String assetOwnerPartnerId, String measure, BigDecimal usePercent,
            Long bookedHalfDays, Long capacityHalfDays) {
    }

    public record Page<T>(List<T> items, long total, LocalDate from, LocalDate to) {
    }

    /** The read rule of OccupationService.get as SQL: `:all` for the readers of everything. */
    static final String READABLE = "(:all or " + OccupationAuditScope.READS + ")";

    /** Who reads an occupation in full (OccupationService.full). */
    static final String READS_IN_FULL = "(:all or " + OccupationAuditScope.READS_IN_FULL + ")";

    private static final String DUE_FROM = "from (select id as occupation_id, 'END' as kind, ends_on as due_on"
            + " from occupation where ends_on between :from and :to"
            + " union all select id, 'BREAK', break_on from occupation where break_on between :from and :to) d"
            + " join occupation o on o.id = d.occupation_id join asset a on a.id = o.asset_id"
            + " where " + READABLE
            + " and (cast(:kind as text) is null or d.kind = cast(:kind as text))"
            + " and (cast(:occupier as text) is null or o.occupier_partner_id = cast(:occupier as text))";

    private static final NamedSql DUE_PAGE = NamedSql.of("select d.kind, d.due_on, a.owner_partner_id, "
            + OccupationService.COLUMNS + " " + DUE_FROM + " order by d.due_on, o.id, d.kind limit :limit offset :offset");

    private static final NamedSql DUE_COUNT = NamedSql.of("select count(*) " + DUE_FROM);

    /**
     * Current occupations the caller reads in full, each with its measure: DESK_BOOKINGS for a partner's
     * desks in an asset with a workspace (its staff's half days booked in the asset's workspaces), else the
     * asset's entered utilisation. round() on numeric rounds half away from zero, exact for these positives.
     * <p>
     * Shaped for a register of 1,000,000 assets (bench/README.md, "Lease-event lists and the occupation
     * dashboard at 1,000,000 assets"): each current occupation's asset is read by its key (the lateral
     * subquery's `offset 0` keeps the planner from hashing the whole register to join some 20,000
     * occupations), the readable ones are kept apart (`materialized`) before any measure is worked out, and
     * the bookings of the 28 days are summed once per asset and partner rather than once per occupation.
     */
    private static final String USED_FROM = "from (select m.*, case m.measure when 'DESK_BOOKINGS'"
            + " then round(m.booked * 100.0 / (m.desks * 2 * " + USE_WORKING_DAYS + "), 2)"
            + " else m.utilisation_percent end as use_percent"
            + " from (select o.*, case when o.occupier_partner_id is not null and o.desks is not null"
            + "     and s.asset_id is not null then 'DESK_BOOKINGS'"
            + "     when o.utilisation_percent is not null then 'ASSET_UTILISATION' end as measure,"
            + "   coalesce(bk.n, 0) as booked"
            + "   from readable o left join booked bk on bk.asset_id = o.asset_id and bk.partner_id = o.occupier_partner_id"
            + "   left join spaces s on s.asset_id = o.asset_id) m"
            + " where m.measure is not null) o where o.use_percent < :below";

    private static final String USED_WITH = "with readable as materialized (select o.*, a.owner_partner_id, a.utilisation_percent"
            + "   from occupation o cross join lateral (select a.owner_partner_id, a.utilisation_percent from asset a"
            + "   where a.id = o.asset_id offset 0) a"
            + "   where o.starts_on <= :today and (o.ends_on is null or o.ends_on >= :today)"
            + "   and " + READS_IN_FULL
            + "   and (cast(:occupier as text) is null or o.occupier_partner_id = cast(:occupier as text))),"
            + " booked as (select w.asset_id, b.partner_id, sum(case when b.slot = 'DAY' then 2 else 1 end) as n"
            + "   from desk_booking b join workspace w on w.id = b.workspace_id"
            + "   where b.status = 'BOOKED' and b.booked_on between :from and :to group by w.asset_id, b.partner_id),"
            + " spaces as (select distinct asset_id from workspace) ";

    private static final NamedSql USED_PAGE = NamedSql.of(USED_WITH + "select o.measure, o.use_percent, o.booked, o.owner_partner_id, "
            + OccupationService.COLUMNS + " " + USED_FROM + " order by o.use_percent, o.id limit :limit offset :offset");

    private static final NamedSql USED_COUNT = NamedSql.of(USED_WITH + "select count(*) " + USED_FROM);

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public Page<Due> due(int withinMonths, String kind, String occupierPartnerId, int limit, int offset) {
        requireKnownPartner(occupierPartnerId);
        LocalDate today = PartnershipCalendar.today(clock);
        LocalDate to = today.plusMonths(withinMonths);
        Map<String, Object> params = callerParams();
        params.put("from", today);
        params.put("to", to);
        params.put("kind", kind);
        params.put("occupier", occupierPartnerId);
        params.put("limit", limit);
        params.put("offset", offset);
        String own = caller.readsEverything() ? null : caller.partnerId();
        record Found(List<Due> rows, long total) {
        }
        Found found = em.unwrap(Session.class).doReturningWork(c -> new Found(DUE_PAGE.list(c, params, r -> {
            Occupation o = OccupationService.row(r);
            String owner = r.getString("owner_partner_id");
            return new Due(o, owner, readsInFull(own, owner, o), r.getString("kind"),
                    r.getObject("due_on", LocalDate.class));
        }), DUE_COUNT.count(c, params)));
        return new Page<>(found.rows(), found.total(), today, to);
    }

    public Page<Used> underUsed(BigDecimal belowPercent, String occupierPartnerId, int limit, int offset) {
        requireKnownPartner(occupierPartnerId);
        LocalDate today = PartnershipCalendar.today(clock);
        LocalDate from = today.minusDays(USE_DAYS);
        LocalDate to = today.minusDays(1);
        Map<String, Object> params = callerParams();
        params.put("today", today);
        params.put("from", from);
        params.put("to", to);
        params.put("below", belowPercent);
        params.put("occupier", occupierPartnerId);
        params.put("limit", limit);
        params.put("offset", offset);
        record Found(List<Used> rows, long total) {
        }
        Found found = em.unwrap(Session.class).doReturningWork(c -> new Found(USED_PAGE.list(c, params, r -> {
            Occupation o = OccupationService.row(r);
            String measure = r.getString("measure");
            boolean desks = "DESK_BOOKINGS".equals(measure);
            return new Used(o, r.getString("owner_partner_id"), measure, r.getBigDecimal("use_percent"),
                    desks ? r.getLong("booked") : null, desks ? 2L * o.desks * USE_WORKING_DAYS : null);
        }), USED_COUNT.count(c, params)));
        return new Page<>(found.rows(), found.total(), from, to);
    }

    /**
     * An `occupierPartnerId` filter naming no partner is the caller's mistake (400 naming the parameter, as
     * an unknown partner or local authority is in the other filters), not an empty list that reads as "no
     * lease events". The partner list is public, so the answer reveals nothing.
     */
    private static void requireKnownPartner(String occupierPartnerId) {
        if (occupierPartnerId != null && Partner.findById(occupierPartnerId) == null) {
            throw ProblemException.invalid(List.of(Problems.fieldError("occupierPartnerId",
                    "no partner with id '" + occupierPartnerId + "' (see GET /partners)")));
        }
    }

    private Map<String, Object> callerParams() {
        Map<String, Object> params = new HashMap<>();
        boolean all = caller.readsEverything();
        params.put("all", all);
        // Never null in SQL comparisons: a reader of everything is not compared with anything.
        params.put("callerPartner", all ? "" : caller.partnerId());
        return params;
    }

    private static boolean readsInFull(String own, String owner, Occupation o) {
        return own == null || own.equals(owner) || own.equals(o.occupierPartnerId);
    }
}
