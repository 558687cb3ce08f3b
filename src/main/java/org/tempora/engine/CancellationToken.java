package org.tempora.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from any thread to ask a running engine to stop; the engine polls it. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() { cancelled.set(true); }
    public boolean isCancelled() { return cancelled.get(); }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled.get()) throw new CancelledException();
    }

    /** A token that is never cancelled, for tests and batch use. */
    public static CancellationToken none() { return new CancellationToken(); }
}
