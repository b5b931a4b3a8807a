package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.KeycloakRealmAdmin;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The tenancy matrix of onboarding (issue #18 item 2): the seven callers of {@link TenancyMatrix} (only
 * pmo-admin may), and {@link #PARTNER_ADMIN_TABLE} for a partner's own partner-admin (maidstone.admin), who
 * may on Maidstone and never on Dover or the consistency check. Every refused change is checked in Keycloak
 * itself: the user is still in no organization, the role not granted, the member still there, the identity
 * provider not registered.
 */
final class OnboardingMatrix {

    private OnboardingMatrix() {
    }

    private static final int[] PMO_ONLY_200 = { 200, 403, 403, 403, 403, 403, 403 };

    static final List<Row> TABLE = Stream.of(Scope.OWN, Scope.OTHER).flatMap(scope -> Stream.of(
            row("listPartnerMembers", scope, PMO_ONLY_200),
            row("invitePartnerMember", scope, 201, 403, 403, 403, 403, 403, 403),
            row("getPartnerMember", scope, PMO_ONLY_200),
            row("removePartnerMember", scope, 200, 403, 403, 403, 403, 403, 403),
            row("grantPartnerRole", scope, PMO_ONLY_200),
            row("withdrawPartnerRole", scope, PMO_ONLY_200),
            row("getPartnerIdentityProvider", scope, PMO_ONLY_200),
            row("setPartnerIdentityProvider", scope, 201, 403, 403, 403, 403, 403, 403),
            row("removePartnerIdentityProvider", scope, 200, 403, 403, 403, 403, 403, 403),
            row("getPartnerAccessHistory", scope, PMO_ONLY_200))).toList();

    static final List<Row> NONE_TABLE = List.of(
            row("checkIdentityConsistency", Scope.NONE, PMO_ONLY_200),
            row("repairIdentityConsistency", Scope.NONE, PMO_ONLY_200));

    /** maidstone.admin (partner-admin of Maidstone): operation, scope, status. */
    record AdminCase(String operation, Scope scope, int expected) {
        @Override
        public String toString() {
            return operation + " on " + scope + " partner as partner-admin (maidstone.admin) -> " + expected;
        }
    }

    static final List<AdminCase> PARTNER_ADMIN_TABLE = TABLE.stream()
            .map(r -> new AdminCase(r.operation(), r.scope(), r.scope() == Scope.OWN ? r.expected()[0] : 403)).toList();

    static final List<AdminCase> PARTNER_ADMIN_NONE = List.of(
            new AdminCase("checkIdentityConsistency", Scope.NONE, 403),
            new AdminCase("repairIdentityConsistency", Scope.NONE, 403));

    private static volatile boolean organizationsReady;

    /** The demo partners' organizations (the test database is fresh, Keycloak may not be): one repair. */
    private static synchronized void organizations() {
        if (!organizationsReady) {
            KeycloakRealmAdmin.repairAll().then().statusCode(200);
            organizationsReady = true;
        }
    }

    static void exercise(Case c) {
        run(c.operation(), c.caller().api(), c.scope() == Scope.NONE ? null : TenancyMatrix.partnerOf(c), c.expected(),
                c.toString());
    }

    static void exercise(AdminCase c) {
        run(c.operation(), Api.as("maidstone.admin"), c.scope() == Scope.OWN ? "maidstone"
                : c.scope() == Scope.OTHER ? TenancyMatrix.OTHER_PARTNER : null, c.expected(), c.toString());
    }

    private static void run(String operation, RequestSpecification api, String partner, int expected, String label) {
        organizations();
        String base = "/partners/" + partner;
        boolean refused = expected >= 400;
        switch (operation) {
            case "listPartnerMembers" -> {
                String member = member(partner);
                Response r = api.get(base + "/members?limit=500");
                expect(label, expected, r);
                if (refused) {
                    assertFalse(r.asString().contains(member), label + ": the refusal lists members");
                }
            }
            case "getPartnerMember" -> {
                String member = member(partner);
                Response r = api.get(base + "/members/" + member);
                expect(label, expected, r);
                if (refused) {
                    assertFalse(r.asString().contains("username"), label + ": the refusal shows the member");
                }
            }
            case "invitePartnerMember" -> {
                String token = AssetFixtures.token();
                String user = KeycloakRealmAdmin.createUser(token, token + "@matrix.example.gov.uk");
                expect(label, expected, api.body(Map.of("email", token + "@matrix.example.gov.uk")).post(base + "/members"));
                List<Object> orgs = KeycloakRealmAdmin.admin().get("/organizations/members/" + user + "/organizations")
                        .then().extract().jsonPath().getList("$");
                assertEquals(refused ? 0 : 1, orgs == null ? 0 : orgs.size(), label + ": organizations of the invited user");
            }
            case "removePartnerMember" -> {
                String member = member(partner);
                expect(label, expected, api.delete(base + "/members/" + member));
                assertEquals(refused ? 200 : 404, Api.as("pmo.admin").get(base + "/members/" + member).statusCode(),
                        label + ": membership after");
            }
            case "grantPartnerRole" -> {
                String member = member(partner);
                expect(label, expected, api.put(base + "/members/" + member + "/roles/partner-editor"));
                assertEquals(!refused, KeycloakRealmAdmin.realmRoles(member).contains("partner-editor"), label + ": role after");
            }
            case "withdrawPartnerRole" -> {
                String member = member(partner);
                Api.as("pmo.admin").put(base + "/members/" + member + "/roles/partner-viewer").then().statusCode(200);
                expect(label, expected, api.delete(base + "/members/" + member + "/roles/partner-viewer"));
                assertEquals(refused, KeycloakRealmAdmin.realmRoles(member).contains("partner-viewer"), label + ": role after");
            }
            case "getPartnerIdentityProvider" -> {
                provider(partner, true);
                Response r = api.get(base + "/identity-provider");
                expect(label, expected, r);
                if (refused) {
                    assertFalse(r.asString().contains("metadataUrl"), label + ": the refusal shows the provider");
                }
            }
            case "setPartnerIdentityProvider" -> {
                provider(partner, false);
                expect(label, expected, api.body(saml(partner)).put(base + "/identity-provider"));
                assertEquals(refused ? 404 : 200,
                        KeycloakRealmAdmin.admin().get("/identity-provider/instances/" + partner).statusCode(), label + ": provider after");
            }
            case "removePartnerIdentityProvider" -> {
                provider(partner, true);
                expect(label, expected, api.delete(base + "/identity-provider"));
                assertEquals(refused ? 200 : 404,
                        KeycloakRealmAdmin.admin().get("/identity-provider/instances/" + partner).statusCode(), label + ": provider after");
            }
            case "getPartnerAccessHistory" -> {
                member(partner);
                Response r = api.get(base + "/access-history?limit=500");
                expect(label, expected, r);
                if (refused) {
                    assertFalse(r.asString().contains("MEMBER_ADDED"), label + ": the refusal shows the history");
                }
            }
            case "checkIdentityConsistency" -> expect(label, expected, api.get("/identity/consistency"));
            case "repairIdentityConsistency" -> expect(label, expected, api.post("/identity/consistency/repairs"));
            default -> throw new AssertionError("no request written for " + operation);
        }
    }

    private static void expect(String label, int expected, Response r) {
        assertEquals(expected, r.statusCode(), label + ": status; body " + r.asString());
        if (expected >= 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), label + ": content type " + r.contentType());
        }
    }

    /** A fresh user made a member of the partner by the programme office; answers the user id. */
    private static String member(String partner) {
        String token = AssetFixtures.token();
        String user = KeycloakRealmAdmin.createUser(token, token + "@matrix.example.gov.uk");
        Api.as("pmo.admin").body(Map.of("email", token + "@matrix.example.gov.uk")).post("/partners/" + partner + "/members")
                .then().statusCode(201);
        return user;
    }

    private static Map<String, Object> saml(String partner) {
        return Map.of("type", "SAML", "metadataUrl", KeycloakRealmAdmin.BASE + "/realms/master/protocol/saml/descriptor",
                "emailDomains", List.of(domain(partner)));
    }

    private static String domain(String partner) {
        return partner + ".matrix.example.gov.uk";
    }

    /** The partner with its matrix email domain, and with (or without) its identity provider. */
    private static void provider(String partner, boolean present) {
        Response current = Api.as("pmo.admin").get("/partners/" + partner);
        List<String> domains = current.path("emailDomains");
        if (domains == null || !domains.contains(domain(partner))) {
            Map<String, Object> body = new HashMap<>();
            for (String field : List.of("name", "shortName", "type", "localAuthority", "organisationUri")) {
                if (current.path(field) != null) {
                    body.put(field, current.path(field));
                }
            }
            body.put("emailDomains", List.of(domain(partner)));
            Api.as("pmo.admin").header("If-Match", current.header("ETag")).body(body).put("/partners/" + partner)
                    .then().statusCode(200);
        }
        boolean exists = Api.as("pmo.admin").get("/partners/" + partner + "/identity-provider").statusCode() == 200;
        if (present && !exists) {
            Api.as("pmo.admin").body(saml(partner)).put("/partners/" + partner + "/identity-provider").then().statusCode(201);
        } else if (!present && exists) {
            Api.as("pmo.admin").delete("/partners/" + partner + "/identity-provider").then().statusCode(200);
        }
    }
}
