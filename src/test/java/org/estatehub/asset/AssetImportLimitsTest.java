package org.estatehub.asset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * The import's limits at their production values (README "Limits"): the 1,000-error cap and the counts,
 * the row limit, the size limit for a chunked body, the row-length limit, one import per owner (429) and
 * two per service (503), and the JSON body limit for chunked bodies. A declared Content-Length over the
 * limit is BadInputTest's; memory at the production heap is scripts/heap-test.sh's.
 */
@QuarkusTest
class AssetImportLimitsTest {

    @Inject
    DataSource dataSource;

    static final String HEADER = "Organisation name,UPRN,Unique Asset ID,Name,Postcode,X co-ordinate,Y co-ordinate,Tenure\n";

    static String validRow(String token, int i) {
        return "Maidstone Borough Council," + (400_000_000_000L + Math.abs(token.hashCode() % 1_000_000) * 1000L + i)
                + ",L-" + token + "-" + i + ",Limits " + token + " " + i + ",ME15 6JQ,576086,155747,Freehold\n";
    }

    /** Three errors a row: a UPRN with a leading zero, an easting that is not a number, an unknown tenure. */
    static String invalidRow(String token, int i) {
        // Three errors a row: UPRN, X co-ordinate, Tenure. (A UPRN with leading zeros is valid since #15.)
        return "Maidstone Borough Council,U" + i + ",L-" + token + "-" + i + ",Limits " + token + " " + i
                + ",ME15 6JQ,east,155747,rented\n";
    }

    static ValidatableResponse importAs(String user, String csv) {
        return Api.badRequestAs(user).contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import").then();
    }

    static long count(String token) {
        return Api.as("pmo.admin").get("/assets?includeDisposed=true&q=" + token).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void errorsAreCappedAndCounted() {
        String token = AssetFixtures.token();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 400; i++) {
            csv.append(invalidRow(token, i));
        }
        var problem = Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/assets/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errorCount", equalTo(1200))
                .body("invalidRowCount", equalTo(400))
                .body("errors", hasSize(1000))
                .body("detail", containsString("400 of 400 rows are invalid; nothing was saved."))
                .body("detail", containsString("The first 1000 of 1200 errors are listed."))
                .extract().jsonPath();
        // The first errors in line order, three per line: lines 2 to 334 and the first of line 335.
        List<Integer> rows = problem.getList("errors.row", Integer.class);
        assertEquals(2, rows.get(0));
        assertEquals(335, rows.get(999));
        assertEquals(rows.stream().sorted().toList(), rows);
        assertEquals(0, count(token));
    }

    @Test
    void repeatedKeysFoundInSqlAreCappedToo() {
        String token = AssetFixtures.token();
        String row = validRow(token, 1);
        StringBuilder csv = new StringBuilder(HEADER).append(invalidRow(token, 0));
        for (int i = 0; i < 1100; i++) {
            csv.append(row);
        }
        // Line 2 has three errors; lines 4 to 1102 repeat line 3's UPRN.
        var problem = importAs("maidstone.editor", csv.toString()).statusCode(422)
                .body("errorCount", equalTo(1102))
                .body("invalidRowCount", equalTo(1100))
                .body("errors", hasSize(1000))
                .extract().jsonPath();
        List<Integer> rows = problem.getList("errors.row", Integer.class);
        assertEquals(List.of(2, 2, 2, 4, 5), rows.subList(0, 5));
        assertEquals(1000, rows.get(999));
        assertTrue(problem.getString("errors[3].message").contains("also appears on line 3"),
                problem.getString("errors[3].message"));
        assertEquals(0, count(token));
    }

    @Test
    void longCellsAreCutInMessages() {
        String token = AssetFixtures.token();
        String csv = HEADER + "Maidstone Borough Council,1" + ",L-" + token + ",Limits " + token
                + ",ME15 6JQ,576086,155747," + "rented".repeat(500) + "\n";
        String message = importAs("maidstone.editor", csv).statusCode(422).extract().path("errors[0].message");
        assertTrue(message.length() <= 301 && message.endsWith("…"), message);
    }

