package org.tempora.classical;

import java.util.stream.IntStream;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;

/** A few independent, cancellable tasks run side by side on the common pool (parts' kernels, colour channels). */
final class ParallelTasks {
    private ParallelTasks() {}

    /** One task; it polls the run's token. */
    @FunctionalInterface
    interface Task {
        void run(int index) throws CancelledException;
    }

    /** Runs {@code task} for 0..n-1 in parallel; throws once all have stopped if {@code cancel} was set meanwhile. */
    static void forEach(int n, CancellationToken cancel, Task task) throws CancelledException {
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                task.run(i);
            } catch (CancelledException e) {
                // reported below: the token stays cancelled
            }
        });
        cancel.throwIfCancelled();
    }
}
