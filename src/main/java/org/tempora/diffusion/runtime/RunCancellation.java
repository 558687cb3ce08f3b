package org.tempora.diffusion.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.tempora.engine.CancellationToken;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Run options whose terminate flag follows a {@link CancellationToken}: a watcher polls the token every 50 ms and
 * asks ONNX Runtime to abandon the run in progress, so Cancel stops within one step rather than after it.
 */
public final class RunCancellation implements AutoCloseable {
    private static final long POLL_MS = 50;

    private final OrtSession.RunOptions runOptions;
    private final ScheduledExecutorService watcher;

    public RunCancellation(CancellationToken token) throws OrtException {
        this.runOptions = new OrtSession.RunOptions();
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tempora-cancel-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleAtFixedRate(() -> {
            if (!token.isCancelled()) return;
            try {
                runOptions.setTerminate(true);
            } catch (OrtException e) {
                return; // the engine still sees the token between runs
            }
            throw new IllegalStateException("terminated"); // stops the schedule: the flag stays set
        }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    public OrtSession.RunOptions options() { return runOptions; }

    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runOptions.close();
    }
}
