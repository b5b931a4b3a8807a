package org.estatehub.asset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.EpcBand;
import org.estatehub.api.model.Holding;
import org.estatehub.api.model.Occupancy;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A public-sector land or property record in the partnership's shared register. */
@Entity
@Table(name = "asset")
public class Asset extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Changed only by a completed disposal transfer (AssetService.transfer), never by an update. */
    @Column(name = "owner_partner_id", nullable = false)
    public String ownerPartnerId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type", nullable = false)
    public AssetType assetType;

    @Column(name = "land_only", nullable = false)
    public boolean landOnly;

    public String street;
    public String town;
    public String postcode;

    /** GSS code of the local authority the asset sits in (anywhere in the UK). */
    @Column(name = "local_authority", nullable = false)
    public String localAuthority;

    public String uprn;

    @Column(name = "own_reference")
    public String ownReference;

    @Column(name = "epims_reference")
    public String epimsReference;

    /** With longitude, null when the owner's record has no location (the asset is then on no map). */
    public BigDecimal latitude;

    public BigDecimal longitude;

    /** Null when the owner's record has none. */
    @Enumerated(EnumType.STRING)
    public Tenure tenure;

    @Enumerated(EnumType.STRING)
    public Occupancy occupancy;

    @Enumerated(EnumType.STRING)
    public Holding holding;

    @Column(name = "land_area_hectares")
    public BigDecimal landAreaHectares;

    /**
     * The site's outline, a MultiPolygon as GeoJSON text (SiteBoundaries), null when there is none. PostGIS
     * holds the geometry; Hibernate reads it as GeoJSON and writes GeoJSON back into the geometry column.
     */
    @ColumnTransformer(read = "ST_AsGeoJSON(boundary, 7, 0)",
            write = "ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(cast(? as text)), 4326))")
    @Column(name = "boundary")
    public String boundary;

    @Enumerated(EnumType.STRING)
    @Column(name = "epc_band")
    public EpcBand epcBand;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    /** EPSG:27700 or EPSG:4326: the system the owner published the location in; exports write it back so. */
    @Column(name = "coordinate_system")
    public String coordinateSystem;

    /**
     * The imported file's cells EstateHub has no field for, as a JSON array of {"name", "value"} in the
     * file's order (SourceColumns reads and writes it); null when there are none.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_columns")
    public String sourceColumns;

    @Column(name = "gross_internal_area_m2")
    public BigDecimal grossInternalAreaM2;

    @Column(name = "annual_running_cost")
    public BigDecimal annualRunningCost;

    @Column(name = "utilisation_percent")
    public BigDecimal utilisationPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssetStatus status;

    @Column(name = "shared_workspace_desks", nullable = false)
    public int sharedWorkspaceDesks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Column(name = "disposed_on")
    public LocalDate disposedOn;

    @Column(name = "disposal_reason")
    public String disposalReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
