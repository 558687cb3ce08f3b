package org.tempora.image;

/**
 * Applies an EXIF/TIFF Orientation value (TIFF 6.0 tag 274; 1 = as stored, 6 = rotate 90 degrees clockwise to view,
 * 8 = 90 counter-clockwise, 2/4/5/7 mirrored variants) so pixels come out the way the photo is meant to be seen.
 */
final class ExifOrientation {
    private ExifOrientation() {}

    /** True for orientations 5-8, which swap width and height. */
    static boolean swapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

    /**
     * Returns the upright image. Each output pixel (x, y) reads stored index c0 + x*ax + y*ay, an affine walk that
     * covers all eight cases with one sequential write per plane.
     */
    static LinearImage apply(LinearImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) return img;
        int w = img.width(), h = img.height();
        int last = (h - 1) * w;                   // index of the bottom-left stored pixel
        int c0, ax, ay;
        switch (orientation) {
            case 2 -> { c0 = w - 1; ax = -1; ay = w; }
            case 3 -> { c0 = last + w - 1; ax = -1; ay = -w; }
            case 4 -> { c0 = last; ax = 1; ay = -w; }
            case 5 -> { c0 = 0; ax = w; ay = 1; }
            case 6 -> { c0 = last; ax = -w; ay = 1; }
            case 7 -> { c0 = last + w - 1; ax = -w; ay = -1; }
            default -> { c0 = w - 1; ax = w; ay = -1; }    // 8
        }
        int ow = swapsAxes(orientation) ? h : w, oh = swapsAxes(orientation) ? w : h;
        float[][] out = new float[img.channels()][];
        for (int c = 0; c < img.channels(); c++) {
            float[] src = img.plane(c);
            float[] dst = new float[ow * oh];
            for (int y = 0; y < oh; y++) {
                int s = c0 + y * ay, o = y * ow;
                for (int x = 0; x < ow; x++, s += ax) dst[o + x] = src[s];
            }
            out[c] = dst;
        }
        return new LinearImage(ow, oh, out);
    }
}
