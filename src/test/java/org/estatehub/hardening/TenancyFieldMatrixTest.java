package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.FundingFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The tenancy matrix at field level, for projects (issue #12, part 2): every read path that carries a
 * project's fields x every kind of caller x every field, with real Keycloak tokens. Which callers read
 * a project's details is written out below as a table (not derived from the service's rules); a field
 * is then expected shown or hidden for that caller in every path alike, so a field shown in one path and
 * hidden in another fails here. Hidden means absent (no key, an empty CSV cell) and its text nowhere in
 * the answer.
 *
 * <p>Two projects: a fresh one led by Folkestone and Hythe, RED, with Maidstone taking part, a milestone,
 * outcomes, a noted stage change and an award; and the demo's Biggins Wood (Folkestone and Hythe, RED,
 * KCC taking part), the case of the issue: dover.editor read its RED reason in the preview.
 */
@QuarkusTest
class TenancyFieldMatrixTest {

    enum Who {
        PMO_ADMIN("pmo.admin"),
        BOARD_MEMBER("board.member"),
        S151_OFFICER("s151.officer"),
        KCC_EDITOR("kcc.editor"),
        MAIDSTONE_EDITOR("maidstone.editor"),
        MAIDSTONE_VIEWER("maidstone.viewer"),
        MAIDSTONE_SYSTEM(null),
        DOVER_EDITOR("dover.editor"),
        POLICE_VIEWER("police.viewer"),
        POLICE_SYSTEM(null);

        final String user;

        Who(String user) {
            this.user = user;
        }

