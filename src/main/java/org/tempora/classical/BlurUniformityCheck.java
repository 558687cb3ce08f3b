package org.tempora.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;

/**
 * Tells whether one blur kernel explains the whole photo (the classical engine's assumption) or the blur
 * differs from part to part: a moving object on a still background, camera rotation, depth.
 *
 * <p>Method: a blind kernel ({@link KernelEstimator}) on each half of the photo (left, right, top, bottom; on its
 * most detailed window of {@link #REGION_PIXELS} when larger), and the two halves of each split compared by the
 * second moments of their kernels' mass, which hold the motion's extent and direction, by the affine-invariant
 * distance sqrt(sum log^2 eig(C_a^-1 C_b)) (Forstner &amp; Moonen 1999).
 * Blind kernels from parts of a photo agree on those moments but not on a stroke's fine shape, and the global
 * kernel cannot serve as the reference: where the blur varies it is a blend of both. Halves rather than quarters:
 * on a quarter of a 320x240 picture the estimate failed about one time in six, and a failure looks like a difference.
 * A half without texture in two directions (sky, a wall, one straight edge) reveals no kernel and is left out
 * rather than called different.
 */
public final class BlurUniformityCheck {
    private BlurUniformityCheck() {}

    /**
     * Splits whose kernels lie further apart are blurred differently. Measured on 320x240 development crops: uniform
     * blur 0.1-1.9 (2.26 once, a failed estimate), horizontal against vertical 15 px strokes 2.9-3.5, still against a
     * 15 px stroke 2.5-3.0; at 640x360 uniform 0.3-1.0, still against a 21 px stroke 3.3, horizontal against vertical
     * 4.0. One direction's variance growing e^2.35 = 10 times (its extent 3.2 times) reaches it. With 31 px parts'
     * kernels, {@code benchmark --uniformity} (six seeds, 7 to 23, at 640x360 and 320x240): uniform cases at most 1.96
     * at its 15 px blur (2.07, and 2.36 once, with {@link UniformityCalibration#EXTENT} set to 25 for a run of three
     * seeds), uneven ones above it in 86% (15 px) and 98% (25 px) of the cases judged. 2.2 named 91% at 15 px with the
     * same false alarms on that set, but with a margin of 0.13 over a uniform case: kept.
     */
    static final double DIFFERENT = 2.35;
    /** Variance (px^2) added to both moments: a pixel's own extent, so near-deltas compare finitely. */
    private static final double PIXEL_VARIANCE = 1;
    /** Halves larger than this many pixels are estimated on their most detailed window of this size (speed). */
    static final int REGION_PIXELS = 38_400;
    /**
     * Iterations per pyramid level of the parts' estimates: 3 instead of the estimator's 5 still names every uneven
     * blur of the tests at about 60% of the time (2 missed two of them).
     */
    private static final int ITERATIONS = 3;
    /**
     * Smallest kernel tried on a part, in working pixels (a still background gives a tiny global kernel, a moving object a
     * long one); larger global kernels set the parts' size ({@link #partKernelSize}). 31 rather than the 21 px it was, so
     * that the check can start beside the global estimate and be kept whenever the global kernel is no larger
     * ({@link UniformityCheckAhead}). On {@code benchmark --uniformity} (the same six seeds and sizes, 15 px blur) uneven
     * cases named rose from 77% to 86% at the same threshold, uniform ones stayed unflagged (at most 1.96); 41 or 51 px
     * gave uniform cases up to 2.38 (a larger canvas lets a part's noise grow into its kernel).
     */
    static final int PART_KERNEL = 31;
    /** Smallest kernel a part is estimated at when its window lacks room for {@link #PART_KERNEL} (the floor it used to be). */
    static final int SMALLEST_PART_KERNEL = 21;
    /**
     * A half has texture when the weaker direction of its gradient structure tensor carries this many times the
     * gradient power of the noise (measured on blurred development crops: 2.5-70 where there is detail, 0.5-1.3 on
     * the rocket's sky), and at least {@link #TEXTURE_FLOOR} of the photo's contrast squared (noise-free flat pictures).
     */
    static final double TEXTURE_SNR = 2, TEXTURE_FLOOR = 2e-5;

