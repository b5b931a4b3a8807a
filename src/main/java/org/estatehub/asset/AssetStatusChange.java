package org.estatehub.asset;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of an asset's status history; rows are only ever added. */
@Entity
@Table(name = "asset_status_change")
public class AssetStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    public UUID assetId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    public AssetStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    public AssetStatus toStatus;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(updatable = false)
    public String reason;
}
