package org.estatehub.disposal;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A surplus asset offered to the partnership first (V28__disposals.sql holds its invariants). Every field
 * here is published: expressions of interest are their own records (DisposalInterest).
 */
@Entity
@Table(name = "disposal")
public class Disposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    public UUID assetId;

    /** The partner that declared it; a completed transfer changes the asset's owner, never this. */
    @Column(name = "owner_partner_id", nullable = false, updatable = false)
    public String ownerPartnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DisposalStatus status;

    @Column(nullable = false)
    public String reason;

    @Column(name = "available_from", nullable = false)
    public LocalDate availableFrom;

    /** OfferType names, in the order declared. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "offer_types", nullable = false)
    public List<String> offerTypes = new ArrayList<>();

    @Column(name = "guide_price")
    public BigDecimal guidePrice;

    @Column(name = "site_area_hectares")
    public BigDecimal siteAreaHectares;

    @Column(name = "known_constraints")
    public String knownConstraints;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "declared_on", nullable = false, updatable = false)
    public LocalDate declaredOn;

    @Column(name = "interest_window_working_days", nullable = false, updatable = false)
    public int interestWindowWorkingDays;

    @Column(name = "interest_closes_on", nullable = false, updatable = false)
    public LocalDate interestClosesOn;

    @Column(name = "agreed_interest_id")
    public UUID agreedInterestId;

    @Column(name = "receiving_partner_id")
    public String receivingPartnerId;

    @Column(name = "agreed_on")
    public LocalDate agreedOn;

    @Column(name = "released_on")
    public LocalDate releasedOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "capital_receipt")
    public BigDecimal capitalReceipt;

    @Column(name = "hectares_released")
    public BigDecimal hectaresReleased;

    @Column(name = "housing_capacity")
    public Integer housingCapacity;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Partners may still register interest: OFFERED, and today is on or before the window's last day. */
    public boolean windowOpen(LocalDate today) {
        return status == DisposalStatus.OFFERED && !today.isAfter(interestClosesOn);
    }
}
