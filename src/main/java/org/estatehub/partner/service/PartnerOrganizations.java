package org.estatehub.partner.service;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.partner.keycloak.KeycloakRealm;
import org.estatehub.partner.keycloak.KeycloakRealm.Organization;

/** Each partner's Keycloak organization: alias = partner id, the partner's name and email domains. */
@ApplicationScoped
public class PartnerOrganizations {

    @Inject
    KeycloakRealm realm;

    /** Makes the partner's organization match it, creating it when it is missing. */
    public Organization sync(String partnerId, String name, Set<String> domains) {
        Optional<Organization> found = realm.organization(partnerId);
        if (found.isEmpty()) {
            return realm.createOrganization(partnerId, name, domains);
        }
        Organization organization = found.get();
        if (!matches(organization, name, domains)) {
            realm.updateOrganization(organization, name, domains);
        }
        return organization;
    }

    /** The partner's organization, which changing its members or identity provider needs. */
    public Organization require(String partnerId) {
        return realm.organization(partnerId).orElseThrow(() -> ProblemException.conflict("Partner '" + partnerId
                + "' has no organization in Keycloak; the programme office repairs that with"
                + " POST /identity/consistency/repairs."));
    }

    public static boolean matches(Organization organization, String name, Set<String> domains) {
        return organization.name().equals(KeycloakRealm.organizationName(organization.alias(), name))
                && organization.domains().equals(new TreeSet<>(domains));
    }
}
