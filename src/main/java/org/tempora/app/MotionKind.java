package org.tempora.app;

/** What the motion overlay draws over the picture. */
public enum MotionKind {
    OFF("Off"),
    WHEEL("Colour wheel"),
    ARROWS("Arrows"),
    HEAT("Speed heat map"),
    TRACKS("Point tracks");

    private final String label;

    MotionKind(String label) { this.label = label; }

    public String label() { return label; }

    /** The next view in menu order, after the last one back to Off: one shortcut steps through them all. */
    public MotionKind following() { return values()[(ordinal() + 1) % values().length]; }

    @Override public String toString() { return label; }
}
