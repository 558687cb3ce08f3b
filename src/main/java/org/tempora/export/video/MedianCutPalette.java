package org.tempora.export.video;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An adaptive palette by median cut (Heckbert, "Color image quantization for frame buffer display", SIGGRAPH 1982):
 * the colours in use, counted on a 5-bit-per-channel histogram, are split box by box at the median of the longest
 * side, always splitting the box with the largest pixel count times side; each box gives its mean colour.
 */
public final class MedianCutPalette {
    private MedianCutPalette() {}

    private static final int BITS = 5, SIDE = 1 << BITS;

    /** A colour histogram that frames can be added to; one per palette. */
    public static final class Histogram {
        final int[] count = new int[SIDE * SIDE * SIDE];
        final long[][] sum = new long[3][SIDE * SIDE * SIDE];

        /** Counts every {@code step}-th pixel (1 = all); packed 0xRRGGBB. */
        public void add(int[] rgb, int step) {
            for (int i = 0; i < rgb.length; i += step) {
                int p = rgb[i], r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                int k = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
                count[k]++;
                sum[0][k] += r;
                sum[1][k] += g;
                sum[2][k] += b;
            }
        }
    }

    private record Box(int[] lo, int[] hi, long pixels) {
        int longestAxis() {
            int best = 0;
            for (int a = 1; a < 3; a++) if (hi[a] - lo[a] > hi[best] - lo[best]) best = a;
            return best;
        }

        long priority() { return pixels * (hi[longestAxis()] - lo[longestAxis()] + 1); }
    }

    /** At most {@code colours} packed 0xRRGGBB colours (fewer when the histogram holds fewer distinct bins). */
    public static int[] build(Histogram h, int colours) {
        PriorityQueue<Box> queue = new PriorityQueue<>((a, b) -> Long.compare(b.priority(), a.priority()));
        Box all = shrink(h, new int[] {0, 0, 0}, new int[] {SIDE - 1, SIDE - 1, SIDE - 1});
        if (all == null) return new int[] {0};
        List<Box> done = new ArrayList<>();
        queue.add(all);
        while (!queue.isEmpty() && queue.size() + done.size() < colours) {
            Box b = queue.poll();
            int axis = b.longestAxis();
            if (b.hi()[axis] == b.lo()[axis]) {       // a single bin: cannot split
                done.add(b);
                continue;
            }
            int cut = median(h, b, axis);
            int[] hi1 = b.hi().clone(), lo2 = b.lo().clone();
            hi1[axis] = cut;
            lo2[axis] = cut + 1;
            Box first = shrink(h, b.lo(), hi1), second = shrink(h, lo2, b.hi());
            if (first != null) queue.add(first);
            if (second != null) queue.add(second);
        }
        done.addAll(queue);
        int[] palette = new int[done.size()];
        for (int i = 0; i < palette.length; i++) palette[i] = mean(h, done.get(i));
        return palette;
    }

    /** The last bin along {@code axis} at which half the box's pixels are reached, so both halves are non-empty. */
    private static int median(Histogram h, Box b, int axis) {
        long[] perSlice = new long[SIDE];
        forEach(b.lo(), b.hi(), (k, c) -> perSlice[c[axis]] += h.count[k]);
        long half = b.pixels() / 2, acc = 0;
        for (int v = b.lo()[axis]; v < b.hi()[axis]; v++) {
            acc += perSlice[v];
            if (acc >= half) return v;
        }
        return b.hi()[axis] - 1;
    }

    /** The box tightened to the bins it holds pixels in; null when it holds none. */
    private static Box shrink(Histogram h, int[] lo, int[] hi) {
        int[] nlo = {SIDE, SIDE, SIDE}, nhi = {-1, -1, -1};
        long[] pixels = {0};
        forEach(lo, hi, (k, c) -> {
            if (h.count[k] == 0) return;
            pixels[0] += h.count[k];
            for (int a = 0; a < 3; a++) {
                nlo[a] = Math.min(nlo[a], c[a]);
                nhi[a] = Math.max(nhi[a], c[a]);
            }
        });
        return pixels[0] == 0 ? null : new Box(nlo, nhi, pixels[0]);
    }

    private static int mean(Histogram h, Box b) {
        long[] s = new long[3];
        long[] n = {0};
        forEach(b.lo(), b.hi(), (k, c) -> {
            n[0] += h.count[k];
            for (int a = 0; a < 3; a++) s[a] += h.sum[a][k];
        });
        int r = (int) Math.round((double) s[0] / n[0]), g = (int) Math.round((double) s[1] / n[0]), bl = (int) Math.round((double) s[2] / n[0]);
        return r << 16 | g << 8 | bl;
    }

    private interface BinVisitor { void visit(int key, int[] coords); }

    private static void forEach(int[] lo, int[] hi, BinVisitor v) {
        int[] c = new int[3];
        for (c[0] = lo[0]; c[0] <= hi[0]; c[0]++)
            for (c[1] = lo[1]; c[1] <= hi[1]; c[1]++)
                for (c[2] = lo[2]; c[2] <= hi[2]; c[2]++) v.visit((c[0] << 10) | (c[1] << 5) | c[2], c);
    }
}
