package org.estatehub.partner.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.PartnerCreate;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.partner.Partner;
import org.estatehub.partner.keycloak.KeycloakRealm;
import org.estatehub.partner.keycloak.KeycloakRealm.Organization;
import org.estatehub.partner.mapping.PartnerMapper;
import org.jboss.logging.Logger;

/**
 * Adding a partner with its Keycloak organization, so that neither exists without the other. Keycloak and
 * PostgreSQL share no transaction, so the order carries the guarantee: the organization first (Keycloak
 * down: 503 and nothing anywhere), then the partner in its own transaction, which has committed when
 * {@link PartnerService#create} returns; if that fails, the organization this request created is deleted
 * again. Only if that compensation fails too (Keycloak gone in between) an organization is left without its
 * partner: it carries {@link KeycloakRealm#PARTNER_ATTRIBUTE}, so the repair check finds and deletes it,
 * and a retried create adopts it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class PartnerOnboarding {

    private static final Logger LOG = Logger.getLogger(PartnerOnboarding.class);

    @Inject
    PartnerService partners;

    @Inject
    KeycloakRealm realm;

    public Partner create(PartnerCreate request) {
        // Everything the database would refuse is refused before Keycloak is touched.
        partners.requireCreatable(request);
        String name = request.getName().strip();
        var domains = PartnerMapper.domains(request.getEmailDomains());
        Optional<Organization> leftover = realm.organization(request.getId());
        Organization organization;
        boolean created;
        if (leftover.isPresent()) {
            if (!leftover.get().managed()) {
                throw ProblemException.conflict("Keycloak has an organization with alias '" + request.getId()
                        + "' that EstateHub did not create; rename it in Keycloak or choose another partner id.");
            }
            // Left by an earlier create whose partner was never stored: adopted rather than refused.
            realm.updateOrganization(leftover.get(), name, domains);
            organization = leftover.get();
            created = false;
        } else {
            organization = realm.createOrganization(request.getId(), name, domains);
            created = true;
        }
        try {
            return partners.create(request);
        } catch (RuntimeException e) {
            if (created) {
                compensate(organization);
            }
            throw e;
        }
    }

    private void compensate(Organization organization) {
        try {
            realm.deleteOrganization(organization.id());
        } catch (RuntimeException e) {
            LOG.errorf("Partner '%s' was not stored and its new organization %s could not be deleted (%s);"
                    + " POST /identity/consistency/repairs deletes it", organization.alias(), organization.id(), e.getMessage());
        }
    }
}
