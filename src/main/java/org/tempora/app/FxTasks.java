package org.tempora.app;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The JavaFX side of {@link BackgroundRunner}: one job at a time, its state as properties the window binds to
 * (busy, progress, stage text). Starting a job cancels the one before it. Use on the FX thread only.
 */
public final class FxTasks implements AutoCloseable {
    private final BackgroundRunner runner = new BackgroundRunner("tempora-work", 1, 2, Platform::runLater);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper(this, "stage", "");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private BackgroundRunner.Handle current;

    /** The running job's last progress report: a stage and how many of its steps are done. */
    public record Step(String stage, int done, int total) {}

    /** Callbacks for one job, called on the FX thread only while the job is the current one. */
    public interface Outcome<T> {
        void succeeded(T value);
        void failed(String message);
        void cancelled();
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** 0 to 1, or -1 while the stage has no known length. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stageProperty() { return stage.getReadOnlyProperty(); }
    /** The current job's last progress report; null while idle or before the first report. */
    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }

    /** Starts {@code work}, cancelling any job still running; {@code title} is shown until the first progress report. */
    public <T> void run(String title, BackgroundRunner.Work<T> work, Outcome<T> outcome) {
        cancel();
        busy.set(true);
        progress.set(-1);
        stage.set(title);
        step.set(null);
        BackgroundRunner.Handle[] self = new BackgroundRunner.Handle[1];
        self[0] = runner.submit(work, new BackgroundRunner.Listener<T>() {
            @Override public void progress(String name, int done, int total) {
                if (current != self[0]) return;
                progress.set(total > 0 ? (double) done / total : -1);
                stage.set(StageText.describe(name, done, total));
                step.set(new Step(name, done, total));
            }

            @Override public void succeeded(T value) { finish(self[0], () -> outcome.succeeded(value)); }
            @Override public void failed(String message) { finish(self[0], () -> outcome.failed(message)); }
            @Override public void cancelled() { finish(self[0], outcome::cancelled); }
        });
        current = self[0];
    }

    /** Asks the running job to stop; its outcome's {@code cancelled} follows once it has. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            stage.set("Cancelling...");
        }
    }

    /** Cancels running work and stops the worker thread (the window is closing). */
    @Override public void close() {
        current = null;
        runner.close();
    }

    /** After {@link #close()}: waits up to {@code millis} for the worker to stop; false if it still runs. */
    public boolean awaitStopped(long millis) throws InterruptedException { return runner.awaitTermination(millis); }

    private void finish(BackgroundRunner.Handle handle, Runnable report) {
        if (current != handle) return; // a newer job took over; its outcome is the one that counts
        current = null;
        busy.set(false);
        progress.set(0);
        stage.set("");
        step.set(null);
        report.run();
    }
}
