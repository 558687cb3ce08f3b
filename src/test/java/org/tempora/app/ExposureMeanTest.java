package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;
import org.tempora.metrics.BlurConsistency;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

class ExposureMeanTest {
    private static LinearImage constant(float v) {
        LinearImage img = LinearImage.blank(3, 2, 3);
        for (int c = 0; c < 3; c++) java.util.Arrays.fill(img.plane(c), v);
        return img;
    }

    @Test void averagesOnlyTheFramesInsideTheExposure() {
        FramePlan plan = FramePlan.of(new Interval(-1, -0.5), new Interval(-0.5, 0), new Interval(0, 0.5), new Interval(0.5, 1));
        ExposureMean mean = new ExposureMean(plan);
        assertEquals(2, mean.expected());
        float[] values = {0.1f, 0.2f, 0.4f, 0.9f};
        for (int i = 0; i < 4; i++) mean.add(i, constant(values[i]));
        mean.add(1, constant(1f)); // a frame delivered twice counts once
        assertTrue(mean.complete());
        assertEquals(2, mean.added());
        for (float v : mean.mean().plane(1)) assertEquals(0.3f, v, 1e-7f); // (0.2 + 0.4) / 2
    }

    @Test void exposureEndsAllowRoundingSlack() {
        assertTrue(ExposureMean.insideExposure(new Interval(-0.5 - 1e-12, -0.25)));
        assertTrue(ExposureMean.insideExposure(new Interval(0.25, 0.5 + 1e-12)));
        assertFalse(ExposureMean.insideExposure(new Interval(0.25, 0.5001)));
        assertFalse(ExposureMean.insideExposure(new Interval(-0.6, -0.4)));
    }

    @Test void matchesTheMetricsMeanOfRandomFrames() {
        Random rnd = new Random(7);
        FramePlan plan = FramePlan.of(new Interval(-0.5, -0.25), new Interval(-0.25, 0), new Interval(0, 0.25), new Interval(0.25, 0.5));
        ExposureMean mean = new ExposureMean(plan);
        List<LinearImage> frames = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            LinearImage img = LinearImage.blank(5, 4, 3);
            for (int c = 0; c < 3; c++) for (int i = 0; i < 20; i++) img.plane(c)[i] = rnd.nextFloat();
            frames.add(img);
        }
        for (int f = 3; f >= 0; f--) mean.add(f, frames.get(f)); // any order
        LinearImage expected = BlurConsistency.mean(frames);
        for (int c = 0; c < 3; c++) assertArrayEquals(expected.plane(c), mean.mean().plane(c), 1e-6f);
    }

    @Test void noExposureFrameMeansNothingToAverage() {
        ExposureMean mean = new ExposureMean(FramePlan.of(new Interval(-1, -0.6)));
        mean.add(0, constant(0.5f));
        assertEquals(0, mean.expected());
        assertFalse(mean.complete());
        assertThrows(IllegalStateException.class, mean::mean);
    }

    @Test void refusesFramesOfAnotherSize() {
        ExposureMean mean = new ExposureMean(FramePlan.of(new Interval(-0.5, 0), new Interval(0, 0.5)));
        mean.add(0, constant(0.5f));
        assertThrows(IllegalArgumentException.class, () -> mean.add(1, LinearImage.blank(4, 2, 3)));
    }
}
