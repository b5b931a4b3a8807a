package org.estatehub.common.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reads moved from Hibernate native queries to {@link NamedSql} on plain JDBC must still run in the
 * caller's transaction. Both ways of reaching JDBC are checked: the session's connection (what the
 * services use) and the DataSource's (what the asset search and exports use), which Agroal enlists in the
 * JTA transaction in progress.
 */
@QuarkusTest
class ConnectionEnlistmentTest {

    private static final NamedSql TRANSACTION = NamedSql.of("select cast(pg_current_xact_id() as text)");

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private static String transactionOf(Connection connection) throws SQLException {
        return TRANSACTION.one(connection, Map.of(), row -> row.getString(1));
    }

    private String viaSession() {
        return em.unwrap(Session.class).doReturningWork(ConnectionEnlistmentTest::transactionOf);
    }

    private String viaDataSource() {
        try (Connection connection = dataSource.getConnection()) {
            return transactionOf(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void insideATransactionSessionAndDataSourceShareIt() {
        QuarkusTransaction.requiringNew().run(() -> {
            String session = viaSession();
            assertEquals(session, viaDataSource());
            assertEquals(session, viaSession());
        });
    }

    @Test
    void separateTransactionsAreSeparate() {
        String first = QuarkusTransaction.requiringNew().call(this::viaDataSource);
        String second = QuarkusTransaction.requiringNew().call(this::viaDataSource);
        assertNotEquals(first, second);
    }
}