    /** The four halves; {@link #LEFT}/{@link #RIGHT} and {@link #TOP}/{@link #BOTTOM} are compared. */
    enum Half {
        LEFT("the left half"), RIGHT("the right half"), TOP("the top half"), BOTTOM("the bottom half");

        final String label;

        Half(String label) { this.label = label; }
    }

    /**
     * Per half (in {@link Half} order) whether it has texture enough to be judged; the kernel distance between left
     * and right and between top and bottom (NaN when a side was not judged); the resulting warning.
     */
    record Analysis(boolean[] textured, double leftRight, double topBottom, Optional<String> warning, Optional<Grid> grid) {
        /** Whether the quarters were compared and fall into more than one group. */
        boolean quartersDiffer() { return grid.isPresent() && grid.get().groups() > 1; }

        /** Whether the split named is left/right rather than top/bottom (when the halves differ at all). */
        boolean splitsLeftRight() { return BlurUniformityCheck.splitsLeftRight(leftRight, topBottom); }
    }

    /** Left and right are the halves named when they differ and top and bottom do not differ more. */
    static boolean splitsLeftRight(double leftRight, double topBottom) {
        boolean lr = leftRight > DIFFERENT, tb = topBottom > DIFFERENT;
        return lr && (!tb || leftRight >= topBottom);
    }

    /**
     * Whether the photo's halves (and, when they differ, quarters) are blurred alike: the verdict as a warning naming the
     * parts that differ (empty when the blur looks uniform or too little of the photo has texture to tell), with the
     * figures behind it; {@link #parts} places the parts named.
     *
     * @param lum    linear luminance at working resolution, w x h, row-major
     * @param rks    the parts' kernel size: {@link #partKernelSize} of the global kernel's (odd, at least {@link #PART_KERNEL})
     * @param cancel polled throughout; the halves are estimated in parallel
     */
    static Analysis analyse(float[] lum, int w, int h, int rks, CancellationToken cancel) throws CancelledException {
        if (w < 1 || h < 1 || lum.length != w * h) {
            throw new IllegalArgumentException("plane has " + lum.length + " values, expected " + w + "*" + h);
        }
        if (rks < PART_KERNEL || rks % 2 == 0) {
            throw new IllegalArgumentException("the parts' kernel size must be odd and at least " + PART_KERNEL + ", got " + rks);
        }
        cancel.throwIfCancelled();
        int n = Half.values().length;
        boolean[] textured = new boolean[n];
        Analysis none = new Analysis(textured, Double.NaN, Double.NaN, Optional.empty(), Optional.empty());
        int hw = w / 2, hh = h / 2;
        int[][] halves = halves(w, h);
        float p99 = percentile99(lum);
        double sigma = NoiseLevel.finest(lum, w, h);
        // 2 sigma^2: the power of a difference of white noise
        double minTexture = Math.max(TEXTURE_SNR * 2 * sigma * sigma, TEXTURE_FLOOR * p99 * p99);
        float[][] planes = new float[n][];
        int[][] sizes = new int[n][];
        rks = cropParts(lum, w, halves, rks, minTexture, planes, sizes, textured);
        if (rks == 0) return none;
        boolean judgeLeftRight = textured[Half.LEFT.ordinal()] && textured[Half.RIGHT.ordinal()];
        boolean judgeTopBottom = textured[Half.TOP.ordinal()] && textured[Half.BOTTOM.ordinal()];
        if (!judgeLeftRight && !judgeTopBottom) return none;

        boolean[] wanted = {judgeLeftRight, judgeLeftRight, judgeTopBottom, judgeTopBottom};
        float[][] local = estimateAll(planes, sizes, wanted, rks, cancel);
        double leftRight = judgeLeftRight ? momentDistance(local[0], local[1], rks) : Double.NaN;
        double topBottom = judgeTopBottom ? momentDistance(local[2], local[3], rks) : Double.NaN;
        Optional<String> split = verdict(leftRight, topBottom);
        // Quarters only confirm and localise what the halves found: alone, four more blind estimates on smaller parts
        // would raise false alarms.
        Optional<Grid> grid = split.isPresent() ? grid(lum, w, h, rks, minTexture, cancel) : Optional.empty();
        Optional<String> quarters = gridVerdict(grid);
        Optional<String> warning = split.map(v -> quarters.map(q -> v + "; " + q).orElse(v));
        return new Analysis(textured, leftRight, topBottom, warning, grid);
    }

