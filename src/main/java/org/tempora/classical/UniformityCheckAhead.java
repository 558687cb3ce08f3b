package org.tempora.classical;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/**
 * The {@link BlurUniformityCheck} run on a thread of its own beside the global kernel estimate, whose small pyramid
 * levels leave one of two cores mostly idle: started before the global kernel's size is known, with the parts' kernels
 * of {@link BlurUniformityCheck#PART_KERNEL}, which is their size whenever the global kernel is no larger; for a
 * larger one it is stopped and run again at that size. Either way the answer is {@link BlurUniformityCheck#analyse}'s
 * for {@link BlurUniformityCheck#partKernelSize}. Close it, as the run ends or fails, to stop the check and wait for it.
 */
final class UniformityCheckAhead implements AutoCloseable {
    private final float[] lum;
    private final int w, h;
    private final CancellationToken stop;
    private final FutureTask<BlurUniformityCheck.Analysis> task;
    private final Thread thread;

    /** Starts the check of {@code lum} (w x h); the run's {@code cancel} stops it too. */
    UniformityCheckAhead(float[] lum, int w, int h, CancellationToken cancel) {
        this.lum = lum;
        this.w = w;
        this.h = h;
        stop = cancel.child();
        task = new FutureTask<>(() -> BlurUniformityCheck.analyse(lum, w, h, BlurUniformityCheck.PART_KERNEL, stop));
        thread = new Thread(task, "tempora-uniformity-check");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The check's answer for a global kernel of {@code globalSize} px, once it has one: the one started ahead, or a new one
     * (on this thread) when the global kernel is larger than the parts' kernels were. An interrupt while waiting
     * stops the check and counts as a cancel.
     */
    BlurUniformityCheck.Analysis result(int globalSize, CancellationToken cancel) throws CancelledException {
        int size = BlurUniformityCheck.partKernelSize(globalSize);
        if (size != BlurUniformityCheck.PART_KERNEL) {
            close();
            return BlurUniformityCheck.analyse(lum, w, h, size, cancel);
        }
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
