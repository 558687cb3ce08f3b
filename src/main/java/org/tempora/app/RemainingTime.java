package org.tempora.app;

import java.util.Locale;

/**
 * Estimates the time left in the running stage of a job by extrapolating the pace of its steps so far (steps of one
 * stage take about equally long). Stages differ in pace, so each new stage starts a fresh estimate. UI-agnostic.
 */
public final class RemainingTime {
    private String stage;
    private int firstDone, lastDone;
    private long firstNanos;

    /**
     * Records a progress report made at {@code nanos} ({@link System#nanoTime()}) and returns the seconds left in
     * this stage, or NaN while unknown (the stage's first report, or a stage of unknown length).
     */
    public double report(String stageName, int done, int total, long nanos) {
        if (!stageName.equals(stage) || done < lastDone) {
            stage = stageName;
            firstDone = done;
            firstNanos = nanos;
        }
        lastDone = done;
        if (total <= 0 || done <= firstDone) return Double.NaN;
        double perStep = (nanos - firstNanos) / 1e9 / (done - firstDone);
        return Math.max(0, total - done) * perStep;
    }

    /** Forgets the job (a new one starts). */
    public void reset() {
        stage = null;
        lastDone = 0;
    }

    /** "about 12 s left" etc.; "" for an unknown estimate. */
    public static String describe(double seconds) {
        if (Double.isNaN(seconds)) return "";
        if (seconds < 1) return "less than a second left";
        if (seconds < 60) return String.format(Locale.ROOT, "about %d s left", (long) Math.ceil(seconds));
        long minutes = Math.round(seconds / 60);
        return "about " + minutes + " min left";
    }
}
