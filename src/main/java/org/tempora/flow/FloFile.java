package org.tempora.flow;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tempora.io.AtomicFiles;

/**
 * The Middlebury optical flow file (.flo, Baker et al. 2011, flow-code/README): the tag "PIEH" (the float
 * 202021.25), int32 width and height, then width x height pairs of float32 (u, v), row-major; all little-endian.
 */
public final class FloFile {
    private FloFile() {}

    /** The tag as a float, as Middlebury's readers check it; its bytes spell "PIEH" in little-endian order. */
    public static final float TAG = 202021.25f;
    /** Middlebury's readers refuse larger sides as a sign of a damaged file. */
    public static final int MAX_SIDE = 99_999;
    private static final int HEADER = 12;

    /** Writes {@code flow} to {@code target} atomically: a half-written file never appears under the name. */
    public static void write(FlowField flow, Path target) throws IOException {
        AtomicFiles.write(target, temp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                header.putFloat(TAG).putInt(flow.width()).putInt(flow.height());
                out.write(header.array());
                float[] u = flow.u(), v = flow.v();
                ByteBuffer row = ByteBuffer.allocate(8 * flow.width()).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < flow.height(); y++) {
                    row.clear();
                    for (int x = 0, i = y * flow.width(); x < flow.width(); x++, i++) row.putFloat(u[i]).putFloat(v[i]);
                    out.write(row.array());
                }
            }
        });
    }

    /**
     * Reads a .flo file.
     *
     * @throws IOException when the file cannot be read, lacks the tag, has an impossible size or is truncated or padded
     */
    public static FlowField read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER) throw new IOException(file + ": not a Middlebury .flo file (only " + size + " bytes)");
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, header);
            header.flip();
            float tag = header.getFloat();
            if (Float.floatToRawIntBits(tag) != Float.floatToRawIntBits(TAG)) {
                throw new IOException(file + ": not a Middlebury .flo file (it does not start with PIEH)");
            }
            int w = header.getInt(), h = header.getInt();
            if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": impossible flow size " + w + "x" + h);
            }
            long expected = HEADER + 8L * w * h;
            if (size != expected) {
                throw new IOException(file + ": " + size + " bytes, but a " + w + "x" + h + " flow takes " + expected + " (truncated or damaged file)");
            }
            float[] u = new float[w * h], v = new float[w * h];
            ByteBuffer row = ByteBuffer.allocate(8 * w).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < h; y++) {
                row.clear();
                readFully(ch, row);
                row.flip();
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    u[i] = row.getFloat();
                    v[i] = row.getFloat();
                }
            }
            return new FlowField(w, h, u, v);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) throw new IOException("unexpected end of file");
        }
    }
}
