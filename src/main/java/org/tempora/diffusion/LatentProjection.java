package org.tempora.diffusion;

/**
 * A cheap latent-to-RGB map for previews when the bundle has no preview decoder: an affine map from the C latent
 * channels to RGB, fitted by least squares on the photo's own latent against the photo averaged over each latent
 * pixel's 8x8 block, so it needs no per-model constants and adapts to any autoencoder.
 */
public final class LatentProjection {
    /** Ridge on the normal equations: keeps the fit defined when channels are collinear (a flat photo). */
    private static final double RIDGE = 1e-6;

    private final int channels;
    private final double[][] map; // [3][channels + 1], the last column is the offset

    private LatentProjection(int channels, double[][] map) {
        this.channels = channels;
        this.map = map;
    }

    /**
     * @param latent  unscaled latent mean, planar [C][h*w]
     * @param rgb     model input, planar [3][H*W] with H = scale*h, W = scale*w
     */
    public static LatentProjection fit(float[] latent, int channels, int h, int w, float[] rgb, int scale) {
        int n = h * w, k = channels + 1;
        float[] pooled = pool(rgb, h, w, scale);
        double[][] ata = new double[k][k];
        double[][] atb = new double[k][3];
        double[] row = new double[k];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < channels; c++) row[c] = latent[c * n + p];
            row[channels] = 1;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) ata[i][j] += row[i] * row[j];
                for (int o = 0; o < 3; o++) atb[i][o] += row[i] * pooled[o * n + p];
            }
        }
        double trace = 0;
        for (int i = 0; i < k; i++) trace += ata[i][i];
        for (int i = 0; i < k; i++) ata[i][i] += RIDGE * trace / k + 1e-12;
        double[][] solution = solve(ata, atb);
        double[][] map = new double[3][k];
        for (int o = 0; o < 3; o++) for (int i = 0; i < k; i++) map[o][i] = solution[i][o];
        return new LatentProjection(channels, map);
    }

    /** RGB in the model's [-1, 1] scale, planar [3][h*w], of one latent frame planar [C][h*w] (unscaled). */
    public float[] apply(float[] latent, int offset, int n) {
        float[] out = new float[3 * n];
        for (int p = 0; p < n; p++) {
            for (int o = 0; o < 3; o++) {
                double v = map[o][channels];
                for (int c = 0; c < channels; c++) v += map[o][c] * latent[offset + c * n + p];
                out[o * n + p] = (float) v;
            }
        }
        return out;
    }

    /** Mean of each {@code scale x scale} block of planar RGB. */
    static float[] pool(float[] rgb, int h, int w, int scale) {
        int width = w * scale, n = h * w, plane = width * h * scale;
        float[] out = new float[3 * n];
        float norm = 1f / (scale * scale);
        for (int o = 0; o < 3; o++) {
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < width; x++) out[o * n + (y / scale) * w + x / scale] += rgb[o * plane + y * width + x] * norm;
            }
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on a small symmetric positive definite system. */
    private static double[][] solve(double[][] a, double[][] b) {
        int k = a.length, m = b[0].length;
        double[][] x = new double[k][];
        for (int i = 0; i < k; i++) { a[i] = a[i].clone(); x[i] = b[i].clone(); }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] t = a[col]; a[col] = a[pivot]; a[pivot] = t;
            t = x[col]; x[col] = x[pivot]; x[pivot] = t;
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < k; c++) a[r][c] -= f * a[col][c];
                for (int c = 0; c < m; c++) x[r][c] -= f * x[col][c];
            }
        }
        for (int col = k - 1; col >= 0; col--) {
            for (int c = 0; c < m; c++) {
                double s = x[col][c];
                for (int j = col + 1; j < k; j++) s -= a[col][j] * x[j][c];
                x[col][c] = s / a[col][col];
            }
        }
        return x;
    }
}
