package org.tempora.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.paint.Color;
import org.tempora.flow.DisFlow;
import org.tempora.flow.FloFile;
import org.tempora.flow.FlowPair;
import org.tempora.flow.FlowPng;
import org.tempora.flow.FlowUnavailableException;
import org.tempora.flow.OpenCvLoader;
import org.tempora.flow.PairFlow;
import org.tempora.image.LinearImage;

/**
 * The motion overlay's state and work: the settings the Motion panel edits, the flows of the finished run measured in
 * the background ({@link MotionFlows}) once an overlay is chosen, and one picture per frame rendered once per settings,
 * so scrubbing only swaps pictures. Paints over the inspector's picture, takes clicks as points to track, and saves
 * the current view as PNG and its flow as .flo. FX thread only, except the jobs it starts.
 */
public final class MotionOverlay implements AutoCloseable {
    public static final double DEFAULT_OPACITY = 0.7; // the frame stays readable under colours
    public static final int DEFAULT_SPACING = 20;
    private static final double LEGEND_MARGIN = 10;

    private final SessionModel session;
    private final Runnable loadFlow;
    private final FxTasks work = new FxTasks();
    private final BackgroundRunner saver = new BackgroundRunner("tempora-motion-save", 1, 1, Platform::runLater);
    private final ObjectProperty<MotionKind> kind = new SimpleObjectProperty<>(this, "kind", MotionKind.OFF);
    private final BooleanProperty overPhoto = new SimpleBooleanProperty(this, "overPhoto");
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", DEFAULT_OPACITY);
    private final IntegerProperty spacing = new SimpleIntegerProperty(this, "spacing", DEFAULT_SPACING);
    private final DoubleProperty length = new SimpleDoubleProperty(this, "length", 1);
    private final BooleanProperty twoFrames = new SimpleBooleanProperty(this, "twoFrames");
    private final IntegerProperty pairFrom = new SimpleIntegerProperty(this, "pairFrom", 1), pairTo = new SimpleIntegerProperty(this, "pairTo", 2);
    private final ObservableList<MotionSettings.PickedPoint> picked = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", true);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper(this, "unavailableReason", "");
    private Runnable changed = () -> {};
    private Clip clip;
    private MotionSettings renderedFor; // the settings of the pictures below, null when there are none
    private Clip renderedClip;
    private Image[] pictures = new Image[0];
    private String[] captions = new String[0];
    private Image legend;
    private int picturesArrived;
    private boolean jobRunning, rerun; // one job at a time: a change while one runs cancels it, and its end starts the next
    private boolean batching; // several settings change at once: one restart afterwards
    private boolean loadTried; // whether optical flow's native code was asked to load (once a view is chosen)

    /** One finished run's frames, as the flows are measured from them; the flows appear once a job made them. */
    private static final class Clip {
        final RunCapture run;
        final Image[] frames;
        volatile MotionFlows flows;

        Clip(RunCapture run, Image[] frames) {
            this.run = run;
            this.frames = frames;
        }
    }

    /**
     * The outcome of a job: what was measured, or why nothing can be ({@code problem}); {@code noFlowHere} when optical
     * flow cannot run in this process at all.
     */
    private record Done(MotionFlows flows, double seconds, double scale, String problem, boolean noFlowHere) {}

    /** An overlay on this installation's OpenCV. */
    public MotionOverlay(SessionModel session) { this(session, OpenCvLoader::load); }

    /** @param loadFlow loads optical flow's native code; throws {@link FlowUnavailableException} where it cannot */
    MotionOverlay(SessionModel session, Runnable loadFlow) {
        this.session = session;
        this.loadFlow = loadFlow;
        session.completedRunProperty().addListener((o, was, run) -> newClip(run));
        for (var p : List.of(kind, overPhoto, spacing, length, twoFrames, pairFrom, pairTo)) p.addListener(o -> restart());
        picked.addListener((ListChangeListener<MotionSettings.PickedPoint>) c -> restart());
        opacity.addListener(o -> changed.run());
        // Over the photo the picture under the overlay stays the same while scrubbing: only the overlay asks for a redraw.
        session.selectedFrameProperty().addListener(o -> { if (showing() && overPhoto.get()) changed.run(); });
        status.set(idleText());
    }

    /** What to run when the overlay looks different (the inspector redraws). */
    void onChanged(Runnable redraw) { this.changed = Objects.requireNonNull(redraw); }

