package org.estatehub.mou;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A Memorandum of Understanding between a partner and the accountable body. The stored status is
 * DRAFT, ISSUED, SIGNED or TERMINATED; EXPIRED is derived from the expiry date, so it never goes stale.
 */
@Entity
@Table(name = "mou")
public class Mou extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String ISSUED = "ISSUED";
    public static final String SIGNED = "SIGNED";
    public static final String TERMINATED = "TERMINATED";

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(nullable = false)
    public String status;

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

    public String effectiveStatus(LocalDate today) {
        return SIGNED.equals(status) && expiresOn.isBefore(today) ? "EXPIRED" : status;
    }

    /** Signed, in force today and not expired: OPE money may be released to the partner. */
    public boolean inForce(LocalDate today) {
        return SIGNED.equals(status) && !signedOn.isAfter(today) && !expiresOn.isBefore(today);
    }
}
