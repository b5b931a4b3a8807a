package org.estatehub.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.FundingFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The funding summary is reused only while funding_version stands still: every committed change to
 * rounds, bids, lines or awards moves it (once per transaction), whoever makes it, and a rolled-back
 * change does not.
 */
@QuarkusTest
class FundingSummaryCacheTest {

    @Inject
    DataSource dataSource;

    long version() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from funding_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void inOneTransaction(boolean commit, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true);
        }
    }

    static String roundName(String roundId) {
        return Api.as("pmo.admin").get("/funding/summary").then().statusCode(200).extract().jsonPath()
                .getString("rounds.find { it.roundId == '" + roundId + "' }.name");
    }

    static String roundReleased(String roundId) {
        return Api.as("police.viewer").get("/funding/summary").then()
                .statusCode(200).extract().jsonPath()
                .getString("rounds.find { it.roundId == '" + roundId + "' }.figures.released.amount");
    }

    @Test
    void oneBumpPerCommittedTransactionNoneForARollback() throws SQLException {
        String round = FundingFixtures.openRound("OPE");
        long before = version();
        inOneTransaction(true,
                "update funding_round set name = name || ' (a)' where id = '" + round + "'",
                "update funding_round set name = name || ' (b)' where id = '" + round + "'");
        assertEquals(before + 1, version());
        inOneTransaction(false, "update funding_round set name = 'never' where id = '" + round + "'");
        assertEquals(before + 1, version());
    }

    @Test
    void aChangeMadeOutsideTheApiShowsAtOnce() throws SQLException {
        String round = FundingFixtures.openRound("OPE");
        String name = roundName(round);
        assertEquals(name, roundName(round));
        inOneTransaction(true, "update funding_round set name = 'Renamed in psql " + round.substring(0, 8)
                + "' where id = '" + round + "'");
        assertEquals("Renamed in psql " + round.substring(0, 8), roundName(round));
    }

    @Test
    void anApprovedClaimShowsAtOnce() throws SQLException {
        String award = FundingFixtures.award("OPE", "maidstone", "1000.00", "Feasibility");
        String round = Api.as("pmo.admin").get("/awards/" + award).then().statusCode(200).extract().path("roundId");
        assertEquals("0.00", roundReleased(round));
        String claim = Api.as("maidstone.editor").body(FundingFixtures.claim("INV-C1", "250.00", "Feasibility"))
                .post("/awards/" + award + "/claims").then().statusCode(201).extract().path("id");
        assertEquals("0.00", roundReleased(round));
        Api.as("pmo.admin").header("If-Match", "\"0\"").post("/claims/" + claim + "/approval").then().statusCode(200);
        assertEquals("250.00", roundReleased(round));
    }
}
