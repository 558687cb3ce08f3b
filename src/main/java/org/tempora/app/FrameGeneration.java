package org.tempora.app;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;

/**
 * One generation for the window: runs an engine and hands each frame on as display pixels as soon as the engine
 * produces it, so the window shows frames while the run goes on. UI-agnostic; runs on a worker thread.
 */
public final class FrameGeneration {
    private FrameGeneration() {}

    /** Receives frames on the worker thread, in the order they are produced. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(int index, DisplayPixels pixels, boolean preview);
    }

    /** What is kept of a finished run; the frames themselves went to the sink (the engine's list may hold large buffers). */
    public record Summary(int frames, List<String> warnings, Map<String, Long> timingsMs) {}

    public static final String FRAMES_STAGE = "showing frames";

    public static Summary run(Engine engine, GenerationRequest request, BackgroundRunner.Reporter reporter, FrameSink sink,
                              CancellationToken cancel) throws EngineException, CancelledException {
        int n = request.plan().size();
        BitSet delivered = new BitSet(n);
        ProgressListener listener = new ProgressListener() {
            @Override public void progress(String stage, int done, int total) { reporter.progress(stage, done, total); }

            @Override public boolean wantsFrames() { return true; }

            @Override public void frame(int index, LinearImage frame, boolean preview) {
                if (cancel.isCancelled() || index < 0 || index >= n) return;
                sink.frame(index, DisplayPixels.of(frame), preview);
                if (!preview) {
                    delivered.set(index);
                    reporter.progress(FRAMES_STAGE, delivered.cardinality(), n);
                }
            }
        };
        GenerationResult result = engine.generate(request, listener, cancel);
        // An engine that does not stream frames still shows them, one by one, after the run.
        for (int i = delivered.nextClearBit(0); i < n; i = delivered.nextClearBit(i + 1)) {
            cancel.throwIfCancelled();
            listener.frame(i, result.frames().get(i), false);
        }
        return new Summary(n, result.warnings(), result.timingsMs());
    }
}
