package org.tempora.app;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

/**
 * What the window shows and does: the open photo, the frame plan, a generation run, its frames and the frame
 * selected on the timeline. Heavy work goes through {@link FxTasks}; every method runs on the FX thread.
 * Each frame becomes an {@link Image} once, when it arrives, so switching frames only swaps images.
 */
public final class SessionModel implements AutoCloseable {
    private final Engine engine;
    private final PlanViewModel plan;
    private final FxTasks tasks = new FxTasks();
    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<Image> photoImage = new ReadOnlyObjectWrapper<>(this, "photoImage");
    private final ReadOnlyObjectWrapper<Image> shownImage = new ReadOnlyObjectWrapper<>(this, "shownImage");
    private final ReadOnlyObjectWrapper<FramePlan> timelinePlan = new ReadOnlyObjectWrapper<>(this, "timelinePlan");
    private final ReadOnlyIntegerWrapper selectedFrame = new ReadOnlyIntegerWrapper(this, "selectedFrame", 0);
    private final ReadOnlyIntegerWrapper shownFrame = new ReadOnlyIntegerWrapper(this, "shownFrame", -1);
    private final ReadOnlyIntegerWrapper framesReady = new ReadOnlyIntegerWrapper(this, "framesReady", 0);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ReadOnlyObjectWrapper<RunCapture> completedRun = new ReadOnlyObjectWrapper<>(this, "completedRun");
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
    private Image[] frames = new Image[0];
    private final BitSet ready = new BitSet();
    private FramePlan generatedPlan;
    private int generation; // counts runs, so frames of an abandoned run are never shown

    public SessionModel(Engine engine, PlanViewModel plan) {
        this.engine = engine;
        this.plan = plan;
        plan.planProperty().addListener((o, was, now) -> planChanged());
        timelinePlan.set(plan.plan());
        refreshShown();
    }

