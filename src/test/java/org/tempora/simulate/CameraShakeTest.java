package org.tempora.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.Trajectory;
import org.tempora.engine.Trajectory.Sample;

class CameraShakeTest {
    @Test
    void randomIsDeterministicForASeedAndDiffersBetweenSeeds() {
        assertEquals(CameraShake.random(42, 25), CameraShake.random(42, 25));
        assertNotEquals(CameraShake.random(42, 25), CameraShake.random(43, 25));
    }

    @Test
    void randomHasTheRequestedLengthAndACentredTimeAverage() {
        for (long seed = 0; seed < 50; seed++) {
            Trajectory path = CameraShake.random(seed, 30);
            assertEquals(30, path.length(), 0.30, "seed " + seed); // 1%, the brief's bound; the generator is exact to rounding
            assertEquals(30, path.length(), 1e-9, "seed " + seed);
            double[] c = new PathSampler(path).timeAverage();
            assertEquals(0, c[0], 1e-9, "seed " + seed);
            assertEquals(0, c[1], 1e-9, "seed " + seed);
            // Every point is within one path length of the centroid, which lies on the path's hull.
            assertTrue(new PathSampler(path).maxOffset() <= 30, "seed " + seed);
        }
    }

    @Test
    void randomSamplesTheWholeExposureUniformly() {
        List<Sample> s = CameraShake.random(7, 12).samples();
        assertEquals(CameraShake.REFERENCE_SAMPLES, s.size());
        assertEquals(-0.5, s.get(0).t(), 0);
        assertEquals(0.5, s.get(s.size() - 1).t(), 0);
        for (int i = 1; i < s.size(); i++) assertEquals(1.0 / (s.size() - 1), s.get(i).t() - s.get(i - 1).t(), 1e-12);
    }

    @Test
    void randomPathsAreNotAllStraight() {
        // With anxiety > 0 the direction wanders: the end-to-end distance falls short of the length for most seeds.
        int curved = 0;
        for (long seed = 0; seed < 20; seed++) {
            List<Sample> s = CameraShake.random(seed, 30).samples();
            double chord = Math.hypot(s.get(s.size() - 1).x() - s.get(0).x(), s.get(s.size() - 1).y() - s.get(0).y());
            if (chord < 0.95 * 30) curved++;
        }
        assertTrue(curved >= 10, curved + " of 20 paths curved");
    }

    @Test
    void consecutiveSeedsGiveUncorrelatedFirstDraws() {
        // java.util.Random's first nextDouble is 0.7305-0.7311 for seeds 0..7, which gave every small seed
        // the same anxiety; the scrambled seeds must spread over [0, 1) like independent uniforms.
        double min = 1, max = 0;
        for (long seed = 0; seed < 40; seed++) {
            double u = CameraShake.seeded(seed).nextDouble();
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        assertTrue(min < 0.2 && max > 0.8, "first draws span only " + min + " to " + max);
    }

    @Test
    void zeroAnxietyGivesAStraightLine() {
        List<Sample> s = CameraShake.random(5, 20, 0, 257).samples();
        Sample a = s.get(0), b = s.get(s.size() - 1);
        assertEquals(20, Math.hypot(b.x() - a.x(), b.y() - a.y()), 1e-9);
        for (Sample p : s) {
            double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
            assertEquals(0, cross, 1e-9);
        }
    }

    @Test
    void linearMovesAtUniformSpeedAlongTheAngle() {
        Trajectory right = CameraShake.linear(10, 0);
        for (Sample s : right.samples()) {
            assertEquals(10 * s.t(), s.x(), 1e-12);
            assertEquals(0, s.y(), 1e-12);
        }
        assertEquals(10, right.length(), 1e-9);
        // 90 degrees is upwards on screen: y decreases with time.
        List<Sample> up = CameraShake.linear(10, 90).samples();
        assertEquals(-5, up.get(up.size() - 1).y(), 1e-12);
        assertEquals(0, up.get(up.size() - 1).x(), 1e-12);
        double[] c = new PathSampler(CameraShake.linear(13, 37)).timeAverage();
        assertEquals(0, c[0], 1e-12);
        assertEquals(0, c[1], 1e-12);
    }

    @Test
    void centredRemovesTheTimeAverage() {
        Trajectory shifted = new Trajectory(List.of(new Sample(-0.5, 3, 1), new Sample(0.5, 5, 1)));
        List<Sample> c = CameraShake.centred(shifted).samples();
        assertEquals(-1, c.get(0).x(), 1e-12);
        assertEquals(1, c.get(1).x(), 1e-12);
        assertEquals(0, c.get(0).y(), 1e-12);
    }

    @Test
    void randomWithExtentHasThatExtent() {
        for (long seed = 0; seed < 5; seed++) {
            Trajectory t = CameraShake.randomWithExtent(seed, 24);
            assertEquals(24, CameraShake.extent(t), 1e-9);
        }
    }

    @Test
    void arcHasItsLengthAndTurnsAsAsked() {
        Trajectory t = CameraShake.arc(20, 0, 90);
        assertEquals(20, t.length(), 1e-6);
        List<Sample> s = t.samples();
        Sample a = s.get(0), b = s.get(1), y = s.get(s.size() - 2), z = s.get(s.size() - 1);
        // Starts rightwards, ends upwards (negative y) after a quarter turn.
        assertEquals(0, Math.atan2(-(b.y() - a.y()), b.x() - a.x()), 1e-2);
        assertEquals(Math.PI / 2, Math.atan2(-(z.y() - y.y()), z.x() - y.x()), 1e-2);
        // A quarter circle of length 20 has radius 40/pi: chord = r*sqrt(2).
        assertEquals(40 / Math.PI * Math.sqrt(2), Math.hypot(z.x() - a.x(), z.y() - a.y()), 1e-3);
    }
}
