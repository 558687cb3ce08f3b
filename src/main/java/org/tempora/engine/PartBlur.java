package org.tempora.engine;

/**
 * The blur a group of {@link BlurPart}s was rendered with, where the parts of a photo each got their own: its camera
 * path over the plan's span (photo pixels) and its kernel.
 */
public record PartBlur(Trajectory path, BlurKernel kernel) {
    public PartBlur {
        if (path == null || kernel == null) throw new IllegalArgumentException("a part's blur needs a path and a kernel");
    }
}
