package org.estatehub.project;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A dated step of a project, owned by the lead or one participating partner. */
@Entity
@Table(name = "project_milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "owner_partner_id", nullable = false)
    public String ownerPartnerId;

    @Version
    public long version;
}
