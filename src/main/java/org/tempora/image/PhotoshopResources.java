package org.tempora.image;

import java.nio.ByteBuffer;

/** Finds the IPTC-NAA record (resource 0x0404) in a Photoshop "8BIM" image-resource block (Adobe Photoshop File Formats spec, Image Resource Blocks). */
final class PhotoshopResources {
    private PhotoshopResources() {}

    private static final int IPTC_NAA = 0x0404;

    /** The IPTC bytes, or null when absent or the block is damaged. */
    static byte[] iptc(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block);
        try {
            while (b.remaining() >= 12) {
                if (b.get() != '8' || b.get() != 'B' || b.get() != 'I' || b.get() != 'M') return null;
                int id = b.getShort() & 0xFFFF;
                int nameLen = b.get() & 0xFF;
                b.position(b.position() + nameLen + ((nameLen + 1) % 2));   // Pascal name padded to even length
                int size = b.getInt();
                if (size < 0 || size > b.remaining()) return null;
                if (id == IPTC_NAA) {
                    byte[] out = new byte[size];
                    b.get(out);
                    return out;
                }
                b.position(b.position() + size + (size % 2));
            }
        } catch (RuntimeException damaged) {
            return null;
        }
        return null;
    }
}
