package org.tempora.diffusion;

import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.image.Srgb;

/**
 * Places a photo in the model's fixed frame keeping its aspect ratio: scaled to fit, centred, and the border filled
 * by mirroring the photo (the reference stretches instead, which distorts the motion the model sees). Frames come
 * back by cropping the same rectangle.
 *
 * @param modelWidth  model frame width in pixels
 * @param modelHeight model frame height in pixels
 * @param x           left edge of the photo's rectangle in the model frame
 * @param y           top edge of the photo's rectangle
 * @param width       the rectangle's width
 * @param height      the rectangle's height
 */
public record PhotoFit(int modelWidth, int modelHeight, int x, int y, int width, int height) {
    /** The largest centred rectangle of the photo's aspect ratio inside the model frame. */
    public static PhotoFit of(int photoWidth, int photoHeight, int modelWidth, int modelHeight) {
        double scale = Math.min(modelWidth / (double) photoWidth, modelHeight / (double) photoHeight);
        int w = clamp((int) Math.round(photoWidth * scale), 1, modelWidth);
        int h = clamp((int) Math.round(photoHeight * scale), 1, modelHeight);
        return new PhotoFit(modelWidth, modelHeight, (modelWidth - w) / 2, (modelHeight - h) / 2, w, h);
    }

    public boolean padded() { return width != modelWidth || height != modelHeight; }

    /**
     * The model's input image, planar RGB of {@code modelHeight x modelWidth}, in [-1, 1] sRGB as the reference
     * scales pixels ({@code x / 127.5 - 1}); resized in linear light, a grey photo repeated into the three channels.
     */
    public float[] modelInput(LinearImage photo) {
        LinearImage fitted = Resampling.resize(photo, width, height);
        int plane = modelWidth * modelHeight;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            float[] src = fitted.plane(Math.min(c, fitted.channels() - 1));
            for (int my = 0; my < modelHeight; my++) {
                int sy = mirror(my - y, height);
                for (int mx = 0; mx < modelWidth; mx++) {
                    int sx = mirror(mx - x, width);
                    out[c * plane + my * modelWidth + mx] = (float) (2 * Srgb.fromLinear(src[sy * width + sx]) - 1);
                }
            }
        }
        return out;
    }

    /** The photo's rectangle of one model-sized plane, row-major. */
    public float[] crop(float[] modelPlane) {
        float[] out = new float[width * height];
        for (int row = 0; row < height; row++) System.arraycopy(modelPlane, (y + row) * modelWidth + x, out, row * width, width);
        return out;
    }

    /** Reflects an index into [0, n) about the edges without repeating the edge sample (like numpy's "reflect"). */
    static int mirror(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
