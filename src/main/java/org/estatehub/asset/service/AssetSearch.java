package org.estatehub.asset.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.asset.Asset;
import org.estatehub.common.sql.Cursors;
import org.estatehub.common.sql.Like;
import org.estatehub.common.sql.NamedSql;

/** Searches the register in SQL: filters, visibility, PostGIS radius, bbox and nearest, stable ordering. */
@ApplicationScoped
public class AssetSearch {

    /**
     * The search's centre as geography. Distances to it (ST_Distance, ST_DWithin) are on the WGS84 spheroid;
     * an asset's footprint is its boundary where it has one (so 0 inside it), else its point.
     */
    static final String POINT_SQL = "ST_SetSRID(ST_MakePoint(:nearLon, :nearLat), 4326)::geography";

    static final String DISTANCE_SQL = "ST_Distance(a.footprint_geography, " + POINT_SQL + ")";

    /**
     * Nearest first as the GiST index asset_footprint_geography returns rows (a KNN scan that stops at the
     * page): PostGIS measures {@code <->} on its 6,371,008.8 m sphere, so two hits whose spheroid distances
     * differ by less than about 0.5% may come in either order.
     */
    static final String NEAREST_SQL = "a.footprint_geography <-> " + POINT_SQL;

    static final String TEXT_SQL = "(a.name || ' ' || coalesce(a.street, '') || ' ' || coalesce(a.town, '')"
            + " || ' ' || coalesce(a.postcode, ''))";

    @Inject
    DataSource dataSource;

    @Inject
    AssetAccess access;

    public record Hit(Asset asset, Double distanceM) {
    }

    /** @param totalExact whether {@code total} counts every match, or is a lower bound ({@code total=bounded}) */
    public record Result(List<Hit> hits, long total, boolean totalExact) {
    }

    /**
     * A search with its SQL and parameters fixed while the caller's request (and so their visibility) is
     * in scope, to be run now or later while the answer is written. {@code page} carries the total in its
     * last column when it was made for {@link #search}; {@code count} counts alone (exactly, or no further
     * than {@code :cap} for {@code total=bounded}).
     */
    private record Statements(NamedSql page, NamedSql count, Map<String, Object> params, AssetQuery query) {
    }

