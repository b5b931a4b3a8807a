package org.estatehub.asset.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.hibernate.Session;

/**
 * Finds clusters of public assets on one site across agencies, in SQL (contract: findCoLocationOpportunities):
 * single linkage at the distance (ST_ClusterDBSCAN on British National Grid metres), then every group that
 * does not fit in a circle of that radius split by national grid squares of side distance x sqrt(2), whose
 * members always fit in one. So every member lies within the distance of its cluster's centre (the centre of
 * the smallest enclosing circle), and the same register always gives the same clusters (stable pages).
 */
@ApplicationScoped
public class CoLocationFinder {

    /** Assets listed per cluster (the contract's maxItems); assetCount and the totals cover them all. */
    public static final int MEMBERS_LISTED = 50;

    /**
     * The clusters of the visible candidates, ranked, one page of them with the total. {@code /*candidates*}{@code /}
     * is replaced by the caller's conditions on `asset a`. bench/sql/co_location.sql is this statement for one
     * caller; keep them alike.
     */
    static final String CLUSTERS_SQL = """
            with candidate as (
              select a.id, a.name, a.owner_partner_id as owner, a.status, a.annual_running_cost as cost,
                     a.utilisation_percent as utilisation,
                     ST_Transform(ST_SetSRID(ST_MakePoint(a.longitude::float8, a.latitude::float8), 4326), 27700) as bng
                from asset a
               where a.status <> 'DISPOSED' and a.latitude is not null and a.longitude is not null /*candidates*/
            ), linked as (
              select c.*, ST_ClusterDBSCAN(c.bng, :distance, 1) over () as component from candidate c
            ), component as (
              -- Splitting a group cannot add partners: a group of too few partners is dropped before it.
              select component, (ST_MinimumBoundingRadius(ST_Collect(bng))).radius as radius
                from linked group by component having count(distinct owner) >= :minPartners
            ), piece as (
              select l.*, case when k.radius <= :distance then ''
                               else floor(ST_X(l.bng) / :cell)::bigint || ',' || floor(ST_Y(l.bng) / :cell)::bigint end as square
                from linked l join component k using (component)
            ), cluster as (
              select count(*) as asset_count, count(distinct owner) as partner_count,
                     array_agg(distinct owner order by owner) as partner_ids,
                     count(*) filter (where status in ('SURPLUS', 'UNDER_UTILISED')) as opportunity_count,
                     coalesce(sum(cost), 0) as total_cost, round(avg(utilisation), 2) as mean_utilisation,
                     ST_MinimumBoundingRadius(ST_Collect(bng)) as circle,
                     ST_Transform(ST_ConvexHull(ST_Collect(bng)), 4326) as hull,
                     min(id::text) as key,
                     (array_agg(id order by status in ('SURPLUS', 'UNDER_UTILISED') desc, owner, name, id))[1:%d] as listed
                from piece group by component, square having count(distinct owner) >= :minPartners
            )
            -- The total also when the page lies beyond the last cluster (then one row without a cluster).
            select t.total, r.*
              from (select count(*)::int as total from cluster) t
              left join lateral (
                select key, asset_count, partner_count, partner_ids, opportunity_count, total_cost, mean_utilisation,
                       ST_Y(ST_Transform((circle).center, 4326)) as centre_lat,
                       ST_X(ST_Transform((circle).center, 4326)) as centre_lon, (circle).radius as radius_m,
                       ST_AsGeoJSON(hull, 6) as hull, listed
                  from cluster
                 order by opportunity_count desc, total_cost desc, partner_count desc, key
                 limit :limit offset :offset) r on true
             order by r.opportunity_count desc, r.total_cost desc, r.partner_count desc, r.key
            """.formatted(MEMBERS_LISTED);

    private static final NamedSql MEMBERS = NamedSql.of("select a.id, a.name, a.owner_partner_id, a.asset_type, a.status,"
            + " a.latitude, a.longitude, a.annual_running_cost, a.utilisation_percent from asset a where a.id = any(:ids)");

    @Inject
    EntityManager em;

    @Inject
    AssetAccess access;

    public record Point(UUID id, String name, String owner, AssetType type, AssetStatus status, BigDecimal latitude,
            BigDecimal longitude, BigDecimal runningCost, BigDecimal utilisation) {
    }

    /** {@code assets}: the listed members (at most MEMBERS_LISTED) in the contract's order; hull: GeoJSON text. */
    public record Cluster(UUID key, List<Point> assets, int assetCount, List<String> partnerIds, int opportunityCount,
            BigDecimal totalRunningCost, BigDecimal meanUtilisation, BigDecimal centreLat, BigDecimal centreLon,
            double radiusM, String hullGeoJson) {
    }

