package org.estatehub.common.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parameter scanner, as PostgreSQL's lexer would read each text. */
@Tag("fast")
class NamedSqlTest {

    private static void parses(String named, String sql, String... names) {
        NamedSql parsed = NamedSql.of(named);
        assertEquals(sql, parsed.sql());
        assertEquals(List.of(names), parsed.names());
    }

    private static String refused(String named) {
        return assertThrows(IllegalArgumentException.class, () -> NamedSql.of(named)).getMessage();
    }

    @Test
    void namesBecomePlaceholdersInOrderWithRepeats() {
        parses("select * from t where a = :a and b = :b_2 or a = :a", "select * from t where a = ? and b = ? or a = ?",
                "a", "b_2", "a");
    }

    @Test
    void textWithoutParametersIsUnchanged() {
        parses("select 1", "select 1");
        parses("", "");
    }

    @Test
    void parameterAtTheVeryEndAndNextToPunctuation() {
        parses("limit :limit", "limit ?", "limit");
        parses("(:x,:y)", "(?,?)", "x", "y");
        parses("a=:x;", "a=?;", "x");
    }

    @Test
    void castsAreNotParameters() {
        parses("select :v::text, cast(:w as xid8), '{}'::jsonb", "select ?::text, cast(? as xid8), '{}'::jsonb", "v", "w");
        parses("select x::int", "select x::int");
    }

    @Test
    void aColonNotBeforeANameIsLeftAlone() {
        parses("select a[1:2], b := 1, : x", "select a[1:2], b := 1, : x");
        parses("select 1:", "select 1:");
    }

    @Test
    void lineCommentsAreSkipped() {
        parses("select 1 -- not :a, nor ? nor 'quote\nwhere b = :b", "select 1 -- not :a, nor ? nor 'quote\nwhere b = ?", "b");
        parses("select 1 -- :a to the end", "select 1 -- :a to the end");
    }

    @Test
    void blockCommentsNestAsInPostgres() {
        parses("/* :a /* :b */ :c */ where x = :d", "/* :a /* :b */ :c */ where x = ?", "d");
        parses("select /* it's -- all \"comment\" $$ */ :e", "select /* it's -- all \"comment\" $$ */ ?", "e");
        parses("select 1/2, 3*4 from t where a = :a", "select 1/2, 3*4 from t where a = ?", "a");
    }

    @Test
    void stringLiteralsWithDoubledQuotesAreSkipped() {
        parses("where a = 'it''s :not' and b = :b", "where a = 'it''s :not' and b = ?", "b");
        parses("where a = '' and b = :b", "where a = '' and b = ?", "b");
        // Standard-conforming strings: a backslash is an ordinary character, so the literal ends here.
        parses("where a = 'c:\\' and b = :b", "where a = 'c:\\' and b = ?", "b");
        parses("where a = 'q?' and b = '--' and c = '/*' and :c", "where a = 'q?' and b = '--' and c = '/*' and ?", "c");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        parses("where a = E'it\\'s :not' and b = :b", "where a = E'it\\'s :not' and b = ?", "b");
        parses("where a = e'\\\\' and b = :b", "where a = e'\\\\' and b = ?", "b");
        parses("where a = E'x''y :no' and b = :b", "where a = E'x''y :no' and b = ?", "b");
        // An identifier ending in e before a quote is not an E'' prefix: the backslash is ordinary.
        parses("select some'\\' , :b", "select some'\\' , ?", "b");
    }

    @Test
    void quotedIdentifiersAreSkipped() {
        parses("select \"a:b\", \"say \"\"hi\"\" :x\" from t where c = :c", "select \"a:b\", \"say \"\"hi\"\" :x\" from t where c = ?", "c");
    }

    @Test
    void dollarQuotedBodiesAreSkipped() {
        parses("do $$ begin x := :no; end $$; select :y", "do $$ begin x := :no; end $$; select ?", "y");
        parses("select $fn$ it's $$ :no $fn$ || :y", "select $fn$ it's $$ :no $fn$ || ?", "y");
        parses("select $_a1$ ? $_a1$", "select $_a1$ ? $_a1$");
    }

    @Test
    void dollarInsideAnIdentifierIsPartOfIt() {
        parses("select a$b, c$ from t where d = :d", "select a$b, c$ from t where d = ?", "d");
    }

    @Test
    void theRealQueriesOfThisServiceKeepTheirParameters() {
        String feed = "select e.id, cast(e.txid as text) from audit_event e"
                + " where (e.txid, e.id) > (cast(cast(:afterTx as text) as xid8), :afterId)"
                + " and case e.scope_type when 'ASSET' then (a.owner_partner_id = :callerPartner) else false end"
                + " and audit_diff(e.before_doc, e.after_doc) <> '{}'::jsonb order by e.txid, e.id limit :limit";
        NamedSql parsed = NamedSql.of(feed);
        assertEquals(List.of("afterTx", "afterId", "callerPartner", "limit"), parsed.names());
        assertTrue(parsed.sql().contains("cast(cast(? as text) as xid8), ?)"));
        assertTrue(parsed.sql().contains("'{}'::jsonb"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "where a = 'open", "where a = E'open\\'", "select \"open", "/* open", "/* /* */",
            "select $$ open", "select $t$ open $$", "select $t$ open $T$" })
    void unterminatedTextIsRefusedWithItsPosition(String named) {
        String message = refused(named);
        assertTrue(message.contains("unterminated"), message);
        assertTrue(message.contains("position"), message);
    }

    @Test
    void thePositionNamesLineAndColumn() {
        String message = refused("select 1\n  from t where a = 'x");
        assertTrue(message.contains("at position 28 (line 2, column 20)"), message);
    }

    @Test
    void positionalParametersAreRefused() {
        assertTrue(refused("where a = ?").contains("positional parameter '?'"));
        assertTrue(refused("where doc ? 'key'").contains("jsonb_exists"));
        assertTrue(refused("where a = $1").contains("positional parameter '$1"));
        assertTrue(refused("where a = $1").contains("position 10"));
    }

    @Test
    void psqlVariablesAreRefused() {
        assertTrue(refused("where a = :'name'").contains("psql variable"));
        assertTrue(refused("select :\"col\"").contains("psql variable"));
    }

    @Test
    void aStrayDollarIsRefused() {
        assertTrue(refused("select $ from t").contains("'$' that opens no $tag$ body"));
        assertTrue(refused("select 1 $").contains("position 9"));
    }

    @Test
    void aNameIsAsciiLettersDigitsAndUnderscore() {
        parses("where a = :x1_y2+1", "where a = ?+1", "x1_y2");
        parses("where a = :1", "where a = :1");
    }
}
