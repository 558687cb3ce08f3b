package org.tempora.flow;

import java.util.Arrays;

/**
 * Which pixels of a forward flow agree with the backward flow: following F from x and then B back must return
 * near x, within a tolerance that grows with the motion (Sundaram, Brox and Keutzer 2010, ECCV, dense point trajectories):
 * |F(x) + B(x + F(x))|^2 < alpha (|F(x)|^2 + |B(x + F(x))|^2) + beta. Occluded pixels, pixels whose flow leaves
 * the frame and wrong matches fail it.
 */
public final class ConsistencyMask {
    /** The paper's constants: 1% of the squared motion, plus half a squared pixel. */
    public static final double ALPHA = 0.01;
    public static final double BETA = 0.5;

    private final int width;
    private final int height;
    private final boolean[] reliable;

    private ConsistencyMask(int width, int height, boolean[] reliable) {
        this.width = width;
        this.height = height;
        this.reliable = reliable;
    }

    /** The check with the paper's constants. */
    public static ConsistencyMask check(FlowField forward, FlowField backward) {
        return check(forward, backward, ALPHA, BETA);
    }

    /** The check with {@code alpha} and {@code beta} of the inequality above; B is sampled bilinearly at x + F(x). */
    public static ConsistencyMask check(FlowField forward, FlowField backward, double alpha, double beta) {
        int w = forward.width(), h = forward.height();
        if (backward.width() != w || backward.height() != h) {
            throw new IllegalArgumentException("forward flow is " + w + "x" + h + " but backward flow is " + backward.width() + "x" + backward.height());
        }
        float[] fu = forward.u(), fv = forward.v(), bu = backward.u(), bv = backward.v();
        boolean[] ok = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double u = fu[i], v = fv[i];
                if (!FlowField.isKnown(fu[i], fv[i])) continue;
                double tx = x + u, ty = y + v;
                if (!(tx >= 0 && tx <= w - 1 && ty >= 0 && ty <= h - 1)) continue; // lands outside the second frame
                double bx = Bilinear.sample(bu, w, h, tx, ty), by = Bilinear.sample(bv, w, h, tx, ty);
                if (!FlowField.isKnown((float) bx, (float) by)) continue;
                double ex = u + bx, ey = v + by;
                ok[i] = ex * ex + ey * ey < alpha * (u * u + v * v + bx * bx + by * by) + beta;
            }
        }
        return new ConsistencyMask(w, h, ok);
    }

    /** A mask marking every pixel reliable (when no backward flow is at hand). */
    public static ConsistencyMask allReliable(int width, int height) {
        boolean[] ok = new boolean[width * height];
        Arrays.fill(ok, true);
        return new ConsistencyMask(width, height, ok);
    }

    public int width() { return width; }
    public int height() { return height; }

    public boolean isReliable(int x, int y) { return reliable[y * width + x]; }

    /** A copy of the per-pixel verdicts, row-major. */
    public boolean[] toArray() { return reliable.clone(); }

    /** The share of reliable pixels, in [0, 1]. */
    public double reliableFraction() {
        int n = 0;
        for (boolean b : reliable) if (b) n++;
        return n / (double) reliable.length;
    }
}
