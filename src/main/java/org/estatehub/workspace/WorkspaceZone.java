package org.estatehub.workspace;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A zone of a workspace: a group of desks that can be booked as "any desk of the zone". */
@Entity
@Table(name = "workspace_zone")
public class WorkspaceZone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false, updatable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String name;
}
