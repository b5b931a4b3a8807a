package org.estatehub.upgrade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which migration statements are safe to run while replicas of the previous release still serve on the
 * same database (a rolling upgrade, README "Upgrades without downtime"). Parser-light on purpose: SQL is
 * split into statements (comments, quoted strings and dollar-quoted bodies respected) and each statement
 * is matched against the kinds known to be safe. Anything else is reported, with the reason, and passes
 * only once a reviewed line for it is in upgrade/allowed-migration-statements.txt.
 * <p>
 * Safe: new tables (and anything done to a table created in the same migration), new columns that are
 * nullable or have a default, column defaults, relaxing NOT NULL, new enum values, functions, views,
 * triggers, sequences, types, extensions, comments, grants, data changes (INSERT/UPDATE/DELETE, SELECT).
 * Not safe for an old replica: drops, renames, type changes, NOT NULL without default, new or changed
 * constraints (its writes may break them), unique columns, indexes on existing tables (the build locks the
 * table's writes), DO blocks (cannot be checked), locks and truncation, and any statement not listed.
 */
final class MigrationRules {

    private MigrationRules() {
    }

    /** A statement that is not known to be safe, with why. */
    record Finding(String file, int index, String statement, String reason) {

        /** The line that allows it in upgrade/allowed-migration-statements.txt (plus a reason after it). */
        String allowKey() {
            return file + " " + digest(statement);
        }

        @Override
        public String toString() {
            String shown = statement.length() > 160 ? statement.substring(0, 160) + "..." : statement;
            return file + " statement " + index + ": " + reason + "\n    " + shown + "\n    to allow after review, add: "
                    + allowKey() + " <why it is safe>";
        }
    }

    /** The statements of a migration, without comments, whitespace collapsed, lower case outside quotes kept as is. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                current.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                current.append(sql, i, Math.min(j + 1, n));
                i = j + 1;
            } else if (c == '$') {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, n);
                if (tag.lookingAt()) {
                    String t = tag.group();
                    int end = sql.indexOf(t, i + t.length());
                    int stop = end < 0 ? n : end + t.length();
                    current.append(sql, i, stop);
                    i = stop;
                } else {
                    current.append(c);
                    i++;
                }
            } else if (c == ';') {
                add(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_]*\\$");

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().replaceAll("\\s+", " ").trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    /** Every statement of one migration file that is not known to be safe. */
    static List<Finding> check(String file, String sql) {
        List<String> statements = statements(sql);
        Set<String> created = new java.util.HashSet<>();
        for (String s : statements) {
            Matcher m = CREATE_TABLE.matcher(lower(s));
            if (m.lookingAt()) {
                created.add(unqualified(m.group(1)));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String s = statements.get(i);
            Optional<String> why = violation(s, created);
            if (why.isPresent()) {
                findings.add(new Finding(file, i + 1, s, why.get()));
            }
        }
        return findings;
    }

    private static final String NAME = "((?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile("create (?:unlogged )?table (?:if not exists )?" + NAME);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "create (unique )?index (concurrently )?(?:if not exists )?(?:" + NAME + " )?on (?:only )?" + NAME);
    private static final Pattern ALTER_TABLE = Pattern.compile("alter table (?:if exists )?(?:only )?" + NAME + " (.*)");
    private static final Pattern SAFE_START = Pattern.compile("(?:create (?:or replace )?(?:function|procedure|view|trigger"
            + "|constraint trigger)|create (?:temporary |temp )?sequence|create type|create extension|create schema if not exists"
            + "|create (?:unlogged )?table|comment on|grant|insert into|update|delete from|select|with|set|alter type \\S+ add value"
            + "|alter sequence|create aggregate)\\b.*");

    static Optional<String> violation(String statement, Set<String> createdHere) {
        String s = lower(statement);
        Matcher index = CREATE_INDEX.matcher(s);
        if (index.lookingAt()) {
            if (createdHere.contains(unqualified(index.group(4)))) {
                return Optional.empty();
            }
            if (index.group(1) != null) {
                return Optional.of("a unique index on an existing table is a new constraint: an old replica's writes may break it");
            }
            return Optional.of("an index on an existing table: building it locks the table's writes (old replicas' writes wait)"
                    + " for as long as the build takes; check the table's size, or build it CONCURRENTLY in a migration of its own"
                    + " and drill it with bench/upgrade.sh");
        }
        Matcher alter = ALTER_TABLE.matcher(s);
        if (alter.lookingAt()) {
            if (createdHere.contains(unqualified(alter.group(1)))) {
                return Optional.empty();
            }
            for (String action : topLevelCommaSplit(alter.group(2))) {
                Optional<String> why = alterAction(action.trim());
                if (why.isPresent()) {
                    return why;
                }
            }
            return Optional.empty();
        }
        if (s.startsWith("drop ")) {
            return Optional.of("a drop: the previous release still reads or writes what is dropped (drop it one release later)");
        }
        if (s.startsWith("do ")) {
            return Optional.of("a DO block cannot be checked statement by statement");
        }
        if (s.matches("alter type \\S+ add value .*")) {
            return Optional.empty();
        }
        if (s.matches("(?:alter (?:table|type|index|view|function|sequence) .* rename|alter type).*")) {
            return Optional.of("a rename or type change: the previous release uses the old name or type");
        }
        if (s.startsWith("lock ") || s.startsWith("truncate") || s.startsWith("cluster") || s.startsWith("vacuum full")
                || s.startsWith("reindex")) {
            return Optional.of("locks a table or removes its rows under the serving replicas");
        }
        if (SAFE_START.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of("not a kind of statement known to be safe under an old replica");
    }

    private static Optional<String> alterAction(String a) {
        if (a.startsWith("add constraint") || a.matches("add (?:check|unique|primary key|foreign key|exclude)\\b.*")
                || a.startsWith("validate constraint") || a.startsWith("drop constraint")) {
            return Optional.of("a new or changed constraint: the previous release's writes may break it");
        }
        if (a.startsWith("add ")) {
            String column = a.replaceFirst("^add (?:column )?(?:if not exists )?", "");
            if (column.contains(" not null") && !column.contains(" default ")) {
                return Optional.of("a NOT NULL column without a default: the previous release's inserts do not set it and fail");
            }
            if (column.matches(".*\\b(?:unique|primary key)\\b.*")) {
                return Optional.of("a unique new column: the existing rows (and the previous release's inserts) share its value");
            }
            return Optional.empty();
        }
        if (a.startsWith("drop ")) {
            return Optional.of("a dropped column: the previous release still reads and writes it (drop it one release later)");
        }
        if (a.startsWith("rename ")) {
            return Optional.of("a rename: the previous release uses the old name");
        }
        if (a.matches("alter (?:column )?\\S+ set default .*") || a.matches("alter (?:column )?\\S+ drop not null")
                || a.matches("alter (?:column )?\\S+ set statistics .*")) {
            return Optional.empty();
        }
        if (a.matches("alter (?:column )?\\S+ set not null")) {
            return Optional.of("SET NOT NULL: the previous release may still write NULL there");
        }
        if (a.matches("alter (?:column )?\\S+ (?:set data )?type .*")) {
            return Optional.of("a column type change rewrites the table under lock and may not fit the previous release");
        }
        if (a.matches("alter (?:column )?\\S+ drop default")) {
            return Optional.of("DROP DEFAULT: the previous release's inserts may rely on the default");
        }
        return Optional.of("an ALTER TABLE action not known to be safe under an old replica");
    }

    private static List<String> topLevelCommaSplit(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String unqualified(String name) {
        String n = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return n.replace("\"", "");
    }

    static String digest(String statement) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
