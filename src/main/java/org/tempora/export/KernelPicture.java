package org.tempora.export;

import org.tempora.engine.BlurKernel;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/** The blur kernel as a picture a person can see: peak scaled to white, enlarged with square pixels. */
public final class KernelPicture {
    private KernelPicture() {}

    /** Enlarges the kernel by an integer factor so that its side is at least {@code minSide} pixels. */
    public static LinearImage render(BlurKernel kernel, int minSide) {
        int n = kernel.size();
        int f = Math.max(1, (int) Math.ceil((double) minSide / n));
        float max = 0;
        for (float v : kernel.values()) max = Math.max(max, v);
        int side = n * f;
        float[] out = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = max > 0 ? kernel.at(x / f, y / f) / max : 0;
                out[y * side + x] = (float) Srgb.toLinear(v); // display value = share of the peak
            }
        }
        return new LinearImage(side, side, new float[][] {out});
    }
}
