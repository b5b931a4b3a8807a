package org.estatehub.disposal;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's expression of interest in a disposal: confidential to its partner, the owner and the overseers. */
@Entity
@Table(name = "disposal_interest")
public class DisposalInterest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "disposal_id", nullable = false, updatable = false)
    public UUID disposalId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "intended_use", nullable = false, updatable = false)
    public IntendedUse intendedUse;

    @Column(updatable = false)
    public String proposal;

    @Column(nullable = false, updatable = false)
    public String timing;

    @Column(name = "funding_source", nullable = false, updatable = false)
    public String fundingSource;

    @Column(name = "contact_name", nullable = false, updatable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false, updatable = false)
    public String contactEmail;

    @Column(name = "contact_phone", updatable = false)
    public String contactPhone;

    @Column(name = "registered_on", nullable = false, updatable = false)
    public LocalDate registeredOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
