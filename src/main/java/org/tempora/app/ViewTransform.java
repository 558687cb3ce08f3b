package org.tempora.app;

/**
 * Zoom and pan of a picture in a view: view = offset + scale * image (pixels, x right, y down). Immutable, so several
 * views sharing one value stay in step. Zooming keeps the image point under the cursor (or the view's centre) still.
 */
public record ViewTransform(double scale, double offsetX, double offsetY) {
    /** Zoom limits: a 1/64 overview of a big scan, up to 64 screen pixels per photo pixel. */
    public static final double MIN_SCALE = 1.0 / 64, MAX_SCALE = 64;
    /** One keyboard zoom step. */
    public static final double STEP = 1.25;

    public ViewTransform {
        if (!(scale > 0) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("invalid view transform: scale " + scale + ", offset " + offsetX + ", " + offsetY);
        }
    }

    /** The whole picture, as large as fits, centred. */
    public static ViewTransform fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        if (!(imageWidth > 0 && imageHeight > 0 && viewWidth > 0 && viewHeight > 0)) return new ViewTransform(1, 0, 0);
        double s = clamp(Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
        return new ViewTransform(s, (viewWidth - s * imageWidth) / 2, (viewHeight - s * imageHeight) / 2);
    }

    /** Zoomed by {@code factor} (clamped to the limits) about view point (x, y), which keeps showing the same image point. */
    public ViewTransform zoomAbout(double factor, double x, double y) {
        double s = clamp(scale * factor), k = s / scale;
        return new ViewTransform(s, x - (x - offsetX) * k, y - (y - offsetY) * k);
    }

    public ViewTransform panBy(double dx, double dy) { return new ViewTransform(scale, offsetX + dx, offsetY + dy); }

    public double viewX(double imageX) { return offsetX + scale * imageX; }
    public double viewY(double imageY) { return offsetY + scale * imageY; }
    public double imageX(double viewX) { return (viewX - offsetX) / scale; }
    public double imageY(double viewY) { return (viewY - offsetY) / scale; }

    /** The part of a picture visible in a view: source rectangle in image pixels, destination in view pixels. */
    public record Visible(double sx, double sy, double sw, double sh, double dx, double dy, double dw, double dh) {}

    /** What of an image of the given size shows in a view of the given size; null when none of it does. */
    public Visible visible(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        double x0 = Math.max(0, imageX(0)), y0 = Math.max(0, imageY(0));
        double x1 = Math.min(imageWidth, imageX(viewWidth)), y1 = Math.min(imageHeight, imageY(viewHeight));
        if (!(x1 > x0 && y1 > y0)) return null;
        return new Visible(x0, y0, x1 - x0, y1 - y0, viewX(x0), viewY(y0), (x1 - x0) * scale, (y1 - y0) * scale);
    }

    private static double clamp(double s) { return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s)); }
}
