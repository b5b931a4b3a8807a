package org.estatehub.common.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The WHERE clause of a filtered list: conditions joined by {@code and}, each with the {@code :name}
 * parameters it binds, for {@link NamedSql}.
 *
 * <pre>
 * Where where = new Where();
 * if (status != null) {
 *     where.and("b.status = :status", "status", status.toString());
 * }
 * // "from bid b where b.status = :status", or "from bid b " when no status was asked for
 * String from = "from bid b " + where.sql();
 * </pre>
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** A condition that binds no parameter (or only ones bound with {@link #param}). */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition and the value of the one parameter it binds (which it may use more than once). */
    public Where and(String condition, String name, Object value) {
        param(name, value);
        return and(condition);
    }

    /**
     * Binds {@code :name}; binding a name again to another value is a bug, as two conditions would then
     * silently disagree on what it means.
     */
    public Where param(String name, Object value) {
        if (params.containsKey(name) && !Objects.equals(params.get(name), value)) {
            throw new IllegalArgumentException(":" + name + " is already bound to another value");
        }
        params.put(name, value);
        return this;
    }

    /**
     * {@code where a}, {@code where (a) and (b)}, or the empty string when nothing is filtered. Several
     * conditions are each parenthesised, so a condition with its own {@code or} cannot swallow the others.
     */
    public String sql() {
        if (conditions.isEmpty()) {
            return "";
        }
        if (conditions.size() == 1) {
            return "where " + conditions.get(0);
        }
        return "where (" + String.join(") and (", conditions) + ")";
    }

    /** The parameters the conditions bind, read-only. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public String toString() {
        return sql();
    }
}
