package org.tempora.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats times for refusal messages: short enough to read, exact enough to type back into a slider. */
final class PlanNumbers {
    private PlanNumbers() {}

    /** Slack for comparisons of sums of slider values, which carry rounding error. */
    static final double TOLERANCE = 1e-9;

    /** Up to 4 decimals, trailing zeros dropped (0.0625 stays 0.0625, 0.9 reads 0.9). */
    static String show(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A suggested minimum, rounded up so that typing it back in is always enough. */
    static String showAtLeast(double v) {
        return show(Math.ceil(v * 1e4 - 1e-6) / 1e4);
    }

    /** A suggested maximum, rounded down so that typing it back in is always enough. */
    static String showAtMost(double v) {
        return show(Math.floor(v * 1e4 + 1e-6) / 1e4);
    }

    static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) throw new InvalidPlanException(what + " must be a number, got " + v);
    }
}
