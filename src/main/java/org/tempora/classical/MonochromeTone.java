package org.tempora.classical;

import java.util.Optional;
import org.tempora.image.LinearImage;

/**
 * Tells a toned monochrome picture (a sepia, selenium or cyanotype print, or a grey scan stored as RGB) from a colour
 * one: every channel is then a fixed multiple of the luminance, c = g_c Y. Such a picture is deconvolved once, on Y,
 * and each channel's frames take g_c times Y's motion: deconvolving the channels apart lets the non-linear prior
 * treat a dim channel differently from a bright one, which puts colour fringes on every edge.
 */
final class MonochromeTone {
    private MonochromeTone() {}

    /**
     * Largest share of a channel's energy its best multiple of Y may leave unexplained: 1 % r.m.s. (a scan's grain and
     * JPEG chroma noise); a colour picture leaves tens of per cent.
     */
    static final double TOLERANCE = 1e-4;

    /** The gains g_c (least squares, g_c = sum c Y / sum Y^2) when all channels fit, else empty; empty for one channel. */
    static Optional<float[]> gains(LinearImage img, float[] luminance) {
        if (img.channels() == 1) return Optional.empty();
        double yy = 0;
        for (float v : luminance) yy += (double) v * v;
        if (!(yy > 0)) return Optional.empty();
        float[] g = new float[img.channels()];
        for (int c = 0; c < g.length; c++) {
            float[] p = img.plane(c);
            double py = 0, pp = 0;
            for (int i = 0; i < p.length; i++) {
                py += (double) p[i] * luminance[i];
                pp += (double) p[i] * p[i];
            }
            double gain = py / yy;
            double unexplained = pp - gain * py; // |p - g Y|^2 at the least-squares g
            if (!(pp > 0) || unexplained > TOLERANCE * pp) return Optional.empty();
            g[c] = (float) gain;
        }
        return Optional.of(g);
    }
}
