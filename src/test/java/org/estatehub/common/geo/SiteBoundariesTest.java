package org.estatehub.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** SiteBoundaries without the stack: what a body means, the canonical text, and the EWKB reader. */
@FastTest
class SiteBoundariesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void absentKeepsNullClearsAGeometryReplaces() throws Exception {
        assertInstanceOf(SiteBoundaries.Keep.class, SiteBoundaries.read(null, "boundary", 10));
        assertInstanceOf(SiteBoundaries.Clear.class, SiteBoundaries.read(NullNode.getInstance(), "boundary", 10));
        var replace = (SiteBoundaries.Replace) SiteBoundaries.read(json("""
                {"type":"Polygon","coordinates":[[[0.52,51.27],[0.53,51.27],[0.53,51.28],[0.52,51.27]]]}"""),
                "boundary", 10);
        assertEquals("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0.52,51.27],[0.53,51.27],[0.53,51.28],[0.52,51.27]]]]}",
                replace.geoJson());
    }

    @Test
    void positionsAreRoundedToSevenDecimalsWithoutTrailingZerosOrExponents() throws Exception {
        String text = SiteBoundaries.parse(json("""
                {"type":"MultiPolygon","coordinates":[[[[0.00000001,51.123456789],[1,51],[1.0,51.5],[0.00000001,51.123456789]]]]}"""),
                "boundary", 10);
        assertEquals("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,51.1234568],[1,51],[1,51.5],[0,51.1234568]]]]}", text);
    }

    @Test
    void problemsNameThePosition() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> SiteBoundaries.parse(json("""
                {"type":"Polygon","coordinates":[[[0.52,51.27],[0.53,51.27],[0.53,"x"],[0.52,51.27]],[[0.52,51.27]]]}"""),
                "boundary", 100));
        List<String> fields = e.errors().stream().map(f -> f.getField()).toList();
        assertEquals(List.of("boundary.coordinates[0][2]", "boundary.coordinates[1]"), fields);
    }

    @Test
    void theVertexLimitIsCheckedFirst() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> SiteBoundaries.parse(json("""
                {"type":"Polygon","coordinates":[[[0.52,51.27],[0.53,51.27],[0.53,51.28],[0.52,51.27]]]}"""), "", 3));
        assertEquals(List.of("coordinates"), e.errors().stream().map(f -> f.getField()).toList());
    }
}
