package org.tempora.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ExposureTimeTest {
    /** A minimal little-endian EXIF blob: IFD0 pointing to an Exif IFD holding ExposureTime = num/den (TIFF 6.0 layout). */
    static byte[] exif(int num, int den) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        b.putShort((short) 1).putShort((short) 34665).putShort((short) 4).putInt(1).putInt(26).putInt(0);   // IFD0 at 8, Exif IFD at 26
        b.putShort((short) 1).putShort((short) 33434).putShort((short) 5).putInt(1).putInt(44).putInt(0);   // ExposureTime -> 44
        b.putInt(num).putInt(den);
        return b.array();
    }

    @Test
    void readsTheRationalFromTheExifIfd() {
        assertEquals(1 / 60.0, ExposureTime.fromExif(exif(1, 60)).getAsDouble(), 1e-12);
        assertTrue(ExposureTime.fromExif(exif(0, 1)).isEmpty());
        assertTrue(ExposureTime.fromExif(new byte[] {1, 2, 3}).isEmpty());
    }
}
