package org.tempora.timeline;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PlanLimitsTest {
    @Test
    void diffusionModelAcceptsBothTrainedLayouts() {
        FramePlan present = FramePlans.present(16);
        assertSame(present, PlanLimits.DIFFUSION.check(present));
        PlanLimits.DIFFUSION.check(FramePlans.pastPresentFuture());
        PlanLimits.DIFFUSION.check(FramePlans.present(1));
        PlanLimits.DIFFUSION.check(FramePlans.pastPresentFuture(2, 0.0, 1.0)); // the W = 1 training case: [-0.5,0.5], [0.5,1.5]
    }

    @Test
    void diffusionModelRefusesMoreThanSixteenFrames() {
        String msg = assertThrows(InvalidPlanException.class, () -> PlanLimits.DIFFUSION.check(FramePlans.present(17))).getMessage();
        assertTrue(msg.contains("the diffusion model generates at most 16 frames per run"), msg);
        assertTrue(msg.contains("ask for 16 or fewer"), msg);
    }

    @Test
    void diffusionModelRefusesUntrainedSpans() {
        String past = assertThrows(InvalidPlanException.class,
                () -> PlanLimits.DIFFUSION.check(FramePlans.pastPresentFuture(16, 1.0, 0.5))).getMessage();
        assertTrue(past.contains("start the first frame at -1 or later"), past);
        String future = assertThrows(InvalidPlanException.class,
                () -> PlanLimits.DIFFUSION.check(FramePlans.pastPresentFuture(16, 0.5, 1.25))).getMessage();
        assertTrue(future.contains("end the last frame at 1.5 or earlier"), future);
    }

    @Test
    void overlapIsRefusedOnlyWhereTheEngineCannotRenderIt() {
        FramePlan plan = FramePlan.of(new Interval(-0.5, 0.5), new Interval(-0.4, -0.3), new Interval(0.0, 0.1));
        String msg = assertThrows(InvalidPlanException.class, () -> PlanLimits.DIFFUSION.check(plan)).getMessage();
        assertTrue(msg.contains("cannot render overlapping frames, but frames 1 [-0.5000, 0.5000] and 2 [-0.4000, -0.3000] overlap"), msg);
        assertTrue(msg.endsWith("shorten the frames or add dead time between them"), msg);
        assertSame(plan, PlanLimits.CLASSICAL.check(plan));
        FramePlan gaps = FramePlan.of(new Interval(-0.5, -0.4), new Interval(-0.1, 0.0), new Interval(0.3, 0.5));
        PlanLimits.DIFFUSION.check(gaps);
    }

    @Test
    void classicalEngineLimits() {
        PlanLimits.CLASSICAL.check(FramePlans.pastPresentFuture(512, 2.0, 2.0));
        String msg = assertThrows(InvalidPlanException.class, () -> PlanLimits.CLASSICAL.check(FramePlans.present(513))).getMessage();
        assertTrue(msg.contains("the classical engine generates at most 512 frames per run"), msg);
        assertThrows(InvalidPlanException.class, () -> PlanLimits.CLASSICAL.check(FramePlans.pastPresentFuture(8, 2.5, 0)));
    }

    @Test
    void unnamedLimitsStillExplain() {
        PlanLimits limits = new PlanLimits(4, 0, 0, false);
        String msg = assertThrows(InvalidPlanException.class, () -> limits.check(FramePlans.present(5))).getMessage();
        assertTrue(msg.startsWith("this engine generates at most 4 frames"), msg);
    }
}
