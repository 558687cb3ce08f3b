package org.tempora.flow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Flow as arrows on a regular grid (a quiver plot): each arrow starts at its cell's centre and shows the mean
 * reliable displacement over the cell, multiplied by a scale so that small motions stay visible.
 */
public final class FlowArrows {
    private FlowArrows() {}

    private static final Color FILL = new Color(255, 214, 0);
    private static final Color OUTLINE = new Color(0, 0, 0, 200);

    /** One arrow: the cell centre (x, y) and the mean displacement (u, v) over the cell, in pixels. */
    public record Arrow(double x, double y, double u, double v) {}

    /**
     * The arrows of {@code flow} on a grid of {@code spacing}-pixel cells; cells where no pixel is known and
     * reliable (under {@code mask}, if given) get no arrow.
     */
    public static List<Arrow> arrows(FlowField flow, ConsistencyMask mask, int spacing) {
        if (spacing < 2) throw new IllegalArgumentException("arrow spacing must be at least 2 px, got " + spacing);
        List<Arrow> out = new ArrayList<>();
        int w = flow.width(), h = flow.height();
        int offX = (w % spacing) / 2, offY = (h % spacing) / 2; // centre the grid: equal margins left and right
        for (int cy = offY; cy + spacing <= h; cy += spacing) {
            for (int cx = offX; cx + spacing <= w; cx += spacing) {
                double su = 0, sv = 0;
                int n = 0;
                for (int y = cy; y < cy + spacing; y++) {
                    for (int x = cx; x < cx + spacing; x++) {
                        int i = y * w + x;
                        if (!flow.isKnown(i) || (mask != null && !mask.isReliable(x, y))) continue;
                        su += flow.u()[i];
                        sv += flow.v()[i];
                        n++;
                    }
                }
                if (n > 0) out.add(new Arrow(cx + (spacing - 1) / 2.0, cy + (spacing - 1) / 2.0, su / n, sv / n));
            }
        }
        return out;
    }

    /** The arrows drawn over a copy of {@code backdrop} (see {@link Backdrop}), each {@code scale} times its displacement. */
    public static BufferedImage render(FlowField flow, ConsistencyMask mask, BufferedImage backdrop, int spacing, double scale) {
        if (!(scale > 0)) throw new IllegalArgumentException("arrow scale must be positive, got " + scale);
        if (backdrop.getWidth() != flow.width() || backdrop.getHeight() != flow.height()) {
            throw new IllegalArgumentException("backdrop is " + backdrop.getWidth() + "x" + backdrop.getHeight() + " but the flow is "
                    + flow.width() + "x" + flow.height());
        }
        BufferedImage img = Backdrop.copy(backdrop);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (Arrow a : arrows(flow, mask, spacing)) {
                Path2D shape = glyph(a.x() + 0.5, a.y() + 0.5, a.u() * scale, a.v() * scale, spacing); // +0.5: pixel centres
                g.setColor(OUTLINE);
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
                g.setColor(FILL);
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Shaft and two head strokes; the head is a third of the length, at most half a cell, so dense grids stay legible. */
    private static Path2D glyph(double x, double y, double dx, double dy, int spacing) {
        Path2D p = new Path2D.Double();
        double len = Math.hypot(dx, dy);
        p.moveTo(x, y);
        if (len < 1) { // a still cell: a dot, so that "no motion" is visible and differs from "unreliable"
            p.lineTo(x + 0.01, y);
            return p;
        }
        p.lineTo(x + dx, y + dy);
        double head = Math.min(len / 3, spacing / 2.0), ux = dx / len, uy = dy / len;
        double c = Math.cos(Math.toRadians(25)), s = Math.sin(Math.toRadians(25));
        p.moveTo(x + dx - head * (ux * c - uy * s), y + dy - head * (uy * c + ux * s));
        p.lineTo(x + dx, y + dy);
        p.lineTo(x + dx - head * (ux * c + uy * s), y + dy - head * (uy * c - ux * s));
        return p;
    }
}
