package org.estatehub.asset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An import that does not finish within its transaction's time limit answers 503 problem+json with
 * Retry-After, and saves nothing: no asset, no status history, no audit event. The limit is configured
 * tiny (2 s) and the file is large enough (50,000 rows) that no machine imports it in that time.
 * <p>
 * Its profile restarts Quarkus, so it runs after the default profile's classes, before RateLimitTest.
 */
@QuarkusTest
@TestProfile(AssetImportTimeoutTest.TinyTimeout.class)
@Order(Integer.MAX_VALUE - 1)
class AssetImportTimeoutTest {

    public static class TinyTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("estatehub.import.transaction-timeout", "2");
        }
    }

    static final int ROWS = 50_000;

    @jakarta.inject.Inject
    AgroalDataSource dataSource;

    @Test
    void anImportPastItsTimeLimitIs503AndSavesNothing() throws SQLException {
        StringBuilder csv = new StringBuilder(ROWS * 150);
        csv.append("Organisation name,UPRN,Unique Asset ID,Name,Street,Post town,Postcode,X co-ordinate,Y co-ordinate,"
                + "Tenure,Asset type,District,Annual running cost (GBP),Utilisation (%),Visibility\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Maidstone Borough Council,").append(310_000_000_000L + i).append(",TIMEOUT-").append(i)
                    .append(",Timed hall ").append(i).append(",Village Street,Maidstone,ME14 1XQ,")
                    .append(570_000 + i % 300 * 10).append(',').append(150_000 + i / 300 * 10)
                    .append(",Freehold,COMMUNITY_CENTRE,E07000110,1000.00,50,PARTNERSHIP\n");
        }
        long[] before = counts();

        Api.bulkAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/assets/import")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("60"))
                .body("status", equalTo(503))
                .body("type", startsWith("https://estatehub.example/problems/import-timed-out"))
                .body("detail", containsString("nothing was saved"));

        long[] after = counts();
        assertEquals(before[0], after[0], "assets");
        assertEquals(before[1], after[1], "status history");
        assertEquals(before[2], after[2], "audit events");
        assertEquals(0, after[3], "no asset of the file");
    }

    /** Assets, status changes, audit events, and assets named like the file's rows. */
    private long[] counts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select (select count(*) from asset), (select count(*) from asset_status_change),
                               (select count(*) from audit_event),
                               (select count(*) from asset where own_reference like 'TIMEOUT-%')""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }
}
