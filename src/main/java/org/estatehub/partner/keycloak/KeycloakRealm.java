package org.estatehub.partner.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of the realm onboarding manages, in EstateHub's terms: organizations (one per partner, alias =
 * partner id), their members, members' realm roles and the partner's identity provider (alias = partner id).
 * Each method is one or a few admin API calls; failures are problems ({@link KeycloakAdmin}).
 */
@ApplicationScoped
public class KeycloakRealm {

    /**
     * Marks an organization EstateHub created, with the partner id as value: only such an organization
     * without its partner is a leftover the repair deletes; an organization made by hand is never touched.
     */
    public static final String PARTNER_ATTRIBUTE = "estatehub.partner";
    /** Keycloak's identity provider config keys linking it to an organization's domain (Keycloak 26). */
    public static final String ORG_DOMAIN = "kc.org.domain";
    public static final String ORG_REDIRECT = "kc.org.broker.redirect.mode.email-matches";
    /** kc.org.domain value routing every domain of the organization to the provider. */
    public static final String ANY_DOMAIN = "ANY";

    private static final int PAGE = 100;

    /**
     * The organization's name: Keycloak wants names unique in the realm, EstateHub's partner names need not
     * be, so the partner id (unique) follows the name: "Maidstone Borough Council (maidstone)".
     */
    public static String organizationName(String partnerId, String partnerName) {
        return partnerName + " (" + partnerId + ")";
    }

    @Inject
    KeycloakAdmin admin;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();

    public record Organization(String id, String alias, String name, Set<String> domains, boolean managed) {
    }

    public record User(String id, String username, String email, String firstName, String lastName) {
    }

    // --- organizations -------------------------------------------------------------------------------

