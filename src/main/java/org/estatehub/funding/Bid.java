package org.estatehub.funding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The partnership's application to a round: one line per project. */
@Entity
@Table(name = "bid")
public class Bid extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BidStatus status;

    @OneToMany(mappedBy = "bid", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<BidLine> lines = new ArrayList<>();

    @Column(name = "signed_off_by")
    public String signedOffBy;

    @Column(name = "signed_off_at")
    public OffsetDateTime signedOffAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
