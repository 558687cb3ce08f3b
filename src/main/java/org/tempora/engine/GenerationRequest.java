package org.tempora.engine;

import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;

/** One blurred photo (linear light), the frames wanted, a seed for engines that sample, and options. */
public record GenerationRequest(LinearImage photo, FramePlan plan, long seed, EngineOptions options) {
    public GenerationRequest {
        if (photo == null || plan == null || options == null) throw new IllegalArgumentException("photo, plan and options are required");
    }
}
