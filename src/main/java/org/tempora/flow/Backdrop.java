package org.tempora.flow;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.tempora.image.LinearImage;

/** A frame as a faded grey picture to draw arrows and tracks over: the overlay stays readable on any content. */
public final class Backdrop {
    private Backdrop() {}

    /** The frame's sRGB luminance, blended towards white by {@code fade} in [0, 1] (0 = the frame as is). */
    public static BufferedImage of(LinearImage frame, double fade) {
        if (!(fade >= 0 && fade <= 1)) throw new IllegalArgumentException("fade must be in [0, 1], got " + fade);
        byte[] grey = Grey8.of(frame);
        int[] argb = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            int g = (int) Math.round((grey[i] & 0xff) * (1 - fade) + 255 * fade);
            argb[i] = 0xff000000 | g << 16 | g << 8 | g;
        }
        BufferedImage img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, frame.width(), frame.height(), argb, 0, frame.width());
        return img;
    }

    /** A plain white canvas, when no frame is at hand. */
    public static BufferedImage white(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Arrays.fill(row, 0xffffffff);
        for (int y = 0; y < height; y++) img.setRGB(0, y, width, 1, row, 0, width);
        return img;
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return img;
    }
}
