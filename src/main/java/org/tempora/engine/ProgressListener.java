package org.tempora.engine;

import org.tempora.image.LinearImage;

/** Receives progress from an engine; the window shows it, the command line may print it. */
public interface ProgressListener {
    /** A stage ("estimating kernel", "deconvolving", "rendering") advanced to {@code done} of {@code total}. */
    void progress(String stage, int done, int total);

    /** A finished (or, for diffusion, approximate preview) frame is available. */
    default void frame(int index, LinearImage frame, boolean preview) {}

    /** Whether {@link #frame} should be called; engines skip rendering previews nobody looks at. */
    default boolean wantsFrames() { return false; }

    ProgressListener NONE = (stage, done, total) -> {};
}
