package org.tempora.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the plain kind of PNG (ISO/IEC 15948) that cameras, scanners and our own writer produce: 8 or 16 bits per
 * sample, grey, grey+alpha, RGB or RGBA, not interlaced, no tRNS or iCCP chunk. Everything else, and any file that is
 * damaged in any way, gives an empty result so the caller can use a general decoder with its own error reporting.
 * Streams the compressed data through {@link Inflater} and undoes the row filters straight into the sample array;
 * CRCs are not checked, as Java's own PNG reader does not check them either.
 */
public final class PngDecoder {
    private PngDecoder() {}

    /** Row-major interleaved samples: in {@code bytes} for 8-bit images, in {@code shorts} (unsigned) for 16-bit ones. */
    public record Samples(PngLayout layout, byte[] bytes, short[] shorts) {}

    /** Called with the layout before the sample array is allocated; may refuse by throwing. */
    @FunctionalInterface
    public interface LayoutCheck {
        void accept(PngLayout layout) throws IOException;
    }

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;

    public static Optional<Samples> decode(Path file, LayoutCheck check) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return decode(raw, check);
        }
    }

    /** As {@link #decode(Path, LayoutCheck)}, from a stream positioned at the signature (not closed). */
    public static Optional<Samples> decode(InputStream stream, LayoutCheck check) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        try {
            if (in.readLong() != SIGNATURE) return Optional.empty();
            if (in.readInt() != 13 || in.readInt() != 0x49484452) return Optional.empty(); // "IHDR" first (spec 5.6)
            int width = in.readInt(), height = in.readInt();
            int depth = in.readUnsignedByte(), colourType = in.readUnsignedByte();
            int compression = in.readUnsignedByte(), filterMethod = in.readUnsignedByte(), interlace = in.readUnsignedByte();
            in.readInt(); // CRC
            int channels = switch (colourType) {
                case 0 -> 1;
                case 4 -> 2;
                case 2 -> 3;
                case 6 -> 4;
                default -> 0;       // palette or invalid
            };
            if (channels == 0 || (depth != 8 && depth != 16) || compression != 0 || filterMethod != 0 || interlace != 0
                    || width <= 0 || height <= 0 || (long) width * channels * (depth / 8) + 1 > Integer.MAX_VALUE - 8
                    || (long) width * height * channels > Integer.MAX_VALUE - 8) {
                return Optional.empty();
            }
            PngLayout layout = new PngLayout(width, height, channels, depth);
            int firstDataLength = skipToImageData(in);
            if (firstDataLength < 0) return Optional.empty();
            check.accept(layout);
            return imageData(in, layout, firstDataLength);
        } catch (EOFException | DataFormatException damaged) {
            return Optional.empty();
        }
    }

    /** Skips ancillary chunks up to the first IDAT and returns its length; -1 for chunks that change the decoding. */
    private static int skipToImageData(DataInputStream in) throws IOException {
        while (true) {
            int length = in.readInt(), type = in.readInt();
            if (length < 0) return -1;
            switch (type) {
                case 0x49444154 -> { return length; }                    // IDAT
                case 0x74524E53, 0x69434350, 0x504C5445, 0x49454E44 -> { // tRNS, iCCP, PLTE, IEND
                    return -1;
                }
                default -> in.skipNBytes(length + 4L);                 // data and CRC
            }
        }
    }

    private static Optional<Samples> imageData(DataInputStream in, PngLayout layout, int firstDataLength) throws IOException, DataFormatException {
        int n = layout.rowBytes(), bpp = layout.bytesPerPixel(), h = layout.height();
        boolean wide = layout.bitDepth() == 16;
        byte[] bytes = wide ? null : new byte[n * h];
        short[] shorts = wide ? new short[n / 2 * h] : null;
        byte[] prior = new byte[n], row = new byte[n], type = new byte[1];
        Inflater inflater = new Inflater();
        try {
            IdatInput idat = new IdatInput(in, inflater, firstDataLength);
            for (int y = 0; y < h; y++) {
                if (!idat.fill(type, 1) || !idat.fill(row, n)) return Optional.empty();
                if (!PngFilters.undo(type[0], row, prior, bpp)) return Optional.empty();
                if (wide) {
                    for (int i = 0, o = y * (n / 2); i < n; i += 2, o++) shorts[o] = (short) (((row[i] & 0xff) << 8) | (row[i + 1] & 0xff));
                } else {
                    System.arraycopy(row, 0, bytes, y * n, n);
                }
                byte[] t = prior;
                prior = row;
                row = t;
            }
        } finally {
            inflater.end();
        }
        return Optional.of(new Samples(layout, bytes, shorts));
    }

    /** The zlib stream spread over consecutive IDAT chunks. */
    private static final class IdatInput {
        private final DataInputStream in;
        private final Inflater inflater;
        private byte[] chunk = new byte[0];
        private int remaining;      // bytes of the current IDAT chunk not yet read
        private boolean last;       // no IDAT follows

        IdatInput(DataInputStream in, Inflater inflater, int firstLength) {
            this.in = in;
            this.inflater = inflater;
            this.remaining = firstLength;
        }

        /** Inflates exactly {@code length} bytes into {@code out}; false when the data ends first. */
        boolean fill(byte[] out, int length) throws IOException, DataFormatException {
            int got = 0, idle = 0;
            while (got < length) {
                int k = inflater.inflate(out, got, length - got);
                got += k;
                if (k > 0) {
                    idle = 0;
                } else if (inflater.finished() || inflater.needsDictionary()) {
                    return false;
                } else if (inflater.needsInput()) {
                    if (!feed()) return false;
                } else if (++idle > 64) {
                    return false;   // neither output nor a request for input: a damaged stream
                }
            }
            return true;
        }

        /** Hands the inflater the next piece of IDAT data; false when there is none. */
        private boolean feed() throws IOException {
            while (remaining == 0) {
                if (last) return false;
                in.readInt(); // CRC of the finished chunk
                int length = in.readInt(), type = in.readInt();
                if (type != 0x49444154 || length < 0) {
                    last = true;
                    return false;
                }
                remaining = length;
            }
            int k = Math.min(remaining, 1 << 16);
            if (chunk.length < k) chunk = new byte[k];
            in.readFully(chunk, 0, k);
            remaining -= k;
            inflater.setInput(chunk, 0, k);
            return true;
        }
    }
}
