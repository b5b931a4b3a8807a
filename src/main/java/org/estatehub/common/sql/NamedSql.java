package org.estatehub.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement written with {@code :name} parameters, bound through plain JDBC. Read paths that only map
 * rows to an answer use it instead of Hibernate native queries: measured with bench/bench.sh, Hibernate's
 * lookup of a native query's result-set mapping alone took a quarter of the CPU of an asset search.
 * <p>
 * The text is read as PostgreSQL's lexer reads it, so that {@code :x} is a parameter only in SQL proper:
 * never inside {@code --} or (nested) {@code /* *}{@code /} comments, {@code '...'} strings (with
 * {@code ''}), {@code E'...'} strings (with backslash escapes), {@code "..."} identifiers or
 * {@code $$...$$} / {@code $tag$...$tag$} bodies; {@code ::} is a cast. What the driver would take for a
 * positional parameter ({@code ?}, {@code $1}), psql variables ({@code :'x'}, {@code :"x"}) and anything
 * left unterminated are refused with the position, rather than bound to the wrong value.
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

    /** Replaces each {@code :name} in SQL proper by {@code ?}; everything else is passed on unchanged. */
    public static NamedSql of(String namedSql) {
        return new Parser(namedSql).parse();
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

    /** The only row of the result, mapped; no row or more than one is a bug (IllegalStateException). */
    public <T> T one(Connection connection, Map<String, ?> params, RowMapper<T> mapper) throws SQLException {
        return optional(connection, params, mapper)
                .orElseThrow(() -> new IllegalStateException("No row, where one was expected, from " + sql));
    }

    /** The row of a result of at most one row, mapped; more than one is a bug (IllegalStateException). */
    public <T> Optional<T> optional(Connection connection, Map<String, ?> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, params); ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            T value = mapper.map(rows);
            if (rows.next()) {
                throw new IllegalStateException("More than one row, where at most one was expected, from " + sql);
            }
            return Optional.of(value);
        }
    }

    /** The first column of the only row, for {@code select count(*) ...}. */
    public long count(Connection connection, Map<String, ?> params) throws SQLException {
        return one(connection, params, row -> row.getLong(1));
    }

    /** The statement as sent to the driver, with {@code ?} for each parameter. */
    public String sql() {
        return sql;
    }

    /** The parameter names in the order of their {@code ?}, repeated where a name is used again. */
    public List<String> names() {
        return names;
    }

    /** One pass over the text; {@code i} is the next character to read. */
    private static final class Parser {

        private final String in;
        private final StringBuilder out;
        private final List<String> names = new ArrayList<>();
        private int i;

        Parser(String in) {
            this.in = in;
            this.out = new StringBuilder(in.length());
        }

        NamedSql parse() {
            while (i < in.length()) {
                char c = in.charAt(i);
                char next = i + 1 < in.length() ? in.charAt(i + 1) : 0;
                if (c == '-' && next == '-') {
                    lineComment();
                } else if (c == '/' && next == '*') {
                    blockComment();
                } else if (c == '\'') {
                    boolean escapes = i > 0 && (in.charAt(i - 1) == 'E' || in.charAt(i - 1) == 'e')
                            && (i < 2 || !identifierPart(in.charAt(i - 2)));
                    quoted('\'', escapes, escapes ? "E'' string" : "string literal");
                } else if (c == '"') {
                    quoted('"', false, "quoted identifier");
                } else if (c == '$') {
                    dollar();
                } else if (c == ':') {
                    colon(next);
                } else if (c == '?') {
                    throw refuse("positional parameter '?'; name it :name (for the jsonb ? operator, use"
                            + " jsonb_exists())", i);
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new NamedSql(out.toString(), List.copyOf(names));
        }

        private void lineComment() {
            int end = in.indexOf('\n', i);
            end = end < 0 ? in.length() : end;
            out.append(in, i, end);
            i = end;
        }

        /** PostgreSQL nests block comments: each {@code /*} needs its own close. */
        private void blockComment() {
            int start = i;
            int depth = 0;
            do {
                if (i + 1 >= in.length()) {
                    throw refuse("unterminated /* comment", start);
                }
                if (in.charAt(i) == '/' && in.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (in.charAt(i) == '*' && in.charAt(i + 1) == '/') {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            } while (depth > 0);
            out.append(in, start, i);
        }

        /** A quote doubled stands for itself; with {@code backslashes}, so does any character after a backslash. */
        private void quoted(char quote, boolean backslashes, String what) {
            int start = i;
            i++;
            while (true) {
                if (i >= in.length()) {
                    throw refuse("unterminated " + what, start);
                }
                char c = in.charAt(i);
                if (backslashes && c == '\\') {
                    i += 2;
                } else if (c == quote && i + 1 < in.length() && in.charAt(i + 1) == quote) {
                    i += 2;
                } else if (c == quote) {
                    i++;
                    break;
                } else {
                    i++;
                }
            }
            out.append(in, start, i);
        }

        private void dollar() {
            int start = i;
            if (i > 0 && identifierPart(in.charAt(i - 1))) {
                // `$` continues an identifier such as a$b, as in PostgreSQL's lexer.
                out.append('$');
                i++;
                return;
            }
            int end = i + 1;
            if (end < in.length() && Character.isDigit(in.charAt(end))) {
                throw refuse("positional parameter '$" + in.charAt(end) + "...'; name it :name", start);
            }
            while (end < in.length() && identifierPart(in.charAt(end)) && in.charAt(end) != '$') {
                end++;
            }
            if (end >= in.length() || in.charAt(end) != '$') {
                throw refuse("'$' that opens no $tag$ body", start);
            }
            String tag = in.substring(start, end + 1);
            int close = in.indexOf(tag, end + 1);
            if (close < 0) {
                throw refuse("unterminated " + tag + " body", start);
            }
            i = close + tag.length();
            out.append(in, start, i);
        }

        private void colon(char next) {
            if (next == ':') {
                out.append("::");
                i += 2;
            } else if (next == '\'' || next == '"') {
                throw refuse("psql variable :" + next + "...; bind values as :name", i);
            } else if (identifierStart(next)) {
                int end = i + 2;
                while (end < in.length() && identifierPart(in.charAt(end)) && in.charAt(end) != '$') {
                    end++;
                }
                names.add(in.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(':');
                i++;
            }
        }

        private static boolean identifierStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        /** As PostgreSQL: letters, digits, underscore and dollar continue an identifier. */
        private static boolean identifierPart(char c) {
            return identifierStart(c) || c >= '0' && c <= '9' || c == '$' || c > 127 && Character.isLetter(c);
        }

        private IllegalArgumentException refuse(String what, int at) {
            int line = 1;
            int column = 1;
            for (int k = 0; k < at; k++) {
                if (in.charAt(k) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new IllegalArgumentException("NamedSql cannot read " + what + " at position " + at + " (line "
                    + line + ", column " + column + ") of: " + in);
        }
    }
}
