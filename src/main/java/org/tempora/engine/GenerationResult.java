package org.tempora.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;

/**
 * Frames in linear light at the photo's size, one per interval of {@code plan}, plus what the engine
 * learned on the way (kernel and path for the classical engine), warnings for the user, and timings.
 */
public record GenerationResult(List<LinearImage> frames, FramePlan plan, Optional<BlurKernel> kernel,
                               Optional<Trajectory> trajectory, List<String> warnings, Map<String, Long> timingsMs) {
    public GenerationResult {
        frames = List.copyOf(frames);
        warnings = List.copyOf(warnings);
        timingsMs = Map.copyOf(timingsMs);
        if (frames.size() != plan.size()) throw new IllegalArgumentException(frames.size() + " frames for a plan of " + plan.size());
    }
}
