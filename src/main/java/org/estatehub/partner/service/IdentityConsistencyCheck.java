package org.estatehub.partner.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.IdentityConsistency;
import org.estatehub.api.model.IdentityMismatch;
import org.estatehub.api.model.IdentityMismatchKind;
import org.estatehub.api.model.IdentityRepair;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.estatehub.partner.keycloak.KeycloakRealm;
import org.estatehub.partner.keycloak.KeycloakRealm.Organization;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Partners against their Keycloak organizations, EstateHub being the source of truth: what a failure
 * between the two systems (or a hand edit in Keycloak, or a partner inserted in SQL) left inconsistent,
 * and its repair. Only organizations EstateHub created ({@link KeycloakRealm#PARTNER_ATTRIBUTE}) are ever
 * deleted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class IdentityConsistencyCheck {

    private static final Logger LOG = Logger.getLogger(IdentityConsistencyCheck.class);

    @Inject
    PartnerService partners;

    @Inject
    KeycloakRealm realm;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /** One mismatch, with what repairing it takes. */
    private record Mismatch(IdentityMismatch report, Partner partner, Organization organization) {
    }

    public IdentityConsistency check() {
        List<Organization> organizations = realm.organizations();
        List<Partner> all = partners.all();
        List<Mismatch> found = mismatches(all, organizations);
        return new IdentityConsistency().consistent(found.isEmpty()).partnersChecked(all.size())
                .organizationsChecked(organizations.size()).mismatches(found.stream().map(Mismatch::report).toList());
    }

    /**
     * Repairs each mismatch and records it in the partner's access history, one transaction per repair so
     * that a Keycloak failure half way keeps what was done; what is left is answered as `remaining`. A
     * Keycloak that cannot even be listed fails the whole request (503/502) with nothing changed.
     */
    public IdentityRepair repair() {
        List<Mismatch> found = mismatches(partners.all(), realm.organizations());
        List<IdentityMismatch> repaired = new ArrayList<>();
        List<IdentityMismatch> remaining = new ArrayList<>();
        for (Mismatch mismatch : found) {
            try {
                fix(mismatch);
                QuarkusTransaction.requiringNew().run(() -> audit.record(
                        PartnerAccessAuditScope.subject(PartnerAccessAuditScope.ORGANIZATION,
                                mismatch.report().getPartnerId(), mismatch.report().getPartnerId()),
                        AuditActions.REPAIRED, null,
                        json.createObjectNode().put("kind", mismatch.report().getKind().toString())
                                .put("detail", mismatch.report().getDetail()),
                        mismatch.report().getDetail()));
                repaired.add(mismatch.report());
            } catch (ProblemException e) {
                LOG.warnf("Repairing %s of '%s' failed: %s", mismatch.report().getKind(), mismatch.report().getPartnerId(),
                        e.getMessage());
                remaining.add(mismatch.report());
            }
        }
        return new IdentityRepair().repaired(repaired).remaining(remaining);
    }

    private void fix(Mismatch mismatch) {
        switch (mismatch.report().getKind()) {
            case ORGANIZATION_MISSING -> realm.createOrganization(mismatch.partner().id, mismatch.partner().name,
                    mismatch.partner().emailDomains);
            case ORGANIZATION_DIFFERS -> realm.updateOrganization(mismatch.organization(), mismatch.partner().name,
                    mismatch.partner().emailDomains);
            case PARTNER_MISSING -> realm.deleteOrganization(mismatch.organization().id());
        }
    }

    private List<Mismatch> mismatches(List<Partner> partners, List<Organization> organizations) {
        Map<String, Organization> byAlias = organizations.stream()
                .collect(Collectors.toMap(Organization::alias, Function.identity(), (a, b) -> a));
        Set<String> partnerIds = partners.stream().map(p -> p.id).collect(Collectors.toSet());
        List<Mismatch> found = new ArrayList<>();
        for (Partner partner : partners) {
            Organization organization = byAlias.get(partner.id);
            if (organization == null) {
                found.add(new Mismatch(mismatch(partner.id, IdentityMismatchKind.ORGANIZATION_MISSING,
                        "partner '" + partner.id + "' has no organization in Keycloak"), partner, null));
            } else if (!PartnerOrganizations.matches(organization, partner.name, partner.emailDomains)) {
                found.add(new Mismatch(mismatch(partner.id, IdentityMismatchKind.ORGANIZATION_DIFFERS,
                        "the organization is named '" + organization.name() + "' with email domains "
                                + organization.domains() + "; the partner is '" + partner.name + "' with "
                                + new TreeSet<>(partner.emailDomains)), partner, organization));
            }
        }
        for (Organization listed : organizations) {
            if (partnerIds.contains(listed.alias())) {
                continue;
            }
            // Listed in brief: only an organization without a partner is read in full, for its attribute.
            Organization organization = realm.managed(listed.id()).orElse(null);
            if (organization != null && organization.managed()) {
                found.add(new Mismatch(mismatch(organization.alias(), IdentityMismatchKind.PARTNER_MISSING,
                        "organization '" + organization.alias() + "' was created by EstateHub but no such partner exists"),
                        null, organization));
            }
        }
        return found;
    }

    private static IdentityMismatch mismatch(String partnerId, IdentityMismatchKind kind, String detail) {
        return new IdentityMismatch().partnerId(partnerId).kind(kind).detail(detail);
    }
}
