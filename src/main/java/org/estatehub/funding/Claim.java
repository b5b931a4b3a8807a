package org.estatehub.funding;

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

/** A project lead's claim on OPE money held by the accountable body, against an invoice. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "award_id", nullable = false, updatable = false)
    public UUID awardId;

    @Column(name = "invoice_reference", nullable = false, updatable = false)
    public String invoiceReference;

    @Convert(converter = MoneyColumn.class)
    @Column(nullable = false, updatable = false)
    public Money amount;

    @Column(nullable = false, updatable = false)
    public String activity;

    @Column(updatable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Version
    public long version;
}
