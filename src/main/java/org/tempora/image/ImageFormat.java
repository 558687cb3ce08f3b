package org.tempora.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The file formats Tempora decodes, recognised by their leading "magic" bytes rather than the file name. */
enum ImageFormat {
    JPEG("JPEG"), PNG("PNG"), TIFF("TIFF"), BMP("BMP"), GIF("GIF");

    /** How many leading bytes {@link #detect} and {@link #describeUnsupported} look at. */
    static final int SNIFF_LENGTH = 16;

    final String displayName;

    ImageFormat(String displayName) { this.displayName = displayName; }

    static Optional<ImageFormat> detect(byte[] head, int n) {
        if (n >= 3 && u(head[0]) == 0xFF && u(head[1]) == 0xD8 && u(head[2]) == 0xFF) return Optional.of(JPEG);
        if (n >= 8 && u(head[0]) == 0x89 && ascii(head, 1, 3).equals("PNG")) return Optional.of(PNG);
        if (n >= 4 && (ascii(head, 0, 2).equals("II") && head[2] == 42 && head[3] == 0
                || ascii(head, 0, 2).equals("MM") && head[2] == 0 && head[3] == 42
                || ascii(head, 0, 2).equals("II") && head[2] == 43 && head[3] == 0
                || ascii(head, 0, 2).equals("MM") && head[2] == 0 && head[3] == 43)) return Optional.of(TIFF);
        if (n >= 6 && ascii(head, 0, 4).equals("GIF8")) return Optional.of(GIF);
        if (n >= 14 && ascii(head, 0, 2).equals("BM")) return Optional.of(BMP);
        return Optional.empty();
    }

    /** Names formats users commonly try that we do not decode, so the error can say what the file is. */
    static Optional<String> describeUnsupported(byte[] head, int n) {
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")) return Optional.of("a HEIC/HEIF photo");
            if (brand.startsWith("avi")) return Optional.of("an AVIF image");
            return Optional.of("a video or ISO media file");
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) return Optional.of("a WebP image");
        if (n >= 4 && ascii(head, 0, 4).equals("%PDF")) return Optional.of("a PDF document");
        if (n >= 4 && ascii(head, 0, 4).equals("8BPS")) return Optional.of("a Photoshop document");
        if (n >= 12 && u(head[0]) == 0 && u(head[1]) == 0 && u(head[2]) == 0 && u(head[3]) == 0x0C && ascii(head, 4, 4).equals("jP  ")) return Optional.of("a JPEG 2000 image");
        return Optional.empty();
    }

    private static int u(byte b) { return b & 0xFF; }

    private static String ascii(byte[] b, int off, int len) { return new String(b, off, len, StandardCharsets.ISO_8859_1); }
}
