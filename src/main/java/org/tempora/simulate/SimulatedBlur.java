package org.tempora.simulate;

import java.util.List;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;

/**
 * A synthetic motion-blurred photo and the frames it was averaged from, all cropped alike (by
 * {@link BlurSimulator#margin} on every side of the sharp image).
 *
 * @param blurred the photo: mean of all sub-frames, plus noise if asked for
 * @param truthFrames frame i covers [i/N - 0.5, (i+1)/N - 0.5] of the exposure; their mean is the noiseless photo
 * @param path the camera path that made the blur
 */
public record SimulatedBlur(LinearImage blurred, List<LinearImage> truthFrames, Trajectory path) {
    public SimulatedBlur {
        if (blurred == null || truthFrames == null || path == null) throw new IllegalArgumentException("blurred, truthFrames and path are required");
        truthFrames = List.copyOf(truthFrames);
        if (truthFrames.isEmpty()) throw new IllegalArgumentException("at least one truth frame is required");
        for (LinearImage f : truthFrames) {
            if (f.width() != blurred.width() || f.height() != blurred.height() || f.channels() != blurred.channels()) {
                throw new IllegalArgumentException("truth frame " + f + " does not match blurred photo " + blurred);
            }
        }
    }
}