    public ObjectProperty<MotionKind> kindProperty() { return kind; }
    /** Drawn over the photo rather than over the frame on the timeline. */
    public BooleanProperty overPhotoProperty() { return overPhoto; }
    /** 0 (invisible) to 1 (opaque). */
    public DoubleProperty opacityProperty() { return opacity; }
    /** Grid spacing of arrows and tracked points, pixels of the measured flow. */
    public IntegerProperty spacingProperty() { return spacing; }
    /** Arrow length relative to the automatic one, {@link MotionSettings#MIN_LENGTH} to {@link MotionSettings#MAX_LENGTH}. */
    public DoubleProperty lengthProperty() { return length; }
    /** Shows the flow between two chosen frames rather than from each frame to the next. */
    public BooleanProperty twoFramesProperty() { return twoFrames; }
    /** The chosen frames, numbered from 1 as on the caption; first to last when a run arrives. */
    public IntegerProperty pairFromProperty() { return pairFrom; }
    public IntegerProperty pairToProperty() { return pairTo; }
    /** Points clicked to be tracked; empty tracks a grid. */
    public ObservableList<MotionSettings.PickedPoint> picked() { return picked; }
    /** False once optical flow failed to load here; {@link #unavailableReasonProperty()} says why. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unavailableReasonProperty() { return unavailableReason.getReadOnlyProperty(); }
    /** Whether the flows and pictures of the current settings are all there (export can run). */
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
    /** What was measured, or what to do to see motion. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The background measuring and drawing: busy, progress and stage text. */
    public FxTasks work() { return work; }
    /** The measured flows of the run on the timeline; null before they were measured. */
    public MotionFlows flows() { return clip == null ? null : clip.flows; }

    /** Whether an overlay is on and a finished run is on the timeline. */
    boolean showing() { return kind.get() != MotionKind.OFF && clip != null && available.get(); }

    /** Whether a click on the picture adds a point to track. */
    boolean picksPoints() { return showing() && kind.get() == MotionKind.TRACKS && clip.flows != null; }

    /** The line under the picture while the overlay shows. */
    String hint() {
        if (!showing()) return "";
        return kind.get() == MotionKind.TRACKS ? "Click the picture to track a point from this frame; Clear points goes back to the grid"
                : "Motion overlay: " + kind.get().label().toLowerCase(Locale.ROOT) + (overPhoto.get() ? " over the photo" : " over the frame");
    }

    /** The settings the controls describe now; null while the overlay is off or the chosen frames are not a pair. */
    MotionSettings settings() {
        if (kind.get() == MotionKind.OFF || clip == null) return null;
        FlowPair fixed = null;
        if (twoFrames.get()) {
            int n = clip.frames.length, a = pairFrom.get() - 1, b = pairTo.get() - 1;
            if (a == b || a < 0 || b < 0 || a >= n || b >= n) return null;
            fixed = new FlowPair(a, b);
        }
        int s = Math.max(MotionSettings.MIN_SPACING, Math.min(MotionSettings.MAX_SPACING, spacing.get()));
        double len = Math.max(MotionSettings.MIN_LENGTH, Math.min(MotionSettings.MAX_LENGTH, length.get()));
        return new MotionSettings(kind.get(), overPhoto.get(), s, len, fixed, picked);
    }

    private void newClip(RunCapture run) {
        work.cancel();
        clip = null;
        if (run != null) {
            int n = session.timelinePlanProperty().get() == null ? 0 : session.timelinePlanProperty().get().size();
            Image[] frames = new Image[n];
            for (int i = 0; i < n; i++) frames[i] = session.frameImage(i);
            if (n >= 2 && java.util.Arrays.stream(frames).allMatch(Objects::nonNull)) clip = new Clip(run, frames);
            if (clip != null) {
                batching = true;
                pairFrom.set(1); // first to last by default, for every new run
                pairTo.set(n);
                batching = false;
            }
        }
        batching = true;
        picked.clear(); // points belong to the frames they were picked on
        batching = false;
        renderedFor = null;
        restart();
    }

    private String idleText() {
        if (!available.get()) return "";
        if (clip == null) return "Generate frames to see their motion.";
        if (kind.get() == MotionKind.OFF) return "Choose a view to measure the motion between the frames.";
        return "";
    }

