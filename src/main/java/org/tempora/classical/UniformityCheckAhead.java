package org.tempora.classical;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/**
 * The {@link BlurUniformityCheck} run on a thread of its own beside the global kernel estimate, whose small pyramid
 * levels leave one of two cores mostly idle. Close it, as the run ends or fails, to stop the check and wait for it.
 */
final class UniformityCheckAhead implements AutoCloseable {
    private final CancellationToken stop;
    private final FutureTask<BlurUniformityCheck.Analysis> task;
    private final Thread thread;

    /** Starts the check of {@code lum} (w x h); the run's {@code cancel} stops it too. */
    UniformityCheckAhead(float[] lum, int w, int h, CancellationToken cancel) {
        stop = cancel.child();
        task = new FutureTask<>(() -> BlurUniformityCheck.analyse(lum, w, h, stop));
        thread = new Thread(task, "tempora-uniformity-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** The check's answer, once it has one; an interrupt while waiting stops the check and counts as a cancel. */
    BlurUniformityCheck.Analysis result() throws CancelledException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.cancel();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancelledException c) throw c;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("the uniformity check failed", cause);
        }
    }

    /** Stops the check if it still runs and waits for its thread, so that no work outlives the run. */
    @Override
    public void close() {
        stop.cancel();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
