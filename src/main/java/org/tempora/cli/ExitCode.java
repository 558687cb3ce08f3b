package org.tempora.cli;

/** Process exit codes, documented in the README. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;
    /** Wrong arguments, impossible frame plan, output folder refused. */
    public static final int USAGE = 2;
    /** The photo (or another input file) cannot be read. */
    public static final int UNREADABLE_INPUT = 3;
    /** The engine failed, or the output could not be written (disk full, no permission). */
    public static final int ENGINE_FAILURE = 4;
    /** Interrupted by the user (Ctrl-C); nothing was written. */
    public static final int CANCELLED = 130;
}
