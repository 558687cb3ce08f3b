package org.tempora.image;

import javax.imageio.IIOException;
import java.io.EOFException;
import java.util.Locale;

/** Builds the one-line, user-actionable messages of {@link UnreadablePhotoException}: "name: what is wrong; what to do". */
final class ReadFailure {
    private ReadFailure() {}

    static UnreadablePhotoException of(String fileName, String reasonAndAdvice) {
        return new UnreadablePhotoException(oneLine(fileName + ": " + reasonAndAdvice));
    }

    /** As {@link #of(String, String)}, keeping the decoder's exception as the cause for logs (never in the message). */
    static UnreadablePhotoException of(String fileName, String reasonAndAdvice, Throwable cause) {
        return new UnreadablePhotoException(oneLine(fileName + ": " + reasonAndAdvice), cause);
    }

    static UnreadablePhotoException truncated(String fileName, String format) {
        return of(fileName, "the " + format + " data ends early (file is truncated or damaged); re-export or re-scan it");
    }

    static UnreadablePhotoException tooLarge(String fileName, int w, int h, long neededMb, long freeMb) {
        return of(fileName, "the image (" + w + " x " + h + " pixels) needs about " + neededMb + " MB but only " + freeMb
                + " MB of memory is free; close other work or start Tempora with a larger heap (-Xmx)");
    }

    /** Classifies a decoder failure; {@code complete} is what the file's own structure says about its end. */
    static UnreadablePhotoException decoding(String fileName, String format, Throwable error, boolean complete) {
        if (error instanceof OutOfMemoryError) {
            return of(fileName, "the image is too large for the memory available; close other work or start Tempora with a larger heap (-Xmx)", error);
        }
        String reason = plainReason(error);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (!complete || hasCause(error, EOFException.class) || lower.contains("end of file") || lower.contains("premature end")
                || lower.contains("truncated") || lower.contains("missing eoi")) {
            return of(fileName, "the " + format + " data ends early (file is truncated or damaged); re-export or re-scan it", error);
        }
        if (lower.contains("unsupported") || lower.contains("not supported") || lower.matches(".*unknown .*(compression|photometric|sample ?format|process|predictor).*")
                || error instanceof UnsupportedOperationException) {
            return of(fileName, "this kind of " + format + " is not supported (" + reason + "); save it again as a standard 8- or 16-bit "
                    + format + " or as PNG", error);
        }
        return of(fileName, "the " + format + " data is damaged and cannot be decoded (" + reason + "); re-export or re-scan it", error);
    }

    /** The innermost useful decoder message, without exception class names; a plain phrase when there is none. */
    static String plainReason(Throwable error) {
        String best = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && (t instanceof IIOException || best == null || t.getCause() == null)) best = m;
        }
        if (best == null || best.matches("(?i)(index|coordinate|array)?.*out of bounds.*|-?\\d+|null")) {
            return "its internal structure is inconsistent";
        }
        best = best.replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(Exception|Error):\\s*", "");
        best = oneLine(best);
        return best.length() > 140 ? best.substring(0, 137) + "..." : best;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static String oneLine(String s) { return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim(); }
}
