package org.tempora.flow;

import java.awt.image.BufferedImage;

/** The consistency mask over the frame: unreliable pixels tinted red, reliable ones left as the backdrop shows them. */
public final class MaskPicture {
    private MaskPicture() {}

    public static BufferedImage render(ConsistencyMask mask, BufferedImage backdrop) {
        int w = mask.width(), h = mask.height();
        if (backdrop.getWidth() != w || backdrop.getHeight() != h) {
            throw new IllegalArgumentException("backdrop is " + backdrop.getWidth() + "x" + backdrop.getHeight() + " but the mask is " + w + "x" + h);
        }
        int[] argb = backdrop.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (mask.isReliable(x, y)) continue;
                int g = argb[i] & 0xff; // the backdrop is grey: any channel is its level
                argb[i] = 0xff000000 | (128 + g / 2) << 16 | (g / 3) << 8 | (g / 3); // red, keeping the frame's texture
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }
}