        RequestSpecification api() {
            if (user != null) {
                return Api.as(user);
            }
            return this == MAIDSTONE_SYSTEM ? Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET)
                    : Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET);
        }
    }

    enum Project {
        FRESH, BIGGINS_WOOD
    }

    /**
     * Who reads each project's details: {caller, fresh project, Biggins Wood}. The overseers read every
     * project's; a partner reads those it leads or takes part in (Maidstone the fresh one, KCC Biggins
     * Wood), whatever its role; everyone else only the summary.
     */
    static final Object[][] READS_DETAILS = {
        {Who.PMO_ADMIN, true, true},
        {Who.BOARD_MEMBER, true, true},
        {Who.S151_OFFICER, true, true},
        {Who.KCC_EDITOR, false, true},
        {Who.MAIDSTONE_EDITOR, true, false},
        {Who.MAIDSTONE_VIEWER, true, false},
        {Who.MAIDSTONE_SYSTEM, true, false},
        {Who.DOVER_EDITOR, false, false},
        {Who.POLICE_VIEWER, false, false},
        {Who.POLICE_SYSTEM, false, false},
    };

    /** The project's fields: the summary every partner reads, and the details. */
    enum Field {
        NAME(true), STAGE(true), RAG_STATUS(true), AWARDED(true),
        RAG_REASON(false), MILESTONES(false), OUTCOMES(false), STAGE_NOTE(false);

        final boolean summary;

        Field(boolean summary) {
            this.summary = summary;
        }
    }

    private static final Set<Field> RETURN_FIELDS = EnumSet.of(Field.NAME, Field.STAGE, Field.RAG_STATUS,
            Field.AWARDED, Field.RAG_REASON, Field.MILESTONES, Field.OUTCOMES);

    /** Read paths and the fields each carries; `refuses` paths answer 403 to those who only read the summary. */
    enum Path {
        LIST(false, EnumSet.of(Field.NAME, Field.STAGE, Field.RAG_STATUS)),
        BY_ID(true, EnumSet.of(Field.NAME, Field.STAGE, Field.RAG_STATUS, Field.RAG_REASON, Field.MILESTONES,
                Field.OUTCOMES)),
        STAGE_CHANGES(true, EnumSet.of(Field.STAGE, Field.STAGE_NOTE)),
        PREVIEW_JSON(false, RETURN_FIELDS),
        PREVIEW_CSV(false, RETURN_FIELDS),
        STORED_JSON(false, RETURN_FIELDS),
        STORED_CSV(false, RETURN_FIELDS),
        HISTORY(true, EnumSet.of(Field.NAME, Field.STAGE, Field.RAG_STATUS, Field.RAG_REASON, Field.MILESTONES,
                Field.OUTCOMES, Field.STAGE_NOTE)),
        FEED(false, EnumSet.of(Field.NAME, Field.STAGE, Field.RAG_STATUS, Field.RAG_REASON, Field.MILESTONES,
                Field.OUTCOMES, Field.STAGE_NOTE)),
        /** Counts by local authority and stage: no project's fields, but none of their text either. */
        PIPELINE_DASHBOARD(false, EnumSet.noneOf(Field.class));

        final boolean refuses;
        final Set<Field> carries;

        Path(boolean refuses, Set<Field> carries) {
            this.refuses = refuses;
            this.carries = carries;
        }
    }

    static final String PERIOD = "2026-Q3";
    /** Submitted by this test only, after the fresh project exists. */
    static final String STORED_PERIOD = "2009-Q3";
    static final String BIGGINS_WOOD_REASON =
            "Ground remediation costs exceed the LRF allocation and the outline planning application is overdue.";

    /** The fresh project, made once for all cases. */
    record Fixture(String id, String name, String reason, String milestone, String note, String feedFrom,
            String bigginsWood) {
    }

    private static Fixture fixture;

    static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String token = AssetFixtures.token();
        String feedFrom = feedEnd(Who.PMO_ADMIN, null, new ArrayList<>());
        String name = "Disclosure " + token;
        String reason = "Remediation " + token + " is over budget";
        String id = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(ProjectFixtures.project(name, "maidstone"),
                "leadPartnerId", "folkestone-hythe", "localAuthority", "E07000112", "type", "LAND_RELEASE",
                "rag", Map.of("status", "RED", "reason", reason),
                "outcomes", Map.of("homes", Map.of("target", 4321, "actual", 0))));
        String milestone = "Milestone " + token;
        Api.as("pmo.admin").body(Map.of("name", milestone, "dueOn", "2026-08-14")).post("/projects/" + id + "/milestones")
                .then().statusCode(201);
        String note = "Note " + token;
        Api.as("pmo.admin").header("If-Match", FundingFixtures.etag("pmo.admin", "/projects/" + id))
                .body(Map.of("toStage", "PIPELINE", "note", note)).post("/projects/" + id + "/stage-changes")
                .then().statusCode(201);
        String bid = FundingFixtures.createBid(FundingFixtures.openRound("LRF"),
                List.of(FundingFixtures.line(id, "1000.00", "Survey"))).path("id");
        FundingFixtures.signOff(bid).then().statusCode(200);
        FundingFixtures.submit(bid).then().statusCode(200);
        FundingFixtures.decide(bid, "1000.00").then().statusCode(200);
        Api.as("pmo.admin").body(Map.of("period", STORED_PERIOD)).post("/monitoring-returns").then().statusCode(201);
        String bigginsWood = Api.as("pmo.admin").queryParam("q", "Biggins Wood").get("/projects").then().statusCode(200)
                .extract().path("items[0].id");
        fixture = new Fixture(id, name, reason, milestone, note, feedFrom, bigginsWood);
        return fixture;
    }

    record Case(Who who, Project project, Path path, boolean readsDetails) {
        @Override
        public String toString() {
            return path + " of " + project + " as " + who + (readsDetails ? " (details)" : " (summary)");
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Object[] row : READS_DETAILS) {
            for (Project project : Project.values()) {
                boolean details = (boolean) row[1 + project.ordinal()];
                for (Path path : Path.values()) {
                    cases.add(new Case((Who) row[0], project, path, details));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyCallerIsInTheTable() {
        assertEquals(Set.of(Who.values()), Stream.of(READS_DETAILS).map(r -> (Who) r[0]).collect(
                java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fields(Case c) {
        Fixture f = fixture();
        String id = c.project() == Project.FRESH ? f.id() : f.bigginsWood();
        Response r = request(c, id);
        int expected = c.path().refuses && !c.readsDetails() ? 403 : 200;
        assertEquals(expected, r.statusCode(), c + ": status; body " + r.asString());
        String body = r.asString();
        if (!c.readsDetails()) {
            for (String secret : secrets(c.project(), f)) {
                assertFalse(body.contains(secret), c + ": the answer contains '" + secret + "': " + body);
            }
        }
        if (expected != 200) {
            return;
        }
        Set<Field> carried = c.project() == Project.BIGGINS_WOOD && eventsOnly(c.path())
                ? EnumSet.noneOf(Field.class) : c.path().carries;
        for (Field field : carried) {
            String value = value(c, field, r, f, id);
            if (field.summary || c.readsDetails()) {
                assertNotNull(value, c + ": " + field + " must be shown");
                String want = expected(c, field, f);
                if (want != null) {
                    assertEquals(want, value, c + ": " + field);
                }
            } else {
                assertNull(value, c + ": " + field + " must be hidden");
            }
        }
    }

    /** The exact case of the issue, in every path, spelled out once more. */
    @Test
    void doverEditorDoesNotReadFolkestoneAndHythesRedReason() {
        Fixture f = fixture();
        for (String period : List.of("preview?period=" + PERIOD, STORED_PERIOD)) {
            JsonPath json = Api.as("dover.editor").get("/monitoring-returns/" + period).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("RED", json.getString("projects.find { it.projectName == 'Biggins Wood' }.ragStatus"));
            assertNull(json.get("projects.find { it.projectName == 'Biggins Wood' }.ragReason"), period);
            String csv = Api.as("dover.editor").accept("text/csv").get("/monitoring-returns/" + period).then()
                    .statusCode(200).extract().asString();
            assertFalse(csv.contains(BIGGINS_WOOD_REASON), period + " CSV");
            assertFalse(csv.contains(f.reason()), period + " CSV");
            assertEquals(BIGGINS_WOOD_REASON, Api.as("kcc.editor").get("/monitoring-returns/" + period).then()
                    .extract().jsonPath().getString("projects.find { it.projectName == 'Biggins Wood' }.ragReason"),
                    "KCC takes part in Biggins Wood");
        }
        Api.as("dover.editor").get("/projects/" + f.bigginsWood() + "/history").then().statusCode(403);
        Api.as("dover.editor").get("/projects/" + f.id() + "/history").then().statusCode(403);
        List<String> pages = new ArrayList<>();
        feedEnd(Who.DOVER_EDITOR, f.feedFrom(), pages);
        assertTrue(pages.stream().anyMatch(p -> p.contains(f.id())), "dover sees that the project changed");
        assertTrue(pages.stream().noneMatch(p -> p.contains(f.reason()) || p.contains(BIGGINS_WOOD_REASON)),
                "the RED reason in dover's feed");
    }

    private static Response request(Case c, String id) {
        RequestSpecification api = c.who().api();
        return switch (c.path()) {
            case LIST -> api.queryParam("q", c.project() == Project.FRESH ? fixture.name() : "Biggins Wood").get("/projects");
            case BY_ID -> api.get("/projects/" + id);
            case STAGE_CHANGES -> api.get("/projects/" + id + "/stage-changes");
            case PREVIEW_JSON -> api.get("/monitoring-returns/preview?period=" + PERIOD);
            case PREVIEW_CSV -> api.accept("text/csv").get("/monitoring-returns/preview?period=" + PERIOD);
            case STORED_JSON -> api.get("/monitoring-returns/" + STORED_PERIOD);
            case STORED_CSV -> api.accept("text/csv").get("/monitoring-returns/" + STORED_PERIOD);
            case HISTORY -> api.get("/projects/" + id + "/history?limit=100");
            // Biggins Wood has no events: the fresh project's show when the feed has caught up.
            case FEED -> feedFrom(c.who(), fixture.feedFrom(), fixture.id());
            case PIPELINE_DASHBOARD -> api.get("/dashboards/pipeline");
        };
    }

    /** Biggins Wood is demo data, written without events or stage-change notes. */
    private static boolean eventsOnly(Path path) {
        return path == Path.HISTORY || path == Path.FEED || path == Path.STAGE_CHANGES;
    }

    /** Text of the project's details that must not appear anywhere in a summary reader's answer. */
    private static List<String> secrets(Project project, Fixture f) {
        return project == Project.FRESH ? List.of(f.reason(), f.milestone(), f.note()) : List.of(BIGGINS_WOOD_REASON);
    }

    /** What the field must be where shown, or null to check only that it is there. */
    private static String expected(Case c, Field field, Fixture f) {
        if (c.project() == Project.BIGGINS_WOOD) {
            return switch (field) {
                case NAME -> "Biggins Wood";
                case STAGE -> "BUSINESS_CASE";
                case RAG_STATUS -> "RED";
                case RAG_REASON -> BIGGINS_WOOD_REASON;
                case AWARDED -> "150000.00";
                case OUTCOMES -> "125";
                default -> null;
            };
        }
        return switch (field) {
            case NAME -> f.name();
            case STAGE -> "PIPELINE";
            case RAG_STATUS -> "RED";
            case AWARDED -> "1000.00";
            case RAG_REASON -> f.reason();
            case OUTCOMES -> "4321";
            case STAGE_NOTE -> f.note();
            // Due in 2026-Q3 and not completed; the stored return is of a quarter without it.
            case MILESTONES -> switch (c.path()) {
                case PREVIEW_JSON, PREVIEW_CSV -> "1";
                case STORED_JSON, STORED_CSV -> "0";
                default -> f.milestone();
            };
        };
    }

    /** The field's value as the path shows it, or null when it is not there. */
    private static String value(Case c, Field field, Response r, Fixture f, String id) {
        return switch (c.path()) {
            case LIST -> {
                String item = "items.find { it.id == '" + id + "' }.";
                yield string(r.jsonPath(), item + switch (field) {
                    case NAME -> "name";
                    case STAGE -> "stage";
                    case RAG_STATUS -> "ragStatus";
                    default -> throw new AssertionError(field);
                });
            }
            case BY_ID -> string(r.jsonPath(), switch (field) {
                case NAME -> "name";
                case STAGE -> "stage";
                case RAG_STATUS -> "rag.status";
                case RAG_REASON -> "rag.reason";
                case MILESTONES -> c.project() == Project.FRESH ? "milestones[0].name" : "milestones.size()";
                case OUTCOMES -> "outcomes.homes.target";
                default -> throw new AssertionError(field);
            });
            case STAGE_CHANGES -> string(r.jsonPath(), switch (field) {
                case STAGE -> "items[-1].toStage";
                case STAGE_NOTE -> "items.find { it.toStage == 'PIPELINE' }.note";
                default -> throw new AssertionError(field);
            });
            case PREVIEW_JSON, STORED_JSON -> {
                JsonPath json = r.jsonPath();
                String row = "projects.find { it.projectId == '" + id + "' }";
                assertNotNull(json.get(row), c + ": the project's row");
                yield string(json, row + "." + switch (field) {
                    case NAME -> "projectName";
                    case STAGE -> "stage";
                    case RAG_STATUS -> "ragStatus";
                    case AWARDED -> "awarded.amount";
                    case RAG_REASON -> "ragReason";
                    case MILESTONES -> "milestonesDue";
                    case OUTCOMES -> "outcomes.homes.target";
                    default -> throw new AssertionError(field);
                });
            }
            case PREVIEW_CSV, STORED_CSV -> {
                CSVRecord row = csvRow(r.asString(), id);
                assertNotNull(row, c + ": the project's row");
                String cell = row.get(switch (field) {
                    case NAME -> "Project";
                    case STAGE -> "Stage";
                    case RAG_STATUS -> "RAG";
                    case AWARDED -> "Awarded (GBP)";
                    case RAG_REASON -> "RAG reason";
                    case MILESTONES -> "Milestones due";
                    case OUTCOMES -> "Homes target";
                    default -> throw new AssertionError(field);
                });
                yield cell.isEmpty() ? null : cell;
            }
            case HISTORY, FEED -> eventValue(field, r.jsonPath(), id);
            case PIPELINE_DASHBOARD -> throw new AssertionError(field);
        };
    }

    /** A field in the events about the project: its creation, its milestone's creation, its stage change. */
    private static String eventValue(Field field, JsonPath events, String id) {
        String created = "items.find { it.entityId == '" + id + "' && it.action == 'CREATED' }";
        String staged = "items.find { it.entityId == '" + id + "' && it.action == 'STAGE_CHANGED' }";
        String milestone = "items.find { it.parentId == '" + id + "' && it.entityType == 'MILESTONE' }";
        assertNotNull(events.get(created), "the project's creation is listed: " + events.prettify());
        assertNotNull(events.get(staged), "the project's stage change is listed");
        assertNotNull(events.get(milestone), "the milestone's creation is listed");
        return string(events, switch (field) {
            case NAME -> created + ".changes.name.to";
            case STAGE -> staged + ".changes.stage.to";
            case RAG_STATUS -> created + ".changes.'rag.status'.to";
            case RAG_REASON -> created + ".changes.'rag.reason'.to";
            case OUTCOMES -> created + ".changes.'outcomes.homes.target'.to";
            case MILESTONES -> milestone + ".changes.name.to";
            case STAGE_NOTE -> staged + ".note";
            default -> throw new AssertionError(field);
        });
    }

    private static String string(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? null : value.toString();
    }

    private static CSVRecord csvRow(String csv, String id) {
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            return records.stream().filter(rec -> id.equals(rec.get("Project id"))).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The caller's feed from `after` until caught up, as one page holding the events about the project
     * (the events are read the way a partner system would, page by page), once the programme office sees
     * them all.
     */
    private static Response feedFrom(Who who, String after, String projectId) {
        // The horizon waits for every older transaction on the server, other test runs' included.
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<String> pmoPages = new ArrayList<>();
            feedEnd(Who.PMO_ADMIN, after, pmoPages);
            if (pmoPages.stream().anyMatch(p -> p.contains("STAGE_CHANGED") && p.contains(projectId))) {
                break;
            }
            assertTrue(System.currentTimeMillis() < deadline, "the feed never delivered the project's events");
            sleep(100);
        }
        Response first = who.api().get("/events?limit=500&after=" + after);
        assertEquals(200, first.statusCode(), first.asString());
        assertFalse((boolean) first.path("hasMore"), "more than 500 events since the fixture; read further pages");
        return first;
    }

    /** Reads the change feed as the caller from `after` until caught up; returns the cursor to carry on from. */
    private static String feedEnd(Who who, String after, List<String> pages) {
        String cursor = after;
        while (true) {
            Response r = who.api().get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            assertEquals(200, r.statusCode(), r.asString());
            pages.add(r.asString());
            cursor = r.path("nextCursor");
            if (!(boolean) r.path("hasMore")) {
                return cursor;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
