package org.tempora.cli;

import org.tempora.engine.CancellationToken;
import org.tempora.export.StagedDirectory;

/** On Ctrl-C: cancels the engine and removes the half-written output before the JVM exits. */
final class CancelOnInterrupt implements AutoCloseable {
    private final Thread hook;

    CancelOnInterrupt(CancellationToken cancel, StagedDirectory staged) {
        hook = new Thread(() -> {
            cancel.cancel();
            staged.close();
        }, "tempora-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing to undo.
        }
    }
}
