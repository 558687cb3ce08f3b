package org.tempora.app;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The main window's content: menu and error banner on top, the preview in the middle, plan controls, Generate
 * and the photo's facts on the right, the timeline with playback underneath. All state lives in
 * {@link SessionModel}; this class only lays out and binds.
 */
public final class MainView extends BorderPane {
    private final SessionModel session;
    private final InspectView inspect;
    private final AppPreferences prefs;
    private final PlaybackControls playback;
    private final ThemeSwitch theme; // held here: the menu's bidirectional binding keeps only a weak reference to it
    private final WindowEngines engines;
    private final boolean ownsEngines;
    private final MotionOverlay motion;

    /** A window that remembers nothing between runs (tests, a second window). */
    public MainView(SessionModel session) { this(session, AppPreferences.throwaway()); }

    /** A window that remembers recent photos, the last folder, the theme and the engine in {@code prefs}, on this installation's engines. */
    public MainView(SessionModel session, AppPreferences prefs) { this(session, prefs, WindowEngines.forThisInstallation(), true); }

    /** A window whose engine list is {@code engines}; the caller closes them once the session's work has stopped. */
    public MainView(SessionModel session, AppPreferences prefs, WindowEngines engines) { this(session, prefs, engines, false); }

    private MainView(SessionModel session, AppPreferences prefs, WindowEngines engines, boolean ownsEngines) {
        this.engines = engines;
        this.ownsEngines = ownsEngines;
        this.session = session;
        this.inspect = new InspectView(session);
        this.motion = new MotionOverlay(session);
        inspect.setMotion(motion);
        this.prefs = prefs;
        this.playback = new PlaybackControls(session);
        this.theme = new ThemeSwitch(this, prefs);
        MenuBar menus = menus();
        setTop(new VBox(menus, errorBanner()));
        setCenter(preview());
        setRight(sidePanel());
        setBottom(timeline(theme));
        menus.getMenus().addAll(WindowMenus.create(this, session, playback, theme, menus));
        // A photo becomes recent once it has opened (a file that failed to read is not offered again); its folder is where
        // the file chooser starts next time.
        session.photoProperty().addListener((o, was, now) -> {
            if (now == null || now.source() == null) return;
            prefs.addRecent(now.source());
            Path folder = now.source().toAbsolutePath().getParent();
            if (folder != null) prefs.setLastFolder(folder);
        });
    }

    /**
     * Stops playback; the window is closing. Engines this view made itself are closed once the session's work has
     * stopped (cancelled here); engines given to it are the giver's to close.
     */
    public void dispose() {
        playback.stop();
        motion.close();
        if (!ownsEngines) return;
        session.close();
        if (session.awaitStopped(STOP_WAIT_MS)) engines.close();
        // else a stuck native call still uses the engine: closing it under that call could crash, and the process frees it
    }

