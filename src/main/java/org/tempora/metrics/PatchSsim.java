package org.tempora.metrics;

import java.util.List;
import org.tempora.image.LinearImage;

/**
 * Bidirectional patch SSIM (blur2vid paper, Eq. 6 with 40x40 patches): each frame is cut into 40x40 patches, each
 * patch's SSIM is averaged over the frames for the forward and for the time-reversed prediction, the better direction
 * is kept per patch, and the result is the mean over patches.
 * <p>
 * SSIM itself is the one the reference evaluation calls (tedlasai/blur2vid, extra/moMets-parallel-gopro.py:
 * skimage.metrics.structural_similarity(gt_patch, pred_patch, data_range=1, channel_axis=2) with its defaults), i.e.
 * Wang et al. 2004 Eq. 13 on a 7x7 <em>uniform</em> window (not the paper's 11x11 Gaussian), sample covariances
 * (N/(N-1), N = 49), K1 = 0.01, K2 = 0.03, averaged over the window positions that lie fully inside the patch, computed
 * per colour channel and averaged over channels. The direction is chosen per patch, shared by all frames and channels.
 * <p>
 * Values are display values: linear images are sRGB-encoded with Srgb.fromLinear and clamped to [0, 1], peak 1.0.
 * The reference requires the image size to be a multiple of 40; here the last row and column of patches may be
 * smaller, and are skipped only when thinner than the 7-pixel window.
 */
public final class PatchSsim {
    private PatchSsim() {}

    public static final int PATCH = 40;
    public static final int WINDOW = 7;
    public static final double K1 = 0.01, K2 = 0.03;
    private static final double C1 = K1 * K1, C2 = K2 * K2; // (K * data range)^2 with data range 1
    private static final double WINDOW_PIXELS = WINDOW * WINDOW;
    private static final double COVARIANCE_NORM = WINDOW_PIXELS / (WINDOW_PIXELS - 1);

    /**
     * @param ssim        bidirectional patch SSIM: per patch the better direction's frame-mean SSIM, mean over patches
     * @param forwardSsim plain patch SSIM of the forward direction, mean over frames and patches (for information)
     * @param patches     number of patches scored per frame
     */
    public record Result(double ssim, double forwardSsim, int patches) {}

    /** Scores a predicted video against the ground truth, frame i against frame i, both in linear light. */
    public static Result compute(List<LinearImage> predicted, List<LinearImage> truth) {
        Display.requireComparable(predicted, truth);
        LinearImage shape = truth.get(0);
        Grid grid = new Grid(shape.width(), shape.height());
        int frames = truth.size();
        double[] forward = new double[grid.count()], reversed = new double[grid.count()];
        double[] scratch = scratch();
        for (int f = 0; f <= (frames - 1) / 2; f++) {
            int g = frames - 1 - f;
            float[][] tf = Display.planes(truth.get(f)), pf = Display.planes(predicted.get(f));
            float[][] tg = g == f ? tf : Display.planes(truth.get(g)), pg = g == f ? pf : Display.planes(predicted.get(g));
            addPatchScores(grid, tf, pf, forward, scratch);
            addPatchScores(grid, tf, pg, reversed, scratch);
            if (g != f) {
                addPatchScores(grid, tg, pg, forward, scratch);
                addPatchScores(grid, tg, pf, reversed, scratch);
            }
        }
        double best = 0, plain = 0;
        for (int p = 0; p < grid.count(); p++) {
            best += Math.max(forward[p], reversed[p]) / frames;
            plain += forward[p] / frames;
        }
        return new Result(best / grid.count(), plain / grid.count(), grid.count());
    }

    /** Plain patch SSIM between two pictures: mean over 40x40 patches of the channel-mean SSIM. */
    public static double between(LinearImage a, LinearImage b) {
        Display.requireSameShape(a, b, "SSIM");
        Grid grid = new Grid(a.width(), a.height());
        double[] scores = new double[grid.count()];
        addPatchScores(grid, Display.planes(a), Display.planes(b), scores, scratch());
        double sum = 0;
        for (double s : scores) sum += s;
        return sum / grid.count();
    }

    /**
     * Mean SSIM (Wang et al. 2004, Eq. 13; 7x7 uniform window, sample covariance) of one patch of two planes of the
     * given row stride, over the window positions that fit inside the patch; values in [0, 1], data range 1.
     */
    public static double patchSsim(float[] x, float[] y, int stride, int left, int top, int width, int height) {
        return patchSsim(x, y, stride, left, top, width, height, new double[5 * (width + 1) * (height + 1)]);
    }

