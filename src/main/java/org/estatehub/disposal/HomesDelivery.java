package org.estatehub.disposal;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One financial year's homes on land a completed disposal released: that year's own figures (permissions
 * granted, starts, completions in the year), not running totals. V30__disposal_homes_delivered.sql.
 */
@Entity
@Table(name = "disposal_homes_delivery")
@IdClass(HomesDelivery.Key.class)
public class HomesDelivery extends PanacheEntityBase {

    @Id
    @Column(name = "disposal_id")
    public UUID disposalId;

    /** As written in the contract, e.g. `2025-26`. */
    @Id
    @Column(name = "financial_year")
    public String financialYear;

    @Column(name = "homes_permitted", nullable = false)
    public int homesPermitted;

    @Column(name = "homes_started", nullable = false)
    public int homesStarted;

    @Column(name = "homes_completed", nullable = false)
    public int homesCompleted;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_partner_id")
    public String recordedByPartnerId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Version
    public long version;

    /** The composite key: one row per disposal and financial year. */
    public static class Key implements Serializable {
        public UUID disposalId;
        public String financialYear;

        public Key() {
        }

        public Key(UUID disposalId, String financialYear) {
            this.disposalId = disposalId;
            this.financialYear = financialYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(disposalId, k.disposalId)
                    && Objects.equals(financialYear, k.financialYear);
        }

        @Override
        public int hashCode() {
            return Objects.hash(disposalId, financialYear);
        }
    }
}