    /** Starts measuring and drawing for the current settings, unless that is done or under way. */
    private void restart() {
        if (batching) return;
        MotionSettings s = settings();
        if (s == null || !available.get()) {
            if (s == null && clip != null && kind.get() != MotionKind.OFF) status.set("Choose two different frames, 1 to " + clip.frames.length + ".");
            else status.set(idleText());
            if (!loadTried && kind.get() != MotionKind.OFF && available.get() && !jobRunning) checkLoads();
            else work.cancel();
            renderedFor = null;
            ready.set(false);
            changed.run();
            return;
        }
        if (s.equals(renderedFor) && clip == renderedClip) return;
        Clip c = clip;
        renderedFor = s;
        renderedClip = c;
        int count = s.followsPlayhead() ? c.frames.length : 1;
        pictures = new Image[count];
        captions = new String[count];
        legend = null;
        picturesArrived = 0;
        ready.set(false);
        changed.run();
        if (jobRunning) {
            work.cancel();
            rerun = true;
            return;
        }
        start(s, c);
    }

    /** Loads optical flow before there are frames to measure, so a view chosen early greys the controls at once where it cannot run. */
    private void checkLoads() {
        loadTried = true;
        jobRunning = true;
        work.run("Loading optical flow", (reporter, cancel) -> {
            try {
                loadFlow.run();
                return "";
            } catch (FlowUnavailableException e) {
                return e.getMessage();
            }
        }, new FxTasks.Outcome<>() {
            @Override public void succeeded(String problem) {
                if (!problem.isEmpty()) unavailable(problem, true);
                jobEnded();
            }

            @Override public void failed(String message) { jobEnded(); }
            @Override public void cancelled() { jobEnded(); }
        });
    }

    private void jobEnded() {
        jobRunning = false;
        if (!rerun) return;
        rerun = false;
        if (renderedFor != null && renderedClip == clip && clip != null) start(renderedFor, clip);
    }

    /** Measures what {@code s} needs and draws its pictures, the one on screen first. */
    private void start(MotionSettings s, Clip c) {
        jobRunning = true;
        loadTried = true;
        int count = pictures.length;
        int first = Math.min(count - 1, session.selectedFrameProperty().get());
        work.run("Measuring motion", (reporter, cancel) -> {
            long t0 = System.nanoTime();
            try {
                loadFlow.run();
            } catch (FlowUnavailableException e) {
                return new Done(null, 0, 0, e.getMessage(), true);
            }
            MotionFlows flows = c.flows;
            if (flows == null) {
                String tooSmall = tooSmall(c.frames[0]);
                if (tooSmall != null) return new Done(null, 0, 0, tooSmall, false);
                flows = c.flows = measurable(c);
            }
            List<FlowPair> wanted = MotionPictures.pairsNeeded(flows, s);
            flows.measure(wanted, (done, total) -> reporter.progress("measuring motion", done, total), cancel);
            double scale = MotionPictures.colourScale(flows, s);
            BufferedImage key = MotionPictures.legend(s.kind(), scale);
            Image fxKey = key == null ? null : SwingFXUtils.toFXImage(key, null);
            reporter.post(() -> { if (s == renderedFor) legend = fxKey; });
            int done = 0;
            for (int k : order(first, count)) {
                cancel.throwIfCancelled();
                Image picture = SwingFXUtils.toFXImage(MotionPictures.render(flows, s, k, scale), null);
                String caption = MotionPictures.describe(flows, s, k, scale);
                reporter.post(() -> pictureArrived(s, k, picture, caption));
                reporter.progress("drawing motion", ++done, count);
            }
            return new Done(flows, (System.nanoTime() - t0) / 1e9, scale, null, false);
        }, new FxTasks.Outcome<>() {
            @Override public void succeeded(Done d) {
                if (d.problem() != null) unavailable(d.problem(), d.noFlowHere());
                else if (s == renderedFor) {
                    ready.set(true);
                    status.set(summary(d.flows(), d.seconds(), d.scale()));
                }
                jobEnded();
            }

            @Override public void failed(String message) {
                if (s == renderedFor) {
                    renderedFor = null; // a later change of settings tries again
                    status.set("Motion could not be measured: " + message);
                }
                jobEnded();
            }

            @Override public void cancelled() { jobEnded(); }
        });
    }

    /** The reason frames this small cannot be measured; null when they can. */
    private static String tooSmall(Image frame) {
        int w = (int) frame.getWidth(), h = (int) frame.getHeight(), f = FlowInput.reduction(w, h);
        if (FlowInput.reduced(w, f) >= DisFlow.MIN_SIDE && FlowInput.reduced(h, f) >= DisFlow.MIN_SIDE) return null;
        return "Frames of " + w + "x" + h + " are too small to measure motion: at least " + DisFlow.MIN_SIDE + "x" + DisFlow.MIN_SIDE + " pixels.";
    }

