package org.estatehub.partner;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.estatehub.api.model.PartnerType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A public body in the partnership; every partner is a tenant. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerType type;

    /** GSS code of the local authority the partner is based in (local_authority.code); null for none. */
    @Column(name = "local_authority")
    public String localAuthority;

    /** The LGA schema's OrganisationURI for this body; imports accept it as the owner of a row. */
    @Column(name = "organisation_uri")
    public String organisationUri;

    /** The partner's email domains, those of its Keycloak organization (V40: a domain has one partner). */
    @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @CollectionTable(name = "partner_email_domain", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "domain")
    public Set<String> emailDomains = new TreeSet<>();

    @Column(name = "accountable_body", nullable = false)
    public boolean accountableBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
