package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

/**
 * The frames of {@link ClassicalEngine}'s residual formula, photo + strength (S*K_i - S*K), one frame at a time:
 * every channel of a working image is deconvolved once (S; the luminance alone for a toned monochrome photo,
 * {@link MonochromeTone}), then each frame's residual costs one FFT convolution
 * per channel, so frame 0 is ready long before the last one.
 */
final class ResidualRenderer implements FrameResiduals {
    private final int width, height, canvas;
    private final double strength;
    private final PreparedImage[] sharp;
    private final float[][] reblurred;
    private final List<float[]> partial;
    private final int outputChannels;
    /** Each channel's share of the luminance for a toned monochrome photo ({@link MonochromeTone}); null for colour or grey. */
    private final float[] tone;
    /**
     * Planes up to this size deconvolve their channels side by side: the solver's small steps leave a core idle (640x360:
     * 0.30-0.41 -> 0.28-0.35 s); larger ones (detail at full resolution) one after the other, to hold one solver at a time.
     */
    static final long PARALLEL_CHANNEL_PIXELS = 2_000_000;

    /**
     * Deconvolves each channel of {@code work} by {@code kernel} (odd side {@code ks}) at the data weight {@code weight}
     * ({@link Deconvolution#weightFor}) and prepares the partial kernels of {@code plan} along {@code timed}; tells
     * {@code progress} "deconvolving", channels done of all.
     */
    ResidualRenderer(LinearImage work, double weight, float[] kernel, int ks, TimedKernel timed, double strength, FramePlan plan,
                     ProgressListener progress, CancellationToken cancel) throws CancelledException {
        this(work, Toned.of(work), weight, kernel, ks, timed.canvasSize(plan.span()), partials(timed, plan), strength, progress, cancel);
    }

    /**
     * As {@link #ResidualRenderer(LinearImage, double, float[], int, TimedKernel, double, FramePlan, ProgressListener,
     * CancellationToken)}, rendering through {@code partial} (kernels of odd side {@code canvas} >= ks), with {@code tone}
     * and {@code weight} decided by the caller ({@link #toneOf}): a crop of a picture takes the whole picture's, so that its
     * parts are not deconvolved one as toned monochrome and the other per channel, or at different weights.
     */
    ResidualRenderer(LinearImage work, float[] tone, double weight, float[] kernel, int ks, int canvas, List<float[]> partial, double strength,
                     ProgressListener progress, CancellationToken cancel) throws CancelledException {
        this(work, new Toned(tone, tone == null ? null : work.luminance()), weight, kernel, ks, canvas, partial, strength, progress, cancel);
    }

    /** A picture's tone ({@link #toneOf}) with the luminance it was found from, so that the luminance is worked out once. */
    private record Toned(float[] tone, float[] luminance) {
        static Toned of(LinearImage picture) {
            if (picture.channels() == 1) return new Toned(null, null);
            float[] luminance = picture.luminance();
            float[] tone = toneOf(picture, luminance);
            return new Toned(tone, tone == null ? null : luminance);
        }
    }

    private ResidualRenderer(LinearImage work, Toned toned, double weight, float[] kernel, int ks, int canvas, List<float[]> partial,
                             double strength, ProgressListener progress, CancellationToken cancel) throws CancelledException {
        this.width = work.width();
        this.height = work.height();
        this.strength = strength;
        this.canvas = canvas;
        float[] full = KernelOps.resizeCanvas(kernel, ks, canvas);
        this.partial = List.copyOf(partial);
        this.outputChannels = work.channels();
        this.tone = toned.tone();
        float[][] planes = tone != null ? new float[][] {toned.luminance()} : new float[work.channels()][];
        if (tone == null) for (int c = 0; c < planes.length; c++) planes[c] = work.plane(c);
        int channels = planes.length;
        sharp = new PreparedImage[channels];
        reblurred = new float[channels][];
        ParallelTasks.Task deconvolve = c -> sharp[c] = FftConvolution.prepare(
                Deconvolution.hyperLaplacian(planes[c], width, height, kernel, ks, weight, Deconvolution.DEFAULT_ALPHA, cancel), width, height, canvas);
        if ((long) width * height <= PARALLEL_CHANNEL_PIXELS) {
            progress.progress("deconvolving", 0, channels);
            ParallelTasks.forEach(channels, cancel, deconvolve);
        } else {
            for (int c = 0; c < channels; c++) {
                cancel.throwIfCancelled();
                progress.progress("deconvolving", c, channels);
                deconvolve.run(c);
            }
        }
        float[] fullSpectrum = sharp[0].kernelSpectrum(full, canvas); // channels share one plane size
        for (int c = 0; c < channels; c++) reblurred[c] = sharp[c].convolve(fullSpectrum);
        progress.progress("deconvolving", channels, channels);
    }

