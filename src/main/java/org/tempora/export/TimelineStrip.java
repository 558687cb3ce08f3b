package org.tempora.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import org.tempora.timeline.Interval;

/**
 * The timeline burned into exported videos, drawn like the window's band: the photo's exposure [-0.5, 0.5] shaded,
 * each frame's interval as a bar coloured past / present / future (red / green / blue, by its middle), and a playhead
 * marking the frame on screen.
 */
public final class TimelineStrip {
    private TimelineStrip() {}

    static final Color PAST = new Color(214, 48, 49), PRESENT = new Color(39, 160, 70), FUTURE = new Color(45, 100, 214);
    static final Color BACKGROUND = new Color(39, 41, 43), EXPOSURE = new Color(70, 73, 77), INK = new Color(240, 240, 240);
    private static final double MARGIN = 0.05;

    /** Band height for a picture {@code width} wide: legible on small clips, a small share of large ones; even, for 4:2:0 video. */
    public static int height(int width) { return Math.max(16, (int) Math.round(width / 40.0)) & ~1; }

    /** Draws the band into the rectangle (x, y, w, h) of {@code g} with frame {@code current} under the playhead. */
    public static void draw(Graphics2D g, int x, int y, int w, int h, List<Interval> intervals, int current) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(BACKGROUND);
        g.fillRect(x, y, w, h);
        double lo = Interval.EXPOSURE.start(), hi = Interval.EXPOSURE.end();
        for (Interval iv : intervals) {
            lo = Math.min(lo, iv.start());
            hi = Math.max(hi, iv.end());
        }
        double pad = MARGIN * (hi - lo), t0 = lo - pad, t1 = hi + pad;
        int ex0 = x + px(Interval.EXPOSURE.start(), t0, t1, w), ex1 = x + px(Interval.EXPOSURE.end(), t0, t1, w);
        g.setColor(EXPOSURE);
        g.fillRect(ex0, y, ex1 - ex0, h);
        boolean overlap = false;
        for (int i = 1; i < intervals.size(); i++) overlap |= intervals.get(i).start() < intervals.get(i - 1).end() - 1e-9;
        int barTop = y + h / 4, barHeight = Math.max(2, h / 2), lane = overlap ? Math.max(1, barHeight / 2) : barHeight;
        for (int i = 0; i < intervals.size(); i++) {
            Interval iv = intervals.get(i);
            int a = x + px(iv.start(), t0, t1, w), b = x + px(iv.end(), t0, t1, w);
            g.setColor(colour(iv));
            g.fillRect(a, barTop + (overlap ? (i % 2) * lane : 0), Math.max(1, b - a - 1), lane - (overlap ? 0 : 1));
        }
        if (current >= 0 && current < intervals.size()) {
            Interval iv = intervals.get(current);
            int a = x + px(iv.start(), t0, t1, w), b = x + px(iv.end(), t0, t1, w), m = x + px(iv.middle(), t0, t1, w);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(a, barTop - 1, Math.max(1, b - a - 1), barHeight + 1);
            g.fillRect(m - 1, y + 1, 2, h - 2);
        }
    }

    /** Red before the exposure, green inside it, blue after, by the interval's middle (as the window's band). */
    static Color colour(Interval iv) {
        double m = iv.middle();
        return m < Interval.EXPOSURE.start() ? PAST : m > Interval.EXPOSURE.end() ? FUTURE : PRESENT;
    }

    private static int px(double t, double t0, double t1, int w) { return (int) Math.round((t - t0) / (t1 - t0) * w); }
}
