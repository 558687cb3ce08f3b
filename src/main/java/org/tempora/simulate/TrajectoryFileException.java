package org.tempora.simulate;

import java.io.IOException;
import java.nio.file.Path;

/** A trajectory file could not be read; the one-line message names the file and the line. */
public class TrajectoryFileException extends IOException {
    private final Path file;
    private final int line;

    public TrajectoryFileException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** 1-based line number the problem was found on. */
    public int line() { return line; }
}
