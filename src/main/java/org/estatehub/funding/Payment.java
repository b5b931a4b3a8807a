package org.estatehub.funding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.estatehub.common.money.Money;
import org.estatehub.common.money.MoneyColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** LRF/BLRF money paid directly to the project lead; rows are only ever added. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "award_id", nullable = false, updatable = false)
    public UUID awardId;

    @Convert(converter = MoneyColumn.class)
    @Column(nullable = false, updatable = false)
    public Money amount;

    @Column(name = "paid_on", nullable = false, updatable = false)
    public LocalDate paidOn;

    @Column(nullable = false, updatable = false)
    public String reference;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
