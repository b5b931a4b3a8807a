package org.estatehub.occupation.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.common.money.Money;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.occupation.OccupationBasis;
import org.hibernate.Session;

/**
 * The opportunity finder (contract: findOccupationOpportunities): current occupations that end or break
 * within N months, and the readable assets within M metres with room for them, in one SQL statement. The
 * due occupations are ranked by the yearly cost that would end, and only the page's occupations have their
 * candidates weighed: so the work is the page's radius searches, whatever the number of due occupations.
 * Listing only occupations that have a candidate would need every due occupation's radius searched first
 * (measured at 1,000,000 assets: 4.5 ms each, 10 s for the programme office's 2,276; bench/README.md
 * "Opportunity finder"), so an occupation without room nearby is listed with none.
 * bench/sql/occupation_opportunities.sql is this statement for one caller; keep them alike.
 */
@ApplicationScoped
public class OpportunityFinder {

    /**
     * An occupation's share of an asset's yearly running cost, to the penny (half up): by floor area where
     * the occupation and the asset both have one, else by desks; never more than the whole. Multiplying
     * before dividing keeps the NUMERIC quotient exact to the digits that decide the rounding.
     */
    private static String share(String cost, String gia, String assetDesks, String area, String desks) {
        return ("case when %1$s is null then null"
                + " when %4$s is not null and %2$s > 0 then round(least(%1$s * %4$s / %2$s, %1$s), 2)"
                + " when %5$s is not null and %3$s > 0 then round(least(%1$s * %5$s / %3$s, %1$s), 2) end")
                .formatted(cost, gia, assetDesks, area, desks);
    }

    /**
     * The assets with room for origin row {@code o} (`asset a` and its `room`, to follow a FROM or a cross join): within the distance, not the
     * occupation's own asset, not disposed, readable by the caller (/*visible*{@code /}), with the floor area
     * and desks the occupation states free today, and a saving above nothing.
     */
    private static final String CANDIDATES = """
              asset a
              cross join lateral (
                select coalesce(sum(c.area_m2), 0) as area, coalesce(sum(c.desks), 0) as desks
                  from occupation c
                 where c.asset_id = a.id and c.starts_on <= :today and (c.ends_on is null or c.ends_on >= :today)) used
              cross join lateral (
                select count(*) as n, coalesce(sum(w.desk_count), 0) as desks,
                       coalesce(sum(w.desk_count - w.allocated_desks), 0) as free
                  from workspace w where w.asset_id = a.id) ws
              cross join lateral (
                select greatest(a.gross_internal_area_m2 - used.area, 0) as free_area,
                       case when ws.n > 0 then ws.free else greatest(a.shared_workspace_desks - used.desks, 0) end as free_desks,
                       %s as share) room
             where ST_DWithin(a.footprint_geography, o.geo, :distance)
               -- Implied by the room rule below, but cheap to test on the index scan's rows before the sums.
               and (o.area_m2 is null or a.gross_internal_area_m2 >= o.area_m2)
               and a.id <> o.asset_id and a.status <> 'DISPOSED' and /*visible*/
               and (o.area_m2 is null or room.free_area >= o.area_m2)
               and (o.desks is null or room.free_desks >= o.desks)
               and o.cost_ending - coalesce(room.share, 0) > 0
            """.formatted(share("a.annual_running_cost", "a.gross_internal_area_m2",
            "case when ws.n > 0 then ws.desks else a.shared_workspace_desks end", "o.area_m2", "o.desks"));

    static final String SQL = """
            with due as (
              select o.id, o.asset_id, o.occupier_partner_id, o.occupier_name, o.basis, o.area_m2, o.desks,
                     o.ends_on, o.break_on, o.yearly_rent, o.yearly_service_charge,
                     least(case when o.break_on >= :today then o.break_on end, o.ends_on) as event_on
                from occupation o
               where o.starts_on <= :today and (o.ends_on is null or o.ends_on >= :today)
                 and (o.ends_on between :today and :horizon or o.break_on between :today and :horizon)
                 /*occupier*/
            ), origin_space as materialized (
              select d.*, oa.name as asset_name, oa.footprint_geography as geo,
                     exists (select 1 from asset a where a.id = d.asset_id and /*visible*/) as readable,
                     %1$s as share
                from due d
                join asset oa on oa.id = d.asset_id
                cross join lateral (
                  select count(*) as n, coalesce(sum(w.desk_count), 0) as desks
                    from workspace w where w.asset_id = oa.id) ws
            ), origin as (
              -- The running cost of an asset the caller may not read is not the caller's to see, nor to count.
              select s.*, case when s.readable then s.share end as running_share,
                     coalesce(s.yearly_rent, 0) + coalesce(s.yearly_service_charge, 0)
                       + coalesce(case when s.readable then s.share end, 0) as cost_ending
                from origin_space s
            ), page as (
              select * from origin o order by o.cost_ending desc, o.event_on, o.id limit :limit offset :offset
            ), candidate as (
              select o.id as occupation_id, a.id as asset_id, a.name, a.owner_partner_id, a.asset_type, a.status,
                     a.latitude, a.longitude, ST_Distance(a.footprint_geography, o.geo) as distance_m,
                     case when a.gross_internal_area_m2 is not null then room.free_area end as free_area,
                     room.free_desks, room.share, o.cost_ending - coalesce(room.share, 0) as saving
                from page o cross join %2$s
            ), ranked as (
              select c.*, count(*) over (partition by c.occupation_id) as candidate_count,
                     row_number() over (partition by c.occupation_id order by c.saving desc, c.distance_m, c.asset_id) as n
                from candidate c
            )
            -- The total also when the page lies beyond the last occupation (then one row without one).
            select t.total, p.id, p.asset_id as origin_asset_id, case when p.readable then p.asset_name end as origin_name,
                   p.occupier_partner_id, p.occupier_name, p.basis, p.area_m2, p.desks, p.ends_on, p.break_on, p.event_on,
                   p.yearly_rent, p.yearly_service_charge, p.running_share, p.cost_ending,
                   r.candidate_count, r.asset_id, r.name, r.owner_partner_id, r.asset_type, r.status, r.latitude,
                   r.longitude, r.distance_m, r.free_area, r.free_desks, r.share as candidate_share, r.saving
              from (select count(*) as total from origin) t
              left join page p on true
              left join ranked r on r.occupation_id = p.id and r.n <= :candidates
             order by p.cost_ending desc, p.event_on, p.id, r.n
            """.formatted(share("oa.annual_running_cost", "oa.gross_internal_area_m2",
            "case when ws.n > 0 then ws.desks else oa.shared_workspace_desks end", "d.area_m2", "d.desks"), CANDIDATES);

