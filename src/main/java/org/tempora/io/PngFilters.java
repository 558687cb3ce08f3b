package org.tempora.io;

/** The five PNG row filters (ISO/IEC 15948, 9.2) and their inverses (9.3, 9.4), on bytes regardless of bit depth. */
final class PngFilters {
    private PngFilters() {}

    /**
     * Writes filter {@code type} of row {@code x} into {@code out}: the type byte at 0, then one byte per row byte.
     *
     * @param prior the row above, all zero for the first row
     * @param bpp bytes per complete pixel, at least 1
     */
    static void apply(int type, byte[] x, byte[] prior, int bpp, byte[] out) {
        out[0] = (byte) type;
        int n = x.length;
        switch (type) {
            case 0 -> System.arraycopy(x, 0, out, 1, n);
            case 1 -> {
                System.arraycopy(x, 0, out, 1, bpp);
                for (int i = bpp; i < n; i++) out[i + 1] = (byte) (x[i] - x[i - bpp]);
            }
            case 2 -> {
                for (int i = 0; i < n; i++) out[i + 1] = (byte) (x[i] - prior[i]);
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) out[i + 1] = (byte) (x[i] - ((prior[i] & 0xff) >>> 1));
                for (int i = bpp; i < n; i++) out[i + 1] = (byte) (x[i] - (((x[i - bpp] & 0xff) + (prior[i] & 0xff)) >>> 1));
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) out[i + 1] = (byte) (x[i] - prior[i]); // a = c = 0: the predictor is b (spec 9.4)
                for (int i = bpp; i < n; i++) out[i + 1] = (byte) (x[i] - paeth(x[i - bpp] & 0xff, prior[i] & 0xff, prior[i - bpp] & 0xff));
            }
            default -> throw new IllegalArgumentException("PNG filter type must be 0 to 4, got " + type);
        }
    }

    /**
     * Reverses filter {@code type} in place: {@code row} holds the filtered bytes (without the type byte) and ends
     * holding the row's samples. Returns false for a type outside 0 to 4 (a damaged stream).
     */
    static boolean undo(int type, byte[] row, byte[] prior, int bpp) {
        int n = row.length;
        switch (type) {
            case 0 -> { }
            case 1 -> {
                for (int i = bpp; i < n; i++) row[i] += row[i - bpp];
            }
            case 2 -> {
                for (int i = 0; i < n; i++) row[i] += prior[i];
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) row[i] += (prior[i] & 0xff) >>> 1;
                for (int i = bpp; i < n; i++) row[i] += ((row[i - bpp] & 0xff) + (prior[i] & 0xff)) >>> 1;
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) row[i] += prior[i];
                for (int i = bpp; i < n; i++) row[i] += paeth(row[i - bpp] & 0xff, prior[i] & 0xff, prior[i - bpp] & 0xff);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sum of the filtered bytes read as signed values: the adaptive choice's cost (spec 12.8). */
    static long cost(byte[] filtered) {
        long sum = 0;
        for (int i = 1; i < filtered.length; i++) sum += Math.abs(filtered[i]);
        return sum;
    }

    /**
     * Paeth predictor (spec 9.4): of left a, above b and upper-left c, the one nearest a + b - c, ties in that order.
     * Branch-free (masks instead of comparisons): photo residuals make the branches unpredictable.
     */
    static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - c - c);
        int bOverA = (pb - pa) >> 31;                 // -1 when pb < pa
        int nearAB = a ^ ((a ^ b) & bOverA), dAB = pa ^ ((pa ^ pb) & bOverA);
        int cOver = (pc - dAB) >> 31;                 // -1 when pc < min(pa, pb)
        return nearAB ^ ((nearAB ^ c) & cOver);
    }
}
