package org.tempora.diffusion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * With a model that returns the exact v-prediction for a fixed target x0, every scheduler step's x0 estimate is that
 * target and the last step (to alpha = 1) lands on it, whatever the noise: closed-form values to compare against.
 */
class DiffusionSamplerTest {
    static final int FRAMES = 6, FRAME_SIZE = 12;
    static final CogVideoXDpmScheduler TABLE = new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b());

    static float[] condition() {
        float[] z = new float[FRAME_SIZE];
        for (int i = 0; i < FRAME_SIZE; i++) z[i] = (float) Math.sin(i + 1);
        return z;
    }

    /** x0 of frame k = frame 0 of the input + 0.1 k: v = (alpha x - x0) / sigma per batch item. */
    static float[] exactV(float[] hidden, int batch, int t) {
        double a = TABLE.alphaT(t), s = TABLE.sigmaT(t);
        float[] v = new float[hidden.length];
        for (int b = 0; b < batch; b++) {
            int base = b * FRAMES * FRAME_SIZE;
            for (int k = 0; k < FRAMES; k++) {
                for (int i = 0; i < FRAME_SIZE; i++) {
                    int j = base + k * FRAME_SIZE + i;
                    double x0 = hidden[base + i] + 0.1 * k;
                    v[j] = (float) ((a * hidden[j] - x0) / s);
                }
            }
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({"4, 1.0, 1", "4, 1.0, 2", "50, 1.0, 7", "20, 1.5, 3", "20, 6.0, 4"})
    void endsOnTheTargetGivenByTheConditionAndGuidance(int steps, double guidance, long seed) throws Exception {
        float[] z = condition();
        AtomicInteger calls = new AtomicInteger();
        float[] out = new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), guidance).sample(z, FRAMES, steps,
                new SeededGaussianNoise(seed), (h, b, t) -> {
                    assertEquals(guidance == 1 ? 1 : 2, b);
                    calls.incrementAndGet();
                    return exactV(h, b, t);
                }, (done, total, x0) -> {}, CancellationToken.none());
        assertEquals(steps, calls.get());
        for (int k = 1; k < FRAMES; k++) {
            for (int i = 0; i < FRAME_SIZE; i++) {
                // conditional x0 = z + 0.1k, unconditional (frame 0 zeroed) = 0.1k: guided = 0.1k + g z
                double expected = 0.1 * k + guidance * z[i];
                assertEquals(expected, out[k * FRAME_SIZE + i], 2e-4, "frame " + k + " value " + i);
            }
        }
    }

    @Test
    void everyStepReportsTheExactCleanEstimate() throws Exception {
        float[] z = condition();
        AtomicInteger steps = new AtomicInteger();
        new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), 1).sample(z, FRAMES, 10, new SeededGaussianNoise(1),
                DiffusionSamplerTest::exactV, (done, total, x0) -> {
                    assertEquals(steps.incrementAndGet(), done);
                    assertEquals(10, total);
                    for (int k = 0; k < FRAMES; k++) assertEquals(z[3] + 0.1 * k, x0[k * FRAME_SIZE + 3], 1e-3);
                }, CancellationToken.none());
        assertEquals(10, steps.get());
    }

    @Test
    void theSeedChangesTheNoiseButSameSeedRepeats() throws Exception {
        // a model that ignores x0 targets: the result then carries the seeded noise
        DiffusionSampler.VelocityModel zero = (h, b, t) -> new float[h.length];
        float[] a = new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), 1).sample(condition(), FRAMES, 5, new SeededGaussianNoise(1), zero, (d, n, x) -> {}, CancellationToken.none());
        float[] b = new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), 1).sample(condition(), FRAMES, 5, new SeededGaussianNoise(1), zero, (d, n, x) -> {}, CancellationToken.none());
        float[] c = new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), 1).sample(condition(), FRAMES, 5, new SeededGaussianNoise(2), zero, (d, n, x) -> {}, CancellationToken.none());
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void cancelStopsBeforeTheNextStep() {
        CancellationToken cancel = new CancellationToken();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancelledException.class, () -> new DiffusionSampler(new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b()), 1)
                .sample(condition(), FRAMES, 50, new SeededGaussianNoise(1), (h, b, t) -> {
                    if (calls.incrementAndGet() == 3) cancel.cancel();
                    return exactV(h, b, t);
                }, (d, n, x) -> {}, cancel));
        assertEquals(3, calls.get());
    }
}
