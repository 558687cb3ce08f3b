package org.tempora.flow;

/** Optical flow cannot run in this process: OpenCV's native library did not load. */
public final class FlowUnavailableException extends RuntimeException {
    public FlowUnavailableException(String message) { super(message); }
}
