package org.tempora.classical;

import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.timeline.FramePlan;

/**
 * Approximate frames while the kernel is still being refined: at the first pyramid level of at least
 * {@link #MIN_SCALE} of the working resolution, the level's kernel renders every frame with the engine's residual
 * formula on the working image shrunk to that level, enlarged to the photo's size, and handed to the listener as
 * previews. A coarse level costs about a quarter of the whole estimate, so previews come long before the frames.
 */
final class FramePreview implements KernelEstimator.LevelListener {
    /** Half resolution: the coarser levels' kernels are too rough to show the path's shape. */
    static final double MIN_SCALE = 0.45;

    private final LinearImage work, photo;
    private final FramePlan plan;
    private final boolean reverseTime;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private boolean shown;
    private long elapsedNanos;

    FramePreview(LinearImage work, LinearImage photo, FramePlan plan, boolean reverseTime, ProgressListener progress,
                 CancellationToken cancel) {
        this.work = work;
        this.photo = photo;
        this.plan = plan;
        this.reverseTime = reverseTime;
        this.progress = progress;
        this.cancel = cancel;
    }

    @Override public void level(float[] kernel, int size, double scale) throws CancelledException {
        if (shown || scale < MIN_SCALE) return;
        shown = true;
        long t0 = System.nanoTime();
        int sw = Math.max(1, (int) Math.round(work.width() * scale)), sh = Math.max(1, (int) Math.round(work.height() * scale));
        LinearImage small = Resampling.resize(work, sw, sh);
        TimedKernel timed = PathExtractor.extract(kernel, size, reverseTime);
        ResidualRenderer renderer = new ResidualRenderer(small, Deconvolution.weightFor(small.luminance(), sw, sh, kernel, size), kernel, size, timed, ClassicalEngine.motionStrength(timed), plan,
                ProgressListener.NONE, cancel);
        for (int f = 0; f < renderer.frameCount(); f++) {
            cancel.throwIfCancelled();
            progress.frame(f, ResidualRenderer.compose(photo, renderer.residual(f), sw, sh), true);
        }
        elapsedNanos = System.nanoTime() - t0;
    }

    /** Time spent on the previews, in milliseconds (0 if none were made). */
    long elapsedMillis() { return elapsedNanos / 1_000_000; }
}
