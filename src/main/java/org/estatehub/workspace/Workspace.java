package org.estatehub.workspace;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A shared workspace in an asset. Its desk and allocated totals are kept by the database's triggers. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    public UUID assetId;

    @Column(nullable = false)
    public String name;

    /** Kept by the trigger on workspace_desk; read only here. */
    @Column(name = "desk_count", insertable = false, updatable = false)
    public int deskCount;

    /** Kept by the trigger on workspace_allocation (and checked there against deskCount); read only here. */
    @Column(name = "allocated_desks", insertable = false, updatable = false)
    public int allocatedDesks;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
