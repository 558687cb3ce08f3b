package org.tempora.classical;

import java.util.stream.IntStream;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * 2-D DFT of a real plane (width even, row-major) kept as its half spectrum: {@code height} rows of
 * {@code width/2+1} complex values, interleaved (re, im). Rows use JTransforms' real FFT, columns its
 * complex FFT; the forward transform is unnormalised, the inverse divides by width*height.
 * Instances are immutable after construction and safe to share between threads.
 */
final class RealFft2d {
    /** Below this many pixels the work is too small to be worth splitting over threads. */
    private static final int PARALLEL_THRESHOLD = 1 << 16;

    final int width;
    final int height;
    /** Complex values per spectrum row. */
    final int cw;
    private final FloatFFT_1D rowFft;
    private final FloatFFT_1D colFft;
    private final int chunks;
    /** The inverse's normalisation, applied once as the rows are written out instead of by JTransforms after each 1-D pass. */
    private final float inverseScale;

    RealFft2d(int width, int height) {
        if (width < 2 || (width & 1) != 0 || height < 1) {
            throw new IllegalArgumentException("FFT plane must have an even width >= 2, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.cw = width / 2 + 1;
        this.rowFft = new FloatFFT_1D(width);
        this.colFft = new FloatFFT_1D(height);
        // JTransforms' unscaled real inverse returns width/2 times the inverse for some plans and width times for others:
        // measured on a delta rather than assumed
        float[] probe = new float[width];
        probe[0] = 1;
        rowFft.realForward(probe);
        rowFft.realInverse(probe, false);
        this.inverseScale = (float) (1.0 / ((double) probe[0] * height));
        this.chunks = width * height >= PARALLEL_THRESHOLD ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /** Floats in one half spectrum. */
    int spectrumLength() { return 2 * cw * height; }

    float[] newSpectrum() { return new float[spectrumLength()]; }

    /** Forward transform of {@code src} (width*height, left untouched) into {@code spec}. */
    void forward(float[] src, float[] spec) {
        run(height, (from, to) -> forwardRows(src, spec, from, to));
        run(cw, (from, to) -> forwardColumns(spec, from, to));
    }

    /** Inverse transform of {@code spec} into {@code dst} (width*height); {@code spec} is overwritten (used as work space). */
    void inverse(float[] spec, float[] dst) {
        run(cw, (from, to) -> inverseColumns(spec, from, to));
        run(height, (from, to) -> inverseRows(spec, dst, from, to));
    }

    // One method per direction and pass, without a direction flag: a branch the JIT has seen go one way only is compiled
    // as a trap, and the first transform the other way would throw the compiled loop away (measured: 13 recompilations).

    private void forwardRows(float[] src, float[] spec, int from, int to) {
        float[] row = new float[width];
        for (int y = from; y < to; y++) {
            System.arraycopy(src, y * width, row, 0, width);
            rowFft.realForward(row);
            int o = 2 * cw * y;
            spec[o] = row[0];
            spec[o + 1] = 0;
            spec[o + 2 * (cw - 1)] = row[1];
            spec[o + 2 * (cw - 1) + 1] = 0;
            System.arraycopy(row, 2, spec, o + 2, width - 2);
        }
    }

    private void inverseRows(float[] spec, float[] dst, int from, int to) {
        float[] row = new float[width];
        for (int y = from; y < to; y++) {
            int o = 2 * cw * y;
            row[0] = spec[o];
            row[1] = spec[o + 2 * (cw - 1)];
            System.arraycopy(spec, o + 2, row, 2, width - 2);
            rowFft.realInverse(row, false);
            int o2 = y * width;
            for (int x = 0; x < width; x++) dst[o2 + x] = row[x] * inverseScale;
        }
    }

    private void forwardColumns(float[] spec, int from, int to) {
        float[] col = new float[2 * height];
        for (int u = from; u < to; u++) {
            gatherColumn(spec, u, col);
            colFft.complexForward(col);
            scatterColumn(col, spec, u);
        }
    }

    private void inverseColumns(float[] spec, int from, int to) {
        float[] col = new float[2 * height];
        for (int u = from; u < to; u++) {
            gatherColumn(spec, u, col);
            colFft.complexInverse(col, false);
            scatterColumn(col, spec, u);
        }
    }

    private void gatherColumn(float[] spec, int u, float[] col) {
        int stride = 2 * cw;
        for (int y = 0, i = 2 * u; y < height; y++, i += stride) {
            col[2 * y] = spec[i];
            col[2 * y + 1] = spec[i + 1];
        }
    }

    private void scatterColumn(float[] col, float[] spec, int u) {
        int stride = 2 * cw;
        for (int y = 0, i = 2 * u; y < height; y++, i += stride) {
            spec[i] = col[2 * y];
            spec[i + 1] = col[2 * y + 1];
        }
    }

    private interface Range { void apply(int from, int to); }

    private void run(int n, Range body) {
        if (chunks == 1) {
            body.apply(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.apply(n * c / chunks, n * (c + 1) / chunks));
    }
}
