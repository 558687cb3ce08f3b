package org.tempora.flow;

import java.io.IOException;
import org.tempora.image.LinearImage;
import org.tempora.testutil.DevImages;

/** Frames with known motion, cut from a dev image: exact integer shifts, box-filtered subpixel shifts, rotations. */
final class FlowTestFrames {
    private FlowTestFrames() {}

    /** The whole 512x512 astronaut (skips the test where the dev images are absent). */
    static LinearImage astronaut() throws IOException {
        return DevImages.crop("astronaut.png", 0, 0, 512, 512);
    }

    /**
     * The window at (x0, y0) and the same window after its content moved by (dx, dy) whole pixels:
     * second(x) = first(x - d), so the flow from first to second is d everywhere.
     */
    static LinearImage[] shifted(LinearImage img, int x0, int y0, int w, int h, int dx, int dy) {
        return new LinearImage[] {img.crop(x0, y0, w, h), img.crop(x0 - dx, y0 - dy, w, h)};
    }

    /**
     * Averages f x f blocks: a shift of d fine pixels becomes exactly d / f coarse pixels, since both frames
     * integrate the same fine image over shifted boxes (no interpolation model involved).
     */
    static LinearImage boxDown(LinearImage img, int f) {
        int w = img.width() / f, h = img.height() / f;
        float[][] planes = new float[img.channels()][w * h];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int j = 0; j < f; j++) for (int i = 0; i < f; i++) s += img.get(c, x * f + i, y * f + j);
                    planes[c][y * w + x] = (float) (s / (f * f));
                }
            }
        }
        return new LinearImage(w, h, planes);
    }

    /**
     * {@code img} turned by {@code degrees} about (cx, cy) (clockwise on screen, y pointing down), resampled with
     * Keys' cubic (a = -0.5): output(y) = img(R^-1 (y - c) + c), so the point x moves to R (x - c) + c.
     */
    static LinearImage rotated(LinearImage img, double degrees, double cx, double cy) {
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        int w = img.width(), h = img.height();
        float[][] planes = new float[img.channels()][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx, dy = y - cy;
                double sx = cos * dx + sin * dy + cx, sy = -sin * dx + cos * dy + cy;
                for (int c = 0; c < planes.length; c++) planes[c][y * w + x] = cubic(img.plane(c), w, h, sx, sy);
            }
        }
        return new LinearImage(w, h, planes);
    }

    /** The true flow of {@link #rotated}: R (x - c) + c - x. */
    static FlowField rotationFlow(int w, int h, double degrees, double cx, double cy) {
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        float[] u = new float[w * h], v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx, dy = y - cy;
                u[y * w + x] = (float) (cos * dx - sin * dy - dx);
                v[y * w + x] = (float) (sin * dx + cos * dy - dy);
            }
        }
        return new FlowField(w, h, u, v);
    }

    private static float cubic(float[] p, int w, int h, double x, double y) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double s = 0;
        for (int j = -1; j <= 2; j++) {
            int yy = Math.min(Math.max(iy + j, 0), h - 1);
            double wy = keys(j - (y - iy));
            for (int i = -1; i <= 2; i++) {
                int xx = Math.min(Math.max(ix + i, 0), w - 1);
                s += wy * keys(i - (x - ix)) * p[yy * w + xx];
            }
        }
        return (float) Math.max(0, s);
    }

    /** Keys 1981 cubic convolution kernel, a = -0.5. */
    private static double keys(double t) {
        t = Math.abs(t);
        if (t < 1) return 1.5 * t * t * t - 2.5 * t * t + 1;
        if (t < 2) return -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2;
        return 0;
    }
}
