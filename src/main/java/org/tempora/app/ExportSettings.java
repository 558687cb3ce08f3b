package org.tempora.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tempora.export.ExportFormat;
import org.tempora.export.ExportOptions;
import org.tempora.export.PlaybackRate;
import org.tempora.export.video.H264Mp4;
import org.tempora.timeline.Interval;

/**
 * The export dialog's state as properties, apart from its controls: format, quality, speed, loop and look options, the
 * destination; out come the {@link ExportOptions}, the playing speed in words and what stops the export (empty when
 * nothing does), recomputed on every change.
 */
public final class ExportSettings {
    /** How the playing speed is given. */
    public enum Speed { FRAMES_PER_SECOND, SLOW_MOTION }

    /** A GIF bigger than this gets a warning beside its estimate: mail and web pages choke on it. */
    static final long LARGE_GIF_BYTES = 20_000_000;

    private final Path photo;
    private final OptionalDouble exposureSeconds;
    private final List<Interval> intervals;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.MP4);
    private final IntegerProperty quantiser = new SimpleIntegerProperty(this, "quantiser", H264Mp4.DEFAULT_QUANTISER);
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.FRAMES_PER_SECOND);
    private final DoubleProperty fps = new SimpleDoubleProperty(this, "fps", PlaybackRate.DEFAULT_FPS);
    private final DoubleProperty slowMotion = new SimpleDoubleProperty(this, "slowMotion", 1);
    private final IntegerProperty loops = new SimpleIntegerProperty(this, "loops", 0);
    private final BooleanProperty pingPong = new SimpleBooleanProperty(this, "pingPong");
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide");
    private final BooleanProperty timeline = new SimpleBooleanProperty(this, "timeline");
    private final BooleanProperty palettePerFrame = new SimpleBooleanProperty(this, "palettePerFrame");
    private final BooleanProperty dither = new SimpleBooleanProperty(this, "dither", true);
    private final IntegerProperty bitDepth = new SimpleIntegerProperty(this, "bitDepth", 0);
    private final ObjectProperty<Path> destination = new SimpleObjectProperty<>(this, "destination");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param photo the source photo: never a destination, and the side-by-side picture
     * @param exposureSeconds its exposure time when known (real time, slow motion)
     * @param intervals the frames' exposure intervals
     */
    public ExportSettings(Path photo, OptionalDouble exposureSeconds, List<Interval> intervals) {
        this.photo = photo;
        this.exposureSeconds = exposureSeconds;
        this.intervals = List.copyOf(intervals);
        if (exposureSeconds.isPresent()) speed.set(Speed.SLOW_MOTION);
        Observable[] inputs = {format, quantiser, speed, fps, slowMotion, loops, pingPong, sideBySide, timeline, palettePerFrame, dither, bitDepth, destination};
        for (Observable o : inputs) o.addListener(x -> recompute());
        format.addListener((o, was, now) -> retarget(was, now));
        recompute();
    }

    public ObjectProperty<ExportFormat> formatProperty() { return format; }
    /** H.264 quantiser 0-51 (MP4): lower is better and larger. */
    public IntegerProperty quantiserProperty() { return quantiser; }
    public ObjectProperty<Speed> speedProperty() { return speed; }
    public DoubleProperty fpsProperty() { return fps; }
    /** Times slower than real time; used when {@link #speedProperty()} is SLOW_MOTION. */
    public DoubleProperty slowMotionProperty() { return slowMotion; }
    /** Times the clip plays; 0 = forever (GIF). */
    public IntegerProperty loopsProperty() { return loops; }
    public BooleanProperty pingPongProperty() { return pingPong; }
    public BooleanProperty sideBySideProperty() { return sideBySide; }
    public BooleanProperty timelineProperty() { return timeline; }
    public BooleanProperty palettePerFrameProperty() { return palettePerFrame; }
    public BooleanProperty ditherProperty() { return dither; }
    /** PNG bits per sample: 8, 16, or 0 = as the frames are. */
    public IntegerProperty bitDepthProperty() { return bitDepth; }
    /** The video file, or the new folder of a sequence; null until chosen. */
    public ObjectProperty<Path> destinationProperty() { return destination; }
    /** The playing speed in words, e.g. "12 fps (40x slower than real time)"; "" for sequences. */
    public ReadOnlyStringProperty rateProperty() { return rate.getReadOnlyProperty(); }
    /** Why the export cannot start, "" when it can. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Whether real time (and so slow motion) is known: the photo's exposure time is. */
    public boolean realTimeKnown() { return exposureSeconds.isPresent(); }

    public Path photo() { return photo; }

    /** The options of the current choices. @throws IllegalArgumentException naming the bad choice */
    public ExportOptions options() {
        boolean slow = speed.get() == Speed.SLOW_MOTION;
        if (slow && exposureSeconds.isEmpty()) {
            throw new IllegalArgumentException("the photo's exposure time is unknown, so real time is too: choose a frame rate");
        }
        return new ExportOptions(slow ? OptionalDouble.empty() : OptionalDouble.of(fps.get()),
                slow ? OptionalDouble.of(slowMotion.get()) : OptionalDouble.empty(), OptionalDouble.empty(), quantiser.get(), loops.get(),
                pingPong.get(), sideBySide.get() ? Optional.of(photo) : Optional.empty(), timeline.get(), palettePerFrame.get(), dither.get(),
                format.get() == ExportFormat.PNG ? bitDepth.get() : 0);
    }

    /** A file or folder name beside the photo: "photo.mp4", "photo.gif", "photo-png", "photo-tiff". */
    public Path suggestedDestination() {
        String stem = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String name = format.get().isSequence() ? stem + "-" + format.get().name().toLowerCase(Locale.ROOT) : stem + "." + format.get().extension();
        Path dir = photo.toAbsolutePath().getParent();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    /** Whether writing to the destination replaces something the user should confirm first. */
    public boolean destinationExists() {
        Path d = destination.get();
        if (d == null || !Files.exists(d)) return false;
        if (!Files.isDirectory(d)) return true;
        try (var entries = Files.list(d)) {
            return entries.findAny().isPresent();       // an empty folder is simply used
        } catch (IOException e) {
            return true;
        }
    }

    /** "About 1.2 MB" (with a warning when it is large) for an estimated GIF size. */
    public static String describeEstimate(long bytes) {
        String size = bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT, "%d kB", Math.max(1, Math.round(bytes / 1e3)));
        return "About " + size + (bytes > LARGE_GIF_BYTES ? ": large for a GIF; an MP4 is far smaller" : "");
    }

    /** Why {@code target} may not receive this export, or "" (the source photo is never replaced, nor a folder holding it). */
    static String destinationProblem(Path target, Path photo, ExportFormat format) {
        if (target == null) return "Choose where to save the export.";
        Path t = target.toAbsolutePath().normalize(), p = photo.toAbsolutePath().normalize();
        if (MotionOverlay.isSameFile(t, p)) return "That is the source photo: Tempora never overwrites it. Choose another name.";
        if (format.isSequence() && p.startsWith(t)) return "That folder holds the source photo: choose a new folder for the sequence.";
        if (!format.isSequence() && Files.isDirectory(t)) return target.getFileName() + " is a folder: give a file name for the " + format.name() + ".";
        if (format.isSequence() && Files.isRegularFile(t)) return target.getFileName() + " is a file: choose a folder for the sequence.";
        Path parent = t.getParent();
        if (parent == null || !Files.isDirectory(parent)) return "The folder " + parent + " does not exist: choose another place.";
        return "";
    }

    /** A destination named for the old format follows the new one (photo.mp4 becomes photo.gif). */
    private void retarget(ExportFormat was, ExportFormat now) {
        Path d = destination.get();
        if (d == null || was == null || now == null || was.isSequence() || now.isSequence()) return;
        String name = d.getFileName().toString();
        String oldExt = "." + was.extension();
        if (name.toLowerCase(Locale.ROOT).endsWith(oldExt)) {
            destination.set(d.resolveSibling(name.substring(0, name.length() - oldExt.length()) + "." + now.extension()));
        }
    }

    private void recompute() {
        String why = "";
        ExportOptions options = null;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            why = PlanShaper.capitalised(e.getMessage()) + ".";
        }
        if (options != null && !format.get().isSequence()) {
            try {
                rate.set(PlaybackRate.choose(options.fps(), options.slowMotion(), exposureSeconds, intervals).describe());
            } catch (IllegalArgumentException e) {
                why = PlanShaper.capitalised(e.getMessage()) + ".";
                rate.set("");
            }
        } else {
            rate.set("");
        }
        if (why.isEmpty()) why = destinationProblem(destination.get(), photo, format.get());
        problem.set(why);
    }
}
