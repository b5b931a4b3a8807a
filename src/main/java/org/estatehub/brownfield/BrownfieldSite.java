package org.estatehub.brownfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One site of a partner's brownfield land register (V17__brownfield_sites.sql). The owner is the tenant:
 * every partner reads the site, only the owner's editors and the programme office change it.
 */
@Entity
@Table(name = "brownfield_site")
public class BrownfieldSite extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_partner_id", nullable = false, updatable = false)
    public String ownerPartnerId;

    @Column(name = "site_reference", nullable = false, updatable = false)
    public String siteReference;

    @Column(name = "previously_part_of")
    public String previouslyPartOf;

    @Column(nullable = false)
    public String name;

    @Column(name = "site_address")
    public String siteAddress;

    @Column(name = "site_plan_url")
    public String sitePlanUrl;

    /** GSS code of the authority whose register the site is on. */
    @Column(name = "local_authority", nullable = false)
    public String localAuthority;

    public BigDecimal latitude;
    public BigDecimal longitude;
    public BigDecimal hectares;

    /**
     * The site's outline, a MultiPolygon as GeoJSON text (SiteBoundaries), null when there is none. PostGIS
     * holds the geometry; Hibernate reads it as GeoJSON and writes GeoJSON back into the geometry column.
     */
    @ColumnTransformer(read = "ST_AsGeoJSON(boundary, 7, 0)",
            write = "ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(cast(? as text)), 4326))")
    @Column(name = "boundary")
    public String boundary;

    @Enumerated(EnumType.STRING)
    @Column(name = "ownership_status", nullable = false)
    public OwnershipStatus ownershipStatus;

    public Boolean deliverable;

    @Enumerated(EnumType.STRING)
    @Column(name = "planning_status")
    public PlanningStatus planningStatus;

    @Column(name = "permission_type")
    public String permissionType;

    @Column(name = "permission_date")
    public LocalDate permissionDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "planning_history", nullable = false)
    public List<String> planningHistory = new ArrayList<>();

    @Column(name = "proposed_for_pip")
    public Boolean proposedForPip;

    @Column(name = "min_net_dwellings")
    public Integer minNetDwellings;

    @Column(name = "max_net_dwellings")
    public Integer maxNetDwellings;

    @Column(name = "development_description")
    public String developmentDescription;

    @Column(name = "non_housing_development")
    public String nonHousingDevelopment;

    public Boolean part2;

    @Column(name = "hazardous_substances")
    public String hazardousSubstances;

    @Column(name = "site_information")
    public String siteInformation;

    public String notes;

    @Column(name = "first_added_date")
    public LocalDate firstAddedDate;

    @Column(name = "last_updated_date")
    public LocalDate lastUpdatedDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "asset_id")
    public UUID assetId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
