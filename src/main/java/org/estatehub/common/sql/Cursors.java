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

    /** Hands every row of the query to {@code each}; a database failure surfaces as an IOException. */
    public static void forEachRow(DataSource dataSource, NamedSql sql, Map<String, ?> params, RowWriter each)
            throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL's driver fetches in batches only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = sql.prepare(connection, params)) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.write(rows);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Query failed while the answer was written", e);
        }
    }
}
