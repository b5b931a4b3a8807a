package org.estatehub.common.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class WhereTest {

    @Test
    void nothingFilteredRendersNothing() {
        Where where = new Where();
        assertEquals("", where.sql());
        assertEquals(Map.of(), where.params());
    }

    @Test
    void oneConditionRendersAsIs() {
        Where where = new Where().and("m.partner_id = :own", "own", "kent-cc");
        assertEquals("where m.partner_id = :own", where.sql());
        assertEquals(Map.of("own", "kent-cc"), where.params());
    }

    @Test
    void severalConditionsAreParenthesisedSoAnOrStaysInside() {
        Where where = new Where()
                .and("a.status = 'SIGNED' or a.status = 'ISSUED'")
                .and("a.partner_id = :p", "p", "dover");
        assertEquals("where (a.status = 'SIGNED' or a.status = 'ISSUED') and (a.partner_id = :p)", where.sql());
    }

    @Test
    void aNameUsedTwiceInOneConditionIsBoundOnce() {
        Where where = new Where().and("(x = :p or y = :p)", "p", "v");
        NamedSql sql = NamedSql.of("select 1 from t " + where.sql());
        assertEquals("select 1 from t where (x = ? or y = ?)", sql.sql());
        assertEquals(Map.of("p", "v"), where.params());
    }

    @Test
    void aNullValueIsBound() {
        Where where = new Where().and("a = :a", "a", null);
        Map<String, Object> expected = new HashMap<>();
        expected.put("a", null);
        assertEquals(expected, where.params());
    }

    @Test
    void rebindingANameToTheSameValueIsHarmlessButToAnotherIsRefused() {
        Where where = new Where().and("a = :v", "v", 1).and("b = :v", "v", 1);
        assertEquals(Map.of("v", 1), where.params());
        assertThrows(IllegalArgumentException.class, () -> where.and("c = :v", "v", 2));
    }

    @Test
    void paramsAreReadOnly() {
        Where where = new Where().and("a = :a", "a", 1);
        assertThrows(UnsupportedOperationException.class, () -> where.params().put("b", 2));
    }
}
