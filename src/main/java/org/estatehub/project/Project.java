package org.estatehub.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.estatehub.api.model.ProjectType;
import org.estatehub.api.model.RagStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A collaborative scheme of the partnership. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "lead_partner_id", nullable = false)
    public String leadPartnerId;

    @ElementCollection
    @CollectionTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "partner_id")
    public Set<String> participatingPartnerIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_asset", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "asset_id")
    public Set<UUID> assetIds = new LinkedHashSet<>();

    /** GSS code of the local authority the project is in; null for a project across the whole partnership. */
    @Column(name = "local_authority")
    public String localAuthority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "rag_status")
    public RagStatus ragStatus;

    @Column(name = "rag_reason")
    public String ragReason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> programmes = new ArrayList<>();

    @Column(name = "homes_target")
    public Integer homesTarget;
    @Column(name = "homes_actual")
    public Integer homesActual;
    @Column(name = "jobs_target")
    public Integer jobsTarget;
    @Column(name = "jobs_actual")
    public Integer jobsActual;
    @Column(name = "capital_receipts_target")
    public BigDecimal capitalReceiptsTarget;
    @Column(name = "capital_receipts_actual")
    public BigDecimal capitalReceiptsActual;
    @Column(name = "running_cost_savings_target")
    public BigDecimal runningCostSavingsTarget;
    @Column(name = "running_cost_savings_actual")
    public BigDecimal runningCostSavingsActual;
    @Column(name = "land_released_target_ha")
    public BigDecimal landReleasedTargetHa;
    @Column(name = "land_released_actual_ha")
    public BigDecimal landReleasedActualHa;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "other_benefits", nullable = false)
    public List<String> otherBenefits = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The lead and every participating partner. */
    public boolean involves(String partnerId) {
        return leadPartnerId.equals(partnerId) || participatingPartnerIds.contains(partnerId);
    }
}
