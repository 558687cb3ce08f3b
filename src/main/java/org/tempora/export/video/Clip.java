package org.tempora.export.video;

import java.io.IOException;

/** The pictures of a clip in playing order, as 8-bit sRGB, produced one at a time so long clips need not fit in memory. */
public interface Clip {
    int width();

    int height();

    int frames();

    /** Frames a second; every frame shows for 1 / fps. */
    double fps();

    /** Packed 0xRRGGBB pixels of frame {@code index} (0 to frames() - 1), row-major. */
    int[] rgb(int index) throws IOException;
}
