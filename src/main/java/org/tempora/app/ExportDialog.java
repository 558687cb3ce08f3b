package org.tempora.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.tempora.engine.CancelledException;
import org.tempora.export.ExportFormat;
import org.tempora.export.ExportOptions;
import org.tempora.export.ExposureTime;
import org.tempora.export.Exporter;
import org.tempora.image.Photo;

/**
 * File > Export: format, quality, speed, loop and look options, the GIF's estimated size, the destination; then the
 * export with progress and Cancel, and a player for the result. The run's frames are first written to a temporary
 * folder (see {@link RunFolder}), removed when the dialog closes. State lives in {@link ExportSettings}.
 */
public final class ExportDialog {
    /** How long option changes settle before the GIF size is estimated again. */
    private static final Duration ESTIMATE_DELAY = Duration.millis(250);

    private final Stage stage = new Stage();
    private final ExportSettings settings;
    private final ExportPrompts prompts;
    private final FxTasks work = new FxTasks();
    private final FxTasks estimates = new FxTasks();
    private final AtomicReference<RunFolder> prepared = new AtomicReference<>();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyObjectWrapper<Exporter.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final PauseTransition estimateLater = new PauseTransition(ESTIMATE_DELAY);
    private ExportFormat resultFormat;
    private ExportPlayer player;

    private ExportDialog(Window owner, Photo photo, RunCapture run, List<Image> frames, ExportPrompts prompts) {
        this.prompts = prompts;
        this.settings = new ExportSettings(photo.source(), ExposureTime.of(photo.metadata()), run.request().orElseThrow().plan().intervals());
        settings.destinationProperty().set(settings.suggestedDestination());
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Export " + photo.source().getFileName());
        stage.setScene(new Scene(layout(photo), 620, 640));
        stage.setOnHidden(e -> dispose());
        estimateLater.setOnFinished(e -> estimate());
        Observable[] looks = {settings.formatProperty(), settings.speedProperty(), settings.fpsProperty(), settings.slowMotionProperty(),
                settings.pingPongProperty(), settings.sideBySideProperty(), settings.timelineProperty(), settings.palettePerFrameProperty(),
                settings.ditherProperty()};
        for (Observable o : looks) o.addListener(x -> estimateSoon());
        prepare(photo, run, frames);
    }

    /**
     * Opens the dialog on the session's finished run; when there is none, says so in the window's error banner and
     * returns null.
     */
    public static ExportDialog open(Window owner, SessionModel session, ExportPrompts prompts) {
        RunCapture run = session.completedRunProperty().get();
        List<Image> frames = session.completedFrames();
        Photo photo = session.photoProperty().get();
        if (run == null || frames.isEmpty() || photo == null || photo.source() == null || run.request().isEmpty()) {
            session.errorProperty().set("Nothing to export yet: generate the frames first (Ctrl+G) and wait for all of them.");
            return null;
        }
        ExportDialog dialog = new ExportDialog(owner, photo, run, frames, prompts);
        dialog.stage.show();
        return dialog;
    }

