package org.estatehub.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement written with {@code :name} parameters, bound through plain JDBC. Read paths that only map
 * rows to an answer use it instead of Hibernate native queries: measured with bench/bench.sh, Hibernate's
 * lookup of a native query's result-set mapping alone took a quarter of the CPU of an asset search.
 */
public final class NamedSql {

    /** Maps the current row of a result to one value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** Replaces each {@code :name} outside string literals by {@code ?}; {@code ::} casts are left alone. */
    public static NamedSql of(String namedSql) {
        StringBuilder out = new StringBuilder(namedSql.length());
        List<String> names = new ArrayList<>();
        boolean inLiteral = false;
        for (int i = 0; i < namedSql.length(); i++) {
            char c = namedSql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            } else if (!inLiteral && c == ':' && i + 1 < namedSql.length()) {
                char next = namedSql.charAt(i + 1);
                if (next == ':') {
                    out.append("::");
                    i++;
                    continue;
                }
                if (Character.isJavaIdentifierStart(next)) {
                    int end = i + 1;
                    while (end < namedSql.length() && Character.isJavaIdentifierPart(namedSql.charAt(end))) {
                        end++;
                    }
                    names.add(namedSql.substring(i + 1, end));
                    out.append('?');
                    i = end - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    /** Prepares the statement with every parameter bound; a name missing from {@code params} is a bug. */
    public PreparedStatement prepare(Connection connection, Map<String, ?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + sql);
                }
                statement.setObject(i + 1, params.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Every row of the result, mapped in order. */
    public <T> List<T> list(Connection connection, Map<String, ?> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement select = prepare(connection, params); ResultSet rows = select.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(mapper.map(rows));
            }
            return values;
        }
    }

    /** The first column of the only row, for {@code select count(*) ...}. */
    public long count(Connection connection, Map<String, ?> params) throws SQLException {
        try (PreparedStatement select = prepare(connection, params); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public String sql() {
        return sql;
    }
}
