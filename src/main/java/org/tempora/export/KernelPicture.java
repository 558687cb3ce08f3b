package org.tempora.export;

import java.io.IOException;
import java.nio.file.Path;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.GenerationResult;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Srgb;

/** The blur kernel as a picture a person can see: peak scaled to white, enlarged with square pixels. */
public final class KernelPicture {
    private KernelPicture() {}

    /** The whole photo's kernel in an output folder. */
    public static final String FILE = "kernel.png";

    /** The kernel picture of the blur of {@code group} ({@link BlurPart#blurName}): kernel_A.png, kernel_B.png, ... */
    public static String partFile(int group) { return "kernel_" + BlurPart.blurName(group).substring("Blur ".length()) + ".png"; }

    /** Writes the run's kernel pictures into {@code dir}: {@link #FILE} when it has a kernel, and one per part's own blur. */
    public static void writeAll(GenerationResult result, Path dir) throws IOException {
        if (result.kernel().isPresent()) write(result.kernel().get(), dir.resolve(FILE));
        for (int g = 0; g < result.partBlurs().size(); g++) write(result.partBlurs().get(g).kernel(), dir.resolve(partFile(g)));
    }

    /** Writes {@code kernel}'s picture, {@link BlurKernel#PICTURE_MIN_SIDE} px or more across, as an 8-bit PNG. */
    public static void write(BlurKernel kernel, Path file) throws IOException {
        PhotoWriter.writePng(render(kernel, BlurKernel.PICTURE_MIN_SIDE), file, 8);
    }

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
