package org.tempora.metrics;

import java.util.List;
import org.tempora.image.LinearImage;

/**
 * Bidirectional (pixel-wise) PSNR of a generated video against ground truth (blur2vid paper, Eq. 6): a motion-blurred
 * photo does not tell which way time ran, so each pixel is scored against whichever playing direction, forward or
 * reversed, fits it better.
 * <p>
 * Details follow the reference evaluation (tedlasai/blur2vid, extra/moMets-parallel-gopro.py, scorePWPSNR =
 * 10 log10(1 / mean(min over direction(mean over frames(squared error))))): the direction is chosen per pixel
 * <em>and per colour channel</em> (the minimum is taken element-wise over height x width x channel), on the squared
 * error averaged over all frames, so one pixel keeps the same direction in every frame. {@link Result#psnr()} is
 * that reference score, from the MSE pooled over all frames; {@link Result#framePsnr()} scores each frame with the
 * same direction map.
 * <p>
 * Values are display values: the linear images are sRGB-encoded with Srgb.fromLinear and clamped to [0, 1], peak 1.0,
 * as the reference scores 8-bit sRGB frames divided by 255. PSNRs are capped at {@link Psnr#CAP_DB}.
 * Memory: four display frames and two double accumulators of one frame's size, whatever the video length.
 */
public final class BidirectionalPsnr {
    private BidirectionalPsnr() {}

    /**
     * @param psnr              reference score: PSNR of the MSE of the better direction per pixel and channel, pooled over frames
     * @param framePsnr         per frame, PSNR of that frame's errors under the same direction map
     * @param meanFramePsnr     mean of framePsnr
     * @param forwardPsnr       plain PSNR, mean over frames of the per-frame forward PSNR (for information)
     * @param forwardFramePsnr  plain per-frame PSNR, forward direction
     * @param bestDirectionPsnr the reference's "PSNR" column: the better of the forward and reversed mean per-frame PSNR,
     *                          one direction for the whole video
     */
    public record Result(double psnr, double[] framePsnr, double meanFramePsnr, double forwardPsnr,
                         double[] forwardFramePsnr, double bestDirectionPsnr) {
        public Result {
            framePsnr = framePsnr.clone();
            forwardFramePsnr = forwardFramePsnr.clone();
        }
        @Override public double[] framePsnr() { return framePsnr.clone(); }
        @Override public double[] forwardFramePsnr() { return forwardFramePsnr.clone(); }
        public int frameCount() { return framePsnr.length; }
    }

    /** Scores a predicted video against the ground truth, frame i against frame i, both in linear light. */
    public static Result compute(List<LinearImage> predicted, List<LinearImage> truth) {
        Display.requireComparable(predicted, truth);
        int frames = truth.size();
        LinearImage shape = truth.get(0);
        int channels = shape.channels(), pixels = shape.pixelCount();
        double[] forwardSum = new double[channels * pixels], reversedSum = new double[channels * pixels];
        double[] forwardFrameSse = new double[frames], reversedFrameSse = new double[frames];

        // Walk frames in mirrored pairs (f, g = last - f) so each picture is encoded to display values once per pass.
        for (int f = 0; f <= (frames - 1) / 2; f++) {
            int g = frames - 1 - f;
            float[][] tf = Display.planes(truth.get(f)), pf = Display.planes(predicted.get(f));
            float[][] tg = g == f ? tf : Display.planes(truth.get(g)), pg = g == f ? pf : Display.planes(predicted.get(g));
            forwardFrameSse[f] = accumulate(tf, pf, forwardSum);
            reversedFrameSse[f] = accumulate(tf, pg, reversedSum);
            if (g != f) {
                forwardFrameSse[g] = accumulate(tg, pg, forwardSum);
                reversedFrameSse[g] = accumulate(tg, pf, reversedSum);
            }
        }

        boolean[] useReversed = new boolean[forwardSum.length];
        double chosen = 0;
        for (int i = 0; i < forwardSum.length; i++) {
            useReversed[i] = reversedSum[i] < forwardSum[i];
            chosen += useReversed[i] ? reversedSum[i] : forwardSum[i];
        }
        double values = (double) frames * channels * pixels;
        double psnr = Psnr.fromMse(chosen / values);

        double[] chosenFrameSse = new double[frames];
        for (int f = 0; f <= (frames - 1) / 2; f++) {
            int g = frames - 1 - f;
            float[][] tf = Display.planes(truth.get(f)), pf = Display.planes(predicted.get(f));
            float[][] tg = g == f ? tf : Display.planes(truth.get(g)), pg = g == f ? pf : Display.planes(predicted.get(g));
            chosenFrameSse[f] = chosenSse(tf, pf, pg, useReversed);
            if (g != f) chosenFrameSse[g] = chosenSse(tg, pg, pf, useReversed);
        }

        double perFrameValues = (double) channels * pixels;
        double[] framePsnr = new double[frames], forwardFramePsnr = new double[frames];
        double meanFrame = 0, meanForward = 0, meanReversed = 0;
        for (int f = 0; f < frames; f++) {
            framePsnr[f] = Psnr.fromMse(chosenFrameSse[f] / perFrameValues);
            forwardFramePsnr[f] = Psnr.fromMse(forwardFrameSse[f] / perFrameValues);
            meanFrame += framePsnr[f] / frames;
            meanForward += forwardFramePsnr[f] / frames;
            meanReversed += Psnr.fromMse(reversedFrameSse[f] / perFrameValues) / frames;
        }
        return new Result(psnr, framePsnr, meanFrame, meanForward, forwardFramePsnr, Math.max(meanForward, meanReversed));
    }

    /** Adds the squared errors of one frame pair into the per-value sums; returns the pair's total squared error. */
    private static double accumulate(float[][] truth, float[][] predicted, double[] sums) {
        double total = 0;
        int pixels = truth[0].length;
        for (int c = 0; c < truth.length; c++) {
            float[] t = truth[c], p = predicted[c];
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                double d = p[i] - t[i], e = d * d;
                sums[base + i] += e;
                total += e;
            }
        }
        return total;
    }

    /** Total squared error of one ground-truth frame against its forward or mirrored prediction, per the direction map. */
    private static double chosenSse(float[][] truth, float[][] forward, float[][] reversed, boolean[] useReversed) {
        double total = 0;
        int pixels = truth[0].length;
        for (int c = 0; c < truth.length; c++) {
            float[] t = truth[c], pf = forward[c], pr = reversed[c];
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                double d = (useReversed[base + i] ? pr[i] : pf[i]) - t[i];
                total += d * d;
            }
        }
        return total;
    }
}
