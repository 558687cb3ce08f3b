package org.tempora.app;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
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
import javafx.collections.FXCollections;
import org.tempora.classical.ClassicalEngine;
import org.tempora.classical.KernelFile;
import org.tempora.classical.KernelFileException;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.Trajectory;
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
    private final ReadOnlyObjectWrapper<Engine> engine = new ReadOnlyObjectWrapper<>(this, "engine");
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
    private final IntegerProperty sampleCount = new SimpleIntegerProperty(this, "sampleCount", 1);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 0);
    private final BooleanProperty fullDetail = new SimpleBooleanProperty(this, "fullDetail", false);
    private final ReadOnlyObjectWrapper<EngineOptions.Region> blurRegion = new ReadOnlyObjectWrapper<>(this, "blurRegion");
    private final ReadOnlyObjectWrapper<KnownKernel> knownKernel = new ReadOnlyObjectWrapper<>(this, "knownKernel");
    private final ReadOnlyListWrapper<Image> sampleThumbnails = new ReadOnlyListWrapper<>(this, "sampleThumbnails", FXCollections.observableArrayList());
    private final ReadOnlyIntegerWrapper chosenSample = new ReadOnlyIntegerWrapper(this, "chosenSample", 0);
    private Image[] frames = new Image[0];
    private BitSet ready = new BitSet();
    // One entry per sample (seed) of the last Generate: its frames, which have arrived, and its finished run.
    private Image[][] sampleFrames = new Image[0][];
    private BitSet[] sampleReady = new BitSet[0];
    private RunCapture[] sampleRuns = new RunCapture[0];
    private FramePlan generatedPlan;
    private int generation; // counts runs, so frames of an abandoned run are never shown
    private double[] frameConfidence; // see frameConfidence()

    public SessionModel(Engine engine, PlanViewModel plan) {
        this.engine.set(engine);
        this.plan = plan;
        plan.reverseTimeAvailableProperty().set(reversesTime(engine));
        plan.planProperty().addListener((o, was, now) -> planChanged());
        // Confidences change with the run or the plan only, not at each frame switch: worked out then, read on scrubbing.
        completedRun.addListener(o -> {
            frameConfidence = confidenceOfFrames();
            refreshShown(); // the caption names the finished run's confidence
        });
        timelinePlan.addListener(o -> frameConfidence = confidenceOfFrames());
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

    /** The engine Generate runs; change it with {@link #switchEngine}. */
    public ReadOnlyObjectProperty<Engine> engineProperty() { return engine.getReadOnlyProperty(); }
    public Engine engine() { return engine.get(); }
    /** Sampling steps of a diffusion engine, 1 to {@link EngineOptions#MAX_STEPS}; 0 means the model's default. */
    public IntegerProperty stepsProperty() { return steps; }

    /** Whether the engine can play its frames in reverse time: only the classical engine's camera path can be reversed. */
    public static boolean reversesTime(Engine engine) { return ClassicalEngine.ID.equals(engine.id()); }

    /**
     * Whether runs remove the blur again at the photo's full size after estimating it at reduced resolution (the
     * classical engine's finer pass, {@code generate --detail full}); applies only where {@link #whyNoFullDetail} is "".
     */
    public BooleanProperty fullDetailProperty() { return fullDetail; }

    /**
     * Why the full-resolution pass cannot apply to {@code engine} and {@code photo} (null: none open), in words for the
     * user; "" when it can. Only the classical engine estimates at reduced size, above
     * {@link EngineOptions#DEFAULT_MAX_WORKING_PIXELS} pixels, and the pass runs only where the photo is more than
     * {@link ClassicalEngine#MIN_DETAIL_GAIN} times the working size across (about 1.44 megapixels).
     */
    public static String whyNoFullDetail(Engine engine, Photo photo) {
        if (!ClassicalEngine.ID.equals(engine.id())) {
            return "Classical engine only: the diffusion model does not estimate a blur to remove again.";
        }
        double over = EngineOptions.DEFAULT_MAX_WORKING_PIXELS * ClassicalEngine.MIN_DETAIL_GAIN * ClassicalEngine.MIN_DETAIL_GAIN / 1e6;
        if (photo == null) return String.format(Locale.ROOT, "For photos over %.2f megapixels: open one first (Ctrl+O).", over);
        double gain = ClassicalEngine.fullDetailGain(photo.width(), photo.height(), EngineOptions.DEFAULT_MAX_WORKING_PIXELS);
        if (gain > ClassicalEngine.MIN_DETAIL_GAIN) return "";
        // a tall narrow photo just over 1 megapixel keeps its width but still loses rows: not "at full size"
        if (photo.pixels().pixelCount() > EngineOptions.DEFAULT_MAX_WORKING_PIXELS) {
            return String.format(Locale.ROOT, "This photo is %d x %d pixels (%.2f megapixels): its blur is estimated at 1 megapixel,"
                    + " too close to its own size for a finer pass to gain anything; the finer pass is for photos over about %.2f megapixels.",
                    photo.width(), photo.height(), photo.pixels().pixelCount() / 1e6, over);
        }
        return String.format(Locale.ROOT, "This photo is %d x %d pixels (%.2f megapixels): its blur is already estimated"
                + " and removed at full size; the finer pass is for photos over about %.2f megapixels.",
                photo.width(), photo.height(), photo.pixels().pixelCount() / 1e6, over);
    }

    /**
     * The part of the photo the classical engine estimates the blur from (then removes it from the whole photo); null
     * for the whole photo. Set with {@link #chooseBlurRegion}; a newly opened photo starts without one.
     */
    public ReadOnlyObjectProperty<EngineOptions.Region> blurRegionProperty() { return blurRegion.getReadOnlyProperty(); }

    /** A blur kernel the user knows, read from {@code file}, used instead of estimating one. */
    public record KnownKernel(Path file, BlurKernel kernel) {}

    /** The known kernel the classical engine uses instead of estimating one; null to estimate. Set with {@link #loadKnownKernel}. */
    public ReadOnlyObjectProperty<KnownKernel> knownKernelProperty() { return knownKernel.getReadOnlyProperty(); }

    /**
     * Reads a known kernel (a greyscale picture of the weights, a .csv/.txt matrix or an earlier run's kernel.png or kernel_A.png ...) off
     * the FX thread; the next classical runs use it instead of a blur region or an estimate. On failure the reason
     * appears in {@link #errorProperty()} and the blur stays as it was.
     */
    public void loadKnownKernel(Path file) {
        error.set("");
        tasks.run("Reading the kernel " + file.getFileName(), (reporter, cancel) -> {
            try {
                return new KernelRead(KernelFile.read(file), "");
            } catch (KernelFileException e) {
                return new KernelRead(null, e.getMessage()); // begins with the file's name, kept as it is spelt
            }
        }, new FxTasks.Outcome<>() {
            @Override public void succeeded(KernelRead read) {
                if (read.kernel() == null) {
                    error.set("The kernel file cannot be used: " + read.problem());
                    return;
                }
                BlurKernel kernel = read.kernel();
                knownKernel.set(new KnownKernel(file, kernel));
                blurRegion.set(null); // a given kernel is not estimated from any part
                status.set("The next runs use the kernel " + file.getFileName() + " (" + kernel.size() + " px) instead of estimating the blur.");
            }

            @Override public void failed(String message) { error.set("The kernel file cannot be used: " + message); }

            @Override public void cancelled() {}
        });
    }

    private record KernelRead(BlurKernel kernel, String problem) {}

    /** Estimates the blur again, from the whole photo: no known kernel, no blur region. */
    public void estimateBlur() {
        knownKernel.set(null);
        blurRegion.set(null);
    }

    /** Where the next classical run's blur comes from, in words: the whole photo, a region, or a known kernel. */
    public String blurSource() {
        KnownKernel k = knownKernel.get();
        if (k != null) return "given: " + k.file().getFileName() + " (" + k.kernel().size() + " px)";
        EngineOptions.Region r = blurRegion.get();
        return r == null ? "estimated from the whole photo" : "estimated from " + BlurRegionPick.describe(r);
    }

    /** Why a blur region cannot be chosen with {@code engine}, in words for the user; "" when it can. */
    public static String whyNoBlurRegion(Engine engine) {
        return ClassicalEngine.ID.equals(engine.id()) ? ""
                : "Classical engine only: the diffusion model takes the whole photo and estimates no blur.";
    }

    /**
     * Makes {@code region} (photo pixels) the part the next runs estimate the blur from, or null the whole photo.
     *
     * @return "" when taken, else why not (no photo, another engine, too small), and the region stays as it was
     */
    public String chooseBlurRegion(EngineOptions.Region region) {
        Photo p = photo.get();
        if (p == null) return "Open a photo first (Ctrl+O).";
        if (region != null) {
            String engineReason = whyNoBlurRegion(engine.get());
            if (!engineReason.isEmpty()) return engineReason;
            if ((long) region.x() + region.width() > p.width() || (long) region.y() + region.height() > p.height()) {
                return "The part must lie inside the photo.";
            }
            String reason = BlurRegionPick.whyNot(region, p.width(), p.height());
            if (!reason.isEmpty()) return reason;
        }
        blurRegion.set(region);
        if (region != null) knownKernel.set(null); // estimating from a part replaces a given kernel
        return "";
    }

    /** Whether the next run with {@code running} takes the full-resolution pass: ticked, and it applies. */
    boolean takesFullDetail(Engine running) { return fullDetail.get() && whyNoFullDetail(running, photo.get()).isEmpty(); }

    /**
     * The options of a run with {@code running}: steps only mean something to a sampling engine, reverse time only to
     * one that can reverse its path, and the finer pass only where {@link #whyNoFullDetail} allows it.
     */
    EngineOptions runOptions(Engine running) {
        return EngineOptions.defaults()
                .withReverseTime(reversesTime(running) && plan.reverseTimeProperty().get())
                .withSteps(running.samples() ? Math.max(0, Math.min(EngineOptions.MAX_STEPS, steps.get())) : 0)
                .withMaxDetailPixels(takesFullDetail(running) ? Long.MAX_VALUE : EngineOptions.DEFAULT_MAX_DETAIL_PIXELS)
                .withRegion(blurRegion.get() != null && whyNoBlurRegion(running).isEmpty() ? blurRegion.get() : null)
                .withKernel(knownKernel.get() != null && whyNoBlurRegion(running).isEmpty() ? knownKernel.get().kernel() : null);
    }

    /**
     * Makes {@code next} the engine of the following runs; the plan is re-checked against its limits. Refused, with a
     * message in {@link #errorProperty()}, while work runs: the running engine must not change under it.
     *
     * @return whether the engine was switched
     */
    public boolean switchEngine(Engine next) {
        if (next == engine.get()) return true;
        if (tasks.busyProperty().get()) {
            error.set("Wait for the running work to finish, or cancel it (Esc), before switching engines.");
            return false;
        }
        boolean hadFrames = generatedPlan != null;
        clearFrames(); // frames of another engine must not be taken for this one's
        engine.set(next);
        plan.reverseTimeAvailableProperty().set(reversesTime(next));
        plan.limitsProperty().set(next.limits());
        if (hadFrames || photo.get() != null) status.set("Engine: " + next.id() + ". Press Generate (Ctrl+G) for its frames.");
        return true;
    }
    /** How many seeds (seed, seed+1, ...) one Generate runs, 1 to {@value #MAX_SAMPLES}; only sampling engines use more than 1. */
    public IntegerProperty sampleCountProperty() { return sampleCount; }
    public static final int MAX_SAMPLES = 6;
    /** The middle frame of each finished sample of the last Generate, in seed order; empty with a single sample. */
    public ReadOnlyListProperty<Image> sampleThumbnailsProperty() { return sampleThumbnails.getReadOnlyProperty(); }
    /** The sample whose frames are on the timeline. */
    public ReadOnlyIntegerProperty chosenSampleProperty() { return chosenSample.getReadOnlyProperty(); }

    public boolean isReady(int index) { return ready.get(index); }

    /** Frame {@code index} of the sample on the timeline as it shows (final or preview); null before it arrived. */
    public Image frameImage(int index) { return index >= 0 && index < frames.length ? frames[index] : null; }

    /** The chosen sample's frames, in plan order, once all have arrived and its run finished (what Export writes); else empty. */
    public java.util.List<Image> completedFrames() {
        if (completedRun.get() == null || frames.length == 0 || ready.cardinality() != frames.length) return java.util.List.of();
        return java.util.List.of(frames);
    }
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
                blurRegion.set(null); // a part of the last photo means nothing in this one
                knownKernel.set(null); // nor does a kernel in its pixels
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

    /**
     * Runs the engine on the open photo with the current plan; frames appear on the timeline as they arrive. A sampling
     * engine runs {@link #sampleCountProperty()} seeds one after another; the first sample's frames are shown.
     */
    public void generate() {
        String why = whyNotGenerate();
        if (!why.isEmpty()) {
            error.set(why);
            return;
        }
        error.set("");
        FramePlan p = plan.plan();
        int run = ++generation;
        int count = engine.get().samples() ? Math.max(1, Math.min(MAX_SAMPLES, sampleCount.get())) : 1;
        generatedPlan = p;
        sampleFrames = new Image[count][p.size()];
        sampleReady = new BitSet[count];
        for (int i = 0; i < count; i++) sampleReady[i] = new BitSet();
        sampleRuns = new RunCapture[count];
        sampleThumbnails.clear();
        chosenSample.set(0);
        frames = sampleFrames[0];
        ready = sampleReady[0];
        framesReady.set(0);
        timelinePlan.set(p);
        completedRun.set(null);
        selectedFrame.set(Math.min(selectedFrame.get(), p.size() - 1));
        refreshShown();
        generateSample(run, 0, seed.get(), p, System.nanoTime());
    }

    /** Runs one sample (seed) and, when it has finished, the next one. */
    private void generateSample(int run, int sample, long sampleSeed, FramePlan p, long started) {
        int count = sampleFrames.length;
        RunCapture capture = new RunCapture(photo.get().pixels(), p);
        Engine running = engine.get();
        EngineOptions options = runOptions(running);
        GenerationRequest request = new GenerationRequest(photo.get().pixels(), p, sampleSeed, options);
        String which = count > 1 ? String.format(Locale.ROOT, " (sample %d of %d, seed %d)", sample + 1, count, sampleSeed) : "";
        String detail = options.maxDetailPixels() > 0 ? ", detail at full resolution" : "";
        String region = options.region().map(r -> ", the blur from " + BlurRegionPick.describe(r)).orElse("")
                + options.kernel().map(k -> ", the given " + k.size() + " px kernel").orElse("");
        status.set("Generating " + p.size() + " frames with the " + running.id() + " engine" + which + detail + region + "...");
        tasks.run("Starting", (reporter, cancel) -> FrameGeneration.run(capture.around(running), request, reporter,
                (index, pixels, preview) -> reporter.post(() -> frameArrived(run, sample, index, pixels, preview)), cancel),
                new FxTasks.Outcome<>() {
                    @Override public void succeeded(FrameGeneration.Summary summary) {
                        if (run != generation) return;
                        sampleRuns[sample] = capture;
                        if (count > 1) sampleThumbnails.add(sampleFrames[sample][p.size() / 2]);
                        if (sample == chosenSample.get()) completedRun.set(capture);
                        if (sample + 1 < count) {
                            generateSample(run, sample + 1, sampleSeed + 1, p, started);
                            return;
                        }
                        double seconds = (System.nanoTime() - started) / 1e9;
                        String warnings = summary.warnings().isEmpty() ? "" : "\n" + String.join("\n",
                                summary.warnings().stream().map(w -> "Note: " + PlanShaper.capitalised(w)).toList());
                        String samples = count > 1 ? String.format(Locale.ROOT, " x %d samples; click a thumbnail to pick one", count) : "";
                        status.set(String.format(Locale.ROOT, "%d frames%s in %.1f s. Scrub with the mouse or Left/Right, Home/End.", summary.frames(), samples, seconds) + warnings);
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

    /** Puts a finished (or running) sample's frames on the timeline. */
    public void pickSample(int sample) {
        if (sample < 0 || sample >= sampleFrames.length) return;
        chosenSample.set(sample);
        frames = sampleFrames[sample];
        ready = sampleReady[sample];
        framesReady.set(ready.cardinality());
        completedRun.set(sampleRuns[sample]);
        refreshShown();
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

    /**
     * After {@link #close()}: waits up to {@code millis} for the cancelled work to stop, so an engine's native sessions
     * can then be closed safely; false if it still runs.
     */
    public boolean awaitStopped(long millis) {
        try {
            return tasks.awaitStopped(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Shows an arriving frame; an approximate preview is shown but only a final frame counts as ready. */
    private void frameArrived(int run, int sample, int index, DisplayPixels pixels, boolean preview) {
        if (run != generation || sample >= sampleFrames.length || index >= sampleFrames[sample].length) return;
        if (preview && sampleReady[sample].get(index)) return; // never replace a final frame by a late preview
        sampleFrames[sample][index] = toImage(pixels);
        if (!preview) sampleReady[sample].set(index);
        if (sample != chosenSample.get()) return; // another sample fills in off screen
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
        ready = new BitSet();
        sampleFrames = new Image[0][];
        sampleReady = new BitSet[0];
        sampleRuns = new RunCapture[0];
        sampleThumbnails.clear();
        chosenSample.set(0);
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
        double[] trust = haveFrame && ready.get(i) ? frameConfidence() : null;
        String confidence = trust != null && TimelineBand.uncertain(trust[i])
                ? String.format(Locale.ROOT, "   confidence %.0f%%", 100 * trust[i]) : "";
        caption.set(String.format(Locale.ROOT, "%s   [%.3f, %.3f]   %s%s", what, iv.start(), iv.end(), era, confidence));
    }

    /**
     * Per frame of the timeline's plan, how far the finished run's engine trusts it: its camera path's confidence over
     * the frame's interval (1 inside the exposure, falling off before and after it); null without a finished run with a
     * path (the diffusion engine has none).
     */
    double[] frameConfidence() { return frameConfidence; }

    private double[] confidenceOfFrames() {
        RunCapture run = completedRun.get();
        FramePlan p = timelinePlan.get();
        if (run == null || p == null || run.trajectory().isEmpty()) return null;
        Trajectory path = run.trajectory().get();
        double[] c = new double[p.size()];
        for (int i = 0; i < c.length; i++) c[i] = path.confidence(p.get(i).start(), p.get(i).end());
        return c;
    }

    /** Copies display pixels into a JavaFX image, once per frame. */
    static Image toImage(DisplayPixels px) {
        WritableImage image = new WritableImage(px.width(), px.height());
        // Opaque pixels: premultiplied equals straight alpha, and IntArgbPre is the toolkit's native layout (no conversion).
        image.getPixelWriter().setPixels(0, 0, px.width(), px.height(), PixelFormat.getIntArgbPreInstance(), px.argb(), 0, px.width());
        return image;
    }
}
