package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.Trajectory;
import org.tempora.engine.Trajectory.Sample;

class BlurTraceTest {
    @Test void stepsArePlacedAtTheAnchorAndColouredByTime() {
        Trajectory path = new Trajectory(List.of(new Sample(-0.9, -4, 1, 0.4), new Sample(-0.3, -1, 0), new Sample(0.3, 2, -1),
                new Sample(0.9, 5, -3, 0.5)));
        List<BlurTrace.Segment> s = BlurTrace.segments(path, 100, 75);
        assertEquals(List.of(
                new BlurTrace.Segment(96, 76, 99, 75, TimelineScale.Era.PAST, 0.7),      // middle t = -0.6; confidence (0.4 + 1) / 2
                new BlurTrace.Segment(99, 75, 102, 74, TimelineScale.Era.PRESENT, 1),    // middle t = 0
                new BlurTrace.Segment(102, 74, 105, 72, TimelineScale.Era.FUTURE, 0.75)), // middle t = 0.6
                s);
    }

    @Test void theExposureEndsBelongToThePresent() {
        assertEquals(TimelineScale.Era.PRESENT, BlurTrace.era(-0.5));
        assertEquals(TimelineScale.Era.PRESENT, BlurTrace.era(0.5));
        assertEquals(TimelineScale.Era.PAST, BlurTrace.era(-0.5000001));
        assertEquals(TimelineScale.Era.FUTURE, BlurTrace.era(0.5000001));
    }

    @Test void tracePointsLandWhereTheViewShowsThatPhotoPixel() {
        // The overlay maps photo pixels through the shared view transform: at 2x, offset (10, 20), photo (99, 75) is view (208, 170).
        ViewTransform t = new ViewTransform(2, 10, 20);
        BlurTrace.Segment first = BlurTrace.segments(new Trajectory(List.of(new Sample(0, -1, 0), new Sample(0.1, 1, 0))), 100, 75).get(0);
        assertEquals(208, t.viewX(first.x0()), 1e-12);
        assertEquals(170, t.viewY(first.y0()), 1e-12);
        assertEquals(212, t.viewX(first.x1()), 1e-12);
    }

    @Test void aSingleSampleHasNoSteps() {
        assertEquals(List.of(), BlurTrace.segments(new Trajectory(List.of(new Sample(0, 0, 0))), 5, 5));
    }
}
