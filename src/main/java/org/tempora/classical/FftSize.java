package org.tempora.classical;

/** Transform lengths the mixed-radix FFT handles fastest: even numbers with no prime factor above 5. */
final class FftSize {
    private FftSize() {}

    /** Smallest even 2^a 3^b 5^c that is at least {@code n} (and at least 2). */
    static int good(int n) {
        int m = Math.max(2, n + (n & 1));
        while (!smooth(m)) m += 2;
        return m;
    }

    private static boolean smooth(int m) {
        for (int p : new int[] {2, 3, 5}) {
            while (m % p == 0) m /= p;
        }
        return m == 1;
    }
}