    /**
     * The warning for these distances (NaN: not judged), naming the split whose halves differ most: where the blur
     * differs between left and right, the top and bottom windows may straddle both kinds and differ too.
     */
    static Optional<String> verdict(double leftRight, double topBottom) {
        boolean lr = leftRight > DIFFERENT, tb = topBottom > DIFFERENT;
        if (!lr && !tb) return Optional.empty();
        String parts = splitsLeftRight(leftRight, topBottom)
                ? "the left half is blurred differently from the right half"
                : "the top half is blurred differently from the bottom half";
        return Optional.of("blur looks spatially varying: " + parts + "; result is approximate");
    }

    /** Quarters of the photo, in reading order; {@link #grid} compares their kernels. */
    enum Quarter {
        TOP_LEFT("top-left"), TOP_RIGHT("top-right"), BOTTOM_LEFT("bottom-left"), BOTTOM_RIGHT("bottom-right");

        final String label;

        Quarter(String label) { this.label = label; }
    }

    /**
     * Smallest working-resolution quarter judged (width, height): on quarters of 320x240 pictures the blind estimate
     * failed about one time in six, so the grid waits for photos twice that size.
     */
    static final int MIN_QUARTER_W = 320, MIN_QUARTER_H = 180;

    /**
     * The quarters' kernels compared pairwise: {@code distance[a][b]} (NaN where a quarter has too little texture), and
     * {@code group[q]}: a quarter joins the first group (in reading order) all of whose members lie within
     * {@link #DIFFERENT} of it, else starts one (complete linkage: one failed estimate cannot chain two blurs together;
     * -1 not judged). More than one group: the blur differs between them.
     */
    record Grid(double[][] distance, int[] group, int groups) {
        /** The quarters of group g, by label, joined with "and". */
        String members(int g) {
            List<String> names = new ArrayList<>();
            for (Quarter q : Quarter.values()) if (group[q.ordinal()] == g) names.add(q.label);
            return String.join(" and ", names);
        }
    }

