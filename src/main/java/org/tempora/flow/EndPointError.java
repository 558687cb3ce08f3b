package org.tempora.flow;

/**
 * End-point error, the standard flow accuracy measure (Baker et al. 2011, IJCV 92(1)): the mean over pixels of
 * |(u, v) - (u_ref, v_ref)|, in pixels. Pixels unknown in either field are left out, as in the Middlebury evaluation.
 */
public final class EndPointError {
    private EndPointError() {}

    /** The error and how many pixels it averages. */
    public record Result(double mean, int pixels) {}

    /** Over all pixels known in both fields. */
    public static Result of(FlowField estimate, FlowField reference) {
        return of(estimate, reference, null);
    }

    /**
     * Over the pixels where {@code include} is true (row-major; null for all) and both fields are known;
     * the mean is NaN when no pixel counts.
     */
    public static Result of(FlowField estimate, FlowField reference, boolean[] include) {
        if (estimate.width() != reference.width() || estimate.height() != reference.height()) {
            throw new IllegalArgumentException("flows of different sizes: " + estimate.width() + "x" + estimate.height() + " and "
                    + reference.width() + "x" + reference.height());
        }
        if (include != null && include.length != estimate.pixelCount()) {
            throw new IllegalArgumentException("mask of " + include.length + " values for " + estimate.pixelCount() + " pixels");
        }
        float[] u = estimate.u(), v = estimate.v(), ur = reference.u(), vr = reference.v();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < u.length; i++) {
            if ((include != null && !include[i]) || !estimate.isKnown(i) || !reference.isKnown(i)) continue;
            sum += Math.hypot(u[i] - (double) ur[i], v[i] - (double) vr[i]);
            n++;
        }
        return new Result(n == 0 ? Double.NaN : sum / n, n);
    }

    /** A mask leaving out a {@code border}-pixel frame around the image, where flow is extrapolated rather than matched. */
    public static boolean[] interior(int width, int height, int border) {
        boolean[] m = new boolean[width * height];
        for (int y = border; y < height - border; y++) {
            for (int x = border; x < width - border; x++) m[y * width + x] = true;
        }
        return m;
    }
}
