package org.tempora.classical;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Turns a kernel image into an ordered path parametrised by time. The two path ends are found as
 * the farthest pair under geodesic distance inside the kernel's support (the classic
 * double-sweep for a tree's diameter); pixels are then ordered by geodesic distance from the
 * start end, binned to one-pixel steps so a thick path's cross-section shares one time slice,
 * and each bin gets the slice of [-0.5, 0.5] equal to its share of the total mass.
 * The direction of time cannot be seen in a blur; by convention the path starts at the end
 * further left (then further up), and the caller may reverse it.
 */
public final class PathExtractor {
    private PathExtractor() {}

    private static final double DIAG = Math.sqrt(2);
    /** Share of the peak above which a kernel pixel belongs to the path's core. */
    static final float CORE_LEVEL = 0.35f;

    /** Builds the timed kernel of {@code kernel} (odd side {@code size}, non-negative, any positive sum). */
    public static TimedKernel extract(float[] kernel, int size, boolean reverseTime) {
        if (size % 2 == 0 || kernel.length != size * size) throw new IllegalArgumentException("odd square kernel expected");
        double total = 0;
        int peak = -1;
        for (int i = 0; i < kernel.length; i++) {
            if (kernel[i] < 0 || !Float.isFinite(kernel[i])) throw new IllegalArgumentException("kernel values must be finite and >= 0");
            total += kernel[i];
            if (kernel[i] > 0 && (peak < 0 || kernel[i] > kernel[peak])) peak = i;
        }
        if (peak < 0) throw new IllegalArgumentException("kernel is empty");

        // Order on the path's core only: faint specks and tails from estimation would otherwise become branches.
        float[] core = new float[kernel.length];
        float floor = CORE_LEVEL * kernel[peak];
        for (int i = 0; i < kernel.length; i++) core[i] = kernel[i] >= floor ? kernel[i] : 0;
        KernelOps.keepMainComponents(core, size, 1.0); // the heaviest piece only
        int corePeak = 0;
        for (int i = 0; i < core.length; i++) if (core[i] > core[corePeak]) corePeak = i;
        double[] fromPeak = geodesic(core, size, corePeak);
        int endA = farthest(fromPeak, core);
        double[] fromA = geodesic(core, size, endA);
        int endB = farthest(fromA, core);
        fillUnreachable(fromA, kernel, size);

        // Orient: start at the end further left, then further up.
        int ax = endA % size, ay = endA / size, bx = endB % size, by = endB / size;
        boolean startAtB = bx < ax || (bx == ax && by < ay);
        double maxD = 0;
        for (int i = 0; i < kernel.length; i++) if (kernel[i] > 0) maxD = Math.max(maxD, fromA[i]);
        int count = 0;
        for (float v : kernel) if (v > 0) count++;
        int[] pixel = new int[count];
        double[] key = new double[count];
        int k = 0;
        for (int i = 0; i < kernel.length; i++) {
            if (kernel[i] <= 0) continue;
            pixel[k] = i;
            key[k] = Math.floor(startAtB ? maxD - fromA[i] : fromA[i]);
            k++;
        }
        refineAlongCentreLine(pixel, key, kernel, size);
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(key[p], key[q]));

