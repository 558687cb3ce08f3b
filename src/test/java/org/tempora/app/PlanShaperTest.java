package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;
import org.tempora.timeline.PlanLimits;
import org.tempora.timeline.SliderSettings;

class PlanShaperTest {
    private static final double EPS = 1e-12;

    private static SliderSettings sliders(int n, double duration, double start, double dead, double past, double future) {
        return new SliderSettings(n, duration, start, dead, past, future);
    }

    @Test void presentTilesTheExposureAndDerivesTheOtherSliders() {
        PlanShaper.Shaped s = PlanShaper.shape(PlanMode.PRESENT, sliders(4, 0.9, 1.0, 0.3, 0.5, 0.5), PlanLimits.CLASSICAL);
        assertEquals(FramePlans.present(4), s.plan());
        assertEquals(new Interval(-0.25, 0.0), s.plan().get(1));
        assertEquals(0.25, s.settings().frameDuration(), EPS);
        assertEquals(-0.5, s.settings().firstStart(), EPS);
        assertEquals(0.0, s.settings().deadTime(), EPS);
        assertEquals("", s.problem());
    }

    @Test void pastPresentFutureDefaultsAreTheTrainedLayout() {
        PlanShaper.Shaped s = PlanShaper.shape(PlanMode.PAST_PRESENT_FUTURE, sliders(16, 0.1, 0, 0, 0.5, 0.5), PlanLimits.CLASSICAL);
        assertEquals(FramePlans.pastPresentFuture(), s.plan());
        assertEquals(0.125, s.settings().frameDuration(), EPS);
        assertEquals(-1.0, s.settings().firstStart(), EPS);
        assertEquals(0.5, s.settings().pastSpan(), EPS);
    }

    @Test void customPlacesFramesWithDeadTime() {
        FramePlan plan = PlanShaper.shape(PlanMode.CUSTOM, sliders(3, 0.2, -0.5, 0.1, 0, 0), PlanLimits.CLASSICAL).plan();
        assertEquals(3, plan.size());
        assertEquals(-0.5, plan.get(0).start(), EPS);
        assertEquals(-0.2, plan.get(1).start(), EPS);
        assertEquals(0.0, plan.get(1).end(), EPS);
        assertEquals(0.3, plan.get(2).end(), EPS);
    }

    @Test void customPastTheFutureSpanExplainsWhatToChange() {
        SliderSettings given = sliders(4, 0.5, -0.5, 0, 0, 0);
        PlanShaper.Shaped s = PlanShaper.shape(PlanMode.CUSTOM, given, PlanLimits.CLASSICAL);
        assertNull(s.plan());
        assertFalse(s.valid());
        assertTrue(s.problem().startsWith("The last frame ends at 1.5"), s.problem());
        assertEquals(given, s.settings(), "invalid custom values stay as the user set them");
    }

    @Test void spansBeyondTheEngineLimitAreRefusedWithTheEngineNamed() {
        PlanShaper.Shaped s = PlanShaper.shape(PlanMode.PAST_PRESENT_FUTURE, sliders(8, 0.1, 0, 0, 2.5, 0.5), PlanLimits.CLASSICAL);
        assertNull(s.plan());
        assertTrue(s.problem().contains("the classical engine"), s.problem());
        assertEquals(-3.0, s.settings().firstStart(), EPS, "derived sliders still follow the spans");
    }

    @Test void freeSlidersPerMode() {
        assertTrue(PlanField.FRAME_COUNT.isFreeIn(PlanMode.PRESENT));
        assertFalse(PlanField.PAST_SPAN.isFreeIn(PlanMode.PRESENT));
        assertTrue(PlanField.PAST_SPAN.isFreeIn(PlanMode.PAST_PRESENT_FUTURE));
        assertFalse(PlanField.DEAD_TIME.isFreeIn(PlanMode.PAST_PRESENT_FUTURE));
        for (PlanField f : PlanField.values()) assertTrue(f.isFreeIn(PlanMode.CUSTOM));
    }
}
