package org.tempora.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Golden values, and how they were obtained:
 * <ul>
 * <li>alphas_cumprod[0] by hand: the zero-SNR rescale keeps sqrt(a_0), so a_0 = 0.99915 / (3 - 2 * 0.99915)
 *     = 0.99915 / 1.0017. a_999 = 0 exactly (sqrt(a_T) - sqrt(a_T)).</li>
 * <li>alphas_cumprod[1], [500], and [999] without the rescale: an independent Python implementation of the
 *     diffusers equations in 60-digit {@code decimal} arithmetic (betas linear in sqrt, cumulative product,
 *     SNR shift, then rescale), agreeing with a float64 numpy run to 1e-16.</li>
 * <li>Timesteps: numpy 2.4 {@code np.round(np.arange(1000, 0, -1000 / n)).astype(int) - 1} (trailing),
 *     {@code np.arange(n) * (1000 // n)} reversed (leading), {@code np.linspace(0, 999, n).round()} reversed.</li>
 * <li>Step values: the diffusers {@code step} body transcribed to float64 numpy over the numpy table above, with
 *     the given noise supplied once per step and the sample rounded to float32 between steps as here.</li>
 * <li>Convergence and noise-level checks are closed forms: with the exact v-prediction v = (alpha x - x0) / sigma
 *     the x0 estimate is x0, the noise-free update keeps x on alpha_t x0, and with noise the residual
 *     (x - alpha_t x0) / sigma_t stays standard normal.</li>
 * </ul>
 */
class CogVideoXDpmSchedulerTest {

    private static CogVideoXDpmScheduler cogVideoX() {
        return new CogVideoXDpmScheduler(SchedulerConfig.cogVideoX2b());
    }

    private static SchedulerConfig withSpacing(String spacing) {
        return new SchedulerConfig(1000, 0.00085, 0.012, "scaled_linear", true, 3.0, spacing, true, "v_prediction");
    }

    @Test
    void trailingTimestepsFor50And20Steps() {
        CogVideoXDpmScheduler s = cogVideoX();
        int[] fifty = s.timesteps(50);
        assertEquals(50, fifty.length);
        for (int i = 0; i < 50; i++) {
            assertEquals(999 - 20 * i, fifty[i]);
        }
        assertEquals(19, fifty[49]);
        int[] twenty = s.timesteps(20);
        assertEquals(20, twenty.length);
        for (int i = 0; i < 20; i++) {
            assertEquals(999 - 50 * i, twenty[i]);
        }
    }

    @Test
    void trailingTimestepsRoundHalfToEvenLikeNumpy() {
        // 1000/16 = 62.5: 937.5 rounds to 938 and 812.5 to 812 (half to even), minus one.
        assertArrayEquals(new int[] {999, 937, 874, 811, 749, 687, 624, 561, 499, 437, 374, 311, 249, 187, 124, 61},
                cogVideoX().timesteps(16));
        int[] thirty = cogVideoX().timesteps(30);
        assertArrayEquals(new int[] {999, 966, 932, 899, 866, 832}, Arrays.copyOf(thirty, 6));
        assertEquals(32, thirty[29]);
    }

    @Test
    void leadingAndLinspaceTimesteps() {
        int[] leading = new CogVideoXDpmScheduler(withSpacing("leading")).timesteps(20);
        for (int i = 0; i < 20; i++) {
            assertEquals(950 - 50 * i, leading[i]);
        }
        assertArrayEquals(new int[] {999, 832, 666, 500, 333, 166, 0},
                new CogVideoXDpmScheduler(withSpacing("linspace")).timesteps(7));
        assertArrayEquals(new int[] {999, 946, 894, 841, 789, 736, 684, 631, 578, 526, 473, 421, 368, 315, 263, 210,
                158, 105, 53, 0}, new CogVideoXDpmScheduler(withSpacing("linspace")).timesteps(20));
    }

    @Test
    void stepCountsOutsideTheTrainingRangeAreRefused() {
        CogVideoXDpmScheduler s = cogVideoX();
        assertThrows(IllegalArgumentException.class, () -> s.timesteps(0));
        var e = assertThrows(IllegalArgumentException.class, () -> s.timesteps(1001));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
    }

    @Test
    void alphasCumprodGoldenValues() {
        CogVideoXDpmScheduler s = cogVideoX();
        double[] ac = s.alphasCumprod();
        assertEquals(1000, ac.length);
        assertEquals(0.99915 / 1.0017, ac[0], 1e-15);
        assertEquals(0.9974543276430069, ac[0], 1e-15);
        assertEquals(0.99480062642697995, ac[1], 1e-14);
        assertEquals(0.095328100862926431, ac[500], 1e-14);
        assertEquals(6.2307884673947630e-8, ac[998], 1e-20);
        assertEquals(0.0, ac[999]);
        assertEquals(1.0, s.finalAlphaCumprod());
        for (int t = 1; t < 1000; t++) {
            assertTrue(ac[t] < ac[t - 1], "alphas_cumprod decreases");
        }
    }

    @Test
    void snrShiftAloneAndAlphaToOneOff() {
        CogVideoXDpmScheduler s = new CogVideoXDpmScheduler(new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", false, 3.0, "trailing", false, "v_prediction"));
        double[] ac = s.alphasCumprod();
        // Unshifted cumprod at 999 is 0.0046600985130772404; shifted: a / (3 - 2a).
        assertEquals(0.0015582071034295859, ac[999], 1e-16);
        assertEquals(0.99915 / 1.0017, ac[0], 1e-15);
        assertEquals(ac[0], s.finalAlphaCumprod());
    }

    @Test
    void alphaAndSigmaAreTheForwardProcessScales() {
        CogVideoXDpmScheduler s = cogVideoX();
        double[] ac = s.alphasCumprod();
        for (int t : new int[] {0, 1, 500, 999}) {
            assertEquals(Math.sqrt(ac[t]), s.alphaT(t), 0.0);
            assertEquals(1.0, s.alphaT(t) * s.alphaT(t) + s.sigmaT(t) * s.sigmaT(t), 1e-15);
        }
        assertEquals(0.0, s.alphaT(999));
        assertEquals(1.0, s.sigmaT(999));
        assertThrows(IllegalArgumentException.class, () -> s.alphaT(1000));
        assertThrows(IllegalArgumentException.class, () -> s.sigmaT(-1));
    }

    @Test
    void firstFourStepsMatchTheDiffusersFormulas() {
        CogVideoXDpmScheduler s = cogVideoX();
        s.setTimesteps(50);
        float[] x = {0.3f, -1.2f, 0.7f, 2.0f};
        double[][] expectedSample = {
            {0.4989502429962158, -0.24738919734954834, 0.9952930808067322, -2.0077950954437256},
            {1.1142981052398682, -0.5532048344612122, 2.2273502349853516, -4.485661029815674},
            {1.8615890741348267, -0.9253866672515869, 3.7290122509002686, -7.497241973876953},
            {2.7224395275115967, -1.354660153388977, 5.462760925292969, -10.968460083007812}};
        double[][] expectedOriginal = {
            {-0.20000000298023224, 0.5, -0.8999999761581421, -1.5},
            {-0.29739399642198466, 0.4987031109267058, -0.5948015899958718, -1.5104498965685713},
            {-0.3878157468203314, 0.4939330491782173, -0.2756748658761009, -1.548863113458226},
            {-0.46806172276656643, 0.48408680136967325, 0.06382990899539286, -1.62811134507049}};
        for (int k = 0; k < 4; k++) {
            float[] out = {(float) (0.1 * k + 0.2), -0.5f, (float) (0.9 - 0.3 * k), 1.5f};
            double[] z = {0.5 * (k + 1), -0.25 * (k + 1), 1.0 * (k + 1), -2.0 * (k + 1)};
            int[] next = {0};
            SchedulerStep r = s.step(out, k, x, () -> z[next[0]++]);
            assertEquals(4, next[0], "one noise draw per value");
            for (int i = 0; i < 4; i++) {
                assertEquals(expectedSample[k][i], r.prevSample()[i], 2e-6, "sample step " + k + " value " + i);
                assertEquals(expectedOriginal[k][i], r.predictedOriginal()[i], 2e-6, "x0 step " + k + " value " + i);
            }
            x = r.prevSample();
        }
    }

    @Test
    void lastStepReturnsThePredictedOriginalWithoutNoise() {
        CogVideoXDpmScheduler s = cogVideoX();
        s.setTimesteps(1);
        float[] x = {0.3f, -1.2f};
        float[] v = {0.25f, -0.5f};
        SchedulerStep r = s.step(v, 0, x, () -> 5.0);
        // t = 999 has alpha 0, sigma 1: x0 = -v, and stepping to alpha = 1 lands on it.
        assertArrayEquals(new float[] {-0.25f, 0.5f}, r.predictedOriginal());
        assertArrayEquals(new float[] {-0.25f, 0.5f}, r.prevSample());
    }

    @Test
    void noiseFreeSamplingWithAnExactModelConvergesToItsTarget() {
        for (int steps : new int[] {50, 20}) {
            CogVideoXDpmScheduler s = cogVideoX();
            int n = 1000;
            float[] x0 = scaled(new SeededGaussianNoise(7).nextGaussians(n), 0.8f);
            float[] x = new SeededGaussianNoise(11).nextGaussians(n);
            s.setTimesteps(steps);
            int[] ts = s.timesteps();
            SchedulerStep r = null;
            for (int i = 0; i < steps; i++) {
                r = s.step(exactV(s, ts[i], x, x0), i, x, () -> 0.0);
                assertClose(x0, r.predictedOriginal(), 1e-4, "x0 estimate at step " + i);
                double alphaNext = i + 1 < steps ? s.alphaT(ts[i + 1]) : 1.0;
                float[] onTrajectory = scaled(x0, (float) alphaNext);
                assertClose(onTrajectory, r.prevSample(), 1e-4, "sample after step " + i + " is alpha x0");
                x = r.prevSample();
            }
            assertClose(x0, x, 1e-4, steps + " steps end on x0");
        }
    }

    @Test
    void noisySamplingKeepsTheForwardProcessNoiseLevel() {
        // Exact model: x_t - alpha_t x0 must stay N(0, sigma_t^2) at every step (the SDE solver's noise term).
        CogVideoXDpmScheduler s = cogVideoX();
        int n = 200_000;
        float[] x0 = scaled(new SeededGaussianNoise(3).nextGaussians(n), 0.5f);
        SeededGaussianNoise noise = new SeededGaussianNoise(4);
        float[] x = noise.nextGaussians(n);
        s.setTimesteps(50);
        int[] ts = s.timesteps();
        for (int i = 0; i < 49; i++) {
            x = s.step(exactV(s, ts[i], x, x0), i, x, noise).prevSample();
            if (i % 12 == 0 || i == 48) {
                double alpha = s.alphaT(ts[i + 1]);
                double sigma = s.sigmaT(ts[i + 1]);
                double sum = 0;
                double sumSq = 0;
                for (int k = 0; k < n; k++) {
                    double e = (x[k] - alpha * x0[k]) / sigma;
                    sum += e;
                    sumSq += e * e;
                }
                double mean = sum / n;
                assertEquals(0.0, mean, 0.01, "residual mean after step " + i);
                assertEquals(1.0, sumSq / n - mean * mean, 0.02, "residual variance after step " + i);
            }
        }
    }

    @Test
    void sameSeedSameResultDifferentSeedDifferentResult() {
        float[] a = sample(42);
        float[] b = sample(42);
        float[] c = sample(43);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void stepsMustComeInOrderAfterSetTimesteps() {
        CogVideoXDpmScheduler s = cogVideoX();
        float[] x = {0f, 0f};
        var e = assertThrows(IllegalStateException.class, () -> s.step(x, 0, x, () -> 0.0));
        assertTrue(e.getMessage().contains("setTimesteps"), e.getMessage());
        s.setTimesteps(10);
        e = assertThrows(IllegalStateException.class, () -> s.step(x, 1, x, () -> 0.0));
        assertTrue(e.getMessage().contains("expected step 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.step(new float[3], 0, x, () -> 0.0));
        s.step(x, 0, x, () -> 0.0);
        s.setTimesteps(10);
        s.step(x, 0, x, () -> 0.0); // a new run starts again at 0
    }

    /** A 20-step run whose model pulls towards a fixed target; every step uses the seeded noise. */
    private static float[] sample(long seed) {
        CogVideoXDpmScheduler s = cogVideoX();
        float[] target = {0.5f, -0.5f, 1f, 0f, 0.25f};
        SeededGaussianNoise noise = new SeededGaussianNoise(seed);
        float[] x = noise.nextGaussians(target.length);
        s.setTimesteps(20);
        int[] ts = s.timesteps();
        for (int i = 0; i < ts.length; i++) {
            float[] v = exactV(s, ts[i], x, scaled(x, 0.1f));
            x = s.step(v, i, x, noise).prevSample();
        }
        return x;
    }

    /** The exact v-prediction for target x0 at timestep t: v = (alpha_t x - x0) / sigma_t. */
    private static float[] exactV(CogVideoXDpmScheduler s, int t, float[] x, float[] x0) {
        double alpha = s.alphaT(t);
        double sigma = s.sigmaT(t);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((alpha * x[i] - x0[i]) / sigma);
        }
        return out;
    }

    private static float[] scaled(float[] a, float k) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * k;
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tolerance, what + ": worst difference " + worst);
    }
}
