package org.estatehub.asset.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;

/**
 * Vector tiles of the register (GET /tiles/assets/{z}/{x}/{y}.mvt), made whole in PostgreSQL with
 * ST_TileEnvelope, ST_AsMVTGeom and ST_AsMVT, over the assets the caller may read: the rows are chosen by
 * {@link AssetAccess#visibleSql()} like every other read of the register, so a tile cannot show what a
 * search would not.
 */
@ApplicationScoped
public class AssetTiles {

    public static final int MAX_ZOOM = 22;

    /** MVT's usual grid: 4096 units a side, so a z22 tile still places a point to a few millimetres. */
    static final int EXTENT = 4096;

    /**
     * How far outside the tile features are kept, in tile units: a circle of up to 64 px at 4096 per 512 px
     * is drawn whole on both tiles it straddles instead of cut at the edge.
     */
    static final int BUFFER = 64;

    /**
     * Below this zoom a site boundary is a few pixels at most, so every asset is a point (where it has a
     * boundary, a point on its surface, which unlike the centroid always lies on the site).
     */
    static final int POLYGONS_FROM_ZOOM = 13;

    @ConfigProperty(name = "estatehub.tiles.max-features", defaultValue = "10000")
    int maxFeatures;

    @Inject
    DataSource dataSource;

    @Inject
    AssetAccess access;

    /** A tile's MVT bytes; empty when nothing the caller may see lies in it. */
    public record Tile(byte[] bytes) {
        public boolean empty() {
            return bytes.length == 0;
        }
    }

    /** Refuses a tile address outside the zoom's grid: 400 naming the path parameter. */
    public static void requireValid(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) {
            throw ProblemException.invalid(List.of(Problems.fieldError("z", "must be between 0 and " + MAX_ZOOM)));
        }
        long size = 1L << z;
        if (x < 0 || x >= size) {
            throw ProblemException.invalid(List.of(Problems.fieldError("x",
                    "must be between 0 and " + (size - 1) + " at zoom " + z)));
        }
        if (y < 0 || y >= size) {
            throw ProblemException.invalid(List.of(Problems.fieldError("y",
                    "must be between 0 and " + (size - 1) + " at zoom " + z)));
        }
    }

    public Tile tile(int z, int x, int y, boolean includeDisposed) {
        requireValid(z, x, y);
        Map<String, Object> params = new HashMap<>();
        NamedSql sql = NamedSql.of(sql(z, includeDisposed, params));
        params.put("z", z);
        params.put("x", x);
        params.put("y", y);
        params.put("margin", (double) BUFFER / EXTENT);
        params.put("maxFeatures", maxFeatures);
        try (Connection connection = dataSource.getConnection()) {
            byte[] bytes = sql.one(connection, params, row -> row.getBytes(1));
            return new Tile(bytes == null ? new byte[0] : bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("Asset tile " + z + "/" + x + "/" + y + " failed", e);
        }
    }

    /**
     * The tile's statement. The rows are found by the GiST index on footprint (EPSG:4326) with the tile's
     * envelope, widened by the buffer, transformed to 4326: a Web Mercator rectangle is a lon/lat rectangle,
     * so nothing is lost by testing in 4326 and only the rows kept are transformed to 3857. The cap keeps the
     * lowest ids: random UUIDs, so an even sample of a crowded tile, the same on every request.
     */
    String sql(int z, boolean includeDisposed, Map<String, Object> params) {
        String visible = access.visibleSql();
        if (visible.contains(":callerPartner")) {
            params.put("callerPartner", access.callerPartner());
        }
        String shape = z >= POLYGONS_FROM_ZOOM ? "v.footprint" : "ST_PointOnSurface(v.footprint)";
        return "with bounds as (select ST_TileEnvelope(:z, :x, :y) as tile,"
                + " ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin), 4326) as area),"
                + " visible as (select a.id, a.name, a.status, a.asset_type, a.owner_partner_id, a.visibility,"
                + " a.local_authority, a.utilisation_percent, a.footprint"
                + " from asset a, bounds where a.footprint && bounds.area"
                + " and " + visible
                + (includeDisposed ? "" : " and a.status <> 'DISPOSED'")
                + " order by a.id limit :maxFeatures),"
                + " features as (select cast(v.id as text) as id, v.name, v.status, v.asset_type as type,"
                + " v.owner_partner_id as \"ownerPartnerId\", v.visibility, v.local_authority as \"localAuthority\","
                // A percentage for styling (0-100, two decimals), not money: a double carries it exactly enough.
                + " cast(v.utilisation_percent as double precision) as \"utilisationPercent\","
                + " ST_AsMVTGeom(ST_Transform(" + shape + ", 3857), bounds.tile, " + EXTENT + ", " + BUFFER
                + ", true) as geom from visible v, bounds)"
                + " select ST_AsMVT(features, 'assets', " + EXTENT + ", 'geom') from features where geom is not null";
    }
}
