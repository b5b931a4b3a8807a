package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.refused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for webhook subscriptions: a partner's systems (service accounts, whatever their role)
 * and its editors manage its own; the programme office reads every partner's and changes only its own;
 * viewers, the S.151 officer and the board read none (403); another partner's subscription is 404.
 * The cases' subscriptions point at a closed local port and take an event type the test profile never
 * writes (the lease-event job is off), so they never make the rest of the suite send anything.
 */
final class WebhooksMatrix {

    private WebhooksMatrix() {
    }

    private static final int[] OWN_READ = {200, 200, 403, 403, 403, 200, 200};
    private static final int[] OTHER_READ = {200, 404, 403, 403, 403, 404, 404};
    private static final int[] OTHER_WRITE = {403, 404, 403, 403, 403, 404, 404};

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listWebhookSubscriptions",        Scope.NONE,  200, 200, 403, 403, 403, 200, 200),
        row("createWebhookSubscription",       Scope.NONE,  201, 201, 403, 403, 403, 201, 201),
        row("getWebhookSubscription",          Scope.OWN,   OWN_READ),
        row("getWebhookSubscription",          Scope.OTHER, OTHER_READ),
        row("updateWebhookSubscription",       Scope.OWN,   OWN_READ),
        row("updateWebhookSubscription",       Scope.OTHER, OTHER_WRITE),
        row("deleteWebhookSubscription",       Scope.OWN,   204, 204, 403, 403, 403, 204, 204),
        row("deleteWebhookSubscription",       Scope.OTHER, OTHER_WRITE),
        row("changeWebhookSubscriptionStatus", Scope.OWN,   OWN_READ),
        row("changeWebhookSubscriptionStatus", Scope.OTHER, OTHER_WRITE),
        row("rotateWebhookSubscriptionSecret", Scope.OWN,   OWN_READ),
        row("rotateWebhookSubscriptionSecret", Scope.OTHER, OTHER_WRITE),
        row("replayWebhookSubscription",       Scope.OWN,   OWN_READ),
        row("replayWebhookSubscription",       Scope.OTHER, OTHER_WRITE),
        row("listWebhookDeliveries",           Scope.OWN,   OWN_READ),
        row("listWebhookDeliveries",           Scope.OTHER, OTHER_READ));

    /** Each partner's editor, who makes the partner's subscriptions for the cases. */
    private static final Map<String, String> EDITORS = Map.of("kcc", "kcc.editor", "maidstone", "maidstone.editor",
            "kent-police", "police.editor", "dover", "dover.editor");

    /** A fresh subscription of the case's partner (OWN) or Dover's (OTHER); its id and ETag. */
    private static String[] subscription(Case c, String token) {
        String partner = c.scope() == Scope.OWN ? c.caller().partner : TenancyMatrix.OTHER_PARTNER;
        Response r = Api.as(EDITORS.get(partner)).body(Map.of("url", "http://localhost:9/matrix/" + token,
                "eventTypes", List.of("OCCUPATION_BREAK_APPROACHING"), "description", "Matrix " + token)).post("/webhook-subscriptions");
        r.then().statusCode(201);
        return new String[] {r.path("id"), r.header("ETag")};
    }

    static void exercise(Case c) {
        String token = AssetFixtures.token();
        switch (c.operation()) {
            case "listWebhookSubscriptions" -> {
                subscription(new Case(c.operation(), Scope.OTHER, c.caller(), c.expected()), token);
                Response r = c.caller().api().get("/webhook-subscriptions?limit=500");
                expect(c, r);
                noLeak(c, r, token);
                if (!refused(c)) {
                    List<String> partners = r.path("items.partnerId");
                    boolean pmo = c.caller() == TenancyMatrix.Caller.PMO_ADMIN;
                    assertEquals(pmo, r.asString().contains(token), c + ": Dover's subscription listed");
                    assertTrue(pmo || partners.stream().allMatch(c.caller().partner::equals), c + ": " + partners);
                    assertTrue(!r.asString().contains("whsec_"), c + ": a secret listed");
                }
            }
            case "createWebhookSubscription" -> {
                Response r = c.caller().api().body(Map.of("url", "http://localhost:9/matrix/" + token,
                        "eventTypes", List.of("OCCUPATION_BREAK_APPROACHING"), "description", "Matrix " + token)).post("/webhook-subscriptions");
                expect(c, r);
                if (refused(c)) {
                    assertTrue(!Api.as("pmo.admin").get("/webhook-subscriptions?limit=500").asString().contains(token),
                            c + ": a refused create left a subscription behind");
                } else {
                    assertEquals(c.caller().partner, r.path("partnerId"), c + ": subscribed another partner");
                }
            }
            default -> onRecord(c, token);
        }
    }

    private static void onRecord(Case c, String token) {
        String[] s = subscription(c, token);
        String path = "/webhook-subscriptions/" + s[0];
        Response before = Api.as("pmo.admin").get(path);
        var api = c.caller().api().header("If-Match", s[1]);
        Response r = switch (c.operation()) {
            case "getWebhookSubscription" -> c.caller().api().get(path);
            case "listWebhookDeliveries" -> c.caller().api().get(path + "/deliveries");
            case "updateWebhookSubscription" -> api.body(Map.of("url", "http://localhost:9/matrix/changed",
                    "eventTypes", List.of("OCCUPATION_END_APPROACHING"))).put(path);
            // A 204 has no body: only a problem could come back.
            case "deleteWebhookSubscription" -> api.accept("application/problem+json").delete(path);
            case "changeWebhookSubscriptionStatus" -> api.body(Map.of("toStatus", "PAUSED")).post(path + "/status-changes");
            case "rotateWebhookSubscriptionSecret" -> api.body(Map.of("overlapMinutes", 5)).post(path + "/secret-rotations");
            case "replayWebhookSubscription" -> api.body(Map.of()).post(path + "/replays");
            default -> throw new AssertionError("no request written for " + c.operation());
        };
        expect(c, r);
        noLeak(c, r, token);
        unchangedIfRefused(c, path, before);
        if (c.operation().equals("deleteWebhookSubscription") && !refused(c)) {
            assertEquals(404, Api.as("pmo.admin").get(path).statusCode(), c + ": still there after the delete");
        }
    }
}
