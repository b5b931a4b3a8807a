package org.estatehub.common.sql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Large answers (maps, exports) written while their rows arrive: PostgreSQL sends them in batches, so a
 * request holds one batch at a time instead of the whole result.
 */
public final class Cursors {

    /** Rows per round trip: large enough to keep round trips rare, small enough to bound memory. */
    public static final int FETCH_SIZE = 250;

    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    private Cursors() {
    }

    /** Work on one connection whose queries all see the same snapshot. */
    @FunctionalInterface
    public interface SnapshotWork {
        void run(Connection connection) throws SQLException, IOException;
    }

    /** Hands every row of the query to {@code each}; a database failure surfaces as an IOException. */
    public static void forEachRow(DataSource dataSource, NamedSql sql, Map<String, ?> params, RowWriter each)
            throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL's driver fetches in batches only inside a transaction.
            connection.setAutoCommit(false);
            try {
                forEachRow(connection, sql, params, each);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Query failed while the answer was written", e);
        }
    }

    /**
     * Runs {@code work} in one read-only REPEATABLE READ transaction, so that every query in it (an
     * export's header queries and its rows) sees the register as of its first query, and rows fetched with
     * {@link #forEachRow(Connection, NamedSql, Map, RowWriter)} arrive in batches. A database failure
     * surfaces as an IOException.
     */
    public static void inOneSnapshot(DataSource dataSource, SnapshotWork work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                work.run(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Query failed while the answer was written", e);
        }
    }

    /** Every row of the query, fetched in batches, on a connection already in a transaction. */
    public static void forEachRow(Connection connection, NamedSql sql, Map<String, ?> params, RowWriter each)
            throws SQLException, IOException {
        try (PreparedStatement select = sql.prepare(connection, params)) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    each.write(rows);
                }
            }
        }
    }
}
