package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;
import org.tempora.timeline.SliderSettings;

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

    private static final TimelineScale.EdgeLimits LIMITS = new TimelineScale.EdgeLimits(0.01, 1.0, -1.0, 1.5, 1.0);

    private static TimelineScale.Edge end(int i) { return new TimelineScale.Edge(i, true); }
    private static TimelineScale.Edge start(int i) { return new TimelineScale.Edge(i, false); }

    @Test void findsTheEdgeUnderThePointerOnTheBarsSide() {
        TimelineScale s = new TimelineScale(-0.5, 0.5, 400); // 400 px per exposure: frames of present(4) are 100 px wide
        FramePlan four = FramePlans.present(4);
        assertEquals(start(0), s.edgeAt(four, 1, 5));
        assertEquals(end(0), s.edgeAt(four, 98, 5), "left of the shared edge at 100 px: the left bar's end");
        assertEquals(start(1), s.edgeAt(four, 103, 5), "right of it: the right bar's start");
        assertEquals(end(3), s.edgeAt(four, 400, 5));
        assertNull(s.edgeAt(four, 150, 5), "the middle of a bar is for scrubbing");
        FramePlan gaps = FramePlan.of(new Interval(-0.5, -0.25), new Interval(0.0, 0.25)); // edges at 0, 100, 200, 300 px
        assertEquals(end(0), s.edgeAt(gaps, 104, 5), "outside the bar, but the only edge in reach");
        assertNull(s.edgeAt(gaps, 150, 5));
    }

    @Test void draggingAnEndEdgeStretchesFramesFromTheFirstStart() {
        SliderSettings four = new SliderSettings(4, 0.25, -0.5, 0, 0.5, 0.5); // present(4)
        SliderSettings moved = TimelineScale.movedEdge(four, end(1), 0.1, LIMITS);
        assertEquals(0.3, moved.frameDuration(), 1e-12); // -0.5 + 2 d = 0.1
        assertEquals(-0.5, moved.firstStart(), 1e-12);
        assertEquals(0.1, moved.toPlan().get(1).end(), 1e-12);
        // Past the latest end: the last frame stops at 1.0, d = 1.5 / 4.
        assertEquals(0.375, TimelineScale.movedEdge(four, end(3), 2.0, LIMITS).frameDuration(), 1e-12);
        // Before its own start: the shortest frame.
        assertEquals(0.01, TimelineScale.movedEdge(four, end(0), -0.6, LIMITS).frameDuration(), 1e-12);
    }

    @Test void draggingAStartEdgeStretchesFramesFromTheLastEnd() {
        SliderSettings gapped = new SliderSettings(4, 0.2, -0.5, 0.05, 0.5, 0.5); // last end 0.45
        SliderSettings moved = TimelineScale.movedEdge(gapped, start(2), 0.1, LIMITS);
        assertEquals(0.15, moved.frameDuration(), 1e-12); // 0.45 - 0.05 - 2 d = 0.1
        assertEquals(-0.3, moved.firstStart(), 1e-12);    // 0.45 - 4 d - 3 g
        assertEquals(0.1, moved.toPlan().get(2).start(), 1e-12);
        assertEquals(0.45, moved.lastEnd(), 1e-12);
        // The first start cannot pass the earliest start -1.0: d = (0.45 + 1.0 - 0.15) / 4.
        SliderSettings far = TimelineScale.movedEdge(gapped, start(0), -3.0, LIMITS);
        assertEquals(0.325, far.frameDuration(), 1e-12);
        assertEquals(-1.0, far.firstStart(), 1e-12);
    }

    @Test void overlappingFramesKeepMovingForward() {
        SliderSettings overlap = new SliderSettings(3, 0.3, -0.5, -0.1, 0.5, 0.5);
        SliderSettings moved = TimelineScale.movedEdge(overlap, end(0), -0.45, LIMITS);
        assertEquals(0.11, moved.frameDuration(), 1e-12, "d + g stays at least the shortest frame");
        assertEquals(overlap, TimelineScale.movedEdge(overlap, end(2), 0.3,
                new TimelineScale.EdgeLimits(0.01, 1.0, -1.0, 1.5, -0.4)), "no valid duration: unchanged");
    }
}
