package org.tempora.app;

import java.io.IOException;
import java.nio.file.Path;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Resampling;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;

/**
 * Motion-blurred photos of an exact size for the window benchmark: a sharp development image scaled to cover
 * the size, blurred along a smooth arc (as {@code tempora benchmark} does), written as an 8-bit PNG.
 */
final class BenchmarkPhotos {
    private BenchmarkPhotos() {}

    /** Writes {@code target}: {@code sharp} blurred along a {@code blurPx}-long arc, exactly width x height. */
    static Path blurred(Path sharp, int width, int height, double blurPx, Path target) throws IOException {
        Trajectory path = CameraShake.scaledToExtent(CameraShake.arc(blurPx, 30, 40), blurPx);
        int margin = BlurSimulator.margin(path);
        LinearImage cover = Resampling.cover(PhotoReader.read(sharp).pixels(), width + 2 * margin, height + 2 * margin);
        // One frame, 32 sub-frames: only the blurred photo is kept; no noise, so runs are repeatable.
        LinearImage photo = BlurSimulator.simulate(cover, path, 1, 32, 0, 0).blurred();
        PhotoWriter.writePng(photo, target, 8);
        return target;
    }
}
