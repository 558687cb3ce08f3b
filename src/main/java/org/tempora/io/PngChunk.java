package org.tempora.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An ancillary PNG chunk written before the image data: a four-letter type and its data bytes. */
public record PngChunk(String type, byte[] data) {
    public PngChunk {
        if (type.length() != 4 || !type.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
            throw new IllegalArgumentException("PNG chunk type must be four ASCII letters, got '" + type + "'");
        }
        data = data.clone();
    }

    @Override public byte[] data() { return data.clone(); }

    /** sRGB chunk (spec 11.3.3.5): the samples are sRGB; {@code intent} 0 perceptual, 1 relative, 2 saturation, 3 absolute. */
    public static PngChunk srgb(int intent) {
        if (intent < 0 || intent > 3) throw new IllegalArgumentException("sRGB rendering intent must be 0 to 3, got " + intent);
        return new PngChunk("sRGB", new byte[] {(byte) intent});
    }

    /**
     * Uncompressed iTXt chunk (spec 11.3.4.5) with empty language tag and translated keyword, as XMP packets are
     * embedded under the keyword "XML:com.adobe.xmp" (XMP spec part 3, 1.1.5).
     */
    public static PngChunk itxt(String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        if (key.length < 1 || key.length > 79 || !keyword.equals(new String(key, StandardCharsets.ISO_8859_1)) || keyword.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("iTXt keyword must be 1 to 79 Latin-1 characters, got '" + keyword + "'");
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(key, key.length + 5 + body.length);
        // key, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
        System.arraycopy(body, 0, data, key.length + 5, body.length);
        return new PngChunk("iTXt", data);
    }

    /** The XMP packet chunk: iTXt "XML:com.adobe.xmp". */
    public static PngChunk xmp(String packet) { return itxt("XML:com.adobe.xmp", packet); }

    @Override public boolean equals(Object o) { return o instanceof PngChunk c && type.equals(c.type) && Arrays.equals(data, c.data); }

    @Override public int hashCode() { return 31 * type.hashCode() + Arrays.hashCode(data); }

    @Override public String toString() { return "PngChunk[" + type + ", " + data.length + " bytes]"; }
}
