package org.tempora.classical;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * 2-D DFT of a real plane (width even, row-major) kept as its half spectrum: {@code height} rows of
 * {@code width/2+1} complex values, interleaved (re, im). Rows use JTransforms' real FFT, columns its
 * complex FFT; the forward transform is unnormalised, the inverse divides by width*height.
 * Instances are immutable after construction and safe to share between threads.
 */
final class RealFft2d {
    final int width;
    final int height;
    /** Complex values per spectrum row. */
    final int cw;
    private final FloatFFT_1D rowFft;
    private final FloatFFT_1D colFft;
    /** How this plane's row and column passes are split over the cores; per-pixel passes over the plane may share it. */
    final Bands bands;
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
        this.bands = new Bands((long) width * height);
    }

    /** Floats in one half spectrum. */
    int spectrumLength() { return 2 * cw * height; }

    float[] newSpectrum() { return new float[spectrumLength()]; }

    /** Forward transform of {@code src} (width*height, left untouched) into {@code spec}. */
    void forward(float[] src, float[] spec) {
        bands.run(height, (from, to) -> forwardRows(src, spec, from, to));
        bands.run(cw, (from, to) -> forwardColumns(spec, from, to));
    }

    /** Inverse transform of {@code spec} into {@code dst} (width*height); {@code spec} is overwritten (used as work space). */
    void inverse(float[] spec, float[] dst) {
        bands.run(cw, (from, to) -> inverseColumns(spec, from, to));
        bands.run(height, (from, to) -> inverseRows(spec, dst, from, to));
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

    /**
     * Columns are gathered and scattered this many at a time: one pass over the rows then reads each cache line of the
     * spectrum once for several columns instead of once per column.
     */
    private static final int COLUMN_BLOCK = 8;
    /**
     * Each thread's block of columns, reused across transforms: a new block per call came to 74 MB in a 640x360
     * generate, and every young collection that brings copies the live planes again.
     */
    private static final ThreadLocal<float[]> COLUMNS = ThreadLocal.withInitial(() -> new float[0]);

    /** This thread's buffer for {@link #COLUMN_BLOCK} complex columns of this plane. */
    private float[] columnBuffer() {
        float[] buffer = COLUMNS.get();
        if (buffer.length < COLUMN_BLOCK * 2 * height) {
            buffer = new float[COLUMN_BLOCK * 2 * height];
            COLUMNS.set(buffer);
        }
        return buffer;
    }

    private void forwardColumns(float[] spec, int from, int to) {
        float[] cols = columnBuffer();
        for (int u = from; u < to; u += COLUMN_BLOCK) {
            int count = Math.min(COLUMN_BLOCK, to - u);
            gatherColumns(spec, u, count, cols);
            for (int c = 0; c < count; c++) colFft.complexForward(cols, 2 * height * c);
            scatterColumns(cols, count, spec, u);
        }
    }

    private void inverseColumns(float[] spec, int from, int to) {
        float[] cols = columnBuffer();
        for (int u = from; u < to; u += COLUMN_BLOCK) {
            int count = Math.min(COLUMN_BLOCK, to - u);
            gatherColumns(spec, u, count, cols);
            for (int c = 0; c < count; c++) colFft.complexInverse(cols, 2 * height * c, false);
            scatterColumns(cols, count, spec, u);
        }
    }

    /** Copies the complex columns u..u+count-1 of the spectrum into the buffer, one after another. */
    private void gatherColumns(float[] spec, int u, int count, float[] cols) {
        int stride = 2 * cw, length = 2 * height;
        for (int y = 0, i = 2 * u; y < height; y++, i += stride) {
            for (int c = 0, j = i, o = 2 * y; c < count; c++, j += 2, o += length) {
                cols[o] = spec[j];
                cols[o + 1] = spec[j + 1];
            }
        }
    }

    private void scatterColumns(float[] cols, int count, float[] spec, int u) {
        int stride = 2 * cw, length = 2 * height;
        for (int y = 0, i = 2 * u; y < height; y++, i += stride) {
            for (int c = 0, j = i, o = 2 * y; c < count; c++, j += 2, o += length) {
                spec[j] = cols[o];
                spec[j + 1] = cols[o + 1];
            }
        }
    }
}
