package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;

class TimelineScaleTest {
    @Test void exposureAloneGetsAFivePercentMargin() {
        TimelineScale s = TimelineScale.fitting(null, 110);
        assertEquals(-0.55, s.start(), 1e-12);
        assertEquals(0.55, s.end(), 1e-12);
        assertEquals(5.0, s.x(-0.5), 1e-9);   // (0.05 / 1.1) * 110
        assertEquals(105.0, s.x(0.5), 1e-9);
        assertEquals(0.123, s.time(s.x(0.123)), 1e-12);
    }

    @Test void scaleCoversEveryFrame() {
        TimelineScale s = TimelineScale.fitting(FramePlans.pastPresentFuture(), 220);
        assertEquals(-1.1, s.start(), 1e-12); // span [-1, 1] padded by 5% of 2
        assertEquals(1.1, s.end(), 1e-12);
    }

    @Test void erasFollowTheFramesMiddle() {
        FramePlan ppf = FramePlans.pastPresentFuture();
        assertEquals(TimelineScale.Era.PAST, TimelineScale.era(ppf.get(3)));
        assertEquals(TimelineScale.Era.PRESENT, TimelineScale.era(ppf.get(4)));
        assertEquals(TimelineScale.Era.PRESENT, TimelineScale.era(ppf.get(11)));
        assertEquals(TimelineScale.Era.FUTURE, TimelineScale.era(ppf.get(12)));
        assertEquals(TimelineScale.Era.PRESENT, TimelineScale.era(new Interval(-0.7, -0.2)), "middle -0.45 is inside the exposure");
    }

    @Test void playheadPicksTheFrameUnderItOrTheNearest() {
        FramePlan four = FramePlans.present(4);
        assertEquals(0, TimelineScale.frameAt(four, -0.3));
        assertEquals(1, TimelineScale.frameAt(four, -0.25), "a shared boundary belongs to the later frame");
        assertEquals(3, TimelineScale.frameAt(four, 0.9));
        assertEquals(0, TimelineScale.frameAt(four, -2));
        FramePlan gaps = FramePlan.of(new Interval(-0.5, -0.4), new Interval(0.0, 0.1));
        assertEquals(0, TimelineScale.frameAt(gaps, -0.25)); // middles -0.45 and 0.05: 0.20 vs 0.30
        assertEquals(1, TimelineScale.frameAt(gaps, -0.15)); // 0.30 vs 0.20
    }
}
