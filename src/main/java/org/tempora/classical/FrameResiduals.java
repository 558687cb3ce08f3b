package org.tempora.classical;

/** What {@link ClassicalEngine} adds to the photo for each frame: one plane per channel, at the working size. */
interface FrameResiduals {
    /** Frame {@code index}'s residual, one plane per output channel. */
    float[][] residual(int index);
}