    /**
     * Blind kernels of the photo's four quarters (each on its most detailed window of {@link #REGION_PIXELS}), grouped
     * by moment distance; empty when the photo is too small for quarters or fewer than two have texture.
     */
    static Optional<Grid> grid(float[] lum, int w, int h, int rks, double minTexture, CancellationToken cancel) throws CancelledException {
        int qw = w / 2, qh = h / 2;
        if (qw < MIN_QUARTER_W || qh < MIN_QUARTER_H) return Optional.empty();
        int[][] quarters = quarters(w, h);
        int n = quarters.length;
        float[][] planes = new float[n][];
        int[][] sizes = new int[n][];
        boolean[] textured = new boolean[n];
        rks = cropParts(lum, w, quarters, rks, minTexture, planes, sizes, textured);
        if (rks == 0) return Optional.empty();
        int judged = 0;
        for (boolean t : textured) if (t) judged++;
        if (judged < 2) return Optional.empty();
        float[][] kernels = estimateAll(planes, sizes, textured, rks, cancel);
        double[][] distance = new double[n][n];
        for (double[] row : distance) Arrays.fill(row, Double.NaN);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) if (textured[a] && textured[b]) distance[a][b] = momentDistance(kernels[a], kernels[b], rks);
        }
        int[] group = new int[n];
        Arrays.fill(group, -1);
        int groups = 0;
        for (int q = 0; q < n; q++) {
            if (!textured[q]) continue;
            for (int g = 0; g < groups && group[q] < 0; g++) {
                boolean nearAll = true;
                for (int o = 0; o < q; o++) if (group[o] == g && !(distance[q][o] <= DIFFERENT)) nearAll = false;
                if (nearAll) group[q] = g;
            }
            if (group[q] < 0) group[q] = groups++;
        }
        return Optional.of(new Grid(distance, group, groups));
    }

    /**
     * Fills, per part {x, y, w, h}, its most detailed window of {@link #REGION_PIXELS} as a plane, its size and whether
     * it has texture, and returns the kernel size the parts are estimated at: {@code rks}, or for the
     * {@link #PART_KERNEL} floor the largest odd size down to {@link #SMALLEST_PART_KERNEL} that a window holds three times
     * over (the estimator's room); 0 when a window lacks that room: such photos cannot be judged by parts.
     */
    private static int cropParts(float[] lum, int w, int[][] parts, int rks, double minTexture, float[][] planes, int[][] sizes,
                                 boolean[] textured) {
        int shortest = Integer.MAX_VALUE;
        for (int[] part : parts) {
            int[] size = windowSize(part, REGION_PIXELS);
            shortest = Math.min(shortest, Math.min(size[0], size[1]));
        }
        int size = rks == PART_KERNEL ? Math.min(rks, ((shortest / 3) - 1) | 1) : rks;
        if (size < SMALLEST_PART_KERNEL || 3 * size > shortest) return 0;
        for (int r = 0; r < parts.length; r++) {
            int[] q = detailedWindow(lum, w, parts[r], REGION_PIXELS);
            planes[r] = KernelOps.crop(lum, w, q[0], q[1], q[2], q[3]);
            sizes[r] = new int[] {q[2], q[3]};
            textured[r] = weakerDirectionPower(planes[r], q[2], q[3]) >= minTexture;
        }
        return size;
    }

    /** The grid's finding for the user, when its quarters fall into more than one group. */
    static Optional<String> gridVerdict(Optional<Grid> grid) {
        if (grid.isEmpty() || grid.get().groups() < 2) return Optional.empty();
        Grid g = grid.get();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < g.groups(); i++) parts.add(g.members(i));
        return Optional.of("the blur differs between the " + String.join(" quarters, the ", parts)
                + " quarters; to estimate it from one part, choose that part (Blur region in the window, --region on the command line)");
    }

    /**
     * The parts a warning of {@code a} speaks of, in photo pixels, grouped by blur: the quarters when they fall into more
     * than one group, else the two halves of the split named; empty when the blur looks uniform. The analysis ran at
     * w x h; the parts are scaled to the photo's photoW x photoH.
     */
    static List<BlurPart> parts(Analysis a, int w, int h, int photoW, int photoH) {
        if (a.warning().isEmpty()) return List.of();
        List<BlurPart> out = new ArrayList<>();
        double sx = (double) photoW / w, sy = (double) photoH / h;
        if (a.quartersDiffer()) {
            int[][] quarters = quarters(w, h);
            int[] group = a.grid().get().group();
            for (int q = 0; q < quarters.length; q++) if (group[q] >= 0) out.add(scaled(quarters[q], group[q], sx, sy, photoW, photoH));
            return out;
        }
        int[][] halves = halves(w, h);
        int first = a.splitsLeftRight() ? Half.LEFT.ordinal() : Half.TOP.ordinal();
        for (int g = 0; g < 2; g++) out.add(scaled(halves[first + g], g, sx, sy, photoW, photoH));
        return out;
    }

    /**
     * The warning for a run that rendered each group of {@link #parts} with its own blur, {@code blurs.get(g)} naming
     * group g's ("Blur A, a 15 px path"): which parts differ, with their blurs, the seam, and how to use one blur instead.
     */
    static String blendedWarning(Analysis a, List<String> blurs, int seamPixels) {
        List<String> groups = new ArrayList<>();
        if (a.quartersDiffer()) {
            Grid grid = a.grid().get();
            for (int g = 0; g < grid.groups(); g++) {
                String members = grid.members(g);
                groups.add("the " + members + (members.contains(" and ") ? " quarters (" : " quarter (") + blurs.get(g) + ")");
            }
        } else {
            boolean leftRight = a.splitsLeftRight();
            Half first = leftRight ? Half.LEFT : Half.TOP, second = leftRight ? Half.RIGHT : Half.BOTTOM;
            groups.add(first.label + " (" + blurs.get(0) + ")");
            groups.add(second.label + " (" + blurs.get(1) + ")");
        }
        String listed = String.join(", ", groups.subList(0, groups.size() - 1)) + " and " + groups.get(groups.size() - 1);
        return "blur looks spatially varying: it differs between " + listed
                + "; each part's frames were rendered with its own blur, blended over " + seamPixels + " px across the seams"
                + "; to use one blur for the whole photo, choose the part to estimate it from (Blur region in the window, --region on the command line)";
    }

    /** The {@link Half}s of a w x h picture, in that order, as {x, y, width, height}. */
    private static int[][] halves(int w, int h) {
        int hw = w / 2, hh = h / 2;
        return new int[][] {{0, 0, hw, h}, {w - hw, 0, hw, h}, {0, 0, w, hh}, {0, h - hh, w, hh}};
    }

    /** The {@link Quarter}s of a w x h picture, in that order, as {x, y, width, height}. */
    private static int[][] quarters(int w, int h) {
        int qw = w / 2, qh = h / 2;
        return new int[][] {{0, 0, qw, qh}, {w - qw, 0, qw, qh}, {0, h - qh, qw, qh}, {w - qw, h - qh, qw, qh}};
    }

    private static BlurPart scaled(int[] r, int group, double sx, double sy, int photoW, int photoH) {
        int x0 = (int) Math.round(r[0] * sx), y0 = (int) Math.round(r[1] * sy);
        int x1 = Math.min(photoW, (int) Math.round((r[0] + r[2]) * sx)), y1 = Math.min(photoH, (int) Math.round((r[1] + r[3]) * sy));
        return new BlurPart(x0, y0, x1 - x0, y1 - y0, group);
    }

    /** The parts' kernel size for a global kernel of {@code globalSize} px (odd): {@link #PART_KERNEL} or that size. */
    static int partKernelSize(int globalSize) { return Math.max(PART_KERNEL, globalSize); }

    /**
     * Blind kernels of the wanted parts, in parallel on the common pool; without the estimator's noise prefilter and with
     * the fine levels' Tikhonov weight at every level, as {@link #DIFFERENT} was calibrated (with the prefilter, 62 instead
     * of 66 of 81 uneven cases were named at 640x360, false alarms 0 of 59 either way; with a firm weight of 2.5 at every
     * level but the finest, 62 named and 1 false alarm, and 49 instead of 58 of 65 named at 320x240).
     */
    private static float[][] estimateAll(float[][] planes, int[][] sizes, boolean[] wanted, int rks, CancellationToken cancel)
            throws CancelledException {
        float[][] out = new float[planes.length][];
        KernelEstimator estimator = new KernelEstimator(ITERATIONS, ITERATIONS, KernelEstimator.PAN_LAMBDA_DECAY, false, false);
        ParallelTasks.forEach(planes.length, cancel, r -> {
            if (wanted[r]) out[r] = estimator.estimate(planes[r], sizes[r][0], sizes[r][1], rks, ProgressListener.NONE, cancel).kernel();
        });
        return out;
    }

    /**
     * Affine-invariant distance between the second-moment matrices of two kernels' mass (each plus
     * {@link #PIXEL_VARIANCE}): sqrt(log^2 l1 + log^2 l2) with l the generalised eigenvalues of (C_b, C_a).
     * Horizontal against vertical 15 px strokes: about 4.2; a still point against a 15 px stroke: about 3.0.
     */
    static double momentDistance(float[] a, float[] b, int ks) {
        double[] ca = moments(a, ks), cb = moments(b, ks);
        // det(C_b - l C_a) = 0:  qa l^2 + qb l + qc = 0
        double qa = ca[0] * ca[2] - ca[1] * ca[1];
        double qb = -(cb[0] * ca[2] + cb[2] * ca[0] - 2 * ca[1] * cb[1]);
        double qc = cb[0] * cb[2] - cb[1] * cb[1];
        double disc = Math.sqrt(Math.max(0, qb * qb - 4 * qa * qc));
        double l1 = (-qb + disc) / (2 * qa), l2 = (-qb - disc) / (2 * qa);
        return Math.hypot(Math.log(l1), Math.log(l2));
    }

    /** {xx, xy, yy}: the covariance of the kernel's mass about its centre of mass, plus {@link #PIXEL_VARIANCE} on the diagonal. */
    static double[] moments(float[] k, int ks) {
        double s = 0, mx = 0, my = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) {
                double v = k[y * ks + x];
                s += v;
                mx += v * x;
                my += v * y;
            }
        }
        if (!(s > 0)) return new double[] {PIXEL_VARIANCE, 0, PIXEL_VARIANCE};
        mx /= s;
        my /= s;
        double xx = 0, xy = 0, yy = 0;
        for (int y = 0; y < ks; y++) {
            for (int x = 0; x < ks; x++) {
                double v = k[y * ks + x] / s, dx = x - mx, dy = y - my;
                xx += v * dx * dx;
                xy += v * dx * dy;
                yy += v * dy * dy;
            }
        }
        return new double[] {xx + PIXEL_VARIANCE, xy, yy + PIXEL_VARIANCE};
    }

    /** {width, height} of {@link #detailedWindow}'s window in {@code part}: known before it is searched for. */
    static int[] windowSize(int[] part, int pixels) {
        int hw = part[2], hh = part[3];
        if ((long) hw * hh <= pixels) return new int[] {hw, hh};
        double f = Math.sqrt(pixels / ((double) hw * hh));
        return new int[] {Math.max(1, (int) (hw * f)), Math.max(1, (int) (hh * f))};
    }

    /**
     * The window {x, y, width, height} of about {@code pixels} pixels (the half's aspect) inside {@code half} with the
     * most gradient energy, or the whole half when it is no larger: at full resolution, because a reduced one shrinks
     * the strokes that tell kernels apart, and on the most detailed part, because edges are what reveal a kernel.
     */
    static int[] detailedWindow(float[] lum, int w, int[] half, int pixels) {
        int x0 = half[0], y0 = half[1], hw = half[2], hh = half[3];
        if ((long) hw * hh <= pixels) return half.clone();
        int[] size = windowSize(half, pixels);
        int ww = size[0], wh = size[1];
        int step = Math.max(1, Math.max(hw - ww, hh - wh) / 16);
        int[] at = DetailedWindow.find(lum, w, x0, y0, hw, hh, null, ww, wh, step);
        return new int[] {at[0], at[1], ww, wh};
    }

    /**
     * Mean gradient power along the weaker direction: the smaller eigenvalue of the mean structure tensor
     * [gx^2 gxgy; gxgy gy^2] (forward differences). A kernel shows only across edges, so a region needs edges in
     * two directions to reveal one.
     */
    static double weakerDirectionPower(float[] p, int w, int h) {
        double xx = 0, xy = 0, yy = 0;
        long count = 0;
        for (int y = 0; y + 1 < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                int i = y * w + x;
                double gx = p[i + 1] - p[i], gy = p[i + w] - p[i];
                xx += gx * gx;
                xy += gx * gy;
                yy += gy * gy;
                count++;
            }
        }
        if (count == 0) return 0;
        xx /= count;
        xy /= count;
        yy /= count;
        return (xx + yy) / 2 - Math.sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
    }

    /** 99th percentile of the plane, at least 0.02 (as the estimator's contrast normalisation). */
    private static float percentile99(float[] p) {
        float[] sorted = p.clone();
        Arrays.sort(sorted);
        return Math.max(0.02f, sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)]);
    }

    /** Figures of an analysis for logs and tests: halves left out, the two distances, the warning. */
    static String describe(Analysis a) {
        List<String> flat = new ArrayList<>();
        for (Half half : Half.values()) if (!a.textured()[half.ordinal()]) flat.add(half.label);
        return String.format(Locale.ROOT, "left/right %.2f, top/bottom %.2f%s; %s", a.leftRight(), a.topBottom(),
                flat.isEmpty() ? "" : ", no texture: " + String.join(", ", flat), a.warning().orElse("no warning"));
    }
}