    @Inject
    EntityManager em;

    @Inject
    AssetAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public record Query(int withinMonths, int distanceM, int candidates, int limit, int offset) {
    }

    public record Candidate(UUID assetId, String name, String ownerPartnerId, AssetType assetType, AssetStatus status,
            BigDecimal latitude, BigDecimal longitude, double distanceM, BigDecimal freeAreaM2, int freeDesks,
            Money runningCostShare, Money yearlySaving) {
    }

    public enum Event {
        BREAK, END
    }

    public record Opportunity(UUID occupationId, UUID assetId, String assetName, String occupierPartnerId,
            String occupierName, OccupationBasis basis, BigDecimal areaM2, Integer desks, LocalDate endsOn,
            LocalDate breakOn, LocalDate eventOn, Event event, Money yearlyRent, Money yearlyServiceCharge,
            Money runningCostShare, Money yearlyCostEnding, int candidateCount, List<Candidate> candidates) {
    }

    public record Page(List<Opportunity> items, long total, LocalDate horizon) {
    }

    @Transactional
    public Page find(Query query) {
        LocalDate today = PartnershipCalendar.today(clock);
        LocalDate horizon = today.plusMonths(query.withinMonths());
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        params.put("horizon", horizon);
        params.put("distance", (double) query.distanceM());
        params.put("candidates", query.candidates());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String visible = access.visibleSql();
        if (visible.contains(":callerPartner")) {
            params.put("callerPartner", access.callerPartner());
        }
        String occupier = "";
        if (!caller.readsEverything()) {
            // A partner's own occupations only: those of others (and of outside bodies) are not its moves to make.
            occupier = "and o.occupier_partner_id = :ownPartner";
            params.put("ownPartner", caller.partnerId());
        }
        NamedSql sql = NamedSql.of(SQL.replace("/*visible*/", visible).replace("/*occupier*/", occupier));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                // One large analysis whose cost estimate would make PostgreSQL compile it with JIT, which costs
                // more than it saves here (as for the co-location finder).
                statement.execute("set local jit = off");
            }
            long[] total = {0};
            Map<UUID, Opportunity> found = new LinkedHashMap<>();
            sql.list(connection, params, r -> {
                total[0] = r.getLong("total");
                UUID id = r.getObject("id", UUID.class);
                if (id != null) {
                    Opportunity o = found.computeIfAbsent(id, k -> opportunity(r));
                    UUID assetId = r.getObject("asset_id", UUID.class);
                    if (assetId != null) {
                        o.candidates().add(candidate(r, assetId));
                    }
                }
                return null;
            });
            return new Page(List.copyOf(found.values()), total[0], horizon);
        });
    }

    private static Opportunity opportunity(ResultSet r) {
        try {
            LocalDate endsOn = r.getObject("ends_on", LocalDate.class);
            LocalDate eventOn = r.getObject("event_on", LocalDate.class);
            int desks = r.getInt("desks");
            Integer deskCount = r.wasNull() ? null : desks;
            return new Opportunity(r.getObject("id", UUID.class), r.getObject("origin_asset_id", UUID.class),
                    r.getString("origin_name"), r.getString("occupier_partner_id"), r.getString("occupier_name"),
                    OccupationBasis.valueOf(r.getString("basis")), r.getBigDecimal("area_m2"), deskCount, endsOn,
                    r.getObject("break_on", LocalDate.class), eventOn,
                    eventOn.equals(endsOn) ? Event.END : Event.BREAK,
                    Money.ofNullable(r.getBigDecimal("yearly_rent")),
                    Money.ofNullable(r.getBigDecimal("yearly_service_charge")),
                    Money.ofNullable(r.getBigDecimal("running_share")), Money.of(r.getBigDecimal("cost_ending")),
                    r.getInt("candidate_count"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Candidate candidate(ResultSet r, UUID assetId) throws SQLException {
        BigDecimal freeArea = r.getBigDecimal("free_area");
        return new Candidate(assetId, r.getString("name"), r.getString("owner_partner_id"),
                AssetType.fromValue(r.getString("asset_type")), AssetStatus.fromValue(r.getString("status")),
                r.getBigDecimal("latitude"), r.getBigDecimal("longitude"), r.getDouble("distance_m"), freeArea,
                r.getInt("free_desks"), Money.ofNullable(r.getBigDecimal("candidate_share")),
                Money.of(r.getBigDecimal("saving")));
    }
}
