package org.tempora.app;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/**
 * Runs heavy work on a small bounded pool, never on the UI thread. UI-agnostic: every callback is handed to
 * {@code deliver} (the window passes {@code Platform::runLater}, tests a direct executor), so listeners run on the
 * UI thread and never see a half-finished job. Work is cancelled through its {@link CancellationToken}; once
 * cancelled or closed, a job's progress and posts are dropped and only {@link Listener#cancelled()} arrives.
 */
public final class BackgroundRunner implements AutoCloseable {

    /** The job itself, run on a worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Reporter reporter, CancellationToken cancel) throws Exception;
    }

    /** Given to work to talk to the UI; safe from any thread. */
    public interface Reporter {
        /** A stage advanced to {@code done} of {@code total} (total 0 = unknown). */
        void progress(String stage, int done, int total);

        /** Runs {@code update} on the UI side, unless the job was cancelled meanwhile. */
        void post(Runnable update);
    }

    /** Hears how a job went; every method is called through the runner's {@code deliver} executor. */
    public interface Listener<T> {
        default void progress(String stage, int done, int total) {}
        void succeeded(T value);
        void failed(String message);
        void cancelled();
    }

    /** A submitted job. */
    public static final class Handle {
        private final CancellationToken token = new CancellationToken();

        public void cancel() { token.cancel(); }
        public boolean isCancelled() { return token.isCancelled(); }
    }

    private final ThreadPoolExecutor pool;
    private final Executor deliver;
    private final Set<Handle> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param threads jobs that may run at once
     * @param queued jobs that may wait; more are refused with a message, so a stuck engine cannot pile up work
     * @param deliver where callbacks run (the UI thread)
     */
    public BackgroundRunner(String name, int threads, int queued, Executor deliver) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true); // a stuck job must not keep the JVM alive after the window closed
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true);
        this.deliver = deliver;
    }

    public <T> Handle submit(Work<T> work, Listener<T> listener) {
        Handle handle = new Handle();
        if (closed) {
            handle.cancel();
            return handle;
        }
        active.add(handle);
        try {
            pool.execute(() -> execute(work, listener, handle));
        } catch (RejectedExecutionException e) {
            active.remove(handle);
            handle.cancel();
            send(() -> listener.failed("Tempora is still busy with earlier work: wait for it to finish or cancel it, then try again."));
        }
        return handle;
    }

    /** Jobs submitted and not yet finished. */
    public int activeCount() { return active.size(); }

    /** Cancels every job and stops the workers; callbacks after this are dropped. */
    @Override public void close() {
        closed = true;
        for (Handle h : active) h.cancel();
        pool.shutdownNow();
    }

    /** Waits for the workers to stop after {@link #close()}. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    private <T> void execute(Work<T> work, Listener<T> listener, Handle handle) {
        Reporter reporter = new Reporter() {
            @Override public void progress(String stage, int done, int total) {
                if (!handle.isCancelled()) send(() -> { if (!handle.isCancelled()) listener.progress(stage, done, total); });
            }

            @Override public void post(Runnable update) {
                if (!handle.isCancelled()) send(() -> { if (!handle.isCancelled()) update.run(); });
            }
        };
        try {
            if (handle.isCancelled()) throw new CancelledException();
            T value = work.run(reporter, handle.token);
            if (handle.isCancelled()) send(listener::cancelled);
            else send(() -> listener.succeeded(value));
        } catch (CancelledException e) {
            send(listener::cancelled);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            if (handle.isCancelled()) {
                send(listener::cancelled);
            } else {
                if (!UserMessages.expected(e)) e.printStackTrace(); // a bug: keep the trace for the report, show the user one line
                String message = UserMessages.describe(e);
                send(() -> listener.failed(message));
            }
        } finally {
            active.remove(handle);
        }
    }

    private void send(Runnable callback) {
        if (closed) return;
        try {
            deliver.execute(callback);
        } catch (IllegalStateException | RejectedExecutionException uiGone) {
            // the UI toolkit has shut down; nobody is left to tell
        }
    }
}