    /** How long closing waits for cancelled work: an engine stops within a second of a cancel. */
    static final long STOP_WAIT_MS = 3000;

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open photo...");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> { if (getScene() != null) getScene().getWindow().hide(); });
        MenuItem generate = new MenuItem("Generate");
        generate.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN));
        generate.setOnAction(e -> session.generate());
        generate.disableProperty().bind(generateBlocked());
        MenuItem cancel = new MenuItem("Cancel");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        cancel.setOnAction(e -> session.cancel());
        cancel.disableProperty().bind(session.tasks().busyProperty().not());
        RecentFilesMenu recent = new RecentFilesMenu(prefs, this::open, session.errorProperty()::set);
        MenuItem savePicture = new MenuItem("Export motion view as PNG...");
        savePicture.setId("exportMotionItem");
        savePicture.setOnAction(e -> chooseAndSave("Export the motion view", motion.suggestedPictureName(), "PNG picture", "*.png", motion::savePicture));
        savePicture.disableProperty().bind(motion.readyProperty().not());
        MenuItem saveFlow = new MenuItem("Export flow (.flo)...");
        saveFlow.setId("exportFlowItem");
        saveFlow.setOnAction(e -> chooseAndSave("Export the flow of this pair", motion.suggestedFlowName(), "Middlebury optical flow", "*.flo", motion::saveFlow));
        saveFlow.disableProperty().bind(motion.readyProperty().not());
        Menu view = inspect.menu();
        view.getItems().addAll(new SeparatorMenuItem(), MotionPanel.menu(motion));
        MenuItem export = new MenuItem("Export...");
        export.setId("exportItem");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> ExportDialog.open(getScene() == null ? null : getScene().getWindow(), session, ExportPrompts.system()));
        export.disableProperty().bind(session.completedRunProperty().isNull().or(session.tasks().busyProperty()));
        return new MenuBar(new Menu("File", null, open, recent, export, new SeparatorMenuItem(), savePicture, saveFlow, new SeparatorMenuItem(), quit),
                new Menu("Run", null, generate, cancel), view);
    }

    /** The motion overlay's state, for tests and the benchmark. */
    MotionOverlay motion() { return motion; }

    /**
     * Asks where to save, starting in the last photo's folder. The platform's save dialog asks before replacing a file
     * (JavaFX's GTK dialog sets do_overwrite_confirmation; Windows' and macOS's save panels ask by default); the
     * overlay refuses the photo itself.
     */
    private void chooseAndSave(String title, String name, String kind, String pattern, java.util.function.Consumer<Path> save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        prefs.lastFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) save.accept(file.toPath());
    }

    private javafx.beans.binding.BooleanBinding generateBlocked() {
        return session.tasks().busyProperty().or(session.photoProperty().isNull()).or(session.plan().planProperty().isNull());
    }

    private HBox errorBanner() {
        Label text = new Label();
        text.setId("errorText");
        text.setWrapText(true);
        text.textProperty().bind(session.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setTooltip(new Tooltip("Hide this message"));
        dismiss.setAccessibleText("Dismiss the message");
        dismiss.setOnAction(e -> session.errorProperty().set(""));
        HBox banner = new HBox(12, text, dismiss);
        banner.setId("errorBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.setStyle("-fx-background-color: #fde2e1; -fx-border-color: #e0a0a0; -fx-border-width: 0 0 1 0;");
        banner.visibleProperty().bind(session.errorProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private StackPane preview() {
        InspectView view = inspect; // zoom, pan, A/B split, re-blur check, blur trace
        view.setId("preview");
        view.setAccessibleText("Preview: the photo, or the frame selected on the timeline");
        Label hint = new Label("Open a motion-blurred photo to see the moments of its exposure.\nDrop a file here, or:");
        hint.setId("hint");
        hint.setWrapText(true);
        Button open = new Button("Open photo");
        open.setId("openButton");
        open.setTooltip(new Tooltip("Open a photo (Ctrl+O)"));
        open.setAccessibleText("Open photo");
        open.setOnAction(e -> chooseAndOpen());
        VBox welcome = new VBox(12, hint, open);
        welcome.setId("welcome");
        welcome.setAlignment(Pos.CENTER);
        welcome.visibleProperty().bind(session.photoProperty().isNull());
        StackPane pane = new StackPane(view, welcome);
        pane.setMinSize(200, 150);
        pane.setStyle("-fx-background-color: #2b2b2b;");
        hint.setStyle("-fx-text-fill: #e8e8e8; -fx-font-size: 14px;");
        pane.setOnDragOver(this::dragOver);
        pane.setOnDragDropped(this::dropped);
        return pane;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
        if (ok) open(e.getDragboard().getFiles().get(0).toPath());
        e.setDropCompleted(ok);
        e.consume();
    }

    private ScrollPane sidePanel() {
        PlanControls plan = new PlanControls(session.plan());
        Button generate = new Button("Generate");
        generate.setId("generateButton");
        generate.setDefaultButton(false);
        generate.setMaxWidth(Double.MAX_VALUE);
        Tooltip generateTip = new Tooltip();
        generateTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Generate the frames with the " + session.engine().id() + " engine (Ctrl+G)", session.engineProperty()));
        generate.setTooltip(generateTip);
        generate.setAccessibleText("Generate frames");
        generate.setOnAction(e -> session.generate());
        generate.disableProperty().bind(generateBlocked());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Stop the running work (Esc)"));
        cancel.setAccessibleText("Cancel the running work");
        cancel.setOnAction(e -> session.cancel());
        cancel.disableProperty().bind(session.tasks().busyProperty().not());
        HBox buttons = new HBox(8, generate, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(session.tasks().progressProperty());
        progress.visibleProperty().bind(session.tasks().busyProperty());
        progress.setAccessibleText("Progress of the running work");
        Label stage = new Label();
        stage.setId("stageText");
        stage.textProperty().bind(session.tasks().stageProperty());
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(session.statusProperty());
        VBox run = new VBox(6, buttons, progress, stage, new TimeLeftLabel(session.tasks()), status);
        run.setPadding(new Insets(8));
        PhotoInfoPanel info = new PhotoInfoPanel();
        session.photoProperty().addListener((o, a, b) -> info.show(b));
        EnginePanel enginePanel = new EnginePanel(session, engines, prefs);
        VBox side = new VBox(4, plan, enginePanel, run, new SampleStrip(session), new MotionPanel(motion), info);
        side.setPrefWidth(340);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(340);
        return scroll;
    }

    private VBox timeline(ThemeSwitch theme) {
        TimelineBand band = new TimelineBand();
        band.setId("timeline");
        band.darkProperty().bind(theme.darkProperty());
        band.planProperty().bind(session.timelinePlanProperty());
        band.selectedProperty().set(session.selectedFrameProperty().get());
        band.selectedProperty().addListener((o, a, b) -> session.select(b.intValue()));
        session.selectedFrameProperty().addListener((o, a, b) -> band.selectedProperty().set(b.intValue()));
        session.framesReadyProperty().addListener((o, a, b) -> band.setReady(session.readyFrames()));
        session.timelinePlanProperty().addListener((o, a, b) -> {
            band.setReady(session.readyFrames());
            band.setConfidence(session.frameConfidence());
        });
        session.completedRunProperty().addListener(o -> band.setConfidence(session.frameConfidence()));
        band.editableProperty().bind(session.plan().modeProperty().isEqualTo(PlanMode.CUSTOM).and(session.tasks().busyProperty().not()));
        band.setOnEdgeDragged(session.plan()::moveEdge);

        Label caption = new Label();
        caption.setId("caption");
        caption.textProperty().bind(session.captionProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(8, playback, spacer, caption);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, band, controls);
        box.setPadding(new Insets(6, 8, 8, 8));
        return box;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a blurred photo");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Photos", "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff", "*.bmp", "*.gif",
                        "*.JPG", "*.JPEG", "*.PNG", "*.TIF", "*.TIFF", "*.BMP", "*.GIF"),
                new FileChooser.ExtensionFilter("All files", "*"));
        prefs.lastFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) open(file.toPath());
    }

    private void open(Path file) { session.open(file); }
}
