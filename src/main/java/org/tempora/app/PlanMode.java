package org.tempora.app;

/** How the sliders shape the frame plan: which layout they start from and which values the user sets. */
public enum PlanMode {
    /** Frames tile the photo's exposure; only the frame count is free. */
    PRESENT("Present"),
    /** Frames tile the exposure plus a past and a future span; count and spans are free. */
    PAST_PRESENT_FUTURE("Past-Present-Future"),
    /** Every slider is free: duration, first start and dead time place the frames. */
    CUSTOM("Custom");

    private final String label;

    PlanMode(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }
}
