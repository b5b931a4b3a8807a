package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The harness the feature tables of {@link TenancyMatrixTest} share: the callers, whose record an operation
 * is applied to, the table rows and the cases they expand to, fresh records of each scope, and the checks
 * every case makes (the status, no leak in a refusal, nothing changed or created by a refused write).
 */
final class TenancyMatrix {

    private TenancyMatrix() {
    }

    /** Callers; "other" records always belong to Dover, which none of them works for. */
    enum Caller {
        PMO_ADMIN("pmo-admin (pmo.admin, kcc)", "pmo.admin", null, "kcc"),
        PARTNER_EDITOR("partner-editor (maidstone.editor)", "maidstone.editor", null, "maidstone"),
        PARTNER_VIEWER("partner-viewer (maidstone.viewer)", "maidstone.viewer", null, "maidstone"),
        S151_OFFICER("s151-officer (s151.officer, kcc)", "s151.officer", null, "kcc"),
        BOARD_MEMBER("board-member (board.member, kcc)", "board.member", null, "kcc"),
        SERVICE_EDITOR("service account, editor (maidstone-system)", null, "maidstone-system", "maidstone"),
        SERVICE_VIEWER("service account, viewer (kent-police-system)", null, "kent-police-system", "kent-police");

        final String label;
        final String user;
        final String client;
        final String partner;

        Caller(String label, String user, String client, String partner) {
            this.label = label;
            this.user = user;
            this.client = client;
            this.partner = partner;
        }

        RequestSpecification api() {
            if (user != null) {
                return Api.as(user);
            }
            return Api.asSystem(client, client.equals("maidstone-system") ? Api.MAIDSTONE_SYSTEM_SECRET
                    : Api.KENT_POLICE_SYSTEM_SECRET);
        }
    }

    /** Whose record the operation is applied to. */
    enum Scope {
        NONE, OWN, OWN_PRIVATE, OTHER, OTHER_PRIVATE
    }

    static final String OTHER_PARTNER = "dover";

    /**
     * One row of a feature's table: an operation applied to a record of one scope, and the status expected
     * for each caller in the order of {@link Caller}: pmo-admin, partner-editor, partner-viewer,
     * s151-officer, board-member, service editor, service viewer.
     */
    record Row(String operation, Scope scope, int[] expected) {
        Row {
            if (expected.length != Caller.values().length) {
                throw new IllegalArgumentException(operation + " on " + scope + ": " + expected.length
                        + " statuses for " + Caller.values().length + " callers");
            }
        }
    }

    static Row row(String operation, Scope scope, int... expected) {
        return new Row(operation, scope, expected);
    }

    static int[] all(int status) {
        int[] statuses = new int[Caller.values().length];
        Arrays.fill(statuses, status);
        return statuses;
    }

    record Case(String operation, Scope scope, Caller caller, int expected) {
        @Override
        public String toString() {
            return operation + " on " + scope + " record as " + caller.label + " -> " + expected;
        }
    }

    /** Every row of a table for every caller. */
    static Stream<Case> cases(List<Row> table) {
        return table.stream().flatMap(row -> Stream.of(Caller.values())
                .map(caller -> new Case(row.operation(), row.scope(), caller, row.expected()[caller.ordinal()])));
    }

    /** The programme's overseers, who read every partner's MOUs, claims and payments. */
    static boolean overseer(Caller caller) {
        return caller == Caller.PMO_ADMIN || caller == Caller.BOARD_MEMBER || caller == Caller.S151_OFFICER;
    }

    /** Those who read every partner's OWNER_ONLY assets. */
    static boolean seesAllAssets(Caller caller) {
        return caller == Caller.PMO_ADMIN || caller == Caller.BOARD_MEMBER;
    }

    static String partnerOf(Case c) {
        return c.scope() == Scope.OWN ? c.caller().partner : OTHER_PARTNER;
    }

    /** A fresh asset of the case's scope, registered by the programme office for its owner. */
    static String asset(Case c, String token) {
        boolean own = c.scope() == Scope.OWN || c.scope() == Scope.OWN_PRIVATE;
        boolean hidden = c.scope() == Scope.OWN_PRIVATE || c.scope() == Scope.OTHER_PRIVATE;
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix " + token, 51.27, 0.52),
                "ownerPartnerId", own ? c.caller().partner : OTHER_PARTNER,
                "visibility", hidden ? "OWNER_ONLY" : "PARTNERSHIP"));
    }

    /**
     * A fresh project led by the caller's partner (OWN) or by Dover with Ashford taking part (OTHER),
     * optionally with one milestone owned by the lead.
     */
    static String project(Case c, String token, boolean withMilestone) {
        String lead = c.scope() == Scope.OWN ? c.caller().partner : OTHER_PARTNER;
        List<String> participants = c.scope() == Scope.OWN ? List.of() : List.of("ashford");
        String id = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Matrix " + token), "leadPartnerId", lead,
                "participatingPartnerIds", participants));
        if (withMilestone) {
            Api.as("pmo.admin").body(Map.of("name", "Survey", "dueOn", "2031-03-31"))
                    .post("/projects/" + id + "/milestones").then().statusCode(201);
        }
        return id;
    }

    static void expect(Case c, Response r) {
        assertEquals(c.expected(), r.statusCode(), c + ": status; body " + r.asString());
        if (c.expected() >= 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), c + ": content type " + r.contentType());
        }
    }

    static boolean refused(Case c) {
        return c.expected() >= 400;
    }

    /** A refused read must not carry any of the record's content. */
    static void noLeak(Case c, Response r, String marker) {
        if (refused(c)) {
            assertFalse(r.asString().contains(marker), c + ": the refusal reveals the record: " + r.asString());
        }
    }

    /** After a refused write, the programme office reads `path` byte-for-byte as it was, ETag included. */
    static void unchangedIfRefused(Case c, String path, Response before) {
        if (!refused(c)) {
            return;
        }
        Response after = Api.as("pmo.admin").get(path);
        assertEquals(200, after.statusCode());
        assertEquals(before.asString(), after.asString(), c + ": " + path + " changed although the write was refused");
        assertEquals(before.header("ETag"), after.header("ETag"), c + ": " + path + " ETag moved");
    }

    /** After a refused create, the programme office's search for it finds nothing. */
    static void nothingCreatedIfRefused(Case c, String searchPath) {
        if (refused(c)) {
            assertEquals(0, (int) Api.as("pmo.admin").get(searchPath).path("total"),
                    c + ": a refused create left a record behind");
        }
    }
}
