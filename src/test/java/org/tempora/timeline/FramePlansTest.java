package org.tempora.timeline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramePlansTest {
    @Test
    void presentSixteenIsTheTrainedOneXLayout() {
        FramePlan plan = FramePlans.present(16);
        assertEquals(16, plan.size());
        for (int i = 0; i < 16; i++) {
            assertEquals(-0.5 + i * 0.0625, plan.get(i).start(), 0.0);
            assertEquals(-0.5 + (i + 1) * 0.0625, plan.get(i).end(), 0.0);
        }
        assertEquals(new Interval(-0.5, 0.5), plan.span());
        assertFalse(plan.hasOverlap());
    }

    @Test
    void presentOfThreeTilesTheExposureWithoutGaps() {
        FramePlan plan = FramePlans.present(3);
        assertEquals(-0.5, plan.get(0).start(), 0.0);
        assertEquals(plan.get(0).end(), plan.get(1).start(), 0.0);
        assertEquals(plan.get(1).end(), plan.get(2).start(), 0.0);
        assertEquals(0.5, plan.get(2).end(), 1e-15);
        assertEquals(1.0 / 3, plan.get(1).duration(), 1e-15);
    }

    @Test
    void pastPresentFutureIsTheTrainedTwoXLayout() {
        FramePlan plan = FramePlans.pastPresentFuture();
        assertEquals(16, plan.size());
        assertEquals(new Interval(-1.0, -0.875), plan.get(0));
        assertEquals(new Interval(-0.625, -0.5), plan.get(3));   // last frame before the exposure
        assertEquals(new Interval(-0.5, -0.375), plan.get(4));   // first frame inside it
        assertEquals(new Interval(0.375, 0.5), plan.get(11));    // last frame inside it
        assertEquals(new Interval(0.5, 0.625), plan.get(12));    // first frame after it
        assertEquals(new Interval(0.875, 1.0), plan.get(15));
    }

    @Test
    void generalPastPresentFutureReducesToTheTrainedLayout() {
        assertEquals(FramePlans.pastPresentFuture(), FramePlans.pastPresentFuture(16, 0.5, 0.5));
    }

    @Test
    void generalPastPresentFutureTilesTheAskedSpan() {
        FramePlan plan = FramePlans.pastPresentFuture(5, 0.25, 1.0);
        assertEquals(new Interval(-0.75, 1.5), plan.span());
        for (int i = 0; i < 5; i++) assertEquals(0.45, plan.get(i).duration(), 1e-15);
        for (int i = 1; i < 5; i++) assertEquals(plan.get(i - 1).end(), plan.get(i).start(), 0.0);
    }

    @Test
    void refusalsSayWhatToChange() {
        assertTrue(assertThrows(InvalidPlanException.class, () -> FramePlans.present(0)).getMessage().contains("at least one frame"));
        assertTrue(assertThrows(InvalidPlanException.class, () -> FramePlans.pastPresentFuture(8, -0.1, 0.5))
                .getMessage().contains("set it to 0 or more"));
        assertTrue(assertThrows(InvalidPlanException.class, () -> FramePlans.pastPresentFuture(8, 0.5, Double.NaN))
                .getMessage().contains("must be a number"));
    }

    @Test
    void fromIntervalsKeepsTheGivenFrames() {
        List<Interval> frames = List.of(new Interval(-0.5, -0.4), new Interval(-0.1, 0.0), new Interval(0.3, 0.5));
        FramePlan plan = FramePlans.fromIntervals(frames);
        assertEquals(frames, plan.intervals());
        assertThrows(InvalidPlanException.class, () -> FramePlans.fromIntervals(List.of()));
        assertThrows(InvalidPlanException.class, () -> FramePlans.fromIntervals(List.of(frames.get(2), frames.get(0))));
    }
}
