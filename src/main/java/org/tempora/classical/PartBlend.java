package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.ProgressListener;

/**
 * Frames of a photo whose halves or quarters are blurred differently ({@link BlurUniformityCheck}): each group of
 * parts gets its own blind kernel and its own residual, and the residuals are blended with weights that are 1 inside
 * a part, fall off smoothly across the seams between parts, and sum to 1 everywhere, so no part of the photo gains or
 * loses motion at a seam. Frames that tile the exposure still average back to the photo, as each part's residuals
 * average to zero.
 */
final class PartBlend implements FrameResiduals {
    /**
     * Makes the residual of one kernel over the part {x, y, width, height} of the picture blended that its weight
     * reaches, plus context (the engine's {@link ResidualRenderer} on that crop).
     */
    interface RendererFactory {
        FrameResiduals make(int[] box, PartKernel kernel) throws CancelledException;
    }

    /** A kernel of one group of parts, its timed path and the motion strength shown. */
    record PartKernel(float[] kernel, int size, TimedKernel timed, double strength) {}

    /** Seams fade over at least this fraction of the picture's shorter side. */
    static final double SEAM_FRACTION = 1.0 / 8;

    private final List<FrameResiduals> renderers;
    /** The cells each renderer's weight sums (reading order). */
    private final int[][] cells;
    /** Where each renderer works, {x, y, width, height} in the picture. */
    private final int[][] boxes;
    private final CellWeights split;
    private final int width, height;
    private final double seam;

    private PartBlend(List<FrameResiduals> renderers, int[][] cells, int[][] boxes, CellWeights split, int width, int height, double seam) {
        this.renderers = renderers;
        this.cells = cells;
        this.boxes = boxes;
        this.split = split;
        this.width = width;
        this.height = height;
        this.seam = seam;
    }

    /** The width in pixels of the blended picture over which one part's frames give way to its neighbour's. */
    double seam() { return seam; }

    /**
     * A blend of {@code parts} (pixels of the w x h picture blended, grouped; from {@link BlurUniformityCheck#parts}):
     * group g is rendered with {@code kernels.get(g)}, and any cell of the split that no part covers (too little
     * texture to judge) with {@code whole}, the kernel of the whole picture. Seams fade over an eighth of the shorter
     * side, or twice {@code kernelSide} (the longest exposure kernel's side in these pixels) when that is more. Each
     * group is rendered only where its weight is above 0, plus {@code context} pixels around that: at least the frames'
     * kernel canvas, so that a frame's kernel does not reach past the crop, and as much again for the deconvolution,
     * whose border effects fall off with distance (the crop changes the frames within 0.25 dB of the truth's PSNR).
     */
    static PartBlend of(int w, int h, List<BlurPart> parts, List<PartKernel> kernels, PartKernel whole, double kernelSide, int context,
                        RendererFactory make, CancellationToken cancel) throws CancelledException {
        double seam = Math.min(Math.min(w, h) / 2.0, Math.max(Math.min(w, h) * SEAM_FRACTION, 2.0 * kernelSide));
        CellWeights split = CellWeights.of(w, h, parts, seam);
        int groups = kernels.size();
        List<List<Integer>> members = members(w, h, parts, groups);
        List<FrameResiduals> renderers = new ArrayList<>();
        List<int[]> cells = new ArrayList<>(), boxes = new ArrayList<>();
        for (int r = 0; r <= groups; r++) {
            if (members.get(r).isEmpty()) continue;
            cancel.throwIfCancelled();
            int[] own = members.get(r).stream().mapToInt(Integer::intValue).toArray();
            int[] box = split.reach(own, context);
            renderers.add(make.make(box, r < groups ? kernels.get(r) : whole));
            cells.add(own);
            boxes.add(box);
        }
        return new PartBlend(List.copyOf(renderers), cells.toArray(new int[0][]), boxes.toArray(new int[0][]), split, w, h, seam);
    }

    /** Whether a blend of {@code parts} over a w x h picture renders any cell with the whole picture's kernel (a cell no part covers). */
    static boolean usesWhole(int w, int h, List<BlurPart> parts) {
        int groups = parts.stream().mapToInt(BlurPart::group).max().orElse(-1) + 1;
        return !members(w, h, parts, groups).get(groups).isEmpty();
    }

