package org.tempora.image;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes baseline TIFFs (TIFF 6.0) for tests, including what the TwelveMonkeys writer cannot: 16-bit RGB, Deflate with
 * the horizontal-differencing predictor (TIFF 6.0 section 14) in either byte order, orientation and ICC tags.
 * Strips come first and the IFD last, so uncompressed images of any size stream straight to disk.
 */
final class TestTiff {
    int width, height, channels = 3, bits = 8, compression = 1, rowsPerStrip = 8, orientation = 0;
    boolean predictor;
    /** Write uncompressed bytes whatever {@link #compression} says: a file whose scheme no decoder knows. */
    boolean compressionPayloadIsRaw;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    byte[] icc;
    TestImages.CodeFn fn = TestImages::code8;

    TestTiff(int width, int height) {
        this.width = width;
        this.height = height;
    }

    void write(Path file) throws IOException {
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        List<byte[]> compressed = new ArrayList<>();
        long[] counts = new long[strips];
        for (int s = 0; s < strips; s++) {
            int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
            if (compression == 1 || compressionPayloadIsRaw) {
                counts[s] = (long) rows * width * channels * (bits / 8);
            } else {
                byte[] z = deflate(strip(s, rows));
                compressed.add(z);
                counts[s] = z.length;
            }
        }
        long[] offsets = new long[strips];
        long pos = 8;
        for (int s = 0; s < strips; s++) { offsets[s] = pos; pos += counts[s]; }
        long ifdOffset = pos + (pos & 1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(order);
            head.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M')).put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
            head.putShort((short) 42).putInt((int) ifdOffset);
            out.write(head.array());
            for (int s = 0; s < strips; s++) {
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                out.write(compression == 1 || compressionPayloadIsRaw ? strip(s, rows) : compressed.get(s));
            }
            if ((pos & 1) == 1) out.write(0);
            out.write(ifd(ifdOffset, offsets, counts));
        }
    }

    private byte[] strip(int s, int rows) {
        int bps = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(rows * width * channels * bps).order(order);
        int[] row = new int[width * channels];
        for (int r = 0; r < rows; r++) {
            int y = s * rowsPerStrip + r;
            for (int x = 0; x < width; x++) for (int c = 0; c < channels; c++) row[x * channels + c] = fn.code(x, y, c);
            if (predictor) {
                int mask = bits == 16 ? 0xFFFF : 0xFF;
                for (int i = row.length - 1; i >= channels; i--) row[i] = (row[i] - row[i - channels]) & mask;
            }
            for (int v : row) { if (bps == 2) b.putShort((short) v); else b.put((byte) v); }
        }
        return b.array();
    }

    private static byte[] deflate(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) { z.write(raw); }
        return out.toByteArray();
    }

    private static final short SHORT = 3, LONG = 4, UNDEFINED = 7;

    private byte[] ifd(long ifdOffset, long[] offsets, long[] counts) {
        TreeMap<Integer, Object[]> tags = new TreeMap<>();    // tag -> {type, values}
        tags.put(256, new Object[] { LONG, new long[] { width } });
        tags.put(257, new Object[] { LONG, new long[] { height } });
        long[] bps = new long[channels];
        java.util.Arrays.fill(bps, bits);
        tags.put(258, new Object[] { SHORT, bps });
        tags.put(259, new Object[] { SHORT, new long[] { compression } });
        tags.put(262, new Object[] { SHORT, new long[] { channels == 1 ? 1 : 2 } });
        tags.put(273, new Object[] { LONG, offsets });
        if (orientation > 0) tags.put(274, new Object[] { SHORT, new long[] { orientation } });
        tags.put(277, new Object[] { SHORT, new long[] { channels } });
        tags.put(278, new Object[] { LONG, new long[] { rowsPerStrip } });
        tags.put(279, new Object[] { LONG, counts });
        tags.put(284, new Object[] { SHORT, new long[] { 1 } });
        if (predictor) tags.put(317, new Object[] { SHORT, new long[] { 2 } });
        if (icc != null) tags.put(34675, new Object[] { UNDEFINED, icc });
        int n = tags.size();
        long valuesAt = ifdOffset + 2 + 12L * n + 4;
        ByteBuffer entries = ByteBuffer.allocate(2 + 12 * n + 4).order(order);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        entries.putShort((short) n);
        for (var t : tags.entrySet()) {
            short type = (short) t.getValue()[0];
            byte[] data = encode(type, t.getValue()[1]);
            int count = type == UNDEFINED ? data.length : ((long[]) t.getValue()[1]).length;
            entries.putShort((short) (int) t.getKey()).putShort(type).putInt(count);
            if (data.length <= 4) {
                entries.put(java.util.Arrays.copyOf(data, 4));
            } else {
                entries.putInt((int) (valuesAt + values.size()));
                values.writeBytes(data);
                if ((values.size() & 1) == 1) values.write(0);
            }
        }
        entries.putInt(0);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(entries.array());
        all.writeBytes(values.toByteArray());
        return all.toByteArray();
    }

    private byte[] encode(short type, Object v) {
        if (type == UNDEFINED) return (byte[]) v;
        long[] vals = (long[]) v;
        ByteBuffer b = ByteBuffer.allocate(vals.length * (type == SHORT ? 2 : 4)).order(order);
        for (long x : vals) { if (type == SHORT) b.putShort((short) x); else b.putInt((int) x); }
        return b.array();
    }
}
