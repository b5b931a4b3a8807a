package org.estatehub.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.KeycloakAdminProxy;
import org.estatehub.testing.KeycloakAdminProxy.Mode;
import org.estatehub.testing.KeycloakRealmAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Onboarding (issue #18 item 2) against the real Keycloak, with real tokens: a partner's organization,
 * members, invitations (received by a real SMTP server), EstateHub roles, the partner's identity provider,
 * the access history, Keycloak failing (down, hanging, 500, through {@link KeycloakAdminProxy}) and the
 * consistency check repairing mismatches made on purpose. What Keycloak holds is read back from Keycloak
 * itself as its administrator ({@link KeycloakRealmAdmin}).
 */
@QuarkusTest
@QuarkusTestResource(KeycloakAdminProxy.class)
class OnboardingTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void keycloakBack() {
        KeycloakAdminProxy.mode(Mode.FORWARD);
    }

    static String newPartner(String id, List<String> domains) {
        Response r = Api.as("pmo.admin").body(Map.of("id", id, "name", "Onboarding " + id, "type", "OTHER",
                "emailDomains", domains)).post("/partners");
        assertEquals(201, r.statusCode(), r.asString());
        return id;
    }

    static String id() {
        return "ob-" + AssetFixtures.token();
    }

    @Test
    void creatingAPartnerCreatesItsOrganizationAndUpdatesFollow() {
        String id = id();
        Response created = Api.as("pmo.admin").body(Map.of("id", id, "name", "Onboarding " + id, "type", "OTHER",
                "emailDomains", List.of(id + ".gov.uk"))).post("/partners");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(List.of(id + ".gov.uk"), created.path("emailDomains"));
        JsonPath org = KeycloakRealmAdmin.organization(id).orElseThrow();
        assertEquals("Onboarding " + id + " (" + id + ")", org.getString("name"));
        assertEquals(List.of(id + ".gov.uk"), org.getList("domains.name"));
        assertEquals(List.of(id), org.getList("attributes.'estatehub.partner'"));

        Response updated = Api.as("pmo.admin").header("If-Match", created.header("ETag"))
                .body(Map.of("name", "Renamed " + id, "type", "OTHER", "emailDomains", List.of(id + ".gov.uk", "staff." + id + ".org")))
                .put("/partners/" + id);
        assertEquals(200, updated.statusCode(), updated.asString());
        JsonPath after = KeycloakRealmAdmin.organization(id).orElseThrow();
        assertEquals("Renamed " + id + " (" + id + ")", after.getString("name"));
        assertEquals(List.of(id + ".gov.uk", "staff." + id + ".org"), after.getList("domains.name").stream().sorted().toList());
        // The partner's own history has the domains like every other field.
        String history = Api.as("maidstone.viewer").get("/partners/" + id + "/history").asString();
        assertTrue(history.contains("staff." + id + ".org"), history);

        // A domain another partner has: 409 naming the field, neither side changed.
        String other = newPartner(id(), List.of("x" + id + ".gov.uk"));
        Response refused = Api.as("pmo.admin").header("If-Match", updated.header("ETag"))
                .body(Map.of("name", "Renamed " + id, "type", "OTHER", "emailDomains", List.of("x" + id + ".gov.uk")))
                .put("/partners/" + id);
        assertEquals(409, refused.statusCode(), refused.asString());
        assertEquals("emailDomains", refused.path("errors[0].field"));
        assertEquals(updated.asString(), Api.as("pmo.admin").get("/partners/" + id).asString());
        assertEquals(List.of("x" + id + ".gov.uk"), KeycloakRealmAdmin.organization(other).orElseThrow().getList("domains.name"));
    }

    @Test
    void keycloakFailingChangesNothing() {
        String id = id();
        for (Mode mode : List.of(Mode.DOWN, Mode.HANG, Mode.ERROR)) {
            KeycloakAdminProxy.mode(mode);
            Response r = Api.as("pmo.admin").body(Map.of("id", id, "name", "Down " + id, "type", "OTHER",
                    "emailDomains", List.of(id + ".gov.uk"))).post("/partners");
            int expected = mode == Mode.ERROR ? 502 : 503;
            assertEquals(expected, r.statusCode(), mode + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            if (expected == 503) {
                assertEquals("30", r.header("Retry-After"));
            }
            KeycloakAdminProxy.mode(Mode.FORWARD);
            Api.as("pmo.admin").get("/partners/" + id).then().statusCode(404);
            assertTrue(KeycloakRealmAdmin.organization(id).isEmpty(), mode + ": an organization was left behind");
        }

        String existing = newPartner(id(), List.of(id + "-e.gov.uk"));
        Response before = Api.as("pmo.admin").get("/partners/" + existing);
        KeycloakAdminProxy.mode(Mode.DOWN);
        Response update = Api.as("pmo.admin").header("If-Match", before.header("ETag"))
                .body(Map.of("name", "Not renamed", "type", "OTHER", "emailDomains", List.of()))
                .put("/partners/" + existing);
        assertEquals(503, update.statusCode(), update.asString());
        Response invite = Api.as("pmo.admin").body(Map.of("email", "nobody@" + id + "-e.gov.uk"))
                .post("/partners/" + existing + "/members");
        assertEquals(503, invite.statusCode(), invite.asString());
        assertEquals(503, Api.as("pmo.admin").get("/identity/consistency").statusCode());
        assertEquals(503, Api.as("pmo.admin").post("/identity/consistency/repairs").statusCode());
        assertEquals(503, Api.as("pmo.admin").get("/partners/" + existing + "/members").statusCode());
        KeycloakAdminProxy.mode(Mode.FORWARD);
        Response after = Api.as("pmo.admin").get("/partners/" + existing);
        assertEquals(before.asString(), after.asString());
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals("Onboarding " + existing + " (" + existing + ")", KeycloakRealmAdmin.organization(existing).orElseThrow().getString("name"));
        assertEquals(0, (int) Api.as("pmo.admin").get("/partners/" + existing + "/access-history").path("total"));
    }

    @Test
    void membersJoinGetRolesAndLeaveAllInTheAccessHistory() {
        String id = newPartner(id(), List.of());
        String token = AssetFixtures.token();
        String email = token + "@staff.example.gov.uk";
        String userId = KeycloakRealmAdmin.createUser(token, email);

        Response joined = Api.as("pmo.admin").body(Map.of("email", email.toUpperCase())).post("/partners/" + id + "/members");
        assertEquals(201, joined.statusCode(), joined.asString());
        assertEquals(userId, joined.path("id"));
        assertEquals(List.of(), joined.path("roles"));
        assertTrue(joined.header("Location").endsWith("/partners/" + id + "/members/" + userId));
        assertEquals(409, Api.as("pmo.admin").body(Map.of("email", email)).post("/partners/" + id + "/members").statusCode());
        // A person works for one partner.
        String second = newPartner(id(), List.of());
        Response elsewhere = Api.as("pmo.admin").body(Map.of("email", email)).post("/partners/" + second + "/members");
        assertEquals(409, elsewhere.statusCode(), elsewhere.asString());

        Response granted = Api.as("pmo.admin").put("/partners/" + id + "/members/" + userId + "/roles/partner-editor");
        assertEquals(200, granted.statusCode(), granted.asString());
        assertEquals(List.of("partner-editor"), granted.path("roles"));
        assertTrue(KeycloakRealmAdmin.realmRoles(userId).contains("partner-editor"));
        // Granting again changes and records nothing.
        Api.as("pmo.admin").put("/partners/" + id + "/members/" + userId + "/roles/partner-editor").then().statusCode(200);
        Api.as("pmo.admin").put("/partners/" + id + "/members/" + userId + "/roles/partner-admin").then().statusCode(200);
        Response withdrawn = Api.as("pmo.admin").delete("/partners/" + id + "/members/" + userId + "/roles/partner-editor");
        assertEquals(List.of("partner-admin"), withdrawn.path("roles"));
        assertFalse(KeycloakRealmAdmin.realmRoles(userId).contains("partner-editor"));

        Response list = Api.as("pmo.admin").get("/partners/" + id + "/members");
        assertEquals(200, list.statusCode(), list.asString());
        assertEquals(1, (int) list.path("total"));
        assertEquals(token, list.path("items[0].username"));
        assertEquals(List.of("partner-admin"), list.path("items[0].roles"));
        Api.as("pmo.admin").get("/partners/" + id + "/members/" + userId).then().statusCode(200);
        Api.as("pmo.admin").get("/partners/" + second + "/members/" + userId).then().statusCode(404);

        Api.as("pmo.admin").delete("/partners/" + id + "/members/" + userId).then().statusCode(200);
        assertEquals(0, (int) Api.as("pmo.admin").get("/partners/" + id + "/members").path("total"));
        assertFalse(KeycloakRealmAdmin.realmRoles(userId).contains("partner-admin"), "partner roles go with membership");
        Api.as("pmo.admin").delete("/partners/" + id + "/members/" + userId).then().statusCode(404);

        Response history = Api.as("pmo.admin").get("/partners/" + id + "/access-history");
        assertEquals(List.of("MEMBER_ADDED", "ROLE_GRANTED", "ROLE_GRANTED", "ROLE_WITHDRAWN", "MEMBER_REMOVED"),
                history.path("items.action"));
        assertEquals(List.of("partner-editor"), history.path("items[1].changes.roles.to"));
        assertEquals("pmo.admin", history.path("items[0].actor.username"));
        assertEquals(email, history.path("items[0].changes.email.to"));
        // Who may act for a partner is not everyone's business: the public partner history has none of it.
        assertEquals(403, Api.as("maidstone.editor").get("/partners/" + id + "/access-history").statusCode());
        assertFalse(Api.as("maidstone.editor").get("/partners/" + id + "/history").asString().contains(email));
        String feed = Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).get("/events?limit=500").asString();
        assertFalse(feed.contains(email), "the change feed shows another partner's members");
    }

    @Test
    void aNewPersonGetsKeycloaksInvitationEmail() throws Exception {
        String id = newPartner(id(), List.of());
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            KeycloakRealmAdmin.smtp("127.0.0.1", smtp.getSmtp().getPort());
            String email = AssetFixtures.token() + "@new.example.gov.uk";
            Response r = Api.as("pmo.admin").body(Map.of("email", email, "firstName", "Nia", "lastName", "New"))
                    .post("/partners/" + id + "/members");
            assertEquals(202, r.statusCode(), r.asString());
            assertEquals("INVITED", r.path("status"));
            assertTrue(smtp.waitForIncomingEmail(20_000, 1), "no invitation email arrived");
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertEquals(email, message.getAllRecipients()[0].toString());
            String body = GreenMailUtil.getBody(message);
            assertTrue(body.contains("/realms/estatehub/"), "the invitation links to the realm: " + body);
            Response history = Api.as("pmo.admin").get("/partners/" + id + "/access-history");
            assertEquals(List.of("MEMBER_INVITED"), history.path("items.action"));
            assertEquals(email, history.path("items[0].entityId"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aPartnerAdminActsForItsOwnPartnerOnly() {
        KeycloakRealmAdmin.repairAll().then().statusCode(200);
        String token = AssetFixtures.token();
        String userId = KeycloakRealmAdmin.createUser(token, token + "@maidstone.example.gov.uk");
        Response joined = Api.as("maidstone.admin").body(Map.of("email", token + "@maidstone.example.gov.uk"))
                .post("/partners/maidstone/members");
        assertEquals(201, joined.statusCode(), joined.asString());
        Api.as("maidstone.admin").put("/partners/maidstone/members/" + userId + "/roles/partner-editor").then().statusCode(200);
        Api.as("maidstone.admin").get("/partners/maidstone/members").then().statusCode(200);
        Api.as("maidstone.admin").get("/partners/maidstone/access-history").then().statusCode(200);
        // Never a programme role, never another partner.
        Response pmo = Api.badRequestAs("maidstone.admin").put("/partners/maidstone/members/" + userId + "/roles/pmo-admin");
        assertEquals(400, pmo.statusCode(), pmo.asString());
        assertFalse(KeycloakRealmAdmin.realmRoles(userId).contains("pmo-admin"));
        assertEquals(403, Api.as("maidstone.admin").get("/partners/dover/members").statusCode());
        assertEquals(403, Api.as("maidstone.admin").body(Map.of("email", "x@dover.example.gov.uk")).post("/partners/dover/members").statusCode());
        assertEquals(403, Api.as("maidstone.admin").get("/partners/dover/access-history").statusCode());
        assertEquals(403, Api.as("maidstone.admin").get("/identity/consistency").statusCode());
        assertEquals(403, Api.as("maidstone.editor").get("/partners/maidstone/members").statusCode());
        // A member holding a programme role is the programme office's to change.
        KeycloakRealmAdmin.admin().body(List.of(KeycloakRealmAdmin.admin().get("/roles/board-member").as(Map.class)))
                .post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        assertEquals(403, Api.as("maidstone.admin").delete("/partners/maidstone/members/" + userId + "/roles/partner-editor").statusCode());
        assertEquals(403, Api.as("maidstone.admin").delete("/partners/maidstone/members/" + userId).statusCode());
        assertTrue(KeycloakRealmAdmin.realmRoles(userId).contains("partner-editor"));
        Api.as("pmo.admin").delete("/partners/maidstone/members/" + userId).then().statusCode(200);
    }

    @Test
    void identityProvidersOidcAndSamlNeverShowTheSecret() {
        String id = id();
        newPartner(id, List.of(id + ".gov.uk", "police." + id + ".uk"));
        String secret = "top-secret-" + AssetFixtures.token();
        String issuer = KeycloakRealmAdmin.BASE + "/realms/master";
        Response created = Api.as("pmo.admin").body(Map.of("type", "OIDC", "issuer", issuer, "clientId", "estatehub-broker",
                "clientSecret", secret, "emailDomains", List.of(id + ".gov.uk"))).put("/partners/" + id + "/identity-provider");
        assertEquals(201, created.statusCode(), created.asString());
        assertFalse(created.asString().contains(secret));
        assertEquals(true, created.path("clientSecretSet"));
        assertEquals(issuer, created.path("issuer"));
        JsonPath idp = KeycloakRealmAdmin.admin().get("/identity-provider/instances/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(id + ".gov.uk", idp.getString("config.'kc.org.domain'"));
        assertEquals("true", idp.getString("config.'kc.org.broker.redirect.mode.email-matches'"));
        assertEquals(KeycloakRealmAdmin.organization(id).orElseThrow().getString("id"), idp.getString("organizationId"));
        assertEquals(issuer + "/protocol/openid-connect/auth", idp.getString("config.authorizationUrl"));

        // Replaced without a secret: the registered one stays; both domains: Keycloak's ANY.
        Response replaced = Api.as("pmo.admin").body(Map.of("type", "OIDC", "issuer", issuer, "clientId", "estatehub-broker-2",
                "emailDomains", List.of(id + ".gov.uk", "police." + id + ".uk"))).put("/partners/" + id + "/identity-provider");
        assertEquals(200, replaced.statusCode(), replaced.asString());
        assertEquals(true, replaced.path("clientSecretSet"));
        assertEquals(List.of("police." + id + ".uk", id + ".gov.uk").stream().sorted().toList(), replaced.path("emailDomains"));
        assertEquals("ANY", KeycloakRealmAdmin.admin().get("/identity-provider/instances/" + id).path("config.'kc.org.domain'"));

        Response saml = Api.as("pmo.admin").body(Map.of("type", "SAML",
                "metadataUrl", KeycloakRealmAdmin.BASE + "/realms/master/protocol/saml/descriptor",
                "emailDomains", List.of("police." + id + ".uk"))).put("/partners/" + id + "/identity-provider");
        assertEquals(200, saml.statusCode(), saml.asString());
        assertEquals("SAML", Api.as("pmo.admin").get("/partners/" + id + "/identity-provider").path("type"));

        Response unknownDomain = Api.as("pmo.admin").body(Map.of("type", "SAML", "metadataUrl", KeycloakRealmAdmin.BASE
                + "/realms/master/protocol/saml/descriptor", "emailDomains", List.of("elsewhere.gov.uk")))
                .put("/partners/" + id + "/identity-provider");
        assertEquals(400, unknownDomain.statusCode(), unknownDomain.asString());
        assertEquals("emailDomains", unknownDomain.path("errors[0].field"));
        Response unreadable = Api.as("pmo.admin").body(Map.of("type", "OIDC", "discoveryUrl", "http://127.0.0.1:9/.well-known/openid-configuration",
                "clientId", "x", "clientSecret", "y", "emailDomains", List.of(id + ".gov.uk"))).put("/partners/" + id + "/identity-provider");
        assertEquals(400, unreadable.statusCode(), unreadable.asString());
        assertEquals("discoveryUrl", unreadable.path("errors[0].field"));
        assertEquals("SAML", Api.as("pmo.admin").get("/partners/" + id + "/identity-provider").path("type"));

        Api.as("pmo.admin").delete("/partners/" + id + "/identity-provider").then().statusCode(200);
        Api.as("pmo.admin").get("/partners/" + id + "/identity-provider").then().statusCode(404);
        KeycloakRealmAdmin.admin().get("/identity-provider/instances/" + id).then().statusCode(404);

        Response history = Api.as("pmo.admin").get("/partners/" + id + "/access-history");
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "REMOVED"), history.path("items.action"));
        assertFalse(history.asString().contains(secret), "the secret is in the history");
        assertFalse(Api.as("pmo.admin").get("/events?limit=500").asString().contains(secret));
    }

    @Test
    void theRepairCheckFindsAndRepairsMismatchesMadeOnPurpose() throws Exception {
        KeycloakRealmAdmin.repairAll().then().statusCode(200);
        Response clean = Api.as("pmo.admin").get("/identity/consistency");
        assertEquals(true, clean.path("consistent"), clean.asString());

        String orgDeleted = newPartner(id(), List.of());
        KeycloakRealmAdmin.admin().delete("/organizations/" + KeycloakRealmAdmin.organization(orgDeleted).orElseThrow().getString("id"))
                .then().statusCode(204);
        String bySql = id();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into partner (id, name, type) values (?, ?, 'OTHER')")) {
            insert.setString(1, bySql);
            insert.setString(2, "Inserted " + bySql);
            insert.executeUpdate();
        }
        String orphan = id();
        KeycloakRealmAdmin.admin().body(Map.of("name", "Orphan " + orphan, "alias", orphan, "enabled", true,
                "attributes", Map.of("estatehub.partner", List.of(orphan)))).post("/organizations").then().statusCode(201);
        String handMade = id();
        KeycloakRealmAdmin.admin().body(Map.of("name", "Hand made " + handMade, "alias", handMade, "enabled", true))
                .post("/organizations").then().statusCode(201);
        String renamed = newPartner(id(), List.of());
        JsonPath org = KeycloakRealmAdmin.organization(renamed).orElseThrow();
        KeycloakRealmAdmin.admin().body(Map.of("id", org.getString("id"), "alias", renamed, "name", "Edited by hand " + renamed,
                "enabled", true, "attributes", Map.of("estatehub.partner", List.of(renamed))))
                .put("/organizations/" + org.getString("id")).then().statusCode(204);

        Response check = Api.as("pmo.admin").get("/identity/consistency");
        assertEquals(false, check.path("consistent"));
        Map<String, String> kinds = new java.util.HashMap<>();
        List<Map<String, String>> mismatches = check.path("mismatches");
        mismatches.forEach(m -> kinds.put(m.get("partnerId"), m.get("kind")));
        assertEquals(Map.of(orgDeleted, "ORGANIZATION_MISSING", bySql, "ORGANIZATION_MISSING", orphan, "PARTNER_MISSING",
                renamed, "ORGANIZATION_DIFFERS"), kinds, check.asString());

        // Keycloak down: 503, nothing repaired, nothing recorded.
        long events = count("select count(*) from audit_event where action = 'REPAIRED'");
        KeycloakAdminProxy.mode(Mode.DOWN);
        assertEquals(503, Api.as("pmo.admin").post("/identity/consistency/repairs").statusCode());
        KeycloakAdminProxy.mode(Mode.FORWARD);
        assertEquals(events, count("select count(*) from audit_event where action = 'REPAIRED'"));
        assertEquals(4, ((List<?>) Api.as("pmo.admin").get("/identity/consistency").path("mismatches")).size());

        Response repaired = Api.as("pmo.admin").post("/identity/consistency/repairs");
        assertEquals(200, repaired.statusCode(), repaired.asString());
        assertEquals(4, ((List<?>) repaired.path("repaired")).size(), repaired.asString());
        assertEquals(List.of(), repaired.path("remaining"));
        assertEquals(true, Api.as("pmo.admin").get("/identity/consistency").path("consistent"));
        assertTrue(KeycloakRealmAdmin.organization(orgDeleted).isPresent());
        assertEquals("Inserted " + bySql + " (" + bySql + ")", KeycloakRealmAdmin.organization(bySql).orElseThrow().getString("name"));
        assertTrue(KeycloakRealmAdmin.organization(orphan).isEmpty());
        assertTrue(KeycloakRealmAdmin.organization(handMade).isPresent(), "an organization EstateHub did not make is never deleted");
        assertEquals("Onboarding " + renamed + " (" + renamed + ")", KeycloakRealmAdmin.organization(renamed).orElseThrow().getString("name"));
        assertEquals(events + 4, count("select count(*) from audit_event where action = 'REPAIRED'"));
        assertEquals(List.of("REPAIRED"), Api.as("pmo.admin").get("/partners/" + bySql + "/access-history").path("items.action"));
        KeycloakRealmAdmin.admin().delete("/organizations/" + KeycloakRealmAdmin.organization(handMade).orElseThrow().getString("id"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
