package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;

class UniformityCalibrationTest {
    private static final int W = 320, H = 240, M = UniformityCalibration.MARGIN;

    @Test
    void casesCoverBothKindsAndAreJudgedOnADetailedPicture() throws Exception {
        float[] sharp = TestPlanes.devLuminance("astronaut.png", 60, 20, W + 2 * M, H + 2 * M);
        List<UniformityCalibration.Case> cases = UniformityCalibration.run("astronaut", sharp, W, H, 7, CancellationToken.none());
        assertEquals(UniformityCalibration.Kind.values().length, cases.size());
        for (UniformityCalibration.Case c : cases) {
            assertTrue(c.judged(), c.toString());
            assertEquals(!c.kind().uneven(), c.distance() < BlurUniformityCheck.DIFFERENT, c.toString()); // here at most 0.65 against at least 2.49
            assertTrue(c.correct(), c.toString());
        }
        System.out.println(UniformityCalibration.summary(cases));
    }

    @Test
    void distanceAndVerdictFollowTheKind() {
        var across = new UniformityCalibration.Case("a", UniformityCalibration.Kind.ACROSS, 3.0, 0.5, true, true);
        assertEquals(3.0, across.distance());
        assertEquals("named", across.verdict());
        var over = new UniformityCalibration.Case("a", UniformityCalibration.Kind.MOVING_OVER_STILL, 3.0, 1.9, false, false);
        assertEquals(1.9, over.distance()); // the split that differs is top/bottom
        assertEquals("MISSED", over.verdict());
        var flat = new UniformityCalibration.Case("a", UniformityCalibration.Kind.STILL_MOVING, Double.NaN, 0.4, false, false);
        assertFalse(flat.judged());
        assertEquals("not judged (too little texture or room)", flat.verdict());
        var uniform = new UniformityCalibration.Case("a", UniformityCalibration.Kind.UNIFORM_SHAKE, Double.NaN, 1.2, false, false);
        assertEquals(1.2, uniform.distance()); // the larger of the judged splits
        assertEquals("uniform", uniform.verdict());
        var alarm = new UniformityCalibration.Case("a", UniformityCalibration.Kind.UNIFORM_STROKE, 2.9, 0.1, true, false);
        assertEquals("FALSE ALARM", alarm.verdict());
        String summary = UniformityCalibration.summary(List.of(across, over, flat, uniform, alarm));
        assertTrue(summary.contains("of the 4 cases judged (1 had too little texture or room): uniform blur flagged on 1 of 2 (largest distance 2.90);"
                + " uneven blur named on 1 of 2 (smallest distance across the split 1.90)"), summary);
    }

    @Test
    void nothingJudgedReadsAsNoFigure() {
        var flat = new UniformityCalibration.Case("a", UniformityCalibration.Kind.UNIFORM_SHAKE, Double.NaN, Double.NaN, false, false);
        String summary = UniformityCalibration.summary(List.of(flat));
        assertTrue(summary.contains("of the 0 cases judged (1 had too little texture or room): uniform blur flagged on 0 of 0 (largest distance -)"), summary);
        assertEquals("-", UniformityCalibration.figure(Double.NaN));
        assertEquals("1.50", UniformityCalibration.figure(1.5));
    }

    @Test
    void refusesAPlaneWithoutItsBorder() {
        assertThrows(IllegalArgumentException.class,
                () -> UniformityCalibration.run("x", new float[W * H], W, H, 1, CancellationToken.none()));
    }
}
