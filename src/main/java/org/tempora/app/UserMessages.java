package org.tempora.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.tempora.engine.EngineException;
import org.tempora.image.UnreadablePhotoException;
import org.tempora.timeline.InvalidPlanException;

/** One readable line for any failure of background work; the window shows it instead of a stack trace. */
public final class UserMessages {
    private UserMessages() {}

    /** Whether {@code error} is a failure the user can act on (its message says what to do), not a bug in Tempora. */
    public static boolean expected(Throwable error) {
        return error instanceof UnreadablePhotoException || error instanceof EngineException || error instanceof InvalidPlanException
                || error instanceof IOException || error instanceof OutOfMemoryError;
    }

    public static String describe(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "Not enough memory for this work: open a smaller photo, use fewer frames, or start Tempora with a larger heap (java -Xmx8g -jar tempora.jar).";
        }
        if (error instanceof NoSuchFileException e) return "The file " + e.getFile() + " does not exist (moved or deleted?): open it again from its new place.";
        if (error instanceof AccessDeniedException e) return "Tempora may not read " + e.getFile() + ": check the file's permissions.";
        if (expected(error) && error.getMessage() != null && !error.getMessage().isBlank()) return sentence(error.getMessage());
        String what = error.getMessage() == null ? "no details" : error.getMessage();
        return "Internal error (" + what + "). Please report it with the photo you used; your photo was not changed.";
    }

    private static String sentence(String message) {
        String s = PlanShaper.capitalised(message.trim());
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }
}
