package org.tempora.engine;

/**
 * A part of the photo (photo pixels) whose blur the engine compared with the other parts': parts of the same
 * {@code group} share one blur, parts of different groups are blurred differently (a moving object, camera rotation).
 */
public record BlurPart(int x, int y, int width, int height, int group) {
    public BlurPart {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || group < 0) {
            throw new IllegalArgumentException("a part needs x, y, group >= 0 and a positive size, got " + x + "," + y + "," + width + "," + height + " group " + group);
        }
    }

    /** What the window and the warnings call the blur of {@code group}: "Blur A", "Blur B", ... */
    public static String blurName(int group) { return "Blur " + (char) ('A' + group); }

    /** Whether photo point (px, py) lies in this part. */
    public boolean contains(double px, double py) { return px >= x && py >= y && px < x + width && py < y + height; }
}
