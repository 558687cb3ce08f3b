package org.tempora.app;

/** One slider of the frame plan, with the range and step its slider offers. */
public enum PlanField {
    FRAME_COUNT(1, 64, 1), FRAME_DURATION(0.01, 1.0, 0.005), FIRST_START(-2.5, 1.5, 0.005), DEAD_TIME(-0.5, 1.0, 0.005),
    PAST_SPAN(0, 3, 0.05), FUTURE_SPAN(0, 3, 0.05);

    private final double min, max, step;

    PlanField(double min, double max, double step) {
        this.min = min;
        this.max = max;
        this.step = step;
    }

    public double min() { return min; }
    public double max() { return max; }
    public double step() { return step; }

    /** Whether the user sets this value in {@code mode}; otherwise it follows from the free ones. */
    public boolean isFreeIn(PlanMode mode) {
        return switch (mode) {
            case PRESENT -> this == FRAME_COUNT;
            case PAST_PRESENT_FUTURE -> this == FRAME_COUNT || this == PAST_SPAN || this == FUTURE_SPAN;
            case CUSTOM -> true;
        };
    }
}
