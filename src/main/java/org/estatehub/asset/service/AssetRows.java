package org.estatehub.asset.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.EpcBand;
import org.estatehub.api.model.Holding;
import org.estatehub.api.model.Occupancy;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;
import org.estatehub.asset.Asset;
import org.estatehub.asset.AssetStatus;

/**
 * Reads {@code asset} rows (selected as {@link #COLUMNS}) into detached entities for answers that only read
 * them: searches, maps and exports, which must not pay for a persistence context of thousands of rows.
 */
public final class AssetRows {

    /**
     * The select list {@link #read} reads, in its order, for a table aliased {@code a}: the columns an answer
     * needs and no more (not the generated {@code footprint} and {@code footprint_geography}, nor the
     * boundary's own hex EWKB), with the boundary as the entity's GeoJSON text, made by PostGIS exactly as
     * Asset's column transformer makes it.
     */
    public static final String COLUMNS = "a.id, a.owner_partner_id, a.name, a.asset_type, a.land_only, a.street, a.town,"
            + " a.postcode, a.local_authority, a.uprn, a.own_reference, a.epims_reference, a.latitude, a.longitude,"
            + " a.tenure, a.occupancy, a.holding, a.land_area_hectares, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson,"
            + " a.epc_band, a.effective_date, a.coordinate_system, a.source_columns, a.gross_internal_area_m2,"
            + " a.annual_running_cost, a.utilisation_percent, a.status, a.shared_workspace_desks, a.visibility,"
            + " a.disposed_on, a.disposal_reason, a.created_at, a.updated_at, a.version";

    /** How many columns {@link #COLUMNS} has: a statement's own columns after them start at this plus one. */
    public static final int COLUMN_COUNT = 34;

    private AssetRows() {
    }

    /**
     * Reads {@link #COLUMNS} by position (the driver's lookup by name was ~2% of a search's CPU in the
     * JFR profile of bench/README.md "National scale").
     */
    public static Asset read(ResultSet rs) throws SQLException {
        Asset a = new Asset();
        int c = 0;
        a.id = rs.getObject(++c, UUID.class);
        a.ownerPartnerId = rs.getString(++c);
        a.name = rs.getString(++c);
        a.assetType = AssetType.valueOf(rs.getString(++c));
        a.landOnly = rs.getBoolean(++c);
        a.street = rs.getString(++c);
        a.town = rs.getString(++c);
        a.postcode = rs.getString(++c);
        a.localAuthority = rs.getString(++c);
        a.uprn = rs.getString(++c);
        a.ownReference = rs.getString(++c);
        a.epimsReference = rs.getString(++c);
        a.latitude = rs.getBigDecimal(++c);
        a.longitude = rs.getBigDecimal(++c);
        a.tenure = enumOrNull(Tenure.class, rs.getString(++c));
        a.occupancy = enumOrNull(Occupancy.class, rs.getString(++c));
        a.holding = enumOrNull(Holding.class, rs.getString(++c));
        a.landAreaHectares = rs.getBigDecimal(++c);
        a.boundary = rs.getString(++c);
        a.epcBand = enumOrNull(EpcBand.class, rs.getString(++c));
        a.effectiveDate = rs.getObject(++c, LocalDate.class);
        a.coordinateSystem = rs.getString(++c);
        a.sourceColumns = rs.getString(++c);
        a.grossInternalAreaM2 = rs.getBigDecimal(++c);
        a.annualRunningCost = rs.getBigDecimal(++c);
        a.utilisationPercent = rs.getBigDecimal(++c);
        a.status = AssetStatus.valueOf(rs.getString(++c));
        a.sharedWorkspaceDesks = rs.getInt(++c);
        a.visibility = Visibility.valueOf(rs.getString(++c));
        a.disposedOn = rs.getObject(++c, LocalDate.class);
        a.disposalReason = rs.getString(++c);
        a.createdAt = rs.getObject(++c, OffsetDateTime.class);
        a.updatedAt = rs.getObject(++c, OffsetDateTime.class);
        a.version = rs.getLong(++c);
        return a;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
