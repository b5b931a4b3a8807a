package org.estatehub.workspace;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "workspace_desk")
public class WorkspaceDesk extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false, updatable = false)
    public UUID workspaceId;

    @Column(name = "zone_id", nullable = false, updatable = false)
    public UUID zoneId;

    @Column(nullable = false)
    public String label;
}
