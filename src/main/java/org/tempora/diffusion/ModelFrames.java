package org.tempora.diffusion;

import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.image.Srgb;

/**
 * Turns the model's frames (planar sRGB in [-1, 1] at model resolution) back into the photo's terms: the photo's
 * rectangle cropped out, decoded to linear light, resized to the photo's size and given its channel count.
 */
final class ModelFrames {
    private final PhotoFit fit;
    private final int photoWidth, photoHeight, photoChannels;

    ModelFrames(PhotoFit fit, int photoWidth, int photoHeight, int photoChannels) {
        this.fit = fit;
        this.photoWidth = photoWidth;
        this.photoHeight = photoHeight;
        this.photoChannels = photoChannels;
    }

    /** Frame {@code f} of planar frames [3][frames][H*W] at model resolution, resized with care (Resampling). */
    LinearImage frame(float[] video, int frames, int f) {
        int plane = fit.modelWidth() * fit.modelHeight();
        return toPhoto(c -> {
            float[] model = new float[plane];
            System.arraycopy(video, (c * frames + f) * plane, model, 0, plane);
            return model;
        }, false);
    }

    /** A preview from planar RGB [3][h*w] at latent resolution, enlarged bilinearly (fast, approximate). */
    LinearImage preview(float[] rgb, int h, int w) {
        int n = h * w;
        return toPhoto(c -> bilinear(java.util.Arrays.copyOfRange(rgb, c * n, (c + 1) * n), w, h, fit.modelWidth(), fit.modelHeight()), true);
    }

    /** The photo's rectangle of each model-sized plane, in linear light at the photo's size and channel count. */
    private LinearImage toPhoto(java.util.function.IntFunction<float[]> modelPlane, boolean fast) {
        float[][] rgb = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] crop = fit.crop(modelPlane.apply(c));
            rgb[c] = toLinear(fast ? bilinear(crop, fit.width(), fit.height(), photoWidth, photoHeight) : crop);
        }
        LinearImage img = new LinearImage(fast ? photoWidth : fit.width(), fast ? photoHeight : fit.height(), rgb);
        if (img.width() != photoWidth || img.height() != photoHeight) img = Resampling.resize(img, photoWidth, photoHeight);
        return photoChannels == 1 ? new LinearImage(photoWidth, photoHeight, new float[][] {img.luminance()}) : img;
    }

    /** [-1, 1] sRGB to linear light, clamped to the displayable range as the reference clamps before saving. */
    private static float[] toLinear(float[] signed) {
        float[] out = new float[signed.length];
        for (int i = 0; i < out.length; i++) {
            double v = Math.max(0, Math.min(1, (signed[i] + 1) / 2));
            out[i] = (float) Srgb.toLinear(v);
        }
        return out;
    }

    /** Bilinear resize with pixel centres aligned (half-pixel convention), edges clamped. */
    static float[] bilinear(float[] src, int w, int h, int nw, int nh) {
        if (w == nw && h == nh) return src.clone();
        float[] out = new float[nw * nh];
        double sx = w / (double) nw, sy = h / (double) nh;
        for (int y = 0; y < nh; y++) {
            double fy = Math.max(0, Math.min(h - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy, y1 = Math.min(h - 1, y0 + 1);
            float ty = (float) (fy - y0);
            for (int x = 0; x < nw; x++) {
                double fx = Math.max(0, Math.min(w - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx, x1 = Math.min(w - 1, x0 + 1);
                float tx = (float) (fx - x0);
                float top = src[y0 * w + x0] + (src[y0 * w + x1] - src[y0 * w + x0]) * tx;
                float bottom = src[y1 * w + x0] + (src[y1 * w + x1] - src[y1 * w + x0]) * tx;
                out[y * nw + x] = top + (bottom - top) * ty;
            }
        }
        return out;
    }
}