    @Test
    void tooManyRows() {
        // 100,001 rows (short invalid ones: the limit counts every row).
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_001; i++) {
            csv.append("x\n");
        }
        Api.bulkAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/assets/import").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("more than 100000 asset rows (line 100002)"));
        // 100,000 are within the limit (and all invalid here).
        String ok = csv.substring(0, csv.length() - 2);
        Api.bulkAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(ok)
                .post("/assets/import").then().statusCode(422).body("invalidRowCount", equalTo(100_000));
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOff() throws IOException {
        // 65 MB of 5,000-character rows (each invalid: its name is too long), sent without Content-Length.
        String token = AssetFixtures.token();
        byte[] row = ("Maidstone Borough Council,1,L-" + token + "," + "n".repeat(5000) + ",ME15 6JQ,576086,155747,Freehold\n")
                .getBytes(StandardCharsets.UTF_8);
        long rows = 65L * 1024 * 1024 / row.length;
        var answer = chunked("/assets/import", "text/csv; charset=UTF-8", out -> {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i < rows; i++) {
                out.write(row);
            }
        }, "maidstone.editor");
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.type().startsWith("application/problem+json"), answer.type());
        assertTrue(answer.body().contains("larger than 67108864 bytes"), answer.body());
        assertEquals(0, count(token));
    }

    @Test
    void overLongRowIsRefusedBeforeItIsBuilt() {
        String token = AssetFixtures.token();
        // An unterminated quote: the rest of the file would be one cell.
        String csv = HEADER + validRow(token, 1) + "Maidstone Borough Council,\"" + "x".repeat(1_100_000) + "\n"
                + validRow(token, 2);
        Api.bulkAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import").then()
                .statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("Row 3 of the file"));
        assertEquals(0, count(token));
    }

    @Test
    void chunkedJsonBodyOverOneMebibyte() throws IOException {
        byte[] body = ("{\"id\": \"big-" + AssetFixtures.token() + "\", \"type\": \"OTHER\", \"name\": \""
                + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        var answer = chunked("/partners", "application/json", out -> out.write(body), "pmo.admin");
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.type().startsWith("application/problem+json"), answer.type());
        assertTrue(answer.body().contains("\"status\":413"), answer.body());
    }

    /** Starts an upload that stalls after 15 kB of its (chunked) file: its import holds its place. */
    static Socket stalledUpload(String user, String organisation, String token) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /assets/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Keycloak.userToken(user) + "\r\nContent-Type: text/csv\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder part = new StringBuilder(HEADER);
        for (int i = 0; part.length() < 15 * 1024; i++) {
            part.append(validRow(token, 100 + i).replace("Maidstone Borough Council", organisation));
        }
        byte[] data = part.toString().getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static int statusUntil(int expected, String user, String csv, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int status;
        do {
            Thread.sleep(150);
            status = importAs(user, csv).extract().statusCode();
        } while (status != expected && System.currentTimeMillis() < deadline);
        return status;
    }

    @Test
    void oneImportPerOwnerAndTwoPerService() throws Exception {
        String token = AssetFixtures.token();
        String maidstone = HEADER + validRow(token, 1);
        String dover = HEADER + validRow(token, 2).replace("Maidstone Borough Council", "dover")
                .replace("576086,155747", "631500,141500");
        String sevenoaks = HEADER + validRow(token, 3).replace("Maidstone Borough Council", "sevenoaks")
                .replace("576086,155747", "552500,155000");
        try (Socket first = stalledUpload("maidstone.editor", "Maidstone Borough Council", token)) {
            // Once the stalled import holds its place, the same owner is answered 429.
            assertEquals(429, statusUntil(429, "maidstone.editor", maidstone, 20_000));
            Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(maidstone)
                    .post("/assets/import").then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", "30");
            try (Socket second = stalledUpload("dover.editor", "dover", token)) {
                // Two imports run: a third owner is answered 503.
                assertEquals(503, statusUntil(503, "sevenoaks.editor", sevenoaks, 20_000));
                Api.as("sevenoaks.editor").contentType("text/csv; charset=UTF-8").body(sevenoaks)
                        .post("/assets/import").then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "30");
            }
        }
        // The stalled uploads' connections are gone: their places are freed and nothing of them was saved.
        assertEquals(200, statusUntil(200, "maidstone.editor", maidstone, 60_000));
        assertEquals(200, statusUntil(200, "dover.editor", dover, 60_000));
        assertEquals(200, statusUntil(200, "sevenoaks.editor", sevenoaks, 60_000));
        assertEquals(3, count(token));
    }

    /**
     * An upload still arriving holds its place but no transaction: the file is received onto disk before the
     * import's transaction starts (ImportSpool), so a slow client neither holds the owner's import lock nor
     * keeps a transaction open that would hold back the change feed's horizon for every partner.
     */
    @Test
    void aStalledUploadHoldsNoTransaction() throws Exception {
        String token = AssetFixtures.token();
        try (Socket upload = stalledUpload("maidstone.editor", "Maidstone Borough Council", token)) {
            assertEquals(429, statusUntil(429, "maidstone.editor", HEADER + validRow(token, 1), 20_000));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("""
                        select count(*) from pg_locks l join pg_database d on d.oid = l.database
                         where l.locktype = 'advisory' and d.datname = current_database()""")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "an import lock is held while its file is still arriving");
                }
                try (ResultSet rs = statement.executeQuery("""
                        select count(*) from pg_stat_activity
                         where datname = current_database() and state like 'idle in transaction%'""")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "a transaction is open while an import file is still arriving");
                }
            }
        }
        assertEquals(0, count(token));
    }

    record Answer(int status, String type, String body) {
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Sends the body without Content-Length (Transfer-Encoding: chunked), as it is written. */
    static Answer chunked(String path, String contentType, Body body, String user) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + path)
                .toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setChunkedStreamingMode(64 * 1024);
        http.setRequestProperty("Authorization", "Bearer " + Keycloak.userToken(user));
        http.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = http.getOutputStream()) {
            body.write(out);
        } catch (IOException closedEarly) {
            // The service may answer and close before the whole body is sent.
        }
        int status = http.getResponseCode();
        InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
        return new Answer(status, String.valueOf(http.getContentType()),
                in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