    public PlanViewModel plan() { return plan; }
    public FxTasks tasks() { return tasks; }
    public ReadOnlyObjectProperty<Photo> photoProperty() { return photo.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Image> photoImageProperty() { return photoImage.getReadOnlyProperty(); }
    /** The frame selected on the timeline when it has arrived, else the photo. */
    public ReadOnlyObjectProperty<Image> shownImageProperty() { return shownImage.getReadOnlyProperty(); }
    /** The plan the timeline draws: the one being generated or shown, else the sliders' plan (null while invalid). */
    public ReadOnlyObjectProperty<FramePlan> timelinePlanProperty() { return timelinePlan.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty selectedFrameProperty() { return selectedFrame.getReadOnlyProperty(); }
    /** Index of the frame on screen, -1 while the photo is shown. */
    public ReadOnlyIntegerProperty shownFrameProperty() { return shownFrame.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty framesReadyProperty() { return framesReady.getReadOnlyProperty(); }
    /** One line about what is on screen: which frame, its interval and era. */
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
    /** What happened last (opened, generated, cancelled) and the engine's warnings. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** A failure the user should read; "" when there is none. The window may clear it. */
    public StringProperty errorProperty() { return error; }
    /** The run whose frames are all on the timeline, with what the inspector needs of it; null while there is none. */
    public ReadOnlyObjectProperty<RunCapture> completedRunProperty() { return completedRun.getReadOnlyProperty(); }
    /** The sample's seed, passed to the engine in every request (engines that do not sample ignore it). */
    public LongProperty seedProperty() { return seed; }

    public boolean isReady(int index) { return ready.get(index); }
    public BitSet readyFrames() { return (BitSet) ready.clone(); }

    /** Reads a photo off the FX thread; on failure the message appears and the photo already open stays. */
    public void open(Path file) {
        error.set("");
        status.set("Opening " + file.getFileName() + "...");
        tasks.run("Opening " + file.getFileName(), (reporter, cancel) -> {
            Photo p = PhotoReader.read(file);
            cancel.throwIfCancelled();
            return new OpenedPhoto(p, DisplayPixels.of(p.pixels()));
        }, new FxTasks.Outcome<>() {
            @Override public void succeeded(OpenedPhoto opened) {
                photo.set(opened.photo());
                photoImage.set(toImage(opened.pixels()));
                clearFrames();
                status.set("Opened " + file.getFileName() + ". Shape the frames on the right, then Generate (Ctrl+G).");
            }

            @Override public void failed(String message) {
                error.set(message);
                status.set("");
            }

            @Override public void cancelled() { status.set("Opening cancelled."); }
        });
    }

    private record OpenedPhoto(Photo photo, DisplayPixels pixels) {}

    /** Whether Generate can start now, and if not, why not ("" when it can). */
    public String whyNotGenerate() {
        if (photo.get() == null) return "Open a photo first (Ctrl+O).";
        if (plan.plan() == null) return plan.problemProperty().get();
        return "";
    }

    /** Runs the engine on the open photo with the current plan; frames appear on the timeline as they arrive. */
    public void generate() {
        String why = whyNotGenerate();
        if (!why.isEmpty()) {
            error.set(why);
            return;
        }
        error.set("");
        FramePlan p = plan.plan();
        int run = ++generation;
        generatedPlan = p;
        frames = new Image[p.size()];
        ready.clear();
        framesReady.set(0);
        timelinePlan.set(p);
        completedRun.set(null);
        RunCapture capture = new RunCapture(photo.get().pixels(), p);
        selectedFrame.set(Math.min(selectedFrame.get(), p.size() - 1));
        refreshShown();
        GenerationRequest request = new GenerationRequest(photo.get().pixels(), p, seed.get(),
                EngineOptions.defaults().withReverseTime(plan.reverseTimeProperty().get()));
        long started = System.nanoTime();
        status.set("Generating " + p.size() + " frames with the " + engine.id() + " engine...");
        tasks.run("Starting", (reporter, cancel) -> FrameGeneration.run(capture.around(engine), request, reporter,
                (index, pixels, preview) -> reporter.post(() -> frameArrived(run, index, pixels, preview)), cancel),
                new FxTasks.Outcome<>() {
                    @Override public void succeeded(FrameGeneration.Summary summary) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        String warnings = summary.warnings().isEmpty() ? "" : "\n" + String.join("\n",
                                summary.warnings().stream().map(w -> "Note: " + PlanShaper.capitalised(w)).toList());
                        status.set(String.format(Locale.ROOT, "%d frames in %.1f s. Scrub with the mouse or Left/Right, Home/End.", summary.frames(), seconds) + warnings);
                        completedRun.set(capture);
                    }

                    @Override public void failed(String message) {
                        error.set(message);
                        status.set("Generation failed.");
                    }

                    @Override public void cancelled() {
                        status.set("Cancelled; " + ready.cardinality() + " of " + frames.length + " frames had arrived.");
                    }
                });
    }

    /** Stops a running generation or opening within about a second. */
    public void cancel() { tasks.cancel(); }

    /** Selects a frame on the timeline (clamped to the plan). */
    public void select(int index) {
        FramePlan p = timelinePlan.get();
        if (p == null) return;
        selectedFrame.set(Math.max(0, Math.min(p.size() - 1, index)));
        refreshShown();
    }

    /** Cancels running work; the window is closing. */
    @Override public void close() {
        generation++;
        tasks.close();
    }

    /** Shows an arriving frame; an approximate preview is shown but only a final frame counts as ready. */
    private void frameArrived(int run, int index, DisplayPixels pixels, boolean preview) {
        if (run != generation || index >= frames.length) return;
        if (preview && ready.get(index)) return; // never replace a final frame by a late preview
        frames[index] = toImage(pixels);
        if (!preview) ready.set(index);
        framesReady.set(ready.cardinality());
        if (index == selectedFrame.get()) refreshShown();
    }

    private void planChanged() {
        if (generatedPlan != null && generatedPlan.equals(plan.plan())) return;
        if (generatedPlan != null) {
            // The frames on screen belong to another plan: drop them rather than label them wrongly.
            if (tasks.busyProperty().get()) tasks.cancel();
            clearFrames();
            status.set("The plan changed: press Generate (Ctrl+G) for its frames.");
        }
        timelinePlan.set(plan.plan());
        select(selectedFrame.get());
        refreshShown();
    }

    private void clearFrames() {
        generation++;
        generatedPlan = null;
        frames = new Image[0];
        ready.clear();
        framesReady.set(0);
        completedRun.set(null);
        timelinePlan.set(plan.plan());
        refreshShown();
    }

    private void refreshShown() {
        int i = selectedFrame.get();
        FramePlan p = timelinePlan.get();
        boolean haveFrame = i < frames.length && frames[i] != null;
        shownImage.set(haveFrame ? frames[i] : photoImage.get());
        shownFrame.set(haveFrame ? i : -1);
        if (p == null || i >= p.size()) {
            caption.set(photo.get() == null ? "" : "Photo");
            return;
        }
        Interval iv = p.get(i);
        String era = TimelineScale.era(iv).name().toLowerCase(Locale.ROOT);
        String what = !haveFrame ? "Photo (frame " + (i + 1) + " of " + p.size() + " not generated)"
                : "Frame " + (i + 1) + " of " + p.size() + (ready.get(i) ? "" : " (preview)");
        caption.set(String.format(Locale.ROOT, "%s   [%.3f, %.3f]   %s", what, iv.start(), iv.end(), era));
    }

    /** Copies display pixels into a JavaFX image, once per frame. */
    static Image toImage(DisplayPixels px) {
        WritableImage image = new WritableImage(px.width(), px.height());
        // Opaque pixels: premultiplied equals straight alpha, and IntArgbPre is the toolkit's native layout (no conversion).
        image.getPixelWriter().setPixels(0, 0, px.width(), px.height(), PixelFormat.getIntArgbPreInstance(), px.argb(), 0, px.width());
        return image;
    }
}
