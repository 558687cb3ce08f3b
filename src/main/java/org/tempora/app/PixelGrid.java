package org.tempora.app;

/**
 * Where drawing lands on a screen whose output scale (device pixels per layout unit) may be 1, 1.5 or 2: edges and
 * lines snapped to whole device pixels stay crisp instead of smearing across two. UI-agnostic; the canvas passes
 * the window's output scale.
 */
final class PixelGrid {
    private PixelGrid() {}

    /** An edge of a filled shape at x, moved to the nearest device pixel boundary. */
    static double edge(double x, double scale) {
        return Math.rint(x * scale) / scale;
    }

    /** A stroke width of at least one device pixel, rounded to whole device pixels. */
    static double lineWidth(double width, double scale) {
        return Math.max(1, Math.rint(width * scale)) / scale;
    }

    /**
     * The centre for a stroke near x of the given width so it covers whole device pixels: an odd number of device
     * pixels is centred on a pixel's middle, an even number on a pixel boundary.
     */
    static double line(double x, double width, double scale) {
        long devices = Math.max(1, Math.round(width * scale));
        return devices % 2 == 1 ? (Math.floor(x * scale) + 0.5) / scale : Math.rint(x * scale) / scale;
    }

    /** A sane output scale: a missing or broken value (0, NaN) counts as 1. */
    static double scale(double outputScale) {
        return outputScale > 0 && Double.isFinite(outputScale) ? outputScale : 1;
    }
}
