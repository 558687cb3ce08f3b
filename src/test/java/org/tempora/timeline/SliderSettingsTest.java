package org.tempora.timeline;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SliderSettingsTest {
    @Test
    void framesFollowStartDurationAndDeadTime() {
        FramePlan plan = new SliderSettings(3, 0.25, -0.5, 0.125, 0, 0.5).toPlan();
        assertEquals(new Interval(-0.5, -0.25), plan.get(0));
        assertEquals(new Interval(-0.125, 0.125), plan.get(1));
        assertEquals(new Interval(0.25, 0.5), plan.get(2));
    }

    @Test
    void presetsRoundTripExactly() {
        assertEquals(FramePlans.present(16), SliderSettings.present().toPlan());
        assertEquals(FramePlans.pastPresentFuture(), SliderSettings.pastPresentFuture().toPlan());
        assertEquals(new SliderSettings(16, 0.125, -1.0, 0.0, 0.5, 0.5), SliderSettings.pastPresentFuture());
        assertEquals(new SliderSettings(16, 0.0625, -0.5, 0.0, 0.0, 0.0), SliderSettings.present());
    }

    @Test
    void unevenPlansCannotBecomeSliders() {
        FramePlan uneven = FramePlan.of(new Interval(-0.5, -0.4), new Interval(-0.4, 0.5));
        assertTrue(assertThrows(InvalidPlanException.class, () -> SliderSettings.fromPlan(uneven))
                .getMessage().contains("edit the intervals directly"));
    }

    @Test
    void tooLongRunSaysWhichSpanToRaiseOrHowMuchToShorten() {
        // 4 frames of 0.35 from -0.5: the last ends at 0.9; the future span 0.25 allows 0.75.
        SliderSettings s = new SliderSettings(4, 0.35, -0.5, 0.0, 0.0, 0.25);
        assertEquals(0.9, s.lastEnd(), 1e-12);
        String msg = assertThrows(InvalidPlanException.class, s::toPlan).getMessage();
        assertTrue(msg.contains("the last frame ends at 0.9 but the future span allows 0.75"), msg);
        assertTrue(msg.contains("raise the future span to at least 0.4"), msg);
        assertTrue(msg.contains("shorten the frames to at most 0.3125"), msg);
        // Following either suggestion works.
        new SliderSettings(4, 0.35, -0.5, 0.0, 0.0, 0.4).toPlan();
        new SliderSettings(4, 0.3125, -0.5, 0.0, 0.0, 0.25).toPlan();
    }

    @Test
    void earlyStartSaysHowMuchPastIsNeeded() {
        String msg = assertThrows(InvalidPlanException.class, () -> new SliderSettings(2, 0.25, -1.2, 0, 0.5, 0).toPlan()).getMessage();
        assertTrue(msg.contains("the first frame starts at -1.2 but the past span allows -1"), msg);
        assertTrue(msg.contains("raise the past span to at least 0.7"), msg);
    }

    @Test
    void overlapNeedsPermission() {
        SliderSettings s = new SliderSettings(3, 0.25, -0.5, -0.05, 0, 0);
        assertTrue(assertThrows(InvalidPlanException.class, s::toPlan).getMessage().contains("allow overlapping frames"));
        FramePlan plan = s.toPlan(true);
        assertTrue(plan.hasOverlap());
        assertEquals(0.2, plan.get(1).start() - plan.get(0).start(), 1e-12);
        SliderSettings stuck = new SliderSettings(3, 0.25, -0.5, -0.25, 0, 0);
        assertTrue(assertThrows(InvalidPlanException.class, () -> stuck.toPlan(true)).getMessage().contains("raise the dead time above -0.25"));
    }

    @Test
    void nonsenseValuesAreRefused() {
        assertTrue(assertThrows(InvalidPlanException.class, () -> new SliderSettings(0, 0.1, -0.5, 0, 0, 0).toPlan())
                .getMessage().contains("at least one frame"));
        assertTrue(assertThrows(InvalidPlanException.class, () -> new SliderSettings(2, 0, -0.5, 0, 0, 0).toPlan())
                .getMessage().contains("longer than 0"));
        assertTrue(assertThrows(InvalidPlanException.class, () -> new SliderSettings(2, 0.1, -0.5, 0, -1, 0).toPlan())
                .getMessage().contains("0 or more"));
    }
}
