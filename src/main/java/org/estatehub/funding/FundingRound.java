package org.estatehub.funding;

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

import org.estatehub.api.model.Programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A funding round of one programme, e.g. OPE Phase 4 or BLRF2 Round 2. */
@Entity
@Table(name = "funding_round")
public class FundingRound extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Programme programme;

    @Column(nullable = false)
    public String name;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    @Column(name = "decision_due")
    public LocalDate decisionDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundingRoundStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Bids may be submitted only while the round is open, within its dates. */
    public boolean acceptsSubmissions(LocalDate today) {
        return status == FundingRoundStatus.OPEN && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }
}