    public Stage stage() { return stage; }
    public ExportSettings settings() { return settings; }
    /** Whether the frames are prepared, so exports and estimates can run. */
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
    /** What happened last: written, cancelled, failed (saying nothing was left behind). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The GIF's estimated size in words; "" for other formats. */
    public ReadOnlyStringProperty estimateProperty() { return estimate.getReadOnlyProperty(); }
    /** The last export that was written; null before and while one runs. */
    public ReadOnlyObjectProperty<Exporter.Result> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return work.busyProperty(); }
    /** The temporary frames folder while it exists (tests check that closing removes it). */
    Path framesFolder() {
        RunFolder f = prepared.get();
        return f == null ? null : f.dir();
    }

    /** Asks for a destination through the prompts; keeps the current one when the user backs out. */
    public void chooseDestination() {
        Path current = settings.destinationProperty().get();
        prompts.chooseDestination(stage, settings.formatProperty().get(), current == null ? settings.suggestedDestination() : current)
                .ifPresent(settings.destinationProperty()::set);
    }

    /** Starts the export to the chosen destination, asking before anything is replaced. */
    public void export() {
        String why = settings.problemProperty().get();
        if (!why.isEmpty()) {
            message.set(why);
            return;
        }
        RunFolder folder = prepared.get();
        if (!ready.get() || folder == null || work.busyProperty().get()) return;
        Path target = settings.destinationProperty().get();
        boolean replace = settings.destinationExists();
        if (replace && !prompts.confirmReplace(stage, target)) {
            message.set("Not exported: " + target.getFileName() + " was kept as it is.");
            return;
        }
        ExportFormat format = settings.formatProperty().get();
        ExportOptions options = settings.options();
        result.set(null);
        message.set("");
        work.run("Writing " + target.getFileName(), (reporter, cancel) -> Exporter.export(folder.frames(), format, target, options, replace, cancel),
                new FxTasks.Outcome<>() {
                    @Override public void succeeded(Exporter.Result r) {
                        resultFormat = format;
                        result.set(r);
                        message.set(describe(r, format));
                    }

                    @Override public void failed(String why) {
                        boolean said = why.toLowerCase(Locale.ROOT).contains("nothing was written");
                        message.set("Export failed: " + why + (said ? "" : " Nothing was written (no partial file left)."));
                    }

                    @Override public void cancelled() { message.set("Export cancelled: nothing was written (no partial file left)."); }
                });
    }

    /** Stops the running export (or preparation); nothing is left behind. */
    public void cancel() { work.cancel(); }

    /** Opens the player on the last written MP4 or GIF. */
    public ExportPlayer play() {
        Exporter.Result r = result.get();
        if (r == null || resultFormat == null || resultFormat.isSequence()) return null;
        if (player != null) player.stage().hide();   // one player at a time: a new export replaces the old clip
        player = ExportPlayer.show(stage, r.output(), resultFormat);
        return player;
    }

    /** The player opened last, or null. */
    ExportPlayer player() { return player; }

    /** "Wrote clip.gif: 16 pictures at 12 fps (...), 1.2 MB; provenance in clip.gif.json." and the exporter's notes. */
    static String describe(Exporter.Result r, ExportFormat format) {
        String speed = r.rate() == null ? "" : " at " + r.rate().describe();
        String what = format.isSequence() ? " frames" : " pictures";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Wrote %s: %d%s%s, %.1f MB; provenance in %s.", r.output().getFileName(),
                r.pictures(), what, speed, r.bytes() / 1e6, r.sidecar().getFileName()));
        for (String note : r.notes()) s.append("\nNote: ").append(note).append('.');
        return s.toString();
    }

    private void prepare(Photo photo, RunCapture run, List<Image> frames) {
        message.set("Preparing the frames...");
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        work.run(RunFolder.STAGE, (reporter, cancel) -> {
            RunFolder folder = RunFolder.write(photo, run, frames.size(), i -> pixels(frames.get(i)), temp, reporter, cancel);
            prepared.set(folder); // the cleanup removes it even if the dialog closed while it was written
            if (cancel.isCancelled()) throw new CancelledException();
            return folder;
        }, new FxTasks.Outcome<>() {
            @Override public void succeeded(RunFolder folder) {
                ready.set(true);
                message.set("");
                estimateSoon();
            }

            @Override public void failed(String why) { message.set("Cannot export: " + why); }

            @Override public void cancelled() { message.set("Cancelled before the frames were ready: close the dialog and export again."); }
        });
    }

    /** A frame's pixels as shown: the images never change once made, so reading them off the UI thread is safe. */
    static DisplayPixels pixels(Image image) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new DisplayPixels(w, h, argb);
    }

    private void estimateSoon() {
        if (settings.formatProperty().get() != ExportFormat.GIF) {
            estimateLater.stop();
            estimates.cancel();
            estimate.set("");
            return;
        }
        estimate.set(ready.get() ? "Estimating the size..." : "The size is estimated once the frames are ready.");
        if (ready.get()) estimateLater.playFromStart();
    }

    private void estimate() {
        RunFolder folder = prepared.get();
        if (folder == null || settings.formatProperty().get() != ExportFormat.GIF) return;
        ExportOptions options;
        try {
            options = settings.options();
        } catch (IllegalArgumentException e) {
            estimate.set("");
            return;
        }
        estimates.run("Estimating", (reporter, cancel) -> Exporter.estimateGifSize(folder.frames(), options), new FxTasks.Outcome<>() {
            @Override public void succeeded(Long bytes) { estimate.set(ExportSettings.describeEstimate(bytes)); }
            @Override public void failed(String why) { estimate.set("No estimate: " + why); }
            @Override public void cancelled() {}
        });
    }

    /** Stops the work and removes the temporary frames once it has stopped (off the UI thread: it may take a moment). */
    private void dispose() {
        if (player != null) player.stage().hide();
        estimateLater.stop();
        work.close();
        estimates.close();
        Thread cleanup = new Thread(() -> {
            try {
                work.awaitStopped(10_000);
                estimates.awaitStopped(10_000);
                RunFolder folder = prepared.getAndSet(null);
                if (folder != null) folder.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                System.err.println("could not remove temporary export frames: " + e.getMessage());
            }
        }, "tempora-export-cleanup");
        cleanup.setDaemon(true);
        cleanup.start();
    }

    private VBox layout(Photo photo) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;

        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("formatChoice");
        format.getItems().setAll(ExportFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override public String toString(ExportFormat f) { return f == null ? "" : formatLabel(f); }
            @Override public ExportFormat fromString(String s) { return null; }
        });
        format.valueProperty().bindBidirectional(settings.formatProperty());
        grid.addRow(row++, new Label("Format"), format);

        Spinner<Integer> quality = intSpinner("qualitySpinner", 0, 51, settings.quantiserProperty());
        quality.setTooltip(new Tooltip("H.264 quantiser: lower is better and larger (MP4 only)"));
        quality.disableProperty().bind(settings.formatProperty().isNotEqualTo(ExportFormat.MP4));
        grid.addRow(row++, new Label("Quality (quantiser, lower = better)"), quality);

        ToggleGroup speed = new ToggleGroup();
        RadioButton byFps = new RadioButton("Frames a second");
        byFps.setId("fpsChoice");
        byFps.setToggleGroup(speed);
        RadioButton bySlow = new RadioButton("Times slower than real time");
        bySlow.setId("slowChoice");
        bySlow.setToggleGroup(speed);
        bySlow.setDisable(!settings.realTimeKnown());
        if (!settings.realTimeKnown()) bySlow.setTooltip(new Tooltip("The photo has no exposure time (EXIF), so real time is unknown"));
        speed.selectToggle(settings.speedProperty().get() == ExportSettings.Speed.SLOW_MOTION ? bySlow : byFps);
        speed.selectedToggleProperty().addListener((o, a, b) -> settings.speedProperty().set(b == bySlow ? ExportSettings.Speed.SLOW_MOTION : ExportSettings.Speed.FRAMES_PER_SECOND));
        settings.speedProperty().addListener((o, a, b) -> speed.selectToggle(b == ExportSettings.Speed.SLOW_MOTION ? bySlow : byFps));
        Spinner<Double> fps = doubleSpinner("fpsSpinner", 0.1, 1000, 1, settings.fpsProperty());
        Spinner<Double> slow = doubleSpinner("slowSpinner", 0.01, 1_000_000, 1, settings.slowMotionProperty());
        slow.setDisable(!settings.realTimeKnown());
        Label rate = new Label();
        rate.setId("rateText");
        rate.textProperty().bind(settings.rateProperty());
        grid.addRow(row++, byFps, fps);
        grid.addRow(row++, bySlow, slow);
        grid.add(rate, 1, row++);

        Spinner<Integer> loops = intSpinner("loopsSpinner", 0, 1000, settings.loopsProperty());
        grid.addRow(row++, new Label("Plays (0 = forever, GIF)"), loops);
        CheckBox pingPong = check("pingPongCheck", "Ping-pong (forward, then backward)", settings.pingPongProperty());
        CheckBox side = check("sideBySideCheck", "The photo side by side", settings.sideBySideProperty());
        CheckBox timeline = check("timelineCheck", "Burn in the timeline", settings.timelineProperty());
        for (Node n : List.of(loops, pingPong, side, timeline)) n.disableProperty().bind(sequence());
        grid.add(new VBox(4, pingPong, side, timeline), 1, row++);

        ComboBox<Boolean> palette = new ComboBox<>();
        palette.setId("paletteChoice");
        palette.getItems().setAll(false, true);
        palette.setConverter(new StringConverter<>() {
            @Override public String toString(Boolean perFrame) { return perFrame == null ? "" : perFrame ? "A palette per frame" : "One palette for the clip"; }
            @Override public Boolean fromString(String s) { return null; }
        });
        palette.setValue(settings.palettePerFrameProperty().get());
        palette.valueProperty().addListener((o, a, b) -> settings.palettePerFrameProperty().set(Boolean.TRUE.equals(b)));
        settings.palettePerFrameProperty().addListener((o, a, b) -> palette.setValue(b));
        CheckBox dither = check("ditherCheck", "Dither", settings.ditherProperty());
        Label size = new Label();
        size.setId("gifEstimate");
        size.textProperty().bind(estimate);
        for (Node n : List.of(palette, dither)) n.disableProperty().bind(settings.formatProperty().isNotEqualTo(ExportFormat.GIF));
        grid.addRow(row++, new Label("GIF colours"), new HBox(8, palette, dither));
        grid.addRow(row++, new Label("GIF size"), size);

        ComboBox<Integer> depth = new ComboBox<>();
        depth.setId("bitDepthChoice");
        depth.getItems().setAll(0, 8, 16);
        depth.setConverter(new StringConverter<>() {
            @Override public String toString(Integer d) { return d == null ? "" : d == 0 ? "As the frames" : d + "-bit"; }
            @Override public Integer fromString(String s) { return null; }
        });
        depth.setValue(settings.bitDepthProperty().get());
        depth.valueProperty().addListener((o, a, b) -> settings.bitDepthProperty().set(b == null ? 0 : b));
        settings.bitDepthProperty().addListener((o, a, b) -> depth.setValue(b.intValue()));
        depth.disableProperty().bind(settings.formatProperty().isNotEqualTo(ExportFormat.PNG));
        grid.addRow(row++, new Label("PNG bits per sample"), depth);

        TextField destination = new TextField();
        destination.setId("destinationField");
        HBox.setHgrow(destination, Priority.ALWAYS);
        destination.setText(String.valueOf(settings.destinationProperty().get()));
        settings.destinationProperty().addListener((o, a, b) -> destination.setText(b == null ? "" : b.toString()));
        destination.setOnAction(e -> takeDestination(destination.getText()));
        destination.focusedProperty().addListener((o, was, now) -> { if (!now) takeDestination(destination.getText()); });
        Button choose = new Button("Choose...");
        choose.setId("chooseDestinationButton");
        choose.setOnAction(e -> chooseDestination());
        HBox where = new HBox(8, destination, choose);
        grid.addRow(row++, new Label("Save to"), where);
        GridPane.setHgrow(where, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("exportProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(settings.problemProperty());

        Label depthNote = new Label("This " + photo.bitDepth() + "-bit photo's frames are exported from the engine at 16 bits "
                + "(choose 16-bit PNG or TIFF to keep them).");
        depthNote.setWrapText(true);
        depthNote.setVisible(photo.bitDepth() > 8);
        depthNote.setManaged(photo.bitDepth() > 8);

        Button exportButton = new Button("Export");
        exportButton.setId("exportButton");
        exportButton.setDefaultButton(true);
        exportButton.setOnAction(e -> export());
        exportButton.disableProperty().bind(ready.not().or(work.busyProperty()).or(settings.problemProperty().isNotEmpty()));
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("cancelExportButton");
        cancelButton.setOnAction(e -> cancel());
        cancelButton.disableProperty().bind(work.busyProperty().not());
        Button close = new Button("Close");
        close.setId("closeExportButton");
        close.setOnAction(e -> stage.hide());
        ProgressBar progress = new ProgressBar();
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(work.progressProperty());
        progress.visibleProperty().bind(work.busyProperty());
        Label stageText = new Label();
        stageText.textProperty().bind(work.stageProperty());
        HBox buttons = new HBox(8, exportButton, cancelButton, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label said = new Label();
        said.setId("exportMessage");
        said.setWrapText(true);
        said.textProperty().bind(message);
        Button play = new Button("Play");
        play.setId("playButton");
        play.setOnAction(e -> play());
        Button show = new Button("Open the containing folder");
        show.setId("showFolderButton");
        show.setOnAction(e -> {
            Exporter.Result r = result.get();
            if (r != null) message.set(message.get() + "\n" + ExportPlayer.openFolder(r.output().toAbsolutePath().getParent()));
        });
        play.visibleProperty().bind(result.isNotNull().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> resultFormat != null && !resultFormat.isSequence(), result)));
        show.visibleProperty().bind(result.isNotNull());
        HBox after = new HBox(8, play, show);

        VBox root = new VBox(10, grid, problem, depthNote, buttons, progress, stageText, said, after);
        root.setPadding(new Insets(12));
        return root;
    }

    private javafx.beans.binding.BooleanBinding sequence() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> settings.formatProperty().get().isSequence(), settings.formatProperty());
    }

    private void takeDestination(String text) {
        if (text == null || text.isBlank()) return;
        try {
            Path p = Path.of(text.strip());
            if (!p.equals(settings.destinationProperty().get())) settings.destinationProperty().set(p);
        } catch (java.nio.file.InvalidPathException e) {
            message.set("Not a usable file name: " + e.getMessage());
        }
    }

    static String formatLabel(ExportFormat f) {
        return switch (f) {
            case MP4 -> "MP4 video (H.264)";
            case GIF -> "Animated GIF";
            case PNG -> "PNG sequence";
            case TIFF -> "TIFF sequence (16-bit)";
        };
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty property) {
        Spinner<Integer> s = new Spinner<>(min, max, property.get());
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> { if (b != null) property.set(b); });
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    private static Spinner<Double> doubleSpinner(String id, double min, double max, double step, javafx.beans.property.DoubleProperty property) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step));
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> { if (b != null) property.set(b); });
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.doubleValue()));
        return s;
    }
}
