package org.tempora.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tempora.engine.CancelledException;

/**
 * Runs independent jobs (a channel's deconvolution, a frame's residual) on a few threads of their own and hands their
 * results to the calling thread in index order, each as soon as it and all before it are done: whole jobs in parallel
 * keep every core busy through their serial parts (shrinkage, padding, cropping), which splitting each FFT cannot.
 */
final class ParallelInOrder {
    private ParallelInOrder() {}

    /** One job; it polls its cancellation token itself. */
    @FunctionalInterface
    interface Job<T> { T run(int index) throws CancelledException; }

    /** Receives each result on the calling thread, in index order. */
    @FunctionalInterface
    interface Sink<T> { void accept(int index, T result) throws CancelledException; }

    /**
     * Runs jobs 0..count-1 on up to {@code threads} threads and passes their results to {@code sink} in order. The first
     * failure (a cancellation included) is rethrown here once the jobs still running have been interrupted.
     */
    static <T> void run(int count, int threads, Job<T> job, Sink<T> sink) throws CancelledException {
        int n = Math.min(count, threads);
        if (n <= 1) {
            for (int i = 0; i < count; i++) sink.accept(i, job.run(i));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "tempora-classical");
            t.setDaemon(true); // a cancelled run must never keep the application alive
            return t;
        });
        try {
            List<Future<T>> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(pool.submit(() -> job.run(index)));
            }
            for (int i = 0; i < count; i++) sink.accept(i, await(results.get(i)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The job's result, or its own exception unwrapped; an interrupt of the waiting thread reads as a cancellation. */
    static <T> T await(Future<T> result) throws CancelledException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancelledException c) throw c;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** Cores this process may use. */
    static int cores() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }
}