        boolean[] onCore = new boolean[count];
        int[] sortedPixel = new int[count];
        float[] mass = new float[count];
        double[] from = new double[count], to = new double[count];
        double cum = 0;
        int i = 0;
        while (i < count) {
            int j = i;
            double binMass = 0;
            while (j < count && key[order[j]] == key[order[i]]) binMass += kernel[pixel[order[j++]]];
            double lo = cum / total - 0.5, hi = (cum + binMass) / total - 0.5;
            for (int m = i; m < j; m++) {
                sortedPixel[m] = pixel[order[m]];
                onCore[m] = core[sortedPixel[m]] > 0;
                mass[m] = (float) (kernel[pixel[order[m]]] / total);
                from[m] = lo;
                to[m] = hi;
            }
            cum += binMass;
            i = j;
        }
        to[count - 1] = 0.5; // close the last slice exactly despite rounding
        TimedKernel timed = new TimedKernel(size, sortedPixel, mass, from, to, onCore);
        return reverseTime ? timed.reversed() : timed;
    }

    /**
     * Re-keys pixels by arc length along the path's centre line: the mass centroids of the geodesic
     * bins, smoothed, then every pixel projected onto that polyline. A stroke several pixels thick
     * (as estimated kernels are) is then ordered along its length, not corner to corner.
     */
    static void refineAlongCentreLine(int[] pixel, double[] key, float[] kernel, int size) {
        double maxKey = 0;
        for (double v : key) maxKey = Math.max(maxKey, v);
        int bins = (int) maxKey + 1;
        double[] cx = new double[bins], cy = new double[bins], m = new double[bins];
        for (int i = 0; i < pixel.length; i++) {
            int b = (int) key[i];
            double w = kernel[pixel[i]];
            cx[b] += w * (pixel[i] % size);
            cy[b] += w * (pixel[i] / size);
            m[b] += w;
        }
        int n = 0;
        for (int b = 0; b < bins; b++) {
            if (m[b] <= 0) continue;
            cx[n] = cx[b] / m[b];
            cy[n] = cy[b] / m[b];
            n++;
        }
        if (n < 3) return;
        for (int pass = 0; pass < 2; pass++) {
            double[] sx = cx.clone(), sy = cy.clone();
            for (int b = 1; b < n - 1; b++) {
                sx[b] = 0.25 * cx[b - 1] + 0.5 * cx[b] + 0.25 * cx[b + 1];
                sy[b] = 0.25 * cy[b - 1] + 0.5 * cy[b] + 0.25 * cy[b + 1];
            }
            cx = sx;
            cy = sy;
        }
        double[] arc = new double[n];
        for (int b = 1; b < n; b++) arc[b] = arc[b - 1] + Math.hypot(cx[b] - cx[b - 1], cy[b] - cy[b - 1]);
        for (int i = 0; i < pixel.length; i++) {
            double px = pixel[i] % size, py = pixel[i] / size;
            double best = Double.POSITIVE_INFINITY, bestArc = 0;
            for (int b = 0; b < n - 1; b++) {
                double dx = cx[b + 1] - cx[b], dy = cy[b + 1] - cy[b];
                double len2 = dx * dx + dy * dy;
                double u = len2 > 0 ? Math.max(0, Math.min(1, ((px - cx[b]) * dx + (py - cy[b]) * dy) / len2)) : 0;
                double ex = cx[b] + u * dx - px, ey = cy[b] + u * dy - py;
                double d = ex * ex + ey * ey;
                if (d < best) {
                    best = d;
                    bestArc = arc[b] + u * (arc[b + 1] - arc[b]);
                }
            }
            key[i] = Math.floor(bestArc);
        }
    }

    /** Dijkstra over the 8-connected support of the kernel; unreachable pixels stay +infinity. */
    static double[] geodesic(float[] kernel, int size, int source) {
        double[] dist = new double[kernel.length];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[source] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, source});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int p = (int) top[1];
            if (top[0] > dist[p]) continue;
            int px = p % size, py = p / size;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx == 0 && dy == 0) continue;
                    int x = px + dx, y = py + dy;
                    if (x < 0 || y < 0 || x >= size || y >= size) continue;
                    int q = y * size + x;
                    if (kernel[q] <= 0) continue;
                    double d = dist[p] + (dx != 0 && dy != 0 ? DIAG : 1);
                    if (d < dist[q]) {
                        dist[q] = d;
                        queue.add(new double[] {d, q});
                    }
                }
            }
        }
        return dist;
    }

    private static int farthest(double[] dist, float[] kernel) {
        int best = -1;
        for (int i = 0; i < dist.length; i++) {
            if (kernel[i] <= 0 || Double.isInfinite(dist[i])) continue;
            if (best < 0 || dist[i] > dist[best]) best = i;
        }
        return best;
    }

    /** Pixels off the core path (faint, or cut off) take the distance of the nearest pixel on it. */
    private static void fillUnreachable(double[] dist, float[] kernel, int size) {
        for (int i = 0; i < dist.length; i++) {
            if (kernel[i] <= 0 || !Double.isInfinite(dist[i])) continue;
            int x = i % size, y = i / size;
            double best = Double.POSITIVE_INFINITY, bestDist = 0;
            for (int j = 0; j < dist.length; j++) {
                if (kernel[j] <= 0 || Double.isInfinite(dist[j])) continue;
                double d = Math.hypot(j % size - x, j / size - y);
                if (d < best) { best = d; bestDist = dist[j]; }
            }
            dist[i] = bestDist;
        }
    }
}
