package org.tempora.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from any thread to ask a running engine to stop; the engine polls it. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CancellationToken parent;

    public CancellationToken() { this(null); }

    private CancellationToken(CancellationToken parent) { this.parent = parent; }

    /** A token cancelled with this one and also on its own: stops work that a run started and no longer needs. */
    public CancellationToken child() { return new CancellationToken(this); }

    public void cancel() { cancelled.set(true); }
    public boolean isCancelled() { return cancelled.get() || parent != null && parent.isCancelled(); }

    public void throwIfCancelled() throws CancelledException {
        if (isCancelled()) throw new CancelledException();
    }

    /** A token that is never cancelled, for tests and batch use. */
    public static CancellationToken none() { return new CancellationToken(); }
}
