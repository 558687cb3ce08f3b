package org.tempora.flow;

/**
 * Loads OpenCV's native library (bundled in the org.openpnp:opencv jar) once per process. {@code loadLocally}
 * extracts the library for this platform to a temporary folder and loads it; {@code loadShared} cannot work
 * on Java 12 and later (it patches java.library.path through reflection), so it is not tried.
 */
public final class OpenCvLoader {
    private OpenCvLoader() {}

    private static volatile boolean loaded;
    private static volatile String failure;

    /**
     * @throws FlowUnavailableException when the native library cannot be loaded here (unsupported platform,
     *         no writable temporary folder); the message says why
     */
    public static synchronized void load() {
        if (loaded) return;
        if (failure != null) throw new FlowUnavailableException(failure);
        try {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        } catch (Throwable e) { // UnsatisfiedLinkError, the loader's UnsupportedPlatformException, I/O failures wrapped as errors
            failure = "optical flow needs OpenCV's native library, which could not be loaded on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (" + e.getMessage() + "); check that the temporary folder "
                    + System.getProperty("java.io.tmpdir") + " is writable and allows running libraries";
            throw new FlowUnavailableException(failure);
        }
    }
}
