package org.tempora.app;

import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.image.LinearImage;
import org.tempora.metrics.Psnr;

/**
 * The re-blur check of one run: the mean of its exposure frames, where it differs from the photo, and the PSNR
 * between them (blur2vid's blur consistency). Frames that truly came from the photo's exposure average back to it.
 *
 * @param psnrDb PSNR of the mean against the photo on display values, capped at {@link Psnr#CAP_DB}
 * @param largestDifference the largest per-pixel display difference, 0 to 1
 */
public record ReblurCheck(DisplayPixels mean, DisplayPixels heatMap, double psnrDb, double largestDifference, int frames) {

    /** Compares the photo with the mean of {@code frames} exposure frames; runs on a worker thread. */
    public static ReblurCheck of(LinearImage photo, LinearImage mean, int frames, CancellationToken cancel) throws CancelledException {
        double psnr = Psnr.between(photo, mean);
        cancel.throwIfCancelled();
        float[] diff = DifferenceHeatMap.values(photo, mean);
        float largest = 0;
        for (float d : diff) largest = Math.max(largest, d);
        cancel.throwIfCancelled();
        return new ReblurCheck(DisplayPixels.of(mean), DifferenceHeatMap.picture(diff, photo.width(), photo.height(), DifferenceHeatMap.FULL_SCALE),
                psnr, largest, frames);
    }

    /** Whether the PSNR hit the cap: the mean and the photo are the same picture. */
    public boolean identical() { return psnrDb >= Psnr.CAP_DB; }
}