    /**
     * Every organization of the realm (a partnership has tens), in brief (id, alias, name, domains): the full
     * representation is heavier, and Keycloak 26.4 answered 400 to full listings while organizations were
     * being deleted. Whether one is EstateHub's ({@link Organization#managed}) is read with {@link #managed}.
     */
    public List<Organization> organizations() {
        List<Organization> all = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            JsonNode page = admin.read(admin.require(
                    admin.get("/organizations?briefRepresentation=true&first=" + first + "&max=" + PAGE),
                    "listing organizations"));
            page.forEach(node -> all.add(organization(node)));
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /** The organization with its attributes, so {@link Organization#managed} is known; empty if it is gone. */
    public Optional<Organization> managed(String organizationId) {
        KeycloakAdmin.Reply reply = admin.get("/organizations/" + organizationId);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(organization(admin.read(admin.require(reply, "reading the organization"))));
    }

    /**
     * The partner's organization, by its alias. The admin API searches names, domains and attributes but
     * not aliases: one query by EstateHub's attribute finds those it created; an organization made another
     * way (by hand, or by a realm import without the attribute) is looked for among all of them.
     */
    public Optional<Organization> organization(String partnerId) {
        JsonNode tagged = admin.read(admin.require(admin.get("/organizations?briefRepresentation=false&q="
                + KeycloakAdmin.encode(PARTNER_ATTRIBUTE + ":" + partnerId)), "finding the organization"));
        for (JsonNode node : tagged) {
            if (partnerId.equals(node.path("alias").asText())) {
                return Optional.of(organization(node));
            }
        }
        return organizations().stream().filter(o -> partnerId.equals(o.alias())).findFirst();
    }

    public Organization createOrganization(String partnerId, String name, Set<String> domains) {
        KeycloakAdmin.Reply reply = admin.postJson("/organizations", organizationBody(partnerId, name, domains));
        if (reply.status() == 409) {
            throw conflict(reply, "emailDomains");
        }
        admin.require(reply, "creating the organization");
        return new Organization(reply.createdId(), partnerId, organizationName(partnerId, name), new TreeSet<>(domains), true);
    }

    public void updateOrganization(Organization organization, String name, Set<String> domains) {
        ObjectNode body = organizationBody(organization.alias(), name, domains);
        body.put("id", organization.id());
        KeycloakAdmin.Reply reply = admin.putJson("/organizations/" + organization.id(), body);
        if (reply.status() == 409) {
            throw conflict(reply, "emailDomains");
        }
        admin.require(reply, "updating the organization");
    }

    public void deleteOrganization(String organizationId) {
        KeycloakAdmin.Reply reply = admin.delete("/organizations/" + organizationId);
        if (reply.status() != 404) {
            admin.require(reply, "deleting the organization");
        }
    }

    // --- members ------------------------------------------------------------------------------------

    public Optional<User> userByEmail(String email) {
        JsonNode users = admin.read(admin.require(
                admin.get("/users?exact=true&briefRepresentation=true&email=" + KeycloakAdmin.encode(email)),
                "finding the user"));
        for (JsonNode user : users) {
            if (email.equalsIgnoreCase(user.path("email").asText())) {
                return Optional.of(user(user));
            }
        }
        return Optional.empty();
    }

    /** Aliases of the organizations the user belongs to. */
    public List<String> organizationsOf(String userId) {
        KeycloakAdmin.Reply reply = admin.get("/organizations/members/" + userId + "/organizations");
        if (reply.status() == 404) {
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        admin.read(admin.require(reply, "reading the user's organizations")).forEach(o -> aliases.add(o.path("alias").asText()));
        return aliases;
    }

    public long memberCount(String organizationId) {
        return admin.read(admin.require(admin.get("/organizations/" + organizationId + "/members/count"),
                "counting members")).asLong();
    }

    /** A page of members, ordered by username as Keycloak lists them. */
    public List<User> members(String organizationId, int first, int max) {
        List<User> members = new ArrayList<>();
        admin.read(admin.require(admin.get("/organizations/" + organizationId + "/members?briefRepresentation=true&first="
                + first + "&max=" + max), "listing members")).forEach(u -> members.add(user(u)));
        return members;
    }

    public Optional<User> member(String organizationId, String userId) {
        KeycloakAdmin.Reply reply = admin.get("/organizations/" + organizationId + "/members/" + userId);
        if (reply.status() == 404 || reply.status() == 400) {
            return Optional.empty();
        }
        return Optional.of(user(admin.read(admin.require(reply, "reading the member"))));
    }

    public void addMember(String organizationId, String userId) {
        KeycloakAdmin.Reply reply = admin.postJson("/organizations/" + organizationId + "/members", userId);
        if (reply.status() == 409) {
            throw ProblemException.conflict("The user is already a member of this partner.");
        }
        admin.require(reply, "adding the member");
    }

    public void removeMember(String organizationId, String userId) {
        KeycloakAdmin.Reply reply = admin.delete("/organizations/" + organizationId + "/members/" + userId);
        if (reply.status() != 404) {
            admin.require(reply, "removing the member");
        }
    }

    /** Keycloak's invitation email to an address no user has yet; it needs the realm's SMTP server. */
    public void invite(String organizationId, String email, String firstName, String lastName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        if (firstName != null) {
            form.put("firstName", firstName);
        }
        if (lastName != null) {
            form.put("lastName", lastName);
        }
        admin.require(admin.postForm("/organizations/" + organizationId + "/members/invite-user", form),
                "sending the invitation email");
    }

    /** The realm roles mapped to the user directly. */
    public Set<String> realmRoles(String userId) {
        Set<String> names = new TreeSet<>();
        admin.read(admin.require(admin.get("/users/" + userId + "/role-mappings/realm"), "reading the member's roles"))
                .forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    public void grantRealmRole(String userId, String role) {
        admin.require(admin.postJson("/users/" + userId + "/role-mappings/realm", List.of(role(role))), "granting the role");
    }

    public void withdrawRealmRole(String userId, String role) {
        admin.require(admin.deleteJson("/users/" + userId + "/role-mappings/realm", List.of(role(role))),
                "withdrawing the role");
    }

    // --- identity providers ---------------------------------------------------------------------------

    public Optional<JsonNode> identityProvider(String alias) {
        KeycloakAdmin.Reply reply = admin.get("/identity-provider/instances/" + KeycloakAdmin.encode(alias));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(admin.read(admin.require(reply, "reading the identity provider")));
    }

    /**
     * Keycloak reads a discovery document (oidc) or SAML metadata (saml) from `url` and answers the provider
     * config it implies; empty when it could not read it (the caller's URL, a 400 naming the field).
     */
    public Optional<Map<String, String>> importConfig(String providerId, String url) {
        KeycloakAdmin.Reply reply = admin.postJsonAllowingServerError("/identity-provider/import-config",
                Map.of("providerId", providerId, "fromUrl", url));
        // Keycloak answers 500 (not 400) for a URL it cannot read or parse. It has just answered this request's
        // earlier calls, so here that is the caller's URL, not Keycloak failing.
        if (reply.status() == 400 || reply.status() == 500) {
            return Optional.empty();
        }
        Map<String, String> config = new LinkedHashMap<>();
        admin.read(admin.require(reply, "reading the provider's metadata")).fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return Optional.of(config);
    }

    public void createIdentityProvider(JsonNode representation) {
        KeycloakAdmin.Reply reply = admin.postJson("/identity-provider/instances", representation);
        if (reply.status() == 409) {
            throw ProblemException.conflict("Keycloak already has an identity provider with this alias: "
                    + admin.errorMessage(reply));
        }
        admin.require(reply, "registering the identity provider");
    }

    public void updateIdentityProvider(String alias, JsonNode representation) {
        admin.require(admin.putJson("/identity-provider/instances/" + KeycloakAdmin.encode(alias), representation),
                "replacing the identity provider");
    }

    public void deleteIdentityProvider(String alias) {
        KeycloakAdmin.Reply reply = admin.delete("/identity-provider/instances/" + KeycloakAdmin.encode(alias));
        if (reply.status() != 404) {
            admin.require(reply, "deleting the identity provider");
        }
    }

    public void linkIdentityProvider(String organizationId, String alias) {
        admin.require(admin.postJson("/organizations/" + organizationId + "/identity-providers", alias),
                "linking the identity provider to the organization");
    }

    public void unlinkIdentityProvider(String organizationId, String alias) {
        KeycloakAdmin.Reply reply = admin.delete("/organizations/" + organizationId + "/identity-providers/"
                + KeycloakAdmin.encode(alias));
        if (reply.status() != 404 && reply.status() != 400) {
            admin.require(reply, "unlinking the identity provider");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    private JsonNode role(String name) {
        return roles.computeIfAbsent(name, n -> admin.read(admin.require(admin.get("/roles/" + KeycloakAdmin.encode(n)),
                "reading the realm role " + n)));
    }

    private ObjectNode organizationBody(String partnerId, String name, Set<String> domains) {
        ObjectNode body = json.createObjectNode();
        body.put("alias", partnerId);
        body.put("name", organizationName(partnerId, name));
        body.put("enabled", true);
        body.put("description", "EstateHub partner " + partnerId);
        var domainList = body.putArray("domains");
        new TreeSet<>(domains).forEach(d -> domainList.addObject().put("name", d));
        body.putObject("attributes").putArray(PARTNER_ATTRIBUTE).add(partnerId);
        return body;
    }

    private static Organization organization(JsonNode node) {
        Set<String> domains = new TreeSet<>();
        node.path("domains").forEach(d -> domains.add(d.path("name").asText()));
        boolean managed = node.path("attributes").has(PARTNER_ATTRIBUTE);
        return new Organization(node.path("id").asText(), node.path("alias").asText(), node.path("name").asText(),
                domains, managed);
    }

    private static User user(JsonNode node) {
        return new User(node.path("id").asText(), node.path("username").asText(), text(node, "email"),
                text(node, "firstName"), text(node, "lastName"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isEmpty() ? node.get(field).asText() : null;
    }

    private ProblemException conflict(KeycloakAdmin.Reply reply, String field) {
        String message = admin.errorMessage(reply);
        return new ProblemException(409, "conflict", "Conflict",
                "Keycloak refused the partner's organization: " + (message.isBlank() ? "a conflict" : message)
                        + " (another organization has this name, alias or an email domain).",
                List.of(org.estatehub.common.problem.Problems.fieldError(field,
                        message.isBlank() ? "conflicts with another organization" : message)));
    }
}
