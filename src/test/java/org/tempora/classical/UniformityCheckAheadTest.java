package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

class UniformityCheckAheadTest {
    private static final int W = 320, H = 240;

    private static boolean checkThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("tempora-uniformity-check") && t.isAlive());
    }

    @Test
    void givesTheCheckAnswerWhileTheCallerWorks() throws Exception {
        float[] horizontal = TestPlanes.blurredCrop("astronaut.png", 100, 40, W, H, TestPlanes.lineKernel(17, 15, 0), 17, 0.003, 11);
        float[] vertical = TestPlanes.blurredCrop("astronaut.png", 100, 40, W, H, TestPlanes.lineKernel(17, 15, 90), 17, 0.003, 11);
        float[] joined = UniformityCalibration.joinLeftRight(horizontal, vertical, W, H);
        BlurUniformityCheck.Analysis direct = BlurUniformityCheck.analyse(joined, W, H, BlurUniformityCheck.PART_KERNEL, CancellationToken.none());
        BlurUniformityCheck.Analysis ahead;
        try (UniformityCheckAhead check = new UniformityCheckAhead(joined, W, H, CancellationToken.none())) {
            // the global estimate runs meanwhile, as in the engine
            int global = new KernelEstimator().estimate(joined, W, H, 0, org.tempora.engine.ProgressListener.NONE, CancellationToken.none()).size();
            assertTrue(global <= BlurUniformityCheck.PART_KERNEL, "global kernel " + global);
            ahead = check.result(global, CancellationToken.none());
        }
        assertEquals(direct.leftRight(), ahead.leftRight(), 0); // the same arithmetic, on another thread
        assertEquals(direct.topBottom(), ahead.topBottom(), 0);
        assertArrayEquals(direct.textured(), ahead.textured());
        assertEquals(direct.warning(), ahead.warning());
        assertFalse(checkThreadAlive());
    }

    @Test
    void aLargerGlobalKernelGetsTheCheckAgainWithRoomForIt() throws Exception {
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, TestPlanes.lineKernel(17, 15, 30), 17, 0.003, 11);
        // 39 px: the largest kernel the 320x120 top half's window holds three times over
        BlurUniformityCheck.Analysis direct = BlurUniformityCheck.analyse(blurred, W, H, 39, CancellationToken.none());
        BlurUniformityCheck.Analysis again;
        try (UniformityCheckAhead check = new UniformityCheckAhead(blurred, W, H, CancellationToken.none())) {
            again = check.result(39, CancellationToken.none());
            assertFalse(checkThreadAlive()); // the check started ahead, with 31 px kernels, was stopped
        }
        assertFalse(Double.isNaN(again.leftRight()) || Double.isNaN(again.topBottom()), BlurUniformityCheck.describe(again));
        assertEquals(direct.leftRight(), again.leftRight(), 0);
        assertEquals(direct.topBottom(), again.topBottom(), 0);
        assertEquals(41, BlurUniformityCheck.partKernelSize(41));
        assertEquals(BlurUniformityCheck.PART_KERNEL, BlurUniformityCheck.partKernelSize(7));
    }

    @Test
    void theRunsCancelStopsIt() throws Exception {
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, TestPlanes.lineKernel(17, 15, 30), 17, 0.003, 11);
        CancellationToken run = new CancellationToken();
        try (UniformityCheckAhead check = new UniformityCheckAhead(blurred, W, H, run)) {
            run.cancel();
            assertThrows(CancelledException.class, () -> check.result(15, CancellationToken.none()));
        }
        assertFalse(checkThreadAlive());
    }

    @Test
    void closingStopsItWithoutCancellingTheRun() throws Exception {
        float[] blurred = TestPlanes.blurredCrop("camera.png", 100, 100, W, H, TestPlanes.lineKernel(17, 15, 30), 17, 0.003, 11);
        CancellationToken run = new CancellationToken();
        UniformityCheckAhead check = new UniformityCheckAhead(blurred, W, H, run);
        check.close(); // as when the global estimate fails, long before the check (about 0.25 s here) could finish
        assertFalse(checkThreadAlive());
        assertThrows(CancelledException.class, () -> check.result(15, run));
        assertFalse(run.isCancelled());
    }
}
