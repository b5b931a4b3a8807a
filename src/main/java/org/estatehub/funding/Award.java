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

import org.estatehub.api.model.Programme;
import org.estatehub.common.money.Money;
import org.estatehub.common.money.MoneyColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Money awarded to a project's lead for one bid line. `released` only ever changes through guarded
 * SQL updates (see ReleaseLedger), and a database check keeps it within `amountAwarded`.
 */
@Entity
@Table(name = "award")
public class Award extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bid_line_id", nullable = false, updatable = false)
    public UUID bidLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Programme programme;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "recipient_partner_id", nullable = false, updatable = false)
    public String recipientPartnerId;

    @Convert(converter = MoneyColumn.class)
    @Column(name = "amount_awarded", nullable = false, updatable = false)
    public Money amountAwarded;

    @Convert(converter = MoneyColumn.class)
    @Column(nullable = false, insertable = false, updatable = false)
    public Money released;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Still to be released; `released` is null only before the row's database default has been read back. */
    public Money balance() {
        return amountAwarded.minus(released == null ? Money.ZERO : released);
    }
}
