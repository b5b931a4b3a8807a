package org.estatehub.mou;

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

/**
 * A Memorandum of Understanding between a partner and the accountable body. The stored status is a
 * MouStatus; EXPIRED is derived from the expiry date (see expired), so it never goes stale.
 */
@Entity
@Table(name = "mou")
public class Mou extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MouStatus status;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    public String signatory;

    @Column(name = "document_reference")
    public String documentReference;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "terminated_on")
    public LocalDate terminatedOn;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Signed, but its expiry date has passed: the contract shows it as EXPIRED. */
    public boolean expired(LocalDate today) {
        return status == MouStatus.SIGNED && expiresOn.isBefore(today);
    }

    /** Signed, in force today and not expired: OPE money may be released to the partner. */
    public boolean inForce(LocalDate today) {
        return status == MouStatus.SIGNED && !signedOn.isAfter(today) && !expiresOn.isBefore(today);
    }
}
