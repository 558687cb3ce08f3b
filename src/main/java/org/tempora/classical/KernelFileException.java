package org.tempora.classical;

import java.io.IOException;
import java.nio.file.Path;

/** A kernel file could not be used; the one-line message names the file and the reason. */
public class KernelFileException extends IOException {
    public KernelFileException(Path file, String reason) {
        super(file.getFileName() + ": " + reason);
    }
}
