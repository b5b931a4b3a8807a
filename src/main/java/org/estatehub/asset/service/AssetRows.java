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
     * The select list {@link #read} reads, for a table aliased {@code a}: the boundary as the entity's
     * GeoJSON text, made by PostGIS exactly as Asset's column transformer makes it (a plain {@code a.*}
     * would hand over the geometry in PostgreSQL's text form, hex EWKB).
     */
    public static final String COLUMNS = "a.*, ST_AsGeoJSON(a.boundary, 7, 0) as boundary_geojson";

    private AssetRows() {
    }

    public static Asset read(ResultSet rs) throws SQLException {
        Asset a = new Asset();
        a.id = rs.getObject("id", UUID.class);
        a.ownerPartnerId = rs.getString("owner_partner_id");
        a.name = rs.getString("name");
        a.assetType = AssetType.valueOf(rs.getString("asset_type"));
        a.landOnly = rs.getBoolean("land_only");
        a.street = rs.getString("street");
        a.town = rs.getString("town");
        a.postcode = rs.getString("postcode");
        a.localAuthority = rs.getString("local_authority");
        a.uprn = rs.getString("uprn");
        a.ownReference = rs.getString("own_reference");
        a.epimsReference = rs.getString("epims_reference");
        a.latitude = rs.getBigDecimal("latitude");
        a.longitude = rs.getBigDecimal("longitude");
        a.tenure = enumOrNull(Tenure.class, rs.getString("tenure"));
        a.occupancy = enumOrNull(Occupancy.class, rs.getString("occupancy"));
        a.holding = enumOrNull(Holding.class, rs.getString("holding"));
        a.landAreaHectares = rs.getBigDecimal("land_area_hectares");
        a.boundary = rs.getString("boundary_geojson");
        a.epcBand = enumOrNull(EpcBand.class, rs.getString("epc_band"));
        a.effectiveDate = rs.getObject("effective_date", LocalDate.class);
        a.coordinateSystem = rs.getString("coordinate_system");
        a.sourceColumns = rs.getString("source_columns");
        a.grossInternalAreaM2 = rs.getBigDecimal("gross_internal_area_m2");
        a.annualRunningCost = rs.getBigDecimal("annual_running_cost");
        a.utilisationPercent = rs.getBigDecimal("utilisation_percent");
        a.status = AssetStatus.valueOf(rs.getString("status"));
        a.sharedWorkspaceDesks = rs.getInt("shared_workspace_desks");
        a.visibility = Visibility.valueOf(rs.getString("visibility"));
        a.disposedOn = rs.getObject("disposed_on", LocalDate.class);
        a.disposalReason = rs.getString("disposal_reason");
        a.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        a.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        a.version = rs.getLong("version");
        return a;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