    private static double patchSsim(float[] x, float[] y, int stride, int left, int top, int width, int height, double[] table) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("a " + width + "x" + height + " patch is smaller than the " + WINDOW + "x" + WINDOW + " SSIM window");
        }
        // Summed-area tables of x, y, x^2, y^2 and xy, interleaved, so every window's sums cost four look-ups.
        int w1 = width + 1;
        java.util.Arrays.fill(table, 0, 5 * w1, 0.0);
        for (int r = 0; r < height; r++) {
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            int row = (r + 1) * w1, above = r * w1, src = (top + r) * stride + left;
            table[5 * row] = table[5 * row + 1] = table[5 * row + 2] = table[5 * row + 3] = table[5 * row + 4] = 0;
            for (int c = 0; c < width; c++) {
                double a = x[src + c], b = y[src + c];
                sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
                int o = 5 * (row + c + 1), u = 5 * (above + c + 1);
                table[o] = table[u] + sx;
                table[o + 1] = table[u + 1] + sy;
                table[o + 2] = table[u + 2] + sxx;
                table[o + 3] = table[u + 3] + syy;
                table[o + 4] = table[u + 4] + sxy;
            }
        }
        double total = 0;
        int positions = 0;
        for (int r = 0; r + WINDOW <= height; r++) {
            for (int c = 0; c + WINDOW <= width; c++) {
                int a = 5 * (r * w1 + c), b = 5 * (r * w1 + c + WINDOW);
                int d = 5 * ((r + WINDOW) * w1 + c), e = 5 * ((r + WINDOW) * w1 + c + WINDOW);
                double mx = (table[e] - table[b] - table[d] + table[a]) / WINDOW_PIXELS;
                double my = (table[e + 1] - table[b + 1] - table[d + 1] + table[a + 1]) / WINDOW_PIXELS;
                double mxx = (table[e + 2] - table[b + 2] - table[d + 2] + table[a + 2]) / WINDOW_PIXELS;
                double myy = (table[e + 3] - table[b + 3] - table[d + 3] + table[a + 3]) / WINDOW_PIXELS;
                double mxy = (table[e + 4] - table[b + 4] - table[d + 4] + table[a + 4]) / WINDOW_PIXELS;
                double vx = COVARIANCE_NORM * (mxx - mx * mx);
                double vy = COVARIANCE_NORM * (myy - my * my);
                double vxy = COVARIANCE_NORM * (mxy - mx * my);
                total += ((2 * mx * my + C1) * (2 * vxy + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                positions++;
            }
        }
        return total / positions;
    }

    /** Adds each patch's channel-mean SSIM of one frame pair to scores. */
    private static void addPatchScores(Grid grid, float[][] truth, float[][] predicted, double[] scores, double[] scratch) {
        for (int p = 0; p < grid.count(); p++) {
            int left = grid.left(p), top = grid.top(p), w = grid.width(p), h = grid.height(p);
            double sum = 0;
            for (int c = 0; c < truth.length; c++) sum += patchSsim(truth[c], predicted[c], grid.stride, left, top, w, h, scratch);
            scores[p] += sum / truth.length;
        }
    }

    private static double[] scratch() { return new double[5 * (PATCH + 1) * (PATCH + 1)]; }

    /** The 40x40 patch grid of an image; edge patches thinner than the SSIM window are left out. */
    private record Grid(int stride, int height, int columns, int rows) {
        Grid(int width, int height) {
            this(width, height, usable(width), usable(height));
            if (columns == 0 || rows == 0) {
                throw new IllegalArgumentException("a " + width + "x" + height + " picture is too small for SSIM: it needs at least "
                        + WINDOW + "x" + WINDOW + " pixels");
            }
        }

        private static int usable(int size) { return size / PATCH + (size % PATCH >= WINDOW ? 1 : 0); }

        int count() { return columns * rows; }
        int left(int p) { return (p % columns) * PATCH; }
        int top(int p) { return (p / columns) * PATCH; }
        int width(int p) { return Math.min(PATCH, stride - left(p)); }
        int height(int p) { return Math.min(PATCH, height - top(p)); }
    }
}
