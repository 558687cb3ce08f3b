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

        double[] fromPeak = geodesic(kernel, size, peak);
        int endA = farthest(fromPeak, kernel);
        double[] fromA = geodesic(kernel, size, endA);
        int endB = farthest(fromA, kernel);
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
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(key[p], key[q]));

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
                mass[m] = (float) (kernel[pixel[order[m]]] / total);
                from[m] = lo;
                to[m] = hi;
            }
            cum += binMass;
            i = j;
        }
        to[count - 1] = 0.5; // close the last slice exactly despite rounding
        TimedKernel timed = new TimedKernel(size, sortedPixel, mass, from, to);
        return reverseTime ? timed.reversed() : timed;
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

    /** Pieces of the kernel cut off from the main path take the distance of the nearest reachable pixel. */
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