    /** Each channel's share of the luminance of a toned monochrome picture ({@link MonochromeTone}); null for colour or grey. */
    static float[] toneOf(LinearImage picture) {
        return Toned.of(picture).tone();
    }

    /** {@link #toneOf(LinearImage)} of a picture whose luminance is already worked out. */
    static float[] toneOf(LinearImage picture, float[] luminance) {
        return picture.channels() == 1 ? null : MonochromeTone.gains(picture, luminance).orElse(null);
    }

    /** The kernels of the plan's intervals along {@code timed}, on its canvas for the plan's span. */
    static List<float[]> partials(TimedKernel timed, FramePlan plan) {
        int canvas = timed.canvasSize(plan.span());
        List<float[]> out = new ArrayList<>(plan.size());
        for (Interval iv : plan.intervals()) out.add(timed.partialKernel(iv, canvas));
        return out;
    }

    int frameCount() { return partial.size(); }

    /** Frame {@code index}'s residual strength (S*K_i - S*K), one plane per channel, at the working size. */
    @Override
    public float[][] residual(int index) {
        float[][] out = new float[outputChannels][];
        float[] kernelSpectrum = sharp[0].kernelSpectrum(partial.get(index), canvas); // channels share one plane size
        for (int c = 0; c < sharp.length; c++) {
            float[] frame = sharp[c].convolve(kernelSpectrum);
            float[] base = reblurred[c];
            for (int i = 0; i < frame.length; i++) frame[i] = (float) (strength * (frame[i] - base[i]));
            out[c] = frame;
        }
        if (tone != null) { // a toned monochrome photo: every channel moves as its share of the luminance
            float[] y = out[0];
            for (int c = 0; c < outputChannels; c++) {
                float[] p = new float[y.length];
                for (int i = 0; i < y.length; i++) p[i] = tone[c] * y[i];
                out[c] = p;
            }
        }
        return out;
    }

    /**
     * A signed residual plane resized with {@link Resampling}'s cubic without its clamp at 0 (meant for light, not
     * for differences): the plane is lifted above the cubic's worst undershoot, 0.28 of its range for two passes
     * of Keys' a = -0.5 lobes (0.125 each), resized, and lowered back; resizing is linear, so nothing else changes.
     */
    static float[] resizeSigned(float[] plane, int w, int h, int nw, int nh) {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float v : plane) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float lift = -min + 0.5f * (max - min) + Float.MIN_NORMAL;
        float[] lifted = new float[plane.length];
        for (int i = 0; i < plane.length; i++) lifted[i] = plane[i] + lift;
        float[] out = Resampling.resize(lifted, w, h, nw, nh);
        for (int i = 0; i < out.length; i++) out[i] -= lift;
        return out;
    }

    /** The photo plus a residual of {@code rw x rh} planes, enlarged to the photo's size when smaller. */
    static LinearImage compose(LinearImage photo, float[][] residual, int rw, int rh) {
        int channels = photo.channels();
        float[][] planes = new float[channels][];
        for (int c = 0; c < channels; c++) {
            float[] d = residual[c];
            if (rw != photo.width() || rh != photo.height()) d = resizeSigned(d, rw, rh, photo.width(), photo.height());
            float[] p = photo.plane(c);
            float[] out = new float[p.length];
            for (int i = 0; i < out.length; i++) out[i] = p[i] + d[i];
            planes[c] = out;
        }
        return new LinearImage(photo.width(), photo.height(), planes);
    }
}
