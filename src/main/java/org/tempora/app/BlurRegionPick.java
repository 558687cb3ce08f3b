package org.tempora.app;

import java.util.Locale;
import org.tempora.classical.ClassicalEngine;
import org.tempora.engine.EngineOptions;

/**
 * The part of the photo the user drags out for the classical engine to estimate the blur from (as photographers
 * pick a patch for a blur-trace tool): the dragged corners, in photo coordinates, made a rectangle of whole photo
 * pixels inside the photo, and whether it is large enough for the estimator.
 */
final class BlurRegionPick {
    private BlurRegionPick() {}

    /**
     * The whole photo pixels covered by the rectangle with corners (ax, ay) and (bx, by) in either order, clipped to a
     * photoW x photoH photo; null when nothing of it lies inside.
     */
    static EngineOptions.Region fromCorners(double ax, double ay, double bx, double by, int photoW, int photoH) {
        int x0 = (int) Math.floor(Math.max(0, Math.min(ax, bx))), y0 = (int) Math.floor(Math.max(0, Math.min(ay, by)));
        int x1 = (int) Math.ceil(Math.min(photoW, Math.max(ax, bx))), y1 = (int) Math.ceil(Math.min(photoH, Math.max(ay, by)));
        if (x1 <= x0 || y1 <= y0) return null;
        return new EngineOptions.Region(x0, y0, x1 - x0, y1 - y0);
    }

    /** Smallest side in photo pixels a region of a photoW x photoH photo may have (the classical engine's bound). */
    static int minSide(int photoW, int photoH) {
        return ClassicalEngine.minRegionSide(photoW, photoH, EngineOptions.DEFAULT_MAX_WORKING_PIXELS);
    }

    /** Why {@code region} cannot serve, in words for the user; "" when it can. */
    static String whyNot(EngineOptions.Region region, int photoW, int photoH) {
        int side = minSide(photoW, photoH);
        if (region == null) return "Drag over the photo to choose a part.";
        if (region.width() >= side && region.height() >= side) return "";
        return String.format(Locale.ROOT, "That part is %d x %d photo pixels: the blur needs at least %d x %d to be estimated"
                + " from. Drag a larger rectangle.", region.width(), region.height(), side, side);
    }

    /** The region as the status line and run record name it. */
    static String describe(EngineOptions.Region r) {
        return String.format(Locale.ROOT, "%d x %d photo pixels at %d, %d", r.width(), r.height(), r.x(), r.y());
    }
}
