package org.tempora.image;

import java.io.IOException;

/** A photo that cannot be decoded; the message is one line a user can act on. */
public class UnreadablePhotoException extends IOException {
    public UnreadablePhotoException(String message) { super(message); }
    public UnreadablePhotoException(String message, Throwable cause) { super(message, cause); }
}
