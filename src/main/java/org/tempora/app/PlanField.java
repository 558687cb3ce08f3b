package org.tempora.app;

/** One slider of the frame plan. */
public enum PlanField {
    FRAME_COUNT, FRAME_DURATION, FIRST_START, DEAD_TIME, PAST_SPAN, FUTURE_SPAN;

    /** Whether the user sets this value in {@code mode}; otherwise it follows from the free ones. */
    public boolean isFreeIn(PlanMode mode) {
        return switch (mode) {
            case PRESENT -> this == FRAME_COUNT;
            case PAST_PRESENT_FUTURE -> this == FRAME_COUNT || this == PAST_SPAN || this == FUTURE_SPAN;
            case CUSTOM -> true;
        };
    }
}
