package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloFileTest {
    @TempDir Path tmp;

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Random rnd = new Random(11);
        int w = 37, h = 23;
        float[] u = new float[w * h], v = new float[w * h];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) (rnd.nextGaussian() * 20);
            v[i] = Float.intBitsToFloat(rnd.nextInt() & 0x7f7fffff); // any finite float bit pattern
        }
        u[5] = 1e10f; // Middlebury's "unknown" survives as written
        u[6] = -0.0f;
        Path file = tmp.resolve("f.flo");
        FloFile.write(new FlowField(w, h, u, v), file);
        FlowField back = FloFile.read(file);
        assertEquals(w, back.width());
        assertEquals(h, back.height());
        assertArrayEquals(bits(u), bits(back.u()));
        assertArrayEquals(bits(v), bits(back.v()));
        assertEquals(12 + 8L * w * h, Files.size(file));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left beside the output");
        }
    }

    @Test
    void headerAndLayoutAreMiddleburys() throws IOException {
        // 2x1 flow: pixel (0,0) moves by (1, -2), pixel (1,0) by (0.5, 3)
        Path file = tmp.resolve("two.flo");
        FloFile.write(new FlowField(2, 1, new float[] {1f, 0.5f}, new float[] {-2f, 3f}), file);
        byte[] expected = {
            'P', 'I', 'E', 'H',                     // 202021.25f little-endian: 0x48454950
            2, 0, 0, 0, 1, 0, 0, 0,                 // width 2, height 1
            0, 0, (byte) 0x80, 0x3f,                // u(0,0) = 1.0f = 0x3f800000
            0, 0, 0, (byte) 0xc0,                   // v(0,0) = -2.0f = 0xc0000000
            0, 0, 0, 0x3f,                          // u(1,0) = 0.5f = 0x3f000000
            0, 0, 0x40, 0x40                        // v(1,0) = 3.0f = 0x40400000
        };
        assertArrayEquals(expected, Files.readAllBytes(file));
        FlowField read = FloFile.read(file);
        assertEquals(-2f, read.v(0, 0));
        assertEquals(0.5f, read.u(1, 0));
    }

    @Test
    void refusesFilesThatAreNotFlowOrAreDamaged() throws IOException {
        Path notFlo = tmp.resolve("png.flo");
        Files.write(notFlo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertTrue(assertThrows(IOException.class, () -> FloFile.read(notFlo)).getMessage().contains("does not start with PIEH"));
        Path good = tmp.resolve("good.flo");
        FloFile.write(FlowField.uniform(4, 3, 1, 2), good);
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.flo");
        Files.write(cut, Arrays.copyOf(all, all.length - 4));
        assertTrue(assertThrows(IOException.class, () -> FloFile.read(cut)).getMessage().contains("truncated"));
        Path tiny = tmp.resolve("tiny.flo");
        Files.write(tiny, new byte[] {'P', 'I', 'E', 'H'});
        assertThrows(IOException.class, () -> FloFile.read(tiny));
        Path huge = tmp.resolve("huge.flo");
        byte[] header = Arrays.copyOf(all, 12);
        header[4] = (byte) 0xff; header[5] = (byte) 0xff; header[6] = (byte) 0xff; header[7] = 0x7f; // width 2^31 - 1
        Files.write(huge, header);
        assertTrue(assertThrows(IOException.class, () -> FloFile.read(huge)).getMessage().contains("impossible flow size"));
    }
}
