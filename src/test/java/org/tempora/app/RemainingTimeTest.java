package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RemainingTimeTest {
    private static final long SECOND = 1_000_000_000L;

    @Test void extrapolatesThePaceOfTheStage() {
        RemainingTime t = new RemainingTime();
        assertTrue(Double.isNaN(t.report("deconvolving", 1, 10, 0)), "one report gives no pace");
        assertEquals(14.0, t.report("deconvolving", 3, 10, 4 * SECOND), 1e-9); // 2 s per step, 7 steps left
        assertEquals(0.0, t.report("deconvolving", 10, 10, 18 * SECOND), 1e-9);
    }

    @Test void aNewStageOrJobStartsAFreshEstimate() {
        RemainingTime t = new RemainingTime();
        t.report("estimating blur", 1, 4, 0);
        t.report("estimating blur", 2, 4, 10 * SECOND);
        assertTrue(Double.isNaN(t.report("rendering", 1, 6, 11 * SECOND)));
        assertEquals(2.0, t.report("rendering", 5, 6, 19 * SECOND), 1e-9); // 8 s over 4 steps, 1 step left
        assertTrue(Double.isNaN(t.report("rendering", 1, 6, 20 * SECOND)), "counting from the start again: a new job");
        assertTrue(Double.isNaN(t.report("rendering", 3, 0, 21 * SECOND)), "unknown length");
    }

    @Test void describesSecondsAndMinutes() {
        assertEquals("", RemainingTime.describe(Double.NaN));
        assertEquals("less than a second left", RemainingTime.describe(0.4));
        assertEquals("about 13 s left", RemainingTime.describe(12.2));
        assertEquals("about 3 min left", RemainingTime.describe(170));
    }
}
