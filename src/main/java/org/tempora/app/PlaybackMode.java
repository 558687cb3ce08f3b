package org.tempora.app;

/** What playback does at the last frame: stop, start again from the first, or turn round (ping-pong). */
public enum PlaybackMode {
    ONCE("Once"), LOOP("Loop"), PING_PONG("Ping-pong");

    /** The frame to show next, the direction after it (+1 forward, -1 back), and whether playback ends there. */
    public record Step(int frame, int direction, boolean stop) {}

    private final String label;

    PlaybackMode(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }

    /** The mode after this one, for a shortcut that cycles through them. */
    public PlaybackMode following() { return values()[(ordinal() + 1) % values().length]; }

    /** One playback tick from {@code frame} moving in {@code direction}, over {@code size} frames. */
    public Step next(int frame, int direction, int size) {
        int last = size - 1;
        if (last <= 0) return new Step(0, 1, this == ONCE);
        if (this != PING_PONG) {
            if (frame + 1 <= last) return new Step(frame + 1, 1, false);
            return this == LOOP ? new Step(0, 1, false) : new Step(last, 1, true);
        }
        int dir = direction < 0 ? -1 : 1;
        int next = frame + dir;
        // Turn round on the end frame instead of showing it twice: 0 1 2 3 2 1 0 1 ...
        if (next > last) return new Step(last - 1, -1, false);
        if (next < 0) return new Step(1, 1, false);
        return new Step(next, dir, false);
    }
}
