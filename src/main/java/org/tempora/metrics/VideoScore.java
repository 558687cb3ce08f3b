package org.tempora.metrics;

import java.util.List;
import org.tempora.image.LinearImage;

/**
 * The paper's scores of one generated video against its ground truth, in one place for the
 * command line and the benchmark.
 *
 * @param bidirectionalPsnr Eq. 6 as the model notes define it: direction chosen per pixel, PSNR per frame, mean over frames
 * @param pooledPsnr the reference code's variant: the same choice, one PSNR of the error pooled over all frames
 * @param forwardPsnr mean per-frame PSNR without any direction choice
 * @param bidirectionalSsim SSIM on 40x40 patches, direction chosen per patch
 * @param consistencyPsnr the photo against the mean of the frames (NaN when no photo was given)
 */
public record VideoScore(double bidirectionalPsnr, double pooledPsnr, double forwardPsnr, double bidirectionalSsim, double consistencyPsnr) {

    public static VideoScore of(List<LinearImage> predicted, List<LinearImage> truth, LinearImage photo) {
        return of(predicted, truth, photo, predicted);
    }

    /** As {@link #of(List, List, LinearImage)}, with blur consistency over {@code exposureFrames} only (those inside the exposure). */
    public static VideoScore of(List<LinearImage> predicted, List<LinearImage> truth, LinearImage photo, List<LinearImage> exposureFrames) {
        BidirectionalPsnr.Result p = BidirectionalPsnr.compute(predicted, truth);
        PatchSsim.Result s = PatchSsim.compute(predicted, truth);
        double forward = 0;
        for (double v : p.forwardFramePsnr()) forward += v;
        forward /= p.frameCount();
        double consistency = photo == null ? Double.NaN : BlurConsistency.psnr(photo, exposureFrames);
        return new VideoScore(p.meanFramePsnr(), p.psnr(), forward, s.ssim(), consistency);
    }
}
