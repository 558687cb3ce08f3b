package org.tempora.export;

import java.io.IOException;

/** Writing would replace data the user did not ask to replace; the message says what to do instead. */
public class OutputRefusedException extends IOException {
    public OutputRefusedException(String message) { super(message); }
}
