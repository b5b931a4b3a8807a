package org.estatehub.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades (README "Upgrades without downtime"): every migration added since the last release
 * (upgrade/last-release, a commit of this repository's history) must be safe to run while replicas of
 * that release still serve, by {@link MigrationRules}, unless a reviewed line in
 * upgrade/allowed-migration-statements.txt allows the statement; and no released migration may change
 * (Flyway would refuse to start on a changed checksum, and old replicas run the released ones).
 * Needs git and the release commit in the history (CI clones with full history).
 */
@FastTest
class MigrationCompatibilityTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path LAST_RELEASE = Path.of("upgrade/last-release");
    static final Path ALLOWED = Path.of("upgrade/allowed-migration-statements.txt");

    static String lastRelease() throws IOException {
        return Files.readAllLines(LAST_RELEASE).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElseThrow().split("\\s+")[0];
    }

    static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    static Set<String> releasedMigrations() throws IOException, InterruptedException {
        return git("ls-tree", "--name-only", lastRelease() + ":" + MIGRATIONS.toString().replace('\\', '/')).lines()
                .map(String::trim).filter(n -> n.endsWith(".sql")).collect(Collectors.toSet());
    }

    static Set<String> allowed() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(ALLOWED)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            assertTrue(parts.length == 3 && parts[1].matches("[0-9a-f]{12}"),
                    "each allowed line is: <file> <12 hex digits> <why it is safe>; got: " + l);
            keys.add(parts[0] + " " + parts[1]);
        }
        return keys;
    }

    @Test
    void theLastReleaseIsACommitOfThisHistory() throws Exception {
        String commit = lastRelease();
        assertTrue(commit.matches("[0-9a-f]{7,40}"), "upgrade/last-release names a commit: " + commit);
        assertEquals("commit", git("cat-file", "-t", commit).trim());
        assertFalse(releasedMigrations().isEmpty(), "the release has migrations");
    }

    @Test
    void releasedMigrationsAreUnchanged() throws Exception {
        String changed = git("diff", "--name-only", lastRelease(), "--", MIGRATIONS.toString()).lines()
                .map(l -> Path.of(l).getFileName().toString())
                .filter(releasedMigrations()::contains).collect(Collectors.joining(", "));
        assertEquals("", changed, "migrations of the last release changed or deleted (add a new migration instead)");
    }

    @Test
    void newMigrationsAreSafeUnderTheLastRelease() throws Exception {
        Set<String> released = releasedMigrations();
        Set<String> allowed = allowed();
        List<MigrationRules.Finding> findings = new ArrayList<>();
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".sql") || released.contains(name)) {
                    continue;
                }
                for (MigrationRules.Finding f : MigrationRules.check(name, Files.readString(file))) {
                    if (allowed.contains(f.allowKey())) {
                        used.add(f.allowKey());
                    } else {
                        findings.add(f);
                    }
                }
            }
        }
        assertTrue(findings.isEmpty(), "statements in migrations newer than the last release (" + lastRelease()
                + ") that an old replica may not survive (README \"Upgrades without downtime\"):\n"
                + findings.stream().map(Object::toString).collect(Collectors.joining("\n")));
        Set<String> stale = new HashSet<>(allowed);
        stale.removeAll(used);
        // Entries for migrations that are now released are history; only an entry naming a new migration
        // that matches nothing is a mistake (a statement changed after its review).
        stale.removeIf(k -> released.contains(k.split(" ")[0]));
        assertEquals(Set.of(), stale, "allowed lines that match no statement of a new migration");
    }

    /**
     * This release, once it is the previous one, must start on a schema the next release migrated (a pod
     * restarting mid-rollout, a rollback): Flyway must ignore migrations newer than it knows.
     */
    @Test
    void thisReleaseStartsOnANewerSchema() throws IOException {
        assertTrue(Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .anyMatch(l -> l.trim().equals("quarkus.flyway.ignore-migration-patterns=*:future")),
                "application.properties sets quarkus.flyway.ignore-migration-patterns=*:future");
    }

    // ---- the rules themselves: each kind of statement, safe and not

    static boolean safe(String sql) {
        return MigrationRules.check("V1__t.sql", sql).isEmpty();
    }

    @Test
    void additiveChangesAreSafe() {
        assertTrue(safe("create table t (id uuid primary key, name text not null); create index t_name on t (name);"
                + " alter table t add constraint t_name_len check (length(name) > 0)"));
        assertTrue(safe("alter table asset add column note text"));
        assertTrue(safe("alter table asset add column kind varchar(10) not null default 'A' check (kind in ('A', 'B'))"));
        assertTrue(safe("alter table occupation add column project_id uuid references project (id)"));
        assertTrue(safe("alter table asset alter column note set default 'x', alter column name drop not null"));
        assertTrue(safe("alter type asset_kind add value 'DEPOT'"));
        assertTrue(safe("create or replace function f() returns int language sql as $$ select 1; drop table x; $$"));
        assertTrue(safe("insert into programme (code) values ('X') on conflict do nothing; update asset set note = 'a;b'"));
        assertTrue(safe("-- drop table asset;\n/* alter table asset drop column name; */ comment on table asset is 'drop'"));
        assertTrue(safe("create extension if not exists postgis"));
    }

    @Test
    void changesAnOldReplicaCannotSurviveAreFound() {
        assertFalse(safe("drop table asset"));
        assertFalse(safe("alter table asset drop column name"));
        assertFalse(safe("alter table asset rename column name to title"));
        assertFalse(safe("alter table asset rename to assets"));
        assertFalse(safe("alter table asset add column kind text not null"));
        assertFalse(safe("alter table asset add column ref text unique"));
        assertFalse(safe("alter table asset alter column name set not null"));
        assertFalse(safe("alter table asset alter column name type varchar(10)"));
        assertFalse(safe("alter table asset alter column name drop default"));
        assertFalse(safe("alter table asset add constraint asset_name check (length(name) > 1)"));
        assertFalse(safe("alter table asset drop constraint asset_pkey"));
        assertFalse(safe("alter table asset add column note text, drop column name"));
        assertFalse(safe("create index asset_note on asset (note)"));
        assertFalse(safe("create index concurrently asset_note on asset (note)"));
        assertFalse(safe("create unique index asset_ref on asset (ref)"));
        assertFalse(safe("do $$ begin perform 1; end $$"));
        assertFalse(safe("truncate asset"));
        assertFalse(safe("lock table asset in exclusive mode"));
        assertFalse(safe("alter type asset_kind rename value 'A' to 'B'"));
        assertFalse(safe("cluster asset using asset_pkey"));
        assertFalse(safe("refresh materialized view v"));
    }

    @Test
    void statementsAreSplitOutsideQuotesAndBodies() {
        List<String> s = MigrationRules.statements(
                "select 'a;b'; create function f() returns int as $body$ select 1; $body$ language sql; -- x;\nselect \"c;d\"");
        assertEquals(3, s.size(), s.toString());
        assertEquals("select 'a;b'", s.get(0));
    }

    @Test
    void anAllowedStatementIsKeyedByItsText() {
        MigrationRules.Finding f = MigrationRules.check("V50__x.sql", "drop table x").get(0);
        assertEquals("V50__x.sql " + MigrationRules.digest("drop table x"), f.allowKey());
        assertTrue(f.toString().contains("to allow after review, add: V50__x.sql "), f.toString());
    }
}
