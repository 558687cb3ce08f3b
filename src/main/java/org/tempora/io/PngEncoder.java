package org.tempora.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Streams a non-interlaced PNG (ISO/IEC 15948) from rows supplied one at a time, so a 24-megapixel 16-bit frame
 * never exists as a whole encoded raster: rows are filtered (spec 9), fed to zlib through {@link Deflater} and cut
 * into IDAT chunks as the compressed bytes arrive, each with its CRC-32 ({@link CRC32}, spec 5.5).
 * Chunk order: IHDR, the given ancillary chunks, IDAT..., IEND.
 */
public final class PngEncoder {
    /** Per-row filter types (spec 9.2); ADAPTIVE picks per row the one with the least sum of |signed byte| (spec 12.8). */
    public enum Filter { NONE, SUB, UP, AVERAGE, PAETH, ADAPTIVE }

    /** Supplies the samples of row {@code y} (0 = top), interleaved, 16-bit ones big-endian, into {@code samples}. */
    @FunctionalInterface
    public interface RowSource {
        void row(int y, byte[] samples) throws IOException;
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Compressed bytes per IDAT chunk: large enough that chunk framing is noise, small enough to stream. */
    private static final int IDAT_BYTES = 1 << 17;
    /** Filtered bytes handed to the deflater at once: fewer native calls for narrow images. */
    private static final int INPUT_BYTES = 1 << 17;

    private final Filter filter;
    private final int level;
    private final int strategy;

    /**
     * @param level zlib level 0 (store) to 9 (smallest)
     * @param strategy {@link Deflater#DEFAULT_STRATEGY}, {@link Deflater#FILTERED} or {@link Deflater#HUFFMAN_ONLY}
     */
    public PngEncoder(Filter filter, int level, int strategy) {
        if (level < 0 || level > 9) throw new IllegalArgumentException("deflate level must be 0 to 9, got " + level);
        if (strategy != Deflater.DEFAULT_STRATEGY && strategy != Deflater.FILTERED && strategy != Deflater.HUFFMAN_ONLY) {
            throw new IllegalArgumentException("unknown deflate strategy " + strategy);
        }
        this.filter = filter;
        this.level = level;
        this.strategy = strategy;
    }

    /** Writes the whole PNG to {@code out} (not closed). */
    public void write(OutputStream out, PngLayout layout, List<PngChunk> ancillary, RowSource rows) throws IOException {
        out.write(SIGNATURE);
        writeChunk(out, "IHDR", header(layout), 13);
        for (PngChunk c : ancillary) {
            byte[] data = c.data();
            writeChunk(out, c.type(), data, data.length);
        }
        Deflater deflater = new Deflater(level);
        deflater.setStrategy(strategy);
        try {
            writeImageData(out, layout, rows, deflater);
        } finally {
            deflater.end(); // native zlib memory is not left to the garbage collector
        }
        writeChunk(out, "IEND", new byte[0], 0);
    }

    private void writeImageData(OutputStream out, PngLayout layout, RowSource rows, Deflater deflater) throws IOException {
        int n = layout.rowBytes(), bpp = layout.bytesPerPixel();
        byte[] prior = new byte[n], current = new byte[n];
        byte[][] candidates = filter == Filter.ADAPTIVE ? new byte[5][n + 1] : new byte[][] {new byte[n + 1]};
        byte[] input = new byte[Math.max(INPUT_BYTES, n + 1)];
        int inputLength = 0;
        IdatStream idat = new IdatStream(out);
        for (int y = 0; y < layout.height(); y++) {
            rows.row(y, current);
            byte[] filtered = filterRow(current, prior, bpp, candidates);
            if (inputLength + n + 1 > input.length) {
                idat.deflate(deflater, input, inputLength);
                inputLength = 0;
            }
            System.arraycopy(filtered, 0, input, inputLength, n + 1);
            inputLength += n + 1;
            byte[] t = prior;
            prior = current;
            current = t;
        }
        idat.deflate(deflater, input, inputLength);
        deflater.finish();
        idat.drain(deflater);
        idat.flush();
    }

    /** The filtered row (type byte first) in one of {@code candidates}. */
    private byte[] filterRow(byte[] x, byte[] prior, int bpp, byte[][] candidates) {
        if (filter != Filter.ADAPTIVE) {
            PngFilters.apply(filter.ordinal(), x, prior, bpp, candidates[0]);
            return candidates[0];
        }
        int best = 0;
        long bestCost = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
            PngFilters.apply(type, x, prior, bpp, candidates[type]);
            long cost = PngFilters.cost(candidates[type]);
            if (cost < bestCost) {
                bestCost = cost;
                best = type;
            }
        }
        return candidates[best];
    }

    /** Compressed bytes gathered into IDAT chunks of {@link #IDAT_BYTES}. */
    private static final class IdatStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[IDAT_BYTES];
        private int length;

        IdatStream(OutputStream out) { this.out = out; }

        void deflate(Deflater deflater, byte[] input, int inputLength) throws IOException {
            if (inputLength == 0) return;
            deflater.setInput(input, 0, inputLength);
            while (!deflater.needsInput()) pull(deflater);
        }

        void drain(Deflater deflater) throws IOException {
            while (!deflater.finished()) pull(deflater);
        }

        private void pull(Deflater deflater) throws IOException {
            length += deflater.deflate(buffer, length, buffer.length - length, Deflater.NO_FLUSH);
            if (length == buffer.length) flush();
        }

        void flush() throws IOException {
            if (length == 0) return;
            writeChunk(out, "IDAT", buffer, length);
            length = 0;
        }
    }

    private static byte[] header(PngLayout layout) {
        byte[] h = new byte[13];
        putInt(h, 0, layout.width());
        putInt(h, 4, layout.height());
        h[8] = (byte) layout.bitDepth();
        h[9] = (byte) layout.colourType();
        // compression 0 (deflate), filter method 0 (adaptive, five types), interlace 0 (none)
        return h;
    }

    /** Length, type, data, CRC-32 of type and data (spec 5.3). */
    static void writeChunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        out.write(head);
        out.write(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
