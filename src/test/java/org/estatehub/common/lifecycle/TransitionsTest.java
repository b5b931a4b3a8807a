package org.estatehub.common.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.estatehub.common.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TransitionsTest {

    enum Light {
        RED, AMBER, GREEN
    }

    @Test
    void everyStatusNeedsARowAndOnlyOne() {
        var missing = Transitions.of("light", Light.class).from(Light.RED, Light.GREEN).from(Light.GREEN);
        assertEquals("AMBER has no row in the light transitions",
                assertThrows(IllegalStateException.class, missing::build).getMessage());
        var twice = Transitions.of("light", Light.class).from(Light.RED, Light.GREEN);
        assertThrows(IllegalStateException.class, () -> twice.from(Light.RED, Light.AMBER));
    }

    @Test
    void aRefusedChangeIsTheOneConflictShape() {
        Transitions<Light> lights = Transitions.of("light", Light.class)
                .from(Light.RED, Light.GREEN).from(Light.GREEN, Light.AMBER).from(Light.AMBER, Light.RED).build();
        ProblemException e = assertThrows(ProblemException.class, () -> lights.require(Light.RED, Light.AMBER));
        assertEquals(409, e.status());
        assertEquals("conflict", e.type());
        assertEquals("Conflict", e.title());
        assertEquals("A light that is RED cannot become AMBER; allowed from RED: [GREEN].", e.getMessage());

        Transitions<Light> stuck = Transitions.of("order", Light.class)
                .from(Light.RED).from(Light.GREEN).from(Light.AMBER).build();
        assertEquals("An order that is RED cannot become GREEN; allowed from RED: none.",
                stuck.refused(Light.RED, Light.GREEN).getMessage());
    }

    @Test
    void nextIsACopy() {
        Transitions<Light> lights = Transitions.of("light", Light.class)
                .from(Light.RED, Light.GREEN).from(Light.GREEN).from(Light.AMBER).build();
        lights.next(Light.RED).add(Light.AMBER);
        assertEquals(false, lights.allows(Light.RED, Light.AMBER));
    }
}