    /** The page and its total in one statement (the total in a last column), and so one round trip. */
    public Result search(AssetQuery query) {
        Statements statements = statements(query, false, true);
        try (Connection connection = dataSource.getConnection()) {
            List<Hit> hits = new ArrayList<>();
            long total = 0;
            try (PreparedStatement select = statements.page().prepare(connection, statements.params());
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hits.add(hit(rows));
                    total = rows.getLong(TOTAL_COLUMN);
                }
            }
            if (hits.isEmpty() && query.offset() > 0) {
                // A page past the end has no row to carry the total: it is counted on its own.
                total = count(connection, statements);
            }
            return new Result(hits, total, exact(query, total));
        } catch (SQLException e) {
            throw new IllegalStateException("Asset search failed", e);
        }
    }

    /** Hands over hits one at a time, as they arrive. */
    @FunctionalInterface
    public interface HitWriter {
        void write(Hit hit) throws IOException;
    }

    /**
     * A search page to be read while the answer is written (AssetFeatureStream's maps): its SQL and the
     * caller's visibility are fixed and its total counted when it is made, so that a failing database
     * still fails the request before the answer starts.
     */
    public final class Streamed {

        private final Statements statements;
        private final long total;

        private Streamed(Statements statements, long total) {
            this.statements = statements;
            this.total = total;
        }

        public long total() {
            return total;
        }

        public boolean totalExact() {
            return exact(statements.query(), total);
        }

        /** Reads the page's rows from a cursor, handing each hit to `each`; a database failure is an IOException. */
        public void forEachHit(HitWriter each) throws IOException {
            Cursors.forEachRow(dataSource, statements.page(), statements.params(), row -> each.write(hit(row)));
        }
    }

    /** The page of `query`, counted now and read later ({@link Streamed}). */
    public Streamed streamed(AssetQuery query) {
        Statements statements = statements(query, true, false);
        try (Connection connection = dataSource.getConnection()) {
            return new Streamed(statements, count(connection, statements));
        } catch (SQLException e) {
            throw new IllegalStateException("Asset map count failed", e);
        }
    }

    /** The column of a {@link #search} page that holds the total: after the asset's and distance_m. */
    private static final int TOTAL_COLUMN = AssetRows.COLUMN_COUNT + 2;

    /**
     * @param located only assets with a location: a map has nowhere to draw the others
     * @param totalInPage the page's last column is the total
     */
    private Statements statements(AssetQuery query, boolean located, boolean totalInPage) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params) + (located ? " and a.latitude is not null" : "");
        String select = "select " + AssetRows.COLUMNS + ", "
                + (query.fromPoint() ? DISTANCE_SQL : "cast(null as double precision)") + " as distance_m";
        String order = " order by " + orderBy(query.sort());
        String page = " limit :limit offset :offset";
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String count;
        if (query.exactTotal()) {
            count = "select count(*) from asset a where " + where;
        } else {
            // Stops at the page's end and one row more: enough to say whether another page follows.
            count = "select count(*) from (select 1 from asset a where " + where + " limit :cap) c";
            params.put("cap", cap(query));
        }
        String total = totalInPage ? ", (" + count + ") as total" : "";
        String sql;
        if (query.nearestFirst()) {
            // PostgreSQL walks the GiST index in distance order (KNN) only for an ORDER BY of the distance
            // alone, not with the id tie-break after it (measured at a million assets: a whole-table sort,
            // 1.4 s; within 5 km, a sort of every asset in the radius). So a KNN scan first finds the distance
            // of the page's last row, and the page is then ranked in full among the assets no farther than
            // that (1 mm more, for rounding; ST_DWithin on the sphere, as <-> measures), an index scan too:
            // the same rows and order as one ORDER BY over every match, ties at the page's edge included.
            params.put("window", (long) query.offset() + query.limit());
            sql = select + total + " from asset a, (select max(k.d) as d from (select " + NEAREST_SQL
                    + " as d from asset a where " + where + " order by 1 limit :window) k) edge where " + where
                    + " and ST_DWithin(a.footprint_geography, " + POINT_SQL + ", edge.d + 0.001, false)" + order + page;
        } else if (totalInPage && query.aroundPoint() && query.exactTotal()) {
            // A radius page in any other order reads every asset in the radius to sort them, and the exact
            // total counts the same rows: one pass over the radius's candidates (each a spheroid distance)
            // for both, carrying only id and sort key through the count; the page's 50 rows are then read
            // by primary key.
            sql = select + ", w.total from (select a.id, count(*) over () as total from asset a where " + where
                    + order + page + ") w join asset a on a.id = w.id" + order;
        } else {
            sql = select + total + " from asset a where " + where + order + page;
        }
        return new Statements(NamedSql.of(sql), NamedSql.of(count), params, query);
    }

    /** The rows {@code total=bounded} counts up to: the page's end and one more. */
    private static long cap(AssetQuery query) {
        return (long) query.offset() + query.limit() + 1;
    }

    /** A bounded count that reached its cap says only that more matches follow. */
    private static boolean exact(AssetQuery query, long total) {
        return query.exactTotal() || total < cap(query);
    }

    private long count(Connection connection, Statements statements) throws SQLException {
        return statements.count().count(connection, statements.params());
    }

    private static Hit hit(ResultSet row) throws SQLException {
        Asset asset = AssetRows.read(row);
        // wasNull() answers for the column read last, so it is asked right after distance_m (NULL outside
        // a search from a point).
        double value = row.getDouble(AssetRows.COLUMN_COUNT + 1);
        Double distance = row.wasNull() ? null : value;
        return new Hit(asset, distance);
    }

    /** The caller-visibility and filter conditions shared by search and export. */
    public String where(AssetQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        String visible = access.visibleSql();
        conditions.add(visible);
        if (visible.contains(":callerPartner")) {
            params.put("callerPartner", access.callerPartner());
        }
        if (query.partner() != null) {
            conditions.add("a.owner_partner_id = :partner");
            params.put("partner", query.partner());
        }
        if (query.localAuthorities() != null) {
            conditions.add(localAuthoritySql(query.localAuthorities(), params));
        }
        if (query.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", query.status().toString());
        } else if (!query.includeDisposed()) {
            conditions.add("a.status <> 'DISPOSED'");
        }
        if (query.type() != null) {
            conditions.add("a.asset_type = :type");
            params.put("type", query.type().toString());
        }
        if (query.text() != null) {
            conditions.add(TEXT_SQL + " ilike :text");
            params.put("text", Like.containing(query.text()));
        }
        if (query.bbox() != null) {
            // ST_Intersects brings its own `&&` on asset_footprint; an edge counts as inside, as `between` did.
            double[] b = query.bbox();
            conditions.add("ST_Intersects(a.footprint, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))");
            params.put("minLon", b[0]);
            params.put("minLat", b[1]);
            params.put("maxLon", b[2]);
            params.put("maxLat", b[3]);
        }
        if (query.fromPoint()) {
            params.put("nearLat", query.nearLat());
            params.put("nearLon", query.nearLon());
            if (query.aroundPoint()) {
                conditions.add("ST_DWithin(a.footprint_geography, " + POINT_SQL + ", :radius)");
                params.put("radius", (double) query.radiusM());
            } else {
                // The nearest first, however far: an asset without a location has no distance to rank.
                conditions.add("a.footprint_geography is not null");
            }
        }
        return String.join(" and ", conditions);
    }

    /**
     * One authority is an equality, so a page of it in name order reads asset_local_authority_name
     * without a sort; a county's area is {@code = any(array)}, which the same index serves code by code.
     */
    static String localAuthoritySql(Set<String> codes, Map<String, Object> params) {
        if (codes.size() == 1) {
            params.put("localAuthority", codes.iterator().next());
            return "a.local_authority = :localAuthority";
        }
        params.put("localAuthorities", codes.stream().sorted().toArray(String[]::new));
        return "a.local_authority = any(:localAuthorities)";
    }

    private static String orderBy(String sort) {
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        String column = switch (key) {
            case "annualRunningCost" -> "a.annual_running_cost";
            case "grossInternalAreaM2" -> "a.gross_internal_area_m2";
            case "utilisationPercent" -> "a.utilisation_percent";
            case "updatedAt" -> "a.updated_at";
            case "distance" -> NEAREST_SQL;
            default -> "a.name";
        };
        return column + (descending ? " desc nulls last" : " asc nulls last") + ", a.id";
    }
}
