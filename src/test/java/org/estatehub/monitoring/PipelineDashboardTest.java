package org.estatehub.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /dashboards/pipeline by local authority: the partnership's whole area first (in name order, empty
 * authorities included), then the authorities outside it that have projects, then the projects without one.
 */
@QuarkusTest
class PipelineDashboardTest {

    static final Set<String> AREA = Set.of("E10000016", "E06000035", "E07000105", "E07000106", "E07000107",
            "E07000108", "E07000109", "E07000110", "E07000111", "E07000112", "E07000113", "E07000114", "E07000115",
            "E07000116");

    @SuppressWarnings("unchecked")
    @Test
    void groupsByAuthorityInAreaOrder() {
        String token = AssetFixtures.token();
        // Across the border in Bexley (London), and one with no authority at all.
        ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(ProjectFixtures.project("Bexley hub " + token),
                "localAuthority", "E09000004", "stage", "PIPELINE"));
        Map<String, Object> countywide = ProjectFixtures.project("Countywide " + token);
        countywide.remove("localAuthority");
        ProjectFixtures.createId("pmo.admin", countywide);

        var dashboard = Api.as("dover.editor").get("/dashboards/pipeline").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = dashboard.getList("byLocalAuthority");

        List<Map<String, Object>> inArea = groups.subList(0, AREA.size());
        assertEquals(new TreeSet<>(AREA), new TreeSet<>(inArea.stream().map(g -> (String) g.get("localAuthority")).toList()));
        inArea.forEach(g -> assertEquals(true, g.get("inPartnershipArea"), g.toString()));
        assertInNameOrder(inArea);
        // Kent County Council itself leads no project by authority in the demo: listed with 0.
        assertTrue(inArea.stream().anyMatch(g -> ((Integer) g.get("count")) == 0), "an empty authority is listed");

        Map<String, Object> last = groups.get(groups.size() - 1);
        assertNull(last.get("localAuthority"));
        assertNull(last.get("name"));
        assertEquals(false, last.get("inPartnershipArea"));
        assertTrue((Integer) last.get("count") >= 4, "the demo's three partnership-wide projects and this test's");

        List<Map<String, Object>> outside = groups.subList(AREA.size(), groups.size() - 1);
        assertTrue(outside.stream().anyMatch(g -> g.get("localAuthority").equals("E09000004")
                && g.get("name").equals("Bexley") && (Integer) g.get("count") >= 1), outside.toString());
        outside.forEach(g -> {
            assertEquals(false, g.get("inPartnershipArea"), g.toString());
            assertTrue((Integer) g.get("count") > 0, "only authorities outside the area that have projects: " + g);
        });
        assertInNameOrder(outside);

        int sum = 0;
        for (Map<String, Object> g : groups) {
            int byStage = ((List<Map<String, Object>>) g.get("byStage")).stream().mapToInt(s -> (Integer) s.get("count")).sum();
            assertEquals(g.get("count"), byStage, g.toString());
            sum += (Integer) g.get("count");
        }
        assertEquals(dashboard.getInt("total"), sum);
        int maidstone = (Integer) groups.stream().filter(g -> "E07000110".equals(g.get("localAuthority"))).findFirst()
                .orElseThrow().get("count");
        assertEquals(maidstone, (int) Api.as("dover.editor").get("/projects?limit=1&localAuthority=E07000110")
                .path("total"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCountyFilterCountsAndListsTheCountyAndItsDistrictsOnly() {
        String token = AssetFixtures.token();
        // Kent's district of Thanet; and Bexley and a partnership-wide project, which the filter must leave out.
        ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(ProjectFixtures.project("Thanet hub " + token),
                "localAuthority", "E07000114", "stage", "PIPELINE"));
        ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(ProjectFixtures.project("Bexley depot " + token),
                "localAuthority", "E09000004", "stage", "PIPELINE"));

        var dashboard = Api.as("dover.editor").get("/dashboards/pipeline?localAuthority=E10000016").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = dashboard.getList("byLocalAuthority");
        assertEquals(List.of("Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Kent",
                "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"),
                groups.stream().map(g -> (String) g.get("name")).toList(),
                "the county and its districts in name order, zeros included; no Medway, Bexley or group without authority");
        assertTrue(groups.stream().anyMatch(g -> ((Integer) g.get("count")) == 0), "an empty authority is listed");
        int sum = 0;
        for (Map<String, Object> g : groups) {
            int byStage = ((List<Map<String, Object>>) g.get("byStage")).stream().mapToInt(s -> (Integer) s.get("count")).sum();
            assertEquals(g.get("count"), byStage, g.toString());
            sum += (Integer) g.get("count");
        }
        assertEquals(dashboard.getInt("total"), sum);
        assertEquals(sum, dashboard.getList("byStage.count", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(sum, (int) Api.as("dover.editor").get("/projects?limit=1&localAuthority=E10000016").path("total"));
        assertTrue(sum < Api.as("dover.editor").get("/dashboards/pipeline").jsonPath().getInt("total"),
                "Medway's, Bexley's and the partnership-wide projects are not in the county's figures");
    }

    @Test
    void aDistrictFilterListsThatDistrictEvenOutsideTheArea() {
        String token = AssetFixtures.token();
        ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(ProjectFixtures.project("Bexley yard " + token),
                "localAuthority", "E09000004", "stage", "PIPELINE"));
        var bexley = Api.as("maidstone.editor").get("/dashboards/pipeline?localAuthority=E09000004").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("E09000004"), bexley.getList("byLocalAuthority.localAuthority"));
        assertEquals(false, bexley.get("byLocalAuthority[0].inPartnershipArea"));
        int count = bexley.getInt("byLocalAuthority[0].count");
        assertTrue(count >= 1, bexley.prettify());
        assertEquals(bexley.getInt("total"), count);
        assertEquals(count, (int) Api.as("maidstone.editor").get("/projects?limit=1&localAuthority=E09000004").path("total"));

        // An authority where no test creates a project: listed with 0, nothing else.
        var antrim = Api.as("maidstone.editor").get("/dashboards/pipeline?localAuthority=N09000001").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("N09000001"), antrim.getList("byLocalAuthority.localAuthority"));
        assertEquals(0, antrim.getInt("total"));
        assertEquals(List.of(), antrim.getList("byStage"));
        assertEquals(List.of(), antrim.getList("byLocalAuthority[0].byStage"));
    }

    private static void assertInNameOrder(List<Map<String, Object>> groups) {
        List<String> names = new ArrayList<>(groups.stream().map(g -> ((String) g.get("name")).toLowerCase(Locale.ROOT)).toList());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
    }
}
