package org.tempora.flow;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Flow speed as a heat map in viridis (van der Walt and Smith 2015), a colour map of monotonic lightness that stays
 * readable in grey and to colour-blind eyes; unknown flow is drawn black.
 */
public final class FlowHeatMap {
    private FlowHeatMap() {}

    /** viridis at 9 even stops (viridisLite's viridis(9)); between stops it is interpolated linearly, which keeps lightness monotonic. */
    private static final int[] STOPS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725};

    /** The colour of t in [0, 1] (clamped), 0xRRGGBB. */
    public static int viridis(double t) {
        double p = Math.min(Math.max(Double.isNaN(t) ? 0 : t, 0), 1) * (STOPS.length - 1);
        int k = Math.min((int) p, STOPS.length - 2);
        double f = p - k;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (STOPS[k] >> shift) & 0xff, b = (STOPS[k + 1] >> shift) & 0xff;
            rgb |= (int) Math.round(a + f * (b - a)) << shift;
        }
        return rgb;
    }

    /** Speed |(u, v)| in pixels, {@code scale} pixels or more at the top of the map. */
    public static BufferedImage render(FlowField flow, double scale) {
        if (!(scale > 0)) throw new IllegalArgumentException("heat map scale must be positive, got " + scale);
        int w = flow.width(), h = flow.height();
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | (flow.isKnown(i) ? viridis(flow.magnitude(i) / scale) : 0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /** A horizontal colour bar from 0 to {@code scale} pixels with its end values written under it. */
    public static BufferedImage legend(int width, double scale) {
        if (width < 64) throw new IllegalArgumentException("legend width must be at least 64 px, got " + width);
        int barHeight = 16, height = barHeight + 18;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int x = 0; x < width; x++) {
                g.setColor(new Color(viridis(x / (double) (width - 1))));
                g.drawLine(x, 0, x, barHeight - 1);
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("0 px", 2, height - 4);
            String top = String.format(Locale.ROOT, "%.1f px", scale);
            g.drawString(top, width - 2 - g.getFontMetrics().stringWidth(top), height - 4);
        } finally {
            g.dispose();
        }
        return img;
    }
}
