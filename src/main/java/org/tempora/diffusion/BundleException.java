package org.tempora.diffusion;

/** A model bundle cannot be used; the one-line message names the bundle folder or file, the problem and what to do. */
public final class BundleException extends Exception {
    public BundleException(String message) { super(message); }
    public BundleException(String message, Throwable cause) { super(message, cause); }
}
