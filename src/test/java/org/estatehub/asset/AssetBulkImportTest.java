package org.estatehub.asset;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A 100,000-row Transparency Code file imports in one all-or-nothing transaction, and re-importing it
 * changes nothing. The rows are KALC's owner-only assets on a 700 m grid over Cornwall and Devon, far
 * from other tests' layouts; the class runs last of the default test profile so the other tests never see
 * them (only RateLimitTest, with a profile of its own and a fresh database, comes after it).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssetBulkImportTest {

    static final int ROWS = 100_000;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    static String file() {
        StringBuilder csv = new StringBuilder(ROWS * 150);
        csv.append("Organisation name,UPRN,Unique Asset ID,Name,Street,Post town,Postcode,X co-ordinate,Y co-ordinate,"
                + "Tenure,Asset type,District,Annual running cost (GBP),Utilisation (%),Visibility\n");
        for (int i = 0; i < ROWS; i++) {
            int easting = 100_000 + (i % 400) * 700;
            int northing = 20_000 + (i / 400) * 700;
            csv.append("Kent Association of Local Councils,").append(300_000_000_000L + i).append(",KALC-").append(i)
                    .append(",Bulk hall ").append(i).append(",Village Street,Somewhere,ME14 1XQ,")
                    .append(easting).append(',').append(northing).append(",Freehold,COMMUNITY_CENTRE,E07000113,")
                    .append(1000 + i % 997).append('.').append(String.format("%02d", i % 100)).append(',')
                    .append(i % 101).append(",OWNER_ONLY\n");
        }
        return csv.toString();
    }

    @Test
    @Order(1)
    void hundredThousandRowsImportAndReimport() {
        String csv = file();
        long start = System.nanoTime();
        Api.bulkAs("pmo.admin").contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import?ownerPartnerId=kalc")
                .then().statusCode(200).body("rows", equalTo(ROWS)).body("created", equalTo(ROWS));
        long firstMs = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        Api.bulkAs("pmo.admin").contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import?ownerPartnerId=kalc")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(ROWS));
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Bulk import of %,d rows (%,d bytes): first %,d ms, re-import %,d ms%n", ROWS, csv.length(),
                firstMs, secondMs);

        Api.as("pmo.admin").get("/assets?partner=kalc&limit=1").then().statusCode(200).body("total", equalTo(ROWS));
        Api.as("police.viewer").get("/assets?partner=kalc&limit=1").then().statusCode(200).body("total", equalTo(0));
        assertTrue(firstMs < 60_000, "100,000 rows should import within a minute, took " + firstMs + " ms");
    }

    /** A 5,000-feature map is streamed in many fetches; it must hold exactly the JSON page's assets, in order. */
    @Test
    @Order(2)
    void largeMapPageMatchesTheJsonPage() {
        String page = "/assets?partner=kalc&sort=-annualRunningCost&limit=5000&offset=2500";
        List<String> listed = Api.as("pmo.admin").get(page).then().statusCode(200)
                .body("total", equalTo(ROWS)).extract().path("items.id");
        List<String> mapped = Api.as("pmo.admin").accept("application/geo+json").get(page).then().statusCode(200)
                .contentType("application/geo+json").body("total", equalTo(ROWS)).body("offset", equalTo(2500))
                .extract().path("features.id");
        assertEquals(5000, listed.size());
        assertEquals(listed, mapped);
        Api.as("police.viewer").accept("application/geo+json").get(page).then().statusCode(200)
                .body("total", equalTo(0)).body("features", hasSize(0));
    }

    /** The whole partner's register as one file, written while the rows are read. */
    @Test
    @Order(3)
    void exportOfAHundredThousandAssets() {
        long start = System.nanoTime();
        String csv = Api.bulkAs("pmo.admin").accept("text/csv").get("/assets/export?layout=transparency-2014&partner=kalc")
                .then().statusCode(200).extract().asString();
        System.out.printf("transparency-2014 export of %,d assets (%,d bytes): %,d ms%n", ROWS, csv.length(),
                (System.nanoTime() - start) / 1_000_000);
        String[] lines = csv.split("\r\n");
        assertEquals(ROWS + 1, lines.length);
        assertTrue(lines[1].startsWith("Kent Association of Local Councils,"), lines[1]);
        Api.bulkAs("pmo.admin").contentType("text/csv; charset=UTF-8").body(csv)
                .post("/assets/import?ownerPartnerId=kalc")
                .then().statusCode(200).body("rows", equalTo(ROWS)).body("unchanged", equalTo(ROWS));
    }

    /**
     * The LGA layout of the whole register when every asset came with source columns: the header's one
     * aggregate query (the union of their names) runs before the rows stream, and no row is held.
     */
    @Test
    @Order(4)
    void lgaExportOfAHundredThousandAssetsWithSourceColumns() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("update asset set source_columns = jsonb_build_array("
                    + "jsonb_build_object('name', 'TenureDetail', 'value', 'Occupied by local authority'),"
                    + "jsonb_build_object('name', 'Ward', 'value', 'Ward ' || (hashtext(id::text) & 63)),"
                    + "jsonb_build_object('name', 'Parish ' || (hashtext(id::text) & 3), 'value', 'yes')),"
                    + " occupancy = 'OWNER_OCCUPIED' where owner_partner_id = 'kalc'");
        }
        long start = System.nanoTime();
        String csv = Api.bulkAs("pmo.admin").accept("text/csv").get("/assets/export?partner=kalc")
                .then().statusCode(200).extract().asString();
        long ms = (System.nanoTime() - start) / 1_000_000;
        String[] lines = csv.split("\r\n");
        System.out.printf("LGA export of %,d assets with source columns (%,d bytes): %,d ms%n", ROWS, csv.length(), ms);
        assertEquals(ROWS + 1, lines.length);
        assertTrue(lines[0].startsWith("OrganisationURI,OrganisationLabel,Organisation,"), lines[0]);
        assertTrue(lines[0].matches(".*,Land only,Ward(,Parish [0-3]){4}$"), lines[0]);
        assertTrue(lines[1].contains(",Occupied by local authority,"), lines[1]);
    }
}
