package org.tempora.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;

/**
 * Frames in linear light at the photo's size, one per interval of {@code plan}, plus what the engine
 * learned on the way (kernel and path for the classical engine), warnings for the user, timings, the parts of
 * the photo found blurred differently from each other (empty when the blur looks uniform or was not compared), and,
 * where each group of those parts was rendered with its own blur, that blur (path and kernel) by group (else empty).
 * {@code frames} may render each frame when it is read (full-size frames of a large scan would not
 * all fit in memory): read each once and keep what you need.
 */
public record GenerationResult(List<LinearImage> frames, FramePlan plan, Optional<BlurKernel> kernel,
                               Optional<Trajectory> trajectory, List<String> warnings, Map<String, Long> timingsMs,
                               List<BlurPart> unevenParts, List<PartBlur> partBlurs) {
    public GenerationResult {
        frames = java.util.Collections.unmodifiableList(frames); // may render on access: do not copy
        warnings = List.copyOf(warnings);
        unevenParts = List.copyOf(unevenParts);
        partBlurs = List.copyOf(partBlurs);
        timingsMs = Map.copyOf(timingsMs);
        if (frames.size() != plan.size()) throw new IllegalArgumentException(frames.size() + " frames for a plan of " + plan.size());
    }

    /** A result that found no parts blurred differently (or did not look). */
    public GenerationResult(List<LinearImage> frames, FramePlan plan, Optional<BlurKernel> kernel, Optional<Trajectory> trajectory,
                            List<String> warnings, Map<String, Long> timingsMs) {
        this(frames, plan, kernel, trajectory, warnings, timingsMs, List.of(), List.of());
    }
}
