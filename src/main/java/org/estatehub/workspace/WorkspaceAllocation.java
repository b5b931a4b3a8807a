package org.estatehub.workspace;

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

/** How many of a workspace's desks one partner's staff may book on each half day. */
@Entity
@Table(name = "workspace_allocation")
@IdClass(WorkspaceAllocation.Key.class)
public class WorkspaceAllocation extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    @Column(nullable = false)
    public int desks;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static class Key implements Serializable {
        public UUID workspaceId;
        public String partnerId;

        public Key() {
        }

        public Key(UUID workspaceId, String partnerId) {
            this.workspaceId = workspaceId;
            this.partnerId = partnerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(partnerId, k.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, partnerId);
        }
    }
}
