package org.tempora.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.Trajectory;
import org.tempora.engine.Trajectory.Sample;

class PathSamplerTest {
    /** Moves from (0,0) to (2,-4) during the first half of the exposure, then rests. */
    private static final Trajectory HALF = new Trajectory(List.of(new Sample(-0.5, 0, 0), new Sample(0, 2, -4)));

    @Test
    void interpolatesLinearlyAndHoldsOutsideTheSamples() {
        PathSampler s = new PathSampler(HALF);
        assertArrayEquals(new double[] {1, -2}, s.at(-0.25), 1e-12);
        assertArrayEquals(new double[] {0.5, -1}, s.at(-0.375), 1e-12);
        assertArrayEquals(new double[] {0, 0}, s.at(-3), 0);
        assertArrayEquals(new double[] {2, -4}, s.at(0.4), 0);
    }

    @Test
    void timeAverageIsTheIntegralOverTheExposure() {
        // First half averages (1,-2), second half rests at (2,-4): mean (1.5, -3).
        assertArrayEquals(new double[] {1.5, -3}, new PathSampler(HALF).timeAverage(), 1e-12);
    }

    @Test
    void timeAverageIgnoresSamplesOutsideTheExposure() {
        // Linear x = 10 t sampled from t = -1 to 1: within [-0.5, 0.5] it averages 0.
        Trajectory wide = new Trajectory(List.of(new Sample(-1, -10, 0), new Sample(1, 10, 0)));
        assertArrayEquals(new double[] {0, 0}, new PathSampler(wide).timeAverage(), 1e-12);
        assertEquals(5, new PathSampler(wide).maxOffset(), 1e-12);
        assertEquals(10, new PathSampler(wide).exposureLength(), 1e-12);
    }

    @Test
    void maxOffsetIsTheLargestCoordinateReached() {
        assertEquals(4, new PathSampler(HALF).maxOffset(), 0);
    }

    @Test
    void rejectsEmptyOrUnorderedPaths() {
        assertThrows(IllegalArgumentException.class, () -> new PathSampler(new Trajectory(List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> new PathSampler(new Trajectory(List.of(new Sample(0, 0, 0), new Sample(0, 1, 1)))));
    }
}