    /** {@code localAuthorities}: the filter's area (LocalAuthorities.filterArea), null for none; bbox as AssetQuery's. */
    public record Query(int distanceM, Set<String> localAuthorities, double[] bbox, int minPartners, int limit,
            int offset) {

        /** Checks what the contract cannot express: the box's corners in order (as GET /assets). */
        public static Query of(int distanceM, Set<String> localAuthorities, String bbox, int minPartners, int limit,
                int offset) {
            double[] box = null;
            if (bbox != null) {
                // The contract's pattern has let only four decimal numbers through.
                box = Arrays.stream(bbox.split(",")).mapToDouble(Double::parseDouble).toArray();
                if (box[0] >= box[2] || box[1] >= box[3]) {
                    throw ProblemException.invalid(List.of(Problems.fieldError("bbox",
                            "must be minLon,minLat,maxLon,maxLat with min < max")));
                }
            }
            return new Query(distanceM, localAuthorities, box, minPartners, limit, offset);
        }
    }

    public record Page(List<Cluster> clusters, int total) {
    }

    @Transactional
    public Page find(Query query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder candidates = new StringBuilder(" and ").append(access.visibleSql());
        params.put("callerPartner", access.callerPartner());
        if (query.localAuthorities() != null) {
            candidates.append(" and ").append(AssetSearch.localAuthoritySql(query.localAuthorities(), params));
        }
        if (query.bbox() != null) {
            double[] b = query.bbox();
            candidates.append(" and ST_Intersects(a.footprint, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))");
            params.put("minLon", b[0]);
            params.put("minLat", b[1]);
            params.put("maxLon", b[2]);
            params.put("maxLat", b[3]);
        }
        params.put("distance", (double) query.distanceM());
        // A square of side d x sqrt(2) has a half-diagonal of d: its members fit in a circle of radius d.
        params.put("cell", query.distanceM() * Math.sqrt(2));
        params.put("minPartners", query.minPartners());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        NamedSql clusters = NamedSql.of(CLUSTERS_SQL.replace("/*candidates*/", candidates));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            planForOneLargeQuery(connection);
            int[] total = {0};
            List<Row> rows = clusters.list(connection, params, r -> {
                total[0] = r.getInt("total");
                if (r.getString("key") == null) {
                    return null;
                }
                return new Row(r.getObject("key", String.class), r.getInt("asset_count"),
                        Arrays.asList((String[]) r.getArray("partner_ids").getArray()), r.getInt("opportunity_count"),
                        r.getBigDecimal("total_cost"), r.getBigDecimal("mean_utilisation"),
                        r.getBigDecimal("centre_lat").setScale(6, RoundingMode.HALF_UP),
                        r.getBigDecimal("centre_lon").setScale(6, RoundingMode.HALF_UP), r.getDouble("radius_m"),
                        r.getString("hull"), Arrays.asList((UUID[]) r.getArray("listed").getArray()));
            });
            rows.removeIf(Objects::isNull);
            Map<UUID, Point> members = members(connection, rows);
            List<Cluster> page = rows.stream().map(row -> new Cluster(UUID.fromString(row.key()),
                    row.listed().stream().map(members::get).toList(), row.assetCount(), row.partnerIds(),
                    row.opportunityCount(), row.totalCost().setScale(2, RoundingMode.UNNECESSARY), row.meanUtilisation(),
                    row.centreLat(), row.centreLon(), row.radiusM(), row.hull())).toList();
            return new Page(page, total[0]);
        });
    }

    /**
     * The statement is one large analysis: the cost estimate of its window functions makes PostgreSQL
     * compile it with JIT, which took longer than it saved (bench/README.md "Co-location"). SET LOCAL ends
     * with the transaction, so the pooled connection goes back as it was.
     */
    private static void planForOneLargeQuery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local jit = off");
        }
    }

    private static Map<UUID, Point> members(Connection connection, List<Row> rows) throws SQLException {
        UUID[] ids = rows.stream().flatMap(r -> r.listed().stream()).toArray(UUID[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return MEMBERS.list(connection, Map.of("ids", connection.createArrayOf("uuid", ids)),
                r -> new Point(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                        AssetType.fromValue(r.getString(4)), AssetStatus.fromValue(r.getString(5)), r.getBigDecimal(6),
                        r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9)))
                .stream().collect(Collectors.toMap(Point::id, Function.identity()));
    }

    private record Row(String key, int assetCount, List<String> partnerIds, int opportunityCount, BigDecimal totalCost,
            BigDecimal meanUtilisation, BigDecimal centreLat, BigDecimal centreLon, double radiusM, String hull,
            List<UUID> listed) {
    }
}
