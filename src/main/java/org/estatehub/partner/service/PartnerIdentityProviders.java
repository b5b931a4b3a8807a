package org.estatehub.partner.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.IdentityProviderSettings;
import org.estatehub.api.model.IdentityProviderType;
import org.estatehub.api.model.PartnerIdentityProvider;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.estatehub.partner.keycloak.KeycloakRealm;
import org.estatehub.partner.keycloak.KeycloakRealm.Organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The partner's own identity provider, registered in Keycloak under the partner id and linked to its
 * organization with the email domains routed to it (identity-first login). The client secret goes to
 * Keycloak only: never answered, logged or recorded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PartnerIdentityProviders {

    /** Where EstateHub keeps, in the provider's Keycloak config, the URL the caller gave. */
    static final String GIVEN_ISSUER = "estatehub.issuer";
    static final String GIVEN_DISCOVERY_URL = "estatehub.discoveryUrl";
    static final String GIVEN_METADATA_URL = "estatehub.metadataUrl";
    /** Keycloak answers a stored secret as this mask, and a mask sent back keeps the secret unchanged. */
    static final String SECRET_MASK = "**********";

    @Inject
    PartnerMembers members;

    @Inject
    PartnerService partners;

    @Inject
    PartnerOrganizations organizations;

    @Inject
    KeycloakRealm realm;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    public record Saved(PartnerIdentityProvider provider, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerIdentityProvider get(String partnerId) {
        members.requireAdministers(partnerId);
        Partner partner = partners.get(partnerId);
        return realm.identityProvider(partnerId).map(p -> toApi(p, partner.emailDomains))
                .orElseThrow(() -> ProblemException.notFound("Partner '" + partnerId + "' has no identity provider."));
    }

    public Saved set(String partnerId, IdentityProviderSettings settings) {
        members.requireAdministers(partnerId);
        Partner partner = partners.get(partnerId);
        Optional<JsonNode> existing = realm.identityProvider(partnerId);
        boolean sameType = existing.isPresent()
                && providerId(settings.getType()).equals(existing.get().path("providerId").asText());
        String routed = validate(partner, settings, sameType && existing.get().path("config").hasNonNull("clientSecret"));
        Organization organization = organizations.require(partnerId);

        Map<String, String> config = metadata(settings);
        if (settings.getType() == IdentityProviderType.OIDC) {
            config.put("clientId", settings.getClientId());
            config.put("clientSecret", settings.getClientSecret() != null ? settings.getClientSecret() : SECRET_MASK);
            config.put("clientAuthMethod", "client_secret_post");
            config.put("pkceEnabled", "true");
            config.put("pkceMethod", "S256");
        }
        config.put(KeycloakRealm.ORG_DOMAIN, routed);
        config.put(KeycloakRealm.ORG_REDIRECT, "true");
        putIfPresent(config, GIVEN_ISSUER, settings.getIssuer());
        putIfPresent(config, GIVEN_DISCOVERY_URL, settings.getDiscoveryUrl());
        putIfPresent(config, GIVEN_METADATA_URL, settings.getMetadataUrl());

        ObjectNode representation = json.createObjectNode();
        representation.put("alias", partnerId);
        representation.put("displayName", partner.name);
        representation.put("providerId", providerId(settings.getType()));
        representation.put("enabled", true);
        // Users of the partner's provider sign in as members of its organization; first login makes them so.
        representation.put("trustEmail", true);
        representation.set("config", json.valueToTree(config));

        PartnerIdentityProvider before = existing.map(p -> toApi(p, partner.emailDomains)).orElse(null);
        if (sameType) {
            representation.put("internalId", existing.get().path("internalId").asText());
            realm.updateIdentityProvider(partnerId, representation);
        } else {
            if (existing.isPresent()) {
                // OIDC <-> SAML is a different provider in Keycloak: the old one goes, the new one is linked.
                realm.unlinkIdentityProvider(organization.id(), partnerId);
                realm.deleteIdentityProvider(partnerId);
            }
            realm.createIdentityProvider(representation);
            try {
                realm.linkIdentityProvider(organization.id(), partnerId);
            } catch (RuntimeException e) {
                // An unlinked provider would show on the login page for everyone: it goes again.
                realm.deleteIdentityProvider(partnerId);
                throw e;
            }
        }
        PartnerIdentityProvider after = realm.identityProvider(partnerId).map(p -> toApi(p, partner.emailDomains))
                .orElseThrow(() -> org.estatehub.partner.keycloak.KeycloakAdmin.failed("Keycloak lost the identity provider it just stored"));
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.IDENTITY_PROVIDER, partnerId, partnerId),
                before == null ? AuditActions.CREATED : AuditActions.UPDATED,
                before == null ? null : audit.snapshot(before), audit.snapshot(after));
        return new Saved(after, before == null);
    }

    public PartnerIdentityProvider remove(String partnerId) {
        members.requireAdministers(partnerId);
        Partner partner = partners.get(partnerId);
        JsonNode existing = realm.identityProvider(partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner '" + partnerId + "' has no identity provider."));
        realm.organization(partnerId).ifPresent(o -> realm.unlinkIdentityProvider(o.id(), partnerId));
        realm.deleteIdentityProvider(partnerId);
        PartnerIdentityProvider removed = toApi(existing, partner.emailDomains);
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.IDENTITY_PROVIDER, partnerId, partnerId),
                AuditActions.REMOVED, audit.snapshot(removed), json.createObjectNode().put("registered", false));
        return removed;
    }

    /**
     * The settings' own rules, beyond the schema's, each a 400 naming the field; answers the kc.org.domain
     * value routing the requested domains (one domain, or {@link KeycloakRealm#ANY_DOMAIN} for all of them).
     */
    private static String validate(Partner partner, IdentityProviderSettings settings, boolean secretStored) {
        List<FieldError> errors = new ArrayList<>();
        if (settings.getType() == IdentityProviderType.OIDC) {
            if ((settings.getIssuer() == null) == (settings.getDiscoveryUrl() == null)) {
                errors.add(Problems.fieldError("issuer", "an OIDC provider needs exactly one of issuer and discoveryUrl"));
            }
            if (settings.getClientId() == null) {
                errors.add(Problems.fieldError("clientId", "an OIDC provider needs the client id EstateHub's realm has there"));
            }
            if (settings.getClientSecret() == null && !secretStored) {
                errors.add(Problems.fieldError("clientSecret", "needed when registering an OIDC provider"));
            }
            if (settings.getMetadataUrl() != null) {
                errors.add(Problems.fieldError("metadataUrl", "only for a SAML provider"));
            }
        } else {
            if (settings.getMetadataUrl() == null) {
                errors.add(Problems.fieldError("metadataUrl", "a SAML provider needs its metadata URL"));
            }
            for (String[] field : new String[][] { { "issuer", settings.getIssuer() }, { "discoveryUrl", settings.getDiscoveryUrl() },
                    { "clientId", settings.getClientId() }, { "clientSecret", settings.getClientSecret() } }) {
                if (field[1] != null) {
                    errors.add(Problems.fieldError(field[0], "only for an OIDC provider"));
                }
            }
        }
        Set<String> requested = new TreeSet<>(settings.getEmailDomains());
        for (String domain : requested) {
            if (!partner.emailDomains.contains(domain)) {
                errors.add(Problems.fieldError("emailDomains", "'" + domain + "' is not one of the partner's emailDomains "
                        + new TreeSet<>(partner.emailDomains)));
            }
        }
        if (errors.isEmpty() && requested.size() > 1 && !requested.equals(new TreeSet<>(partner.emailDomains))) {
            errors.add(Problems.fieldError("emailDomains",
                    "Keycloak routes one of the partner's domains, or all of them, to its provider; not some"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return requested.size() == 1 ? requested.iterator().next() : KeycloakRealm.ANY_DOMAIN;
    }

    /** Keycloak reads the provider's discovery document or metadata; unreadable is the caller's URL (400). */
    private Map<String, String> metadata(IdentityProviderSettings settings) {
        String field;
        String url;
        if (settings.getType() == IdentityProviderType.OIDC) {
            field = settings.getIssuer() != null ? "issuer" : "discoveryUrl";
            url = settings.getIssuer() != null
                    ? settings.getIssuer().replaceAll("/+$", "") + "/.well-known/openid-configuration"
                    : settings.getDiscoveryUrl();
        } else {
            field = "metadataUrl";
            url = settings.getMetadataUrl();
        }
        return new LinkedHashMap<>(realm.importConfig(providerId(settings.getType()), url)
                .orElseThrow(() -> ProblemException.invalid(List.of(Problems.fieldError(field,
                        "Keycloak could not read the provider's " + (settings.getType() == IdentityProviderType.OIDC
                                ? "discovery document" : "metadata") + " from " + url)))));
    }

    private static String providerId(IdentityProviderType type) {
        return type == IdentityProviderType.OIDC ? "oidc" : "saml";
    }

    /** Keycloak's provider as the contract shows it; the secret only as "one is set". */
    static PartnerIdentityProvider toApi(JsonNode provider, Set<String> partnerDomains) {
        JsonNode config = provider.path("config");
        boolean oidc = "oidc".equals(provider.path("providerId").asText());
        String domain = config.path(KeycloakRealm.ORG_DOMAIN).asText("");
        List<String> domains = new ArrayList<>();
        if (KeycloakRealm.ANY_DOMAIN.equals(domain)) {
            domains.addAll(new TreeSet<>(partnerDomains));
        } else if (!domain.isEmpty()) {
            domains.add(domain);
        }
        PartnerIdentityProvider api = new PartnerIdentityProvider()
                .alias(provider.path("alias").asText())
                .type(oidc ? IdentityProviderType.OIDC : IdentityProviderType.SAML)
                .clientSecretSet(oidc && config.hasNonNull("clientSecret") && !config.get("clientSecret").asText().isEmpty())
                .emailDomains(domains);
        if (oidc) {
            api.issuer(text(config, GIVEN_ISSUER).orElse(text(config, "issuer").orElse(null)))
                    .discoveryUrl(text(config, GIVEN_DISCOVERY_URL).orElse(null))
                    .clientId(text(config, "clientId").orElse(null));
        } else {
            api.metadataUrl(text(config, GIVEN_METADATA_URL).orElse(text(config, "metadataDescriptorUrl").orElse(null)));
        }
        return api;
    }

    private static Optional<String> text(JsonNode config, String field) {
        return config.hasNonNull(field) && !config.get(field).asText().isEmpty() ? Optional.of(config.get(field).asText())
                : Optional.empty();
    }

    private static void putIfPresent(Map<String, String> config, String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }
}
