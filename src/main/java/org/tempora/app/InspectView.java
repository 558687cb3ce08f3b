package org.tempora.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.Trajectory;
import org.tempora.export.KernelPicture;

/**
 * The picture area and its inspection tools: zoom and pan shared by every picture shown (wheel, Ctrl+Plus/Minus,
 * Ctrl+0 to fit, drag to pan); an A/B split of photo and frame (Ctrl+B); the re-blur check, the mean of the
 * exposure's frames beside the photo with a difference heat map and the PSNR (Ctrl+R); and the blur trace, the
 * kernel and the camera path over the photo (Ctrl+T); the blur region, a part of the photo dragged out for the
 * classical engine to estimate the blur from (Ctrl+K). The numbers come from plain classes ({@link ReblurCheck},
 * {@link BlurTrace}, {@link ViewTransform}); this class lays out and draws.
 */
public final class InspectView extends BorderPane {
    /** What the picture area shows. */
    enum Mode { FRAME, SPLIT, REBLUR, TRACE, REGION }

    private static final double DIVIDER_GRAB = 8, KERNEL_SIDE = 128;
    private static final Map<TimelineScale.Era, Color> ERA_COLOURS =
            Map.of(TimelineScale.Era.PAST, TimelineBand.PAST, TimelineScale.Era.PRESENT, TimelineBand.PRESENT, TimelineScale.Era.FUTURE, TimelineBand.FUTURE);