    /** Per group, then (last) for the cells no part covers, the cells of the split it renders, in reading order. */
    private static List<List<Integer>> members(int w, int h, List<BlurPart> parts, int groups) {
        boolean[] axes = CellWeights.axes(w, h, parts);
        int[] cellGroup = cellGroups(w, h, parts);
        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r <= groups; r++) members.add(new ArrayList<>());
        for (int cell = 0; cell < 4; cell++) {
            if (CellWeights.has(cell, axes[0], axes[1])) members.get(cellGroup[cell] < 0 ? groups : cellGroup[cell]).add(cell);
        }
        return members;
    }

    @Override
    public float[][] residual(int index) {
        float[][] out = null;
        for (int r = 0; r < renderers.size(); r++) {
            float[][] part = renderers.get(r).residual(index);
            int[] box = boxes[r];
            float[] weight = new float[box[2]];
            if (out == null) out = new float[part.length][width * height];
            for (int y = 0; y < box[3]; y++) {
                split.row(cells[r], y + box[1], box[0], weight);
                int from = y * box[2], to = (y + box[1]) * width + box[0];
                for (int c = 0; c < part.length; c++) {
                    float[] o = out[c], p = part[c];
                    for (int x = 0; x < box[2]; x++) o[to + x] += weight[x] * p[from + x];
                }
            }
        }
        return out;
    }

    /**
     * Weights of the split's cells in reading order (top-left, top-right, bottom-left, bottom-right; a split into left
     * and right halves has no bottom row): products of a column and a row weight, each a smoothstep over the seam
     * centred on the picture's middle, so the cells' weights sum to 1 at every pixel. Kept as the two profiles rather
     * than as planes: a plane per cell of a 24-megapixel picture would take 96 MB.
     */
    record CellWeights(float[][] columns, float[][] rows, boolean twoColumns, boolean twoRows) {
        static CellWeights of(int w, int h, List<BlurPart> parts, double seam) {
            boolean[] axes = axes(w, h, parts);
            return new CellWeights(profiles(w, seam, axes[0]), profiles(h, seam, axes[1]), axes[0], axes[1]);
        }

        /** {two columns, two rows}: whether some part is narrower, or lower, than the picture. */
        static boolean[] axes(int w, int h, List<BlurPart> parts) {
            boolean twoColumns = false, twoRows = false;
            for (BlurPart p : parts) {
                twoColumns |= p.width() < w;
                twoRows |= p.height() < h;
            }
            return new boolean[] {twoColumns, twoRows};
        }

        /** {first, second}: 1 then a falling smoothstep, and 1 minus that; {ones, null} when the picture is not split this way. */
        private static float[][] profiles(int n, double seam, boolean split) {
            float[] first = new float[n], second = split ? new float[n] : null;
            double start = n / 2.0 - seam / 2;
            for (int i = 0; i < n; i++) {
                double t = split ? Math.max(0, Math.min(1, (i + 0.5 - start) / seam)) : 0; // at pixel centres
                first[i] = (float) (1 - t * t * (3 - 2 * t));
                if (split) second[i] = 1 - first[i];
            }
            return new float[][] {first, second};
        }

        boolean has(int cell) { return has(cell, twoColumns, twoRows); }

        /** Whether a split into two columns and/or two rows has the cell (reading order). */
        static boolean has(int cell, boolean twoColumns, boolean twoRows) { return ((cell & 1) == 0 || twoColumns) && (cell < 2 || twoRows); }

        double weight(int cell, int x, int y) { return columns[cell & 1][x] * rows[cell >> 1][y]; }

        /** The summed weight of {@code cells} along row y from column x0, into {@code out}. */
        void row(int[] cells, int y, int x0, float[] out) {
            java.util.Arrays.fill(out, 0f);
            for (int cell : cells) {
                float ry = rows[cell >> 1][y];
                if (ry == 0) continue;
                float[] column = columns[cell & 1];
                for (int x = 0; x < out.length; x++) out[x] += ry * column[x0 + x];
            }
        }

        /** {x, y, width, height}: the bounding box of the cells' non-zero weight grown by {@code context}, within the picture. */
        int[] reach(int[] cells, int context) {
            int w = columns[0].length, h = rows[0].length;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            for (int cell : cells) {
                float[] column = columns[cell & 1], row = rows[cell >> 1];
                for (int x = 0; x < w; x++) {
                    if (column[x] == 0) continue;
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                }
                for (int y = 0; y < h; y++) {
                    if (row[y] == 0) continue;
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
            if (x1 < 0 || y1 < 0) throw new IllegalArgumentException("cells with no weight");
            x0 = Math.max(0, x0 - context);
            y0 = Math.max(0, y0 - context);
            x1 = Math.min(w - 1, x1 + context);
            y1 = Math.min(h - 1, y1 + context);
            return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
        }
    }

    /** Per cell (reading order) the group of the part whose centre lies in it; -1 where none does. */
    static int[] cellGroups(int w, int h, List<BlurPart> parts) {
        int[] group = {-1, -1, -1, -1};
        for (BlurPart p : parts) {
            int column = p.x() + p.width() / 2.0 < w / 2.0 ? 0 : 1, row = p.y() + p.height() / 2.0 < h / 2.0 ? 0 : 2;
            // a half covers both cells of its side
            if (p.height() >= h) {
                group[column] = p.group();
                group[column + 2] = p.group();
            } else if (p.width() >= w) {
                group[row] = p.group();
                group[row + 1] = p.group();
            } else {
                group[column + row] = p.group();
            }
        }
        return group;
    }

    /**
     * Each group's blind kernel, estimated on the group's parts (their union when it is a rectangle, else the first
     * part), its path timed, and turned to run the way the others' do: a blur does not show which way time ran, and
     * parts of one photo shown moving against each other would be a guess no better and more jarring. Group A follows
     * the whole photo's path ({@code whole}) when that moves at least a pixel, and the other groups follow group A.
     * Warnings of the estimates go to {@code warnings}, named by group.
     */
    static List<PartKernel> estimate(KernelEstimator estimator, float[] luminance, int w, List<BlurPart> parts, int kernelSize,
                                     boolean reverseTime, TimedKernel whole, List<String> warnings, ProgressListener progress,
                                     CancellationToken cancel) throws CancelledException {
        int groups = 0;
        for (BlurPart p : parts) groups = Math.max(groups, p.group() + 1);
        // side by side on the common pool, as the check's halves are; progress from this thread only
        progress.progress("estimating the parts' blurs", 0, groups);
        KernelEstimator.Estimate[] estimates = new KernelEstimator.Estimate[groups];
        ParallelTasks.forEach(groups, cancel, g -> {
            int[] r = estimationRectangle(parts, g);
            estimates[g] = estimator.estimate(KernelOps.crop(luminance, w, r[0], r[1], r[2], r[3]), r[2], r[3], kernelSize,
                    ProgressListener.NONE, cancel);
        });
        progress.progress("estimating the parts' blurs", groups, groups);
        List<PartKernel> out = new ArrayList<>();
        double[] reference = motion(whole);
        for (int g = 0; g < groups; g++) {
            String name = BlurPart.blurName(g);
            KernelEstimator.Estimate e = estimates[g];
            for (String warning : e.warnings()) warnings.add(name + ": " + warning);
            TimedKernel timed = alignedTo(PathExtractor.extract(e.kernel(), e.size(), reverseTime), reference);
            if (g == 0) reference = motion(timed);
            out.add(new PartKernel(e.kernel(), e.size(), timed, ClassicalEngine.motionStrength(timed)));
        }
        return out;
    }

    /** {@code path}, or the same path run backwards when it heads against {@code reference} (ignored under a pixel long). */
    static TimedKernel alignedTo(TimedKernel path, double[] reference) {
        if (Math.hypot(reference[0], reference[1]) < 1) return path;
        double[] m = motion(path);
        return m[0] * reference[0] + m[1] * reference[1] < 0 ? path.reversed() : path;
    }

    /** Where a path goes over the exposure, end minus start, kernel pixels. */
    static double[] motion(TimedKernel t) {
        double[] a = t.position(-0.5), b = t.position(0.5);
        return new double[] {b[0] - a[0], b[1] - a[1]};
    }

    /** {x, y, w, h} to estimate group g's kernel on: the union of its parts when that is a rectangle, else its first part. */
    static int[] estimationRectangle(List<BlurPart> parts, int g) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        long area = 0;
        BlurPart first = null;
        for (BlurPart p : parts) {
            if (p.group() != g) continue;
            if (first == null) first = p;
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x() + p.width());
            y1 = Math.max(y1, p.y() + p.height());
            area += (long) p.width() * p.height();
        }
        if (first == null) throw new IllegalArgumentException("no part in group " + g);
        long box = (long) (x1 - x0) * (y1 - y0);
        // quarters of an odd-sized picture overlap or miss by a pixel: a union within a row and a column of its box is one
        if (box <= area + (x1 - x0) + (y1 - y0)) return new int[] {x0, y0, x1 - x0, y1 - y0};
        return new int[] {first.x(), first.y(), first.width(), first.height()};
    }
}
