package org.estatehub.disposal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.estatehub.testing.Api;

import io.restassured.path.json.JsonPath;

/** The change feed as the disposal tests read it: where it stands, waiting for a flow, and what a partner sees. */
final class DisposalFeed {

    private DisposalFeed() {
    }

    /** The feed's position now, as the feed itself encodes it (FeedCursor: `e1:<txid>:<id>`). */
    static String cursorNow(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select txid, id from audit_event order by txid desc, id desc limit 1")) {
            String position = r.next() ? "e1:" + r.getLong(1) + ":" + r.getLong(2) : "e1:0:0";
            return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Waits until the programme office's feed from `cursor` has delivered the disposal's last step (`action`),
     * so that the feed's horizon has passed every event of the flow.
     */
    static void awaitInFeed(String cursor, String disposal, String action) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!read("pmo.admin", cursor).contains("\"entityId\":\"" + disposal + "\"")
                || !read("pmo.admin", cursor).contains(action)) {
            assertTrue(System.currentTimeMillis() < deadline, "the feed did not deliver the flow in time");
            Thread.sleep(200);
        }
    }

    /** `user`'s feed from `cursor` shows the disposal's events and names none of `secrets`. */
    static void assertFeedWithout(String cursor, String user, String disposal, List<String> secrets) {
        String feed = read(user, cursor);
        assertTrue(feed.contains(disposal), user + " sees the disposal's events");
        for (String secret : secrets) {
            assertFalse(feed.contains(secret), user + " reads " + secret + " in the feed");
        }
    }

    /** Every page of `user`'s feed after `cursor`, as one string without spaces or line breaks. */
    static String read(String user, String cursor) {
        StringBuilder all = new StringBuilder();
        String after = cursor;
        boolean more = true;
        while (more) {
            JsonPath page = Api.as(user).get("/events?limit=500&after=" + after).then().statusCode(200).extract().jsonPath();
            all.append(page.prettify());
            after = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return all.toString().replace(" ", "").replace("\n", "");
    }
}
