package org.tempora.flow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The Middlebury flow colour coding (Baker et al. 2011, IJCV 92(1); its flow-code/colorcode.cpp): hue gives the
 * direction around a 55-colour wheel of Munsell-like transitions, saturation the speed, white is still.
 */
public final class FlowColorWheel {
    private FlowColorWheel() {}

    /** Colours per segment of makeColorwheel, chosen there to give perceptually similar hue steps. */
    private static final int RY = 15, YG = 6, GC = 4, CB = 11, BM = 13, MR = 6;
    public static final int COLUMNS = RY + YG + GC + CB + BM + MR;
    private static final int[][] WHEEL = makeColorwheel();

    private static int[][] makeColorwheel() {
        int[][] w = new int[COLUMNS][];
        int k = 0;
        for (int i = 0; i < RY; i++) w[k++] = new int[] {255, 255 * i / RY, 0};
        for (int i = 0; i < YG; i++) w[k++] = new int[] {255 - 255 * i / YG, 255, 0};
        for (int i = 0; i < GC; i++) w[k++] = new int[] {0, 255, 255 * i / GC};
        for (int i = 0; i < CB; i++) w[k++] = new int[] {0, 255 - 255 * i / CB, 255};
        for (int i = 0; i < BM; i++) w[k++] = new int[] {255 * i / BM, 0, 255};
        for (int i = 0; i < MR; i++) w[k++] = new int[] {255, 0, 255 - 255 * i / MR};
        return w;
    }

    /**
     * Middlebury's computeColor for a flow already divided by the scale: 0xRRGGBB. Within the unit disc the colour
     * fades to white towards zero; beyond it (faster than the scale) it is darkened to 75%. Unknown flow is black.
     */
    public static int rgb(double fx, double fy) {
        if (!(Math.abs(fx) < FlowField.UNKNOWN_THRESHOLD && Math.abs(fy) < FlowField.UNKNOWN_THRESHOLD)) return 0;
        double rad = Math.sqrt(fx * fx + fy * fy);
        double a = Math.atan2(-fy, -fx) / Math.PI; // flow to the right (fy = +0, so -fy = -0) gives a = -1: red
        double fk = (a + 1) / 2 * (COLUMNS - 1);
        int k0 = (int) fk;
        int k1 = (k0 + 1) % COLUMNS;
        double f = fk - k0;
        int rgb = 0;
        for (int b = 0; b < 3; b++) {
            double col = (1 - f) * WHEEL[k0][b] / 255.0 + f * WHEEL[k1][b] / 255.0;
            col = rad <= 1 ? 1 - rad * (1 - col) : col * 0.75;
            rgb = (rgb << 8) | (int) (255.0 * col);
        }
        return rgb;
    }

    /** The scale Middlebury's colour-flow tool uses: the largest known displacement (1 where all is still). */
    public static double autoScale(FlowField flow) {
        double max = flow.maxMagnitude(null);
        return max > 0 ? max : 1;
    }

    /** The flow coded as colours, {@code scale} pixels of displacement mapping to full saturation. */
    public static BufferedImage render(FlowField flow, double scale) {
        if (!(scale > 0)) throw new IllegalArgumentException("colour scale must be positive, got " + scale);
        int w = flow.width(), h = flow.height();
        float[] u = flow.u(), v = flow.v();
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | rgb(u[i] / scale, v[i] / scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /**
     * The key: the colour disc (x right, y down, as the flow), with rings at half and full {@code scale} labelled
     * in pixels of displacement. Outside the disc is white.
     */
    public static BufferedImage legend(int size, double scale) {
        if (size < 64) throw new IllegalArgumentException("legend size must be at least 64 px, got " + size);
        if (!(scale > 0)) throw new IllegalArgumentException("colour scale must be positive, got " + scale);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        double c = (size - 1) / 2.0, r = size / 2.0 - 24; // room for the labels
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double fx = (x - c) / r, fy = (y - c) / r;
                img.setRGB(x, y, fx * fx + fy * fy <= 1 ? rgb(fx, fy) : 0xffffff);
            }
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0, 0, 0, 140));
            g.setStroke(new BasicStroke(1f));
            for (double ring : new double[] {0.5, 1.0}) {
                g.draw(new Ellipse2D.Double(c - ring * r, c - ring * r, 2 * ring * r, 2 * ring * r));
            }
            g.draw(new Line2D.Double(c - r, c, c + r, c));
            g.draw(new Line2D.Double(c, c - r, c, c + r));
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(label(scale / 2), (float) (c + 0.5 * r * 0.7071 + 3), (float) (c + 0.5 * r * 0.7071 + 12));
            g.drawString(label(scale), (float) (c + r * 0.7071 + 3), (float) (c + r * 0.7071 + 12));
            g.drawString("x \u2192, y \u2193 (px)", 4, size - 6);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String label(double px) {
        return String.format(Locale.ROOT, px >= 10 ? "%.0f px" : "%.1f px", px);
    }
}