    /**
     * The frames as luminance at the measured size. Read on the worker: the frames' images are written once, on the FX
     * thread, before the run completes, and only read afterwards.
     */
    private static MotionFlows measurable(Clip c) {
        int w = (int) c.frames[0].getWidth(), h = (int) c.frames[0].getHeight(), f = FlowInput.reduction(w, h);
        List<LinearImage> grey = new ArrayList<>(c.frames.length);
        int[] argb = new int[w * h];
        for (Image frame : c.frames) {
            if ((int) frame.getWidth() != w || (int) frame.getHeight() != h) throw new IllegalStateException("frames of different sizes in one run");
            frame.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            grey.add(FlowInput.grey(argb, w, h, f));
        }
        LinearImage photo = c.run.photo();
        LinearImage photoGrey = new LinearImage(photo.width(), photo.height(), new float[][] {photo.luminance()});
        return new MotionFlows(grey, photoGrey, f, new DisFlow(DisFlow.Preset.MEDIUM));
    }

    /** Frame indices from {@code first} outwards, so the picture on screen comes first and its neighbours next. */
    static int[] order(int first, int count) {
        int[] out = new int[count];
        int n = 0;
        out[n++] = first;
        for (int d = 1; n < count; d++) {
            if (first + d < count) out[n++] = first + d;
            if (first - d >= 0 && n < count) out[n++] = first - d;
        }
        return out;
    }

    private void pictureArrived(MotionSettings s, int k, Image picture, String caption) {
        if (s != renderedFor) return;
        pictures[k] = picture;
        captions[k] = caption;
        picturesArrived++;
        if (k == pictureIndex()) changed.run();
    }

    private int pictureIndex() {
        return pictures.length == 1 ? 0 : Math.min(pictures.length - 1, session.selectedFrameProperty().get());
    }

    /** The picture for the frame on the timeline; null until it has been drawn. */
    Image picture() { return renderedFor == null || pictures.length == 0 ? null : pictures[pictureIndex()]; }

    /** How many of the current settings' pictures have been drawn. */
    int picturesDrawn() { return picturesArrived; }

    private void unavailable(String reason, boolean forGood) {
        renderedFor = null;
        rerun = false;
        ready.set(false);
        if (forGood) { // no native code here: nothing will change that in this process
            available.set(false);
            unavailableReason.set("Motion view unavailable: " + reason);
            kind.set(MotionKind.OFF);
            status.set("");
        } else {
            status.set(reason);
        }
        changed.run();
    }

    private static String summary(MotionFlows flows, double seconds, double scale) {
        String size = flows.width() + "x" + flows.height();
        String reducedNote = flows.factor() == 1 ? "" : String.format(Locale.ROOT, " (1/%d of the frames' size, to stay interactive)", flows.factor());
        return String.format(Locale.ROOT, "Motion measured at %s%s by DIS optical flow (%s) in %.1f s; full colour at %.2f px.",
                size, reducedNote, flows.preset().name().toLowerCase(Locale.ROOT), seconds, scale);
    }

    /**
     * Draws the current picture over the inspector's picture, which spans {@code baseWidth x baseHeight} image pixels,
     * at the chosen opacity, and the legend in the lower left corner.
     */
    void paint(GraphicsContext g, ViewTransform t, double w, double h, double baseWidth, double baseHeight) {
        Image p = picture();
        if (p == null) return;
        ViewTransform.Visible v = t.visible(baseWidth, baseHeight, w, h);
        if (v != null) {
            double kx = p.getWidth() / baseWidth, ky = p.getHeight() / baseHeight; // a flow measured smaller covers the same area
            g.save();
            g.setGlobalAlpha(opacity.get());
            // Lines are smoothed when enlarged (square pixels make their antialiasing a staircase); colours per pixel are not.
            MotionKind k = renderedFor.kind();
            g.setImageSmoothing(t.scale() / kx < 1 || k == MotionKind.ARROWS || k == MotionKind.TRACKS);
            g.drawImage(p, v.sx() * kx, v.sy() * ky, v.sw() * kx, v.sh() * ky, v.dx(), v.dy(), v.dw(), v.dh());
            g.restore();
        }
        double y = h - LEGEND_MARGIN;
        if (legend != null && legend.getHeight() + 60 < h) {
            y -= legend.getHeight();
            g.setFill(Color.WHITE);
            g.fillRect(LEGEND_MARGIN - 2, y - 2, legend.getWidth() + 4, legend.getHeight() + 4);
            g.setImageSmoothing(false);
            g.drawImage(legend, LEGEND_MARGIN, y);
        }
        String caption = captions[pictureIndex()];
        if (caption != null) ImagePane.label(g, caption, LEGEND_MARGIN - 2, y - 28);
    }

