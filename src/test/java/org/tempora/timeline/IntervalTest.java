package org.tempora.timeline;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void refusesEmptyInterval() {
        InvalidPlanException e = assertThrows(InvalidPlanException.class, () -> new Interval(0.2, 0.2));
        assertTrue(e.getMessage().contains("make the end larger"));
    }

    @Test
    void durationAndMiddle() {
        Interval iv = new Interval(-0.5, 0.25);
        assertEquals(0.75, iv.duration(), 1e-15);
        assertEquals(-0.125, iv.middle(), 1e-15);
    }
}
