package org.estatehub.asset.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.common.sql.NamedSql;
import org.hibernate.Session;

/**
 * Finds clusters of public assets in one location across agencies: single-linkage groups of assets
 * each within the given distance of another in the group, kept when two or more partners own them.
 * A grid of cells as wide as the distance means only neighbouring cells are compared.
 */
@ApplicationScoped
public class CoLocationFinder {

    private static final double EARTH_DIAMETER_M = 12_742_000.0;
    private static final double METRES_PER_DEGREE_LAT = 111_320.0;

    @Inject
    EntityManager em;

    @Inject
    AssetAccess access;

    public record Point(UUID id, String name, String owner, AssetType type, AssetStatus status, BigDecimal latitude,
            BigDecimal longitude, BigDecimal runningCost, BigDecimal utilisation) {
    }

    public record Cluster(List<Point> assets, List<String> partnerIds, BigDecimal totalRunningCost,
            BigDecimal meanUtilisation, BigDecimal centreLat, BigDecimal centreLon) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** {@code localAuthorities}: the filter's area (LocalAuthorities.filterArea), null for the whole register. */
    public List<Cluster> find(int distanceM, Set<String> localAuthorities, int minPartners) {
        List<Point> points = load(localAuthorities);
        int[] parent = new int[points.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        double cellLat = distanceM / METRES_PER_DEGREE_LAT;
        // Longitude degrees shrink northwards; size cells for the northernmost point so none is missed.
        double maxLat = points.stream().mapToDouble(p -> p.latitude().doubleValue()).max().orElse(0);
        double cellLon = distanceM / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(Math.min(maxLat, 89))));
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            grid.computeIfAbsent(cell(points.get(i), cellLat, cellLon, 0, 0), k -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    for (int j : grid.getOrDefault(cell(p, cellLat, cellLon, dy, dx), List.of())) {
                        if (j > i && metres(p, points.get(j)) <= distanceM) {
                            union(parent, i, j);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Point>> groups = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(points.get(i));
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Point> group : groups.values()) {
            TreeSet<String> partners = new TreeSet<>();
            group.forEach(p -> partners.add(p.owner()));
            if (partners.size() >= minPartners) {
                clusters.add(summarise(group, new ArrayList<>(partners)));
            }
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> -c.partnerIds().size())
                .thenComparingInt(c -> -c.assets().size())
                .thenComparing(c -> c.assets().get(0).id().toString()));
        return clusters;
    }

    private List<Point> load(Set<String> localAuthorities) {
        Map<String, Object> params = new HashMap<>();
        params.put("callerPartner", access.callerPartner());
        String sql = "select a.id, a.name, a.owner_partner_id, a.asset_type, a.status, a.latitude, a.longitude,"
                + " a.annual_running_cost, a.utilisation_percent from asset a where a.status <> 'DISPOSED' and a.latitude is not null and "
                + access.visibleSql()
                + (localAuthorities == null ? "" : " and " + AssetSearch.localAuthoritySql(localAuthorities, params))
                + " order by a.id";
        NamedSql points = NamedSql.of(sql);
        // The session's own connection, as a native query of this EntityManager would use.
        return em.unwrap(Session.class).doReturningWork(connection -> points.list(connection, params,
                r -> new Point(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                        AssetType.fromValue(r.getString(4)), AssetStatus.fromValue(r.getString(5)),
                        r.getBigDecimal(6), r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9))));
    }

    private static Cluster summarise(List<Point> group, List<String> partners) {
        group.sort(Comparator.comparing(Point::owner).thenComparing(Point::name).thenComparing(Point::id));
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal utilisationSum = BigDecimal.ZERO;
        int utilisationCount = 0;
        BigDecimal latSum = BigDecimal.ZERO;
        BigDecimal lonSum = BigDecimal.ZERO;
        for (Point p : group) {
            if (p.runningCost() != null) {
                total = total.add(p.runningCost());
            }
            if (p.utilisation() != null) {
                utilisationSum = utilisationSum.add(p.utilisation());
                utilisationCount++;
            }
            latSum = latSum.add(p.latitude());
            lonSum = lonSum.add(p.longitude());
        }
        BigDecimal n = BigDecimal.valueOf(group.size());
        BigDecimal mean = utilisationCount == 0 ? null
                : utilisationSum.divide(BigDecimal.valueOf(utilisationCount), 2, RoundingMode.HALF_UP);
        return new Cluster(group, partners, total, mean, latSum.divide(n, 6, RoundingMode.HALF_UP),
                lonSum.divide(n, 6, RoundingMode.HALF_UP));
    }

    private static long cell(Point p, double cellLat, double cellLon, int dy, int dx) {
        long y = (long) Math.floor(p.latitude().doubleValue() / cellLat) + dy;
        long x = (long) Math.floor(p.longitude().doubleValue() / cellLon) + dx;
        return (y << 32) ^ (x & 0xffffffffL);
    }

    static double metres(Point a, Point b) {
        double lat1 = Math.toRadians(a.latitude().doubleValue());
        double lat2 = Math.toRadians(b.latitude().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude().doubleValue() - a.longitude().doubleValue());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return EARTH_DIAMETER_M * Math.asin(Math.sqrt(h));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
