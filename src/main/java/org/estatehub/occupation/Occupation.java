package org.estatehub.occupation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.estatehub.common.money.Money;
import org.estatehub.common.money.MoneyColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Who occupies (part of) an asset, on what basis and terms. There is no stored status: an occupation is
 * current from startsOn to endsOn inclusive (see current), so "ended" never goes stale.
 */
@Entity
@Table(name = "occupation")
public class Occupation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    public UUID assetId;

    @Column(name = "occupier_partner_id")
    public String occupierPartnerId;

    @Column(name = "occupier_name")
    public String occupierName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OccupationBasis basis;

    @Column(name = "area_m2")
    public BigDecimal areaM2;

    public Integer desks;

    @Convert(converter = MoneyColumn.class)
    @Column(name = "yearly_rent")
    public Money yearlyRent;

    @Convert(converter = MoneyColumn.class)
    @Column(name = "yearly_service_charge")
    public Money yearlyServiceCharge;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "break_on")
    public LocalDate breakOn;

    @Column(name = "rent_review_on")
    public LocalDate rentReviewOn;

    @Column(name = "landlord_name")
    public String landlordName;

    /** The project the occupier moved out under: its ended rent and service charge are that project's savings. */
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean current(LocalDate today) {
        return !startsOn.isAfter(today) && (endsOn == null || !endsOn.isBefore(today));
    }
}
