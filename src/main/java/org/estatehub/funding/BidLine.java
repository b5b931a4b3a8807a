package org.estatehub.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.estatehub.common.money.Money;
import org.estatehub.common.money.MoneyColumn;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One project's request within a bid, and (once decided) what it was awarded. */
@Entity
@Table(name = "bid_line")
public class BidLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bid_id", nullable = false, updatable = false)
    public Bid bid;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Convert(converter = MoneyColumn.class)
    @Column(name = "amount_requested", nullable = false)
    public Money amountRequested;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> activities = new ArrayList<>();

    @Convert(converter = MoneyColumn.class)
    @Column(name = "amount_awarded")
    public Money amountAwarded;

    @Column(nullable = false)
    public int position;
}