    private final SessionModel session;
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(this, "transform", new ViewTransform(1, 0, 0));
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.FRAME);
    private final ImagePane main = pane("inspectMain");
    private final ImagePane photoPane = pane("inspectPhoto"), meanPane = pane("inspectMean"), heatPane = pane("inspectHeat");
    private final VBox reblurBox;
    private final Label zoom = new Label("100 %"), info = new Label(), psnr = new Label();
    private final ToggleButton split = toggle("A/B split", "splitButton", Mode.SPLIT,
            "Photo left, frame right, over the same region; drag the divider (Ctrl+B)");
    private final ToggleButton reblur = toggle("Re-blur check", "reblurButton", Mode.REBLUR,
            "The mean of the exposure's frames beside the photo, where they differ, and the PSNR (Ctrl+R)");
    private final ToggleButton trace = toggle("Blur trace", "traceButton", Mode.TRACE,
            "The estimated kernel and the camera path over the photo; click to move the path (Ctrl+T)");
    private final ToggleButton region = toggle("Blur region", "regionButton", Mode.REGION,
            "Choose the part of the photo the blur is estimated from: drag a rectangle over it; right-drag pans (Ctrl+K)");
    private final Button wholePhoto = new Button("Whole photo");
    private final BooleanBinding splitOff, reblurOff, traceOff, regionOff; // a mode is off until what it shows exists
    private final List<CheckMenuItem> ticks = new ArrayList<>();
    // One object each, so setting the same overlay again is no change and draws nothing twice.
    private final ImagePane.Overlay traceOverlay = this::paintTrace, regionOverlay = this::paintRegion;
    private final ImagePane.Overlay motionOverlay = (g, t, w, h) -> {
        Image base = this.main.imageProperty().get();
        if (this.motion != null && base != null) this.motion.paint(g, t, w, h, base.getWidth(), base.getHeight());
    };
    private boolean fitted = true;
    private double viewWidth, viewHeight;
    private double pressX, pressY;
    private boolean draggingDivider;
    private boolean selecting; // a blur region being dragged out
    private double selectX, selectY, selectToX, selectToY; // its corners in photo coordinates
    private String regionMessage = ""; // why the last dragged region was refused
    private List<BlurPart> unevenParts = List.of(); // the last comparing run's parts blurred differently, this photo's
    private static final Color[] PART_COLOURS = {Color.rgb(255, 196, 0), Color.rgb(0, 200, 255), Color.rgb(255, 90, 200), Color.rgb(120, 230, 80)};
    private RunCapture checkStarted, checkDone; // the runs whose re-blur check was started, and finished
    private double anchorX = Double.NaN, anchorY = Double.NaN; // the trace's photo point; NaN = the photo's centre
    private Image kernelImage;
    private RunCapture kernelRun;
    private MotionOverlay motion; // drawn over the frame view when set and on

    public InspectView(SessionModel session) {
        this.session = session;
        setTop(toolbar());
        reblurBox = reblurPanes();
        StackPane centre = new StackPane(main, reblurBox);
        setCenter(centre);
        info.setId("inspectInfo");
        info.setStyle("-fx-text-fill: #e8e8e8;");
        info.setPadding(new Insets(2, 8, 4, 8));
        info.visibleProperty().bind(info.textProperty().isNotEmpty());
        info.managedProperty().bind(info.visibleProperty());
        setBottom(info);
        for (ImagePane p : List.of(main, photoPane, meanPane, heatPane)) p.transformProperty().bind(transform);
        main.visibleProperty().bind(mode.isNotEqualTo(Mode.REBLUR));
        reblurBox.visibleProperty().bind(mode.isEqualTo(Mode.REBLUR));
        for (ImagePane p : List.of(main, photoPane)) {
            p.widthProperty().addListener(o -> resized());
            p.heightProperty().addListener(o -> resized());
        }
        transform.addListener((o, a, b) -> zoom.setText(String.format(Locale.ROOT, "%.0f %%", 100 * b.scale())));

        session.photoImageProperty().addListener((o, a, b) -> {
            fitted = true;
            anchorX = anchorY = Double.NaN;
            regionMessage = "";
            unevenParts = List.of();
            refit();
        });
        session.shownImageProperty().addListener(o -> refresh());
        session.shownFrameProperty().addListener(o -> refresh());
        session.completedRunProperty().addListener(o -> { keepUnevenParts(); leaveIfUnavailable(); startReblurCheck(); refresh(); });
        session.framesReadyProperty().addListener(o -> leaveIfUnavailable());
        session.tasks().busyProperty().addListener((o, a, busy) -> { if (!busy) startReblurCheck(); });
        splitOff = session.framesReadyProperty().isEqualTo(0);
        reblurOff = session.completedRunProperty().isNull();
        traceOff = Bindings.createBooleanBinding(
                () -> session.completedRunProperty().get() == null || session.completedRunProperty().get().trajectory().isEmpty(),
                session.completedRunProperty());
        regionOff = Bindings.createBooleanBinding(
                () -> session.photoProperty().get() == null || !SessionModel.whyNoBlurRegion(session.engine()).isEmpty(),
                session.photoProperty(), session.engineProperty());
        region.disableProperty().bind(regionOff);
        regionOff.addListener((o, was, off) -> leaveIfUnavailable()); // a change listener: keeps the binding evaluated
        session.blurRegionProperty().addListener(o -> refresh());
        session.knownKernelProperty().addListener(o -> refresh());
        wholePhoto.setId("wholePhotoButton");
        wholePhoto.setTooltip(new Tooltip("Estimate the blur from the whole photo again"));
        wholePhoto.setAccessibleText("Estimate the blur from the whole photo");
        wholePhoto.setOnAction(e -> {
            regionMessage = "";
            session.chooseBlurRegion(null);
        });
        wholePhoto.visibleProperty().bind(mode.isEqualTo(Mode.REGION).and(session.blurRegionProperty().isNotNull()));
        wholePhoto.managedProperty().bind(wholePhoto.visibleProperty());
        split.disableProperty().bind(splitOff);
        reblur.disableProperty().bind(reblurOff);
        trace.disableProperty().bind(traceOff);
        mode.addListener((o, a, b) -> {
            if (b == Mode.REBLUR) checkStarted = checkDone; // re-entering the check retries one that failed or was cancelled
            regionMessage = "";
            showModeOnControls();
            resized();
            startReblurCheck();
            refresh();
        });
        sceneProperty().addListener((o, a, b) -> addAlternateKeys(b));
        refresh();
    }

    /** The View menu: zoom, fit and the inspection modes with their shortcuts. */
    public Menu menu() {
        MenuItem in = item("Zoom in", new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoomBy(ViewTransform.STEP));
        MenuItem out = item("Zoom out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoomBy(1 / ViewTransform.STEP));
        MenuItem fit = item("Fit to window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::fit);
        for (MenuItem m : List.of(in, out, fit)) m.disableProperty().bind(session.photoProperty().isNull());
        Menu view = new Menu("View", null, in, out, fit, new SeparatorMenuItem(),
                check(split, KeyCode.B), check(reblur, KeyCode.R), check(trace, KeyCode.T), check(region, KeyCode.K));
        return view;
    }

    /** Ctrl+= and the keypad's +, - and 0 do what the menu's Ctrl+Plus, Ctrl+Minus and Ctrl+0 do, on every layout. */
    private void addAlternateKeys(Scene scene) {
        if (scene == null) return;
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoomBy(ViewTransform.STEP));
        keys.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> zoomBy(ViewTransform.STEP));
        keys.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoomBy(1 / ViewTransform.STEP));
        keys.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), this::fit);
    }

    Mode mode() { return mode.get(); }

    /** Shows {@code overlay} over the plain frame view (not over the split, re-blur check or blur trace) and hands it clicks. */
    void setMotion(MotionOverlay overlay) {
        motion = overlay;
        overlay.onChanged(this::motionChanged);
        refresh();
    }

    /** The motion overlay changed what it draws: put the right picture under it and draw again. */
    private void motionChanged() {
        refresh();
        main.redraw();
    }

    private boolean motionShowing() { return motion != null && mode.get() == Mode.FRAME && motion.showing(); }
    ViewTransform transform() { return transform.get(); }

    /** Zooms about the centre of the picture area. */
    void zoomBy(double factor) {
        if (session.photoImageProperty().get() == null) return;
        fitted = false;
        transform.set(transform.get().zoomAbout(factor, viewWidth / 2, viewHeight / 2));
    }

    /** Shows the whole picture again. */
    void fit() {
        fitted = true;
        refit();
    }

    private ToolBar toolbar() {
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setTooltip(new Tooltip("Show the whole picture (Ctrl+0)"));
        fit.setOnAction(e -> fit());
        Button out = new Button("\u2212");
        out.setId("zoomOutButton");
        out.setTooltip(new Tooltip("Zoom out (Ctrl+Minus)"));
        out.setAccessibleText("Zoom out");
        out.setOnAction(e -> zoomBy(1 / ViewTransform.STEP));
        Button in = new Button("+");
        in.setId("zoomInButton");
        in.setTooltip(new Tooltip("Zoom in (Ctrl+Plus); the mouse wheel zooms about the pointer, dragging pans"));
        in.setAccessibleText("Zoom in");
        in.setOnAction(e -> zoomBy(ViewTransform.STEP));
        zoom.setId("zoomLevel");
        zoom.setMinWidth(52);
        zoom.setAlignment(Pos.CENTER);
        ToolBar bar = new ToolBar(fit, out, zoom, in, new Separator(), split, reblur, trace, region, wholePhoto);
        bar.visibleProperty().bind(session.photoProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private VBox reblurPanes() {
        psnr.setId("psnr");
        psnr.setWrapText(true);
        psnr.setStyle("-fx-text-fill: #e8e8e8; -fx-font-size: 13px;");
        HBox row = new HBox(6, titled("Photo", photoPane), titled("Mean of the exposure's frames", meanPane),
                titled("Difference (white: 10% or more)", heatPane));
        VBox.setVgrow(row, Priority.ALWAYS);
        VBox box = new VBox(6, psnr, row);
        box.setPadding(new Insets(6));
        return box;
    }

    private static VBox titled(String title, ImagePane pane) {
        Label caption = new Label(title); // one line in every column, so the pictures line up
        caption.setMinWidth(0);
        caption.setStyle("-fx-text-fill: #e8e8e8;");
        VBox box = new VBox(4, caption, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        box.setPrefWidth(100); // equal shares of the row whatever the titles' lengths
        return box;
    }

    private ImagePane pane(String id) {
        ImagePane p = new ImagePane();
        p.setId(id);
        p.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(p, e));
        p.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragged(p, e));
        p.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released(p, e));
        p.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> clicked(e));
        p.addEventHandler(MouseEvent.MOUSE_MOVED, e -> p.setCursor(nearDivider(p, e.getX()) ? Cursor.H_RESIZE : Cursor.DEFAULT));
        p.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (session.photoImageProperty().get() == null || e.getDeltaY() == 0) return;
            fitted = false;
            // One wheel notch (40 units) zooms by about 15 %.
            transform.set(transform.get().zoomAbout(Math.pow(2, e.getDeltaY() / 200), e.getX(), e.getY()));
            e.consume();
        });
        return p;
    }

    private ToggleButton toggle(String text, String id, Mode target, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(target);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> toggleMode(target));
        return b;
    }

    private CheckMenuItem check(ToggleButton button, KeyCode key) {
        CheckMenuItem item = new CheckMenuItem(button.getText());
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.disableProperty().bind(button.disableProperty());
        Mode target = (Mode) button.getUserData();
        // The menu flips its own tick before the action; the mode decides what it shows.
        item.setOnAction(e -> toggleMode(target));
        item.setUserData(target);
        item.setSelected(mode.get() == target);
        ticks.add(item);
        return item;
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(keys);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Enters {@code target}, or leaves it for the plain frame view when it is already on. */
    void toggleMode(Mode target) {
        if (mode.get() == target) mode.set(Mode.FRAME);
        else if (available(target)) mode.set(target);
        showModeOnControls();
    }

    private void showModeOnControls() {
        for (ToggleButton t : List.of(split, reblur, trace, region)) t.setSelected(t.getUserData() == mode.get());
        for (CheckMenuItem m : ticks) m.setSelected(m.getUserData() == mode.get());
    }

    private boolean available(Mode m) {
        return switch (m) {
            case FRAME -> true;
            case SPLIT -> !splitOff.get();
            case REBLUR -> !reblurOff.get();
            case TRACE -> !traceOff.get();
            case REGION -> !regionOff.get();
        };
    }

    private void leaveIfUnavailable() {
        if (!available(mode.get())) mode.set(Mode.FRAME);
    }

    /** The pane whose size the zoom is fitted to: the re-blur check's panes are narrower than the single view. */
    private ImagePane activePane() { return mode.get() == Mode.REBLUR ? photoPane : main; }

    private void resized() {
        ImagePane p = activePane();
        double w = p.getWidth(), h = p.getHeight();
        if (w <= 0 || h <= 0) return;
        if (fitted) {
            viewWidth = w;
            viewHeight = h;
            refit();
            return;
        }
        // Keep the same photo point in the middle when the view changes size.
        ViewTransform t = transform.get().panBy((w - viewWidth) / 2, (h - viewHeight) / 2);
        viewWidth = w;
        viewHeight = h;
        transform.set(t);
    }

    private void refit() {
        Image photo = session.photoImageProperty().get();
        if (photo == null || viewWidth <= 0 || viewHeight <= 0) return;
        transform.set(ViewTransform.fit(photo.getWidth(), photo.getHeight(), viewWidth, viewHeight));
    }

    private boolean nearDivider(ImagePane p, double x) {
        return p.rightProperty().get() != null && Math.abs(x - p.dividerX()) <= DIVIDER_GRAB;
    }

    private void pressed(ImagePane p, MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        draggingDivider = nearDivider(p, e.getX());
        // Choosing a blur region, the main button drags out a rectangle; the others still pan.
        selecting = !draggingDivider && mode.get() == Mode.REGION && e.getButton() == MouseButton.PRIMARY
                && session.photoImageProperty().get() != null;
        if (selecting) {
            ViewTransform t = transform.get();
            selectX = selectToX = t.imageX(e.getX());
            selectY = selectToY = t.imageY(e.getY());
        }
        p.setCursor(draggingDivider ? Cursor.H_RESIZE : selecting ? Cursor.CROSSHAIR : Cursor.MOVE);
    }

    /** The end of a drag that chose a blur region: the session takes it, or says why not under the picture. */
    private void released(ImagePane p, MouseEvent e) {
        draggingDivider = false;
        p.setCursor(Cursor.DEFAULT);
        if (!selecting) return;
        selecting = false;
        Image photo = session.photoImageProperty().get();
        if (photo == null || e.isStillSincePress()) {
            main.redraw();
            return;
        }
        EngineOptions.Region picked = BlurRegionPick.fromCorners(selectX, selectY, selectToX, selectToY,
                (int) photo.getWidth(), (int) photo.getHeight());
        regionMessage = picked == null ? "That rectangle lies outside the photo: drag over the photo." : session.chooseBlurRegion(picked);
        refresh();
        main.redraw();
    }

    private void dragged(ImagePane p, MouseEvent e) {
        if (selecting) {
            ViewTransform t = transform.get();
            selectToX = t.imageX(e.getX());
            selectToY = t.imageY(e.getY());
            main.redraw();
        } else if (draggingDivider) {
            p.dividerProperty().set(Math.max(0, Math.min(1, e.getX() / Math.max(1, p.getWidth()))));
        } else if (session.photoImageProperty().get() != null) {
            fitted = false;
            transform.set(transform.get().panBy(e.getX() - pressX, e.getY() - pressY));
        }
        pressX = e.getX();
        pressY = e.getY();
    }

    /** A click (no drag) in the blur trace moves the path to the photo point clicked; over point tracks it adds a point. */
    private void clicked(MouseEvent e) {
        Image photo = session.photoImageProperty().get();
        if (!e.isStillSincePress() || photo == null) return;
        ViewTransform t = transform.get();
        Image base = main.imageProperty().get();
        if (motionShowing() && motion.picksPoints() && base != null) {
            motion.pick(t.imageX(e.getX()), t.imageY(e.getY()), base.getWidth(), base.getHeight());
            return;
        }
        if (mode.get() == Mode.REGION) {
            if (e.getButton() == MouseButton.PRIMARY) pickPart(t.imageX(e.getX()), t.imageY(e.getY())); // the others pan
            return;
        }
        if (mode.get() != Mode.TRACE) return;
        anchorX = Math.max(0, Math.min(photo.getWidth(), t.imageX(e.getX())));
        anchorY = Math.max(0, Math.min(photo.getHeight(), t.imageY(e.getY())));
        main.redraw();
    }

    /** Puts the pictures of the current mode in place. */
    private void refresh() {
        Image photo = session.photoImageProperty().get(), shown = session.shownImageProperty().get();
        Mode m = mode.get();
        boolean overPhoto = motionShowing() && motion.overPhotoProperty().get();
        main.imageProperty().set(m == Mode.SPLIT || m == Mode.TRACE || m == Mode.REGION || overPhoto ? photo : shown);
        main.rightProperty().set(m == Mode.SPLIT ? shown : null);
        main.leftNameProperty().set("Photo");
        int frame = session.shownFrameProperty().get();
        main.rightNameProperty().set(frame >= 0 ? "Frame " + (frame + 1) : "Photo");
        main.overlayProperty().set(m == Mode.TRACE ? traceOverlay : m == Mode.REGION ? regionOverlay : motionShowing() ? motionOverlay : null);
        photoPane.imageProperty().set(photo);
        info.setText(switch (m) {
            case FRAME -> motionShowing() ? motion.hint() : regionReminder();
            case SPLIT -> "Drag the divider to compare";
            case REBLUR -> "Difference: the largest over the colours of the photo's and the mean's display values; black where they agree";
            case TRACE -> "Camera path: red before, green during, blue after the exposure; click the photo to move it";
            case REGION -> regionHint();
        });
        if (m == Mode.TRACE || m == Mode.REGION) main.redraw();
    }

    /**
     * Takes the parts of a finished classical run that compared the photo's parts (one given a region does not), so the
     * outlines stay while the user generates from one of them.
     */
    private void keepUnevenParts() {
        RunCapture run = session.completedRunProperty().get();
        if (run == null || run.kernel().isEmpty()) return;
        if (run.request().map(r -> r.options().region().isEmpty()).orElse(false)) unevenParts = run.unevenParts();
    }

    /** The parts blurred differently that the blur-region mode outlines; empty when the last comparison found none. */
    List<BlurPart> unevenParts() { return unevenParts; }

    /** A click in the blur-region mode on an outlined part chooses it. */
    private void pickPart(double px, double py) {
        for (BlurPart part : unevenParts) {
            if (!part.contains(px, py)) continue;
            regionMessage = session.chooseBlurRegion(new EngineOptions.Region(part.x(), part.y(), part.width(), part.height()));
            refresh();
            return;
        }
    }

    /** Under the frame view while a blur region is chosen: it applies to the next run though not drawn here. */
    private String regionReminder() {
        boolean chosen = session.blurRegionProperty().get() != null || session.knownKernelProperty().get() != null;
        return !chosen || !SessionModel.whyNoBlurRegion(session.engine()).isEmpty() ? ""
                : "Blur " + session.blurSource() + " (Blur region, Ctrl+K, or the side panel's Blur row to change)";
    }

    /** What the blur-region mode says under the picture: the last refusal, else the part chosen and what it does. */
    private String regionHint() {
        if (!regionMessage.isEmpty()) return regionMessage;
        EngineOptions.Region r = session.blurRegionProperty().get();
        if (r == null && session.knownKernelProperty().get() != null) {
            return "Blur " + session.blurSource() + "; drag a rectangle to estimate it from a part of the photo instead";
        }
        if (r == null && !unevenParts.isEmpty()) {
            return "The blur differs between the outlined parts: click one to estimate the blur from it, or drag your own rectangle";
        }
        if (r == null) {
            return "Drag a rectangle over a part whose blur is typical, with edges in several directions: Generate estimates the blur there";
        }
        return "Generate estimates the blur from " + BlurRegionPick.describe(r) + " and removes it everywhere; drag again, or Whole photo";
    }

    /** The blur region (or the one being dragged) over the photo, the rest dimmed. */
    private void paintRegion(GraphicsContext g, ViewTransform t, double w, double h) {
        for (BlurPart part : unevenParts) {
            double x0 = t.viewX(part.x()), y0 = t.viewY(part.y());
            g.setStroke(PART_COLOURS[part.group() % PART_COLOURS.length]);
            g.setLineWidth(3);
            g.setLineDashes(8, 6);
            g.strokeRect(x0 + 2, y0 + 2, t.scale() * part.width() - 4, t.scale() * part.height() - 4); // inset: neighbours' edges stay apart
            g.setLineDashes();
            ImagePane.label(g, BlurPart.blurName(part.group()), x0 + 8, y0 + 8);
        }
        EngineOptions.Region r = session.blurRegionProperty().get();
        double x0, y0, x1, y1;
        if (selecting) {
            x0 = Math.min(selectX, selectToX);
            y0 = Math.min(selectY, selectToY);
            x1 = Math.max(selectX, selectToX);
            y1 = Math.max(selectY, selectToY);
        } else if (r != null) {
            x0 = r.x();
            y0 = r.y();
            x1 = r.x() + r.width();
            y1 = r.y() + r.height();
        } else {
            return;
        }
        double vx0 = t.viewX(x0), vy0 = t.viewY(y0), vx1 = t.viewX(x1), vy1 = t.viewY(y1);
        g.setFill(Color.rgb(0, 0, 0, 0.45)); // the parts that do not count, dimmed
        g.fillRect(0, 0, w, Math.max(0, vy0));
        g.fillRect(0, vy1, w, Math.max(0, h - vy1));
        g.fillRect(0, vy0, Math.max(0, vx0), vy1 - vy0);
        g.fillRect(vx1, vy0, Math.max(0, w - vx1), vy1 - vy0);
        String label = "Blur from here";
        boolean tooSmall = false;
        Image photo = session.photoImageProperty().get();
        if (selecting && photo != null) { // the rectangle being dragged: its size, and the size it needs while too small
            int pw = (int) photo.getWidth(), ph = (int) photo.getHeight(), need = BlurRegionPick.minSide(pw, ph);
            EngineOptions.Region dragged = BlurRegionPick.fromCorners(selectX, selectY, selectToX, selectToY, pw, ph);
            tooSmall = !BlurRegionPick.whyNot(dragged, pw, ph).isEmpty();
            label = dragged == null ? "" : dragged.width() + " x " + dragged.height() + " px" + (tooSmall ? " (needs " + need + " x " + need + ")" : "");
        }
        g.setStroke(tooSmall ? Color.rgb(255, 90, 80) : Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeRect(vx0, vy0, vx1 - vx0, vy1 - vy0);
        ImagePane.label(g, label, vx0 + 4, Math.max(vy0 + 4, vy1 - 26)); // below a part's own label
    }

    /** Runs the re-blur check of the last complete run off the FX thread, once per run, while its view is open. */
    private void startReblurCheck() {
        RunCapture run = session.completedRunProperty().get();
        // Started once per run: a job's end makes the task layer idle before its outcome arrives.
        if (mode.get() != Mode.REBLUR || run == null || run == checkStarted || session.tasks().busyProperty().get()) return;
        checkStarted = run;
        int frames = run.exposureMean().added();
        meanPane.imageProperty().set(null);
        heatPane.imageProperty().set(null);
        if (frames == 0) {
            checkDone = run;
            psnr.setText("No frame of this plan lies inside the exposure [-0.5, 0.5], so there is nothing to re-blur: "
                    + "choose Present or Past-Present-Future and generate again.");
            return;
        }
        psnr.setText("Comparing the mean of " + frames + " frames with the photo...");
        session.tasks().run("Re-blur check", (reporter, cancel) -> ReblurCheck.of(run.photo(), run.exposureMean().mean(), frames, cancel),
                new FxTasks.Outcome<>() {
                    @Override public void succeeded(ReblurCheck check) {
                        checkDone = run;
                        meanPane.imageProperty().set(SessionModel.toImage(check.mean()));
                        heatPane.imageProperty().set(SessionModel.toImage(check.heatMap()));
                        psnr.setText(describe(check));
                    }

                    @Override public void failed(String message) {
                        psnr.setText("");
                        session.errorProperty().set(message);
                    }

                    @Override public void cancelled() { psnr.setText("Re-blur check cancelled."); }
                });
    }

    static String describe(ReblurCheck check) {
        String head = String.format(Locale.ROOT, "PSNR %.1f dB: the mean of the %d exposure frames against the photo", check.psnrDb(), check.frames());
        if (check.identical()) return head + " (the same picture: the frames account for the whole blur).";
        return head + String.format(Locale.ROOT, "; largest difference %.1f%% of full brightness.", 100 * check.largestDifference());
    }

    /**
     * The camera path over the photo at the chosen point, and the kernel enlarged in the top right corner; where the
     * run rendered parts of the photo each with its own blur, each part's path at the part's centre instead.
     */
    private void paintTrace(GraphicsContext g, ViewTransform t, double w, double h) {
        RunCapture run = session.completedRunProperty().get();
        Image photo = session.photoImageProperty().get();
        if (run == null || photo == null || run.trajectory().isEmpty()) return;
        g.setLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        if (!run.partBlurs().isEmpty()) {
            for (BlurPart part : run.unevenParts()) {
                if (part.group() >= run.partBlurs().size()) continue;
                double px = part.x() + part.width() / 2.0, py = part.y() + part.height() / 2.0;
                paintPath(g, t, run.partBlurs().get(part.group()).path(), px, py);
                ImagePane.label(g, BlurPart.blurName(part.group()), t.viewX(px) + 8, t.viewY(py) + 8);
            }
        } else {
            double ax = Double.isNaN(anchorX) ? photo.getWidth() / 2 : anchorX, ay = Double.isNaN(anchorY) ? photo.getHeight() / 2 : anchorY;
            paintPath(g, t, run.trajectory().get(), ax, ay);
        }
        run.kernel().ifPresent(k -> paintKernel(g, run, k, w));
    }

    /** One camera path centred on photo point (ax, ay), coloured by era, with a cross at that point. */
    private static void paintPath(GraphicsContext g, ViewTransform t, Trajectory path, double ax, double ay) {
        List<BlurTrace.Segment> segments = BlurTrace.segments(path, ax, ay);
        g.setStroke(Color.rgb(0, 0, 0, 0.7)); // a dark rim keeps the path visible on light and dark photos
        g.setLineWidth(5);
        for (BlurTrace.Segment s : segments) g.strokeLine(t.viewX(s.x0()), t.viewY(s.y0()), t.viewX(s.x1()), t.viewY(s.y1()));
        g.setLineWidth(2.5);
        for (BlurTrace.Segment s : segments) {
            Color c = ERA_COLOURS.get(s.era()); // a guess beyond the exposure fades with the engine's confidence in it
            g.setStroke(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.25 + 0.75 * s.confidence()));
            g.strokeLine(t.viewX(s.x0()), t.viewY(s.y0()), t.viewX(s.x1()), t.viewY(s.y1()));
        }
        double cx = t.viewX(ax), cy = t.viewY(ay);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        g.strokeLine(cx - 6, cy, cx + 6, cy);
        g.strokeLine(cx, cy - 6, cx, cy + 6);
    }

    private void paintKernel(GraphicsContext g, RunCapture run, BlurKernel kernel, double w) {
        if (kernelRun != run) {
            kernelImage = SessionModel.toImage(DisplayPixels.of(KernelPicture.render(kernel, (int) KERNEL_SIDE)));
            kernelRun = run;
        }
        double side = Math.min(KERNEL_SIDE, kernelImage.getWidth()), x = w - side - 10, y = 10;
        g.setImageSmoothing(false);
        g.setFill(Color.BLACK);
        g.fillRect(x - 2, y - 2, side + 4, side + 4);
        g.drawImage(kernelImage, x, y, side, side);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        g.strokeRect(x - 2, y - 2, side + 4, side + 4);
        ImagePane.label(g, "Kernel " + Math.round(kernel.size() / kernel.scale()) + " px", x, y + side + 6); // in photo pixels
        if (!run.partBlurs().isEmpty()) ImagePane.label(g, "whole photo", x, y + side + 28); // the parts' own paths are drawn on them
    }
}
