package org.tempora.io;

/**
 * The shape of a PNG image without palette: size, channels (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA) and 8 or 16 bits
 * per sample. Rows hold samples interleaved, 16-bit ones big-endian (PNG spec, ISO/IEC 15948, 7.1 and 7.2).
 */
public record PngLayout(int width, int height, int channels, int bitDepth) {
    public PngLayout {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("PNG size must be positive: " + width + "x" + height);
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("PNG channels must be 1 to 4, got " + channels);
        if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("PNG bit depth must be 8 or 16, got " + bitDepth);
        if ((long) width * channels * (bitDepth / 8) + 1 > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("PNG row too long: " + width + " pixels");
    }

    /** Bytes per complete pixel, the distance the Sub, Average and Paeth filters look back (spec 9.2). */
    public int bytesPerPixel() { return channels * (bitDepth / 8); }

    /** Bytes of one row's samples, not counting the filter-type byte. */
    public int rowBytes() { return width * bytesPerPixel(); }

    /** IHDR colour type: 0 grey, 4 grey+alpha, 2 RGB, 6 RGBA (spec table 11.1). */
    public int colourType() {
        return switch (channels) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
    }
}