    /** Adds the point under a click (image pixels of a {@code baseWidth x baseHeight} picture) to the tracked points. */
    void pick(double x, double y, double baseWidth, double baseHeight) {
        MotionFlows flows = clip == null ? null : clip.flows;
        if (flows == null || !(x >= 0 && y >= 0 && x < baseWidth && y < baseHeight)) return;
        double fx = Math.min(flows.width() - 1, x * flows.width() / baseWidth), fy = Math.min(flows.height() - 1, y * flows.height() / baseHeight);
        picked.add(new MotionSettings.PickedPoint(Math.min(flows.frameCount() - 1, session.selectedFrameProperty().get()), fx, fy));
    }

    /** The pair whose flow is on screen (consecutive at the playhead, or the chosen two frames); null without a run. */
    FlowPair currentPair() {
        if (clip == null) return null;
        MotionSettings s = settings();
        int frame = session.selectedFrameProperty().get(), n = clip.frames.length;
        return s != null ? s.pairAt(frame, n) : new FlowPair(Math.max(0, Math.min(n - 2, frame)), Math.max(0, Math.min(n - 2, frame)) + 1);
    }

    /** A file name for the current view, e.g. motion_wheel_frame03.png. */
    String suggestedPictureName() {
        return String.format(Locale.ROOT, "motion_%s_frame%02d.png", kind.get().name().toLowerCase(Locale.ROOT), session.selectedFrameProperty().get() + 1);
    }

    /** A file name for the current pair's flow, e.g. flow_0002_0003.flo (frames numbered from 0, as the flow command does). */
    String suggestedFlowName() {
        FlowPair p = currentPair();
        return p == null ? "flow.flo" : "flow_" + p.stem() + ".flo";
    }

    /**
     * Saves the picture on screen at the measured size, in the background; the outcome goes to the session's status
     * or error line. Refuses the photo's own file.
     */
    void savePicture(Path target) {
        MotionSettings s = settings();
        MotionFlows flows = flows();
        if (refused(target)) return;
        if (s == null || flows == null || !ready.get()) {
            session.errorProperty().set("Choose a motion view and wait until it is drawn, then save it.");
            return;
        }
        int frame = Math.min(flows.frameCount() - 1, session.selectedFrameProperty().get());
        save(target, "motion view", () -> FlowPng.write(MotionPictures.render(flows, s, frame), target));
    }

    /** Saves the forward flow of the current pair as a Middlebury .flo file, in the background. */
    void saveFlow(Path target) {
        MotionFlows flows = flows();
        FlowPair p = currentPair();
        if (refused(target)) return;
        PairFlow f = flows == null || p == null ? null : flows.measured(p);
        if (f == null) {
            session.errorProperty().set("The motion of this pair has not been measured yet: choose a motion view and wait until it is drawn.");
            return;
        }
        save(target, String.format(Locale.ROOT, "flow from frame %d to %d", p.from() + 1, p.to() + 1), () -> FloFile.write(f.forward(), target));
    }

    /** Whether {@code target} is the open photo's file, which Tempora never overwrites (the message says so). */
    private boolean refused(Path target) {
        Path source = session.photoProperty().get() == null ? null : session.photoProperty().get().source();
        if (!isSameFile(target, source)) return false;
        session.errorProperty().set("Tempora does not overwrite the photo it works on (" + source.getFileName() + "): choose another name.");
        return true;
    }

    static boolean isSameFile(Path a, Path b) {
        if (a == null || b == null) return false;
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private void save(Path target, String what, Write write) {
        saver.submit((reporter, cancel) -> {
            write.run();
            return target;
        }, new BackgroundRunner.Listener<Path>() {
            @Override public void succeeded(Path saved) { status.set("Saved the " + what + " to " + saved + "."); }
            @Override public void failed(String message) { session.errorProperty().set("Could not save the " + what + ": " + message); }
            @Override public void cancelled() {}
        });
    }

    /** Stops measuring and saving; the window is closing. */
    @Override public void close() {
        work.close();
        saver.close();
    }
}
