package org.tempora.app;

import java.util.BitSet;
import java.util.function.ObjDoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;

/**
 * The band under the preview: the photo's exposure [-0.5, 0.5], each frame's interval as a bar coloured past /
 * present / future (red / green / blue, as in the paper's figure 1; faint until the frame has arrived, and before and
 * after the exposure solid only up to the engine's confidence in it, with the percentage), and a
 * playhead on the selected frame that follows mouse drags and Left/Right/Home/End. While editable, each bar has a
 * handle at both edges; dragging one hands the edge and the time under the pointer to the owner, which reshapes the plan.
 */
public final class TimelineBand extends Region {
    static final Color PAST = Color.rgb(214, 48, 49), PRESENT = Color.rgb(39, 160, 70), FUTURE = Color.rgb(45, 100, 214);
    /** The band's own colours for a theme; the eras keep theirs in both. */
    record Palette(Color background, Color exposure, Color edge, Color text, Color ink) {}
    static final Palette LIGHT = new Palette(Color.rgb(246, 246, 246), Color.rgb(222, 222, 222), Color.rgb(120, 120, 120),
            Color.rgb(80, 80, 80), Color.rgb(20, 20, 20));
    static final Palette DARK = new Palette(Color.rgb(39, 41, 43), Color.rgb(58, 61, 64), Color.rgb(150, 150, 150),
            Color.rgb(200, 200, 200), Color.rgb(240, 240, 240));
    private static final double HEIGHT = 72, BAR_TOP = 22, BAR_HEIGHT = 30, HANDLE_REACH = 5;
    private static final Font LABEL_FONT = Font.font(11);
    private static final String EXPOSURE_LABEL = "exposure";
    private static final double EXPOSURE_LABEL_WIDTH = textWidth(EXPOSURE_LABEL, LABEL_FONT);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<FramePlan> plan = new SimpleObjectProperty<>(this, "plan");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private ObjDoubleConsumer<TimelineScale.Edge> onEdgeDragged = (edge, time) -> {};
    private BitSet ready = new BitSet();
    private double[] confidence; // per frame, of the finished run; null when unknown
    private TimelineScale.Edge dragged;
    private TimelineScale dragScale; // frozen while an edge is dragged: refitting would move the bars under the pointer
    private double pixelScale = 1; // device pixels per layout unit of the window's screen: lines snap to them

    public TimelineBand() {
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SLIDER);
        setAccessibleText("Timeline: frames of the exposure; Left and Right step, Home and End jump");
        Tooltip.install(this, new Tooltip("Drag to scrub; Left/Right step a frame, Home/End jump to the ends."
                + " In Custom mode, drag a bar's edge to change the frames"));
        plan.addListener((o, a, b) -> redraw());
        editable.addListener((o, a, b) -> redraw());
        dark.addListener((o, a, b) -> redraw());
        selected.addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> redraw());
        focusedProperty().addListener((o, a, b) -> redraw());
        ScreenScale.follow(this, k -> {
            pixelScale = k;
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(edgeAt(e.getX()) != null ? Cursor.H_RESIZE : Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragged != null) onEdgeDragged.accept(dragged, dragScale.time(e.getX()));
            else scrubTo(e.getX());
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragged = null;
            dragScale = null;
            redraw();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    public ObjectProperty<FramePlan> planProperty() { return plan; }
    /** The playhead's frame; the band sets it when scrubbed, the owner may set it too. */
    public IntegerProperty selectedProperty() { return selected; }

    /** Whether the bars' edges can be dragged (the owner decides: e.g. Custom mode, nothing running). */
    public BooleanProperty editableProperty() { return editable; }

    /** Whether the band draws in the dark theme's colours; bind it to the window's theme. */
    public BooleanProperty darkProperty() { return dark; }

    /** The colours the band draws with now. */
    Palette palette() { return dark.get() ? DARK : LIGHT; }

    /** Receives a dragged edge and the time under the pointer, on every drag step. */
    public void setOnEdgeDragged(ObjDoubleConsumer<TimelineScale.Edge> handler) { onEdgeDragged = handler; }

    /** Which frames have arrived (drawn solid). */
    public void setReady(BitSet frames) {
        ready = (BitSet) frames.clone();
        redraw();
    }

    /**
     * How far the engine trusts each frame (0 to 1), or null when unknown: a ready frame it trusts less is drawn solid
     * only up to that share of its bar's height, with the percentage under it where the bar is wide enough.
     */
    public void setConfidence(double[] perFrame) {
        confidence = perFrame == null ? null : perFrame.clone();
        redraw();
    }

    /** The confidences drawn now (a copy), or null. */
    double[] confidence() { return confidence == null ? null : confidence.clone(); }

    /** Whether a frame's confidence is shown: below what rounds to 100%. */
    static boolean uncertain(double confidence) { return confidence < 0.995; }

    @Override protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        FramePlan p = plan.get();
        dragged = edgeAt(e.getX());
        if (dragged != null) dragScale = scale(p);
        else scrubTo(e.getX());
    }

    /** The bar edge under x when edges are editable, else null. */
    private TimelineScale.Edge edgeAt(double x) {
        FramePlan p = plan.get();
        return editable.get() && p != null ? scale(p).edgeAt(p, x, HANDLE_REACH) : null;
    }

    private void scrubTo(double x) {
        FramePlan p = plan.get();
        if (p != null) selected.set(TimelineScale.frameAt(p, scale(p).time(x)));
    }

    private void key(KeyEvent e) {
        FramePlan p = plan.get();
        if (p == null) return;
        int last = p.size() - 1, now = selected.get();
        int next = switch (e.getCode()) {
            case LEFT -> Math.max(0, now - 1);
            case RIGHT -> Math.min(last, now + 1);
            case HOME -> 0;
            case END -> last;
            default -> -1;
        };
        if (next >= 0) {
            selected.set(next);
            e.consume();
        }
    }

    private TimelineScale scale(FramePlan p) {
        return dragScale != null ? dragScale : TimelineScale.fitting(p, Math.max(1, getWidth()));
    }

    /** The output scale the band draws for (1 until it is shown). */
    double pixelScale() { return pixelScale; }

    private void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight(), k = pixelScale;
        if (w <= 0 || h <= 0) return;
        Palette colours = palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(colours.background());
        g.fillRect(0, 0, w, h);
        FramePlan p = plan.get();
        TimelineScale s = scale(p);
        double ex0 = PixelGrid.edge(s.x(Interval.EXPOSURE.start()), k), ex1 = PixelGrid.edge(s.x(Interval.EXPOSURE.end()), k);
        g.setFill(colours.exposure());
        g.fillRect(ex0, 0, ex1 - ex0, h);
        g.setStroke(colours.edge());
        g.setLineWidth(PixelGrid.lineWidth(1, k));
        g.strokeLine(PixelGrid.line(ex0, 1, k), 0, PixelGrid.line(ex0, 1, k), h);
        g.strokeLine(PixelGrid.line(ex1, 1, k), 0, PixelGrid.line(ex1, 1, k), h);
        g.setFill(colours.text());
        g.setFont(LABEL_FONT);
        // The label goes to the end of the exposure away from the playhead, whose line would cross it out.
        int sel0 = selected.get();
        boolean playheadLeft = p != null && sel0 >= 0 && sel0 < p.size() && s.x(p.get(sel0).middle()) < (ex0 + ex1) / 2;
        g.fillText(EXPOSURE_LABEL, playheadLeft ? Math.max(ex0 + 4, ex1 - 4 - EXPOSURE_LABEL_WIDTH) : ex0 + 4, 14);
        if (p == null) return;
        boolean lanes = p.hasOverlap(); // overlapping bars alternate between two lanes so each stays visible
        double laneHeight = lanes ? BAR_HEIGHT / 2 : BAR_HEIGHT, gap = 1 / k; // one device pixel between neighbours
        for (int i = 0; i < p.size(); i++) {
            Interval iv = p.get(i);
            double x0 = PixelGrid.edge(s.x(iv.start()), k), x1 = PixelGrid.edge(s.x(iv.end()), k), y = BAR_TOP + (lanes ? (i % 2) * laneHeight : 0);
            Color c = switch (TimelineScale.era(iv)) { case PAST -> PAST; case PRESENT -> PRESENT; case FUTURE -> FUTURE; };
            Color faint = c.deriveColor(0, 0.5, 1.2, 0.45);
            double trust = confidence != null && i < confidence.length ? confidence[i] : 1;
            g.setFill(ready.get(i) && !uncertain(trust) ? c : faint);
            g.fillRect(x0, y, Math.max(gap, x1 - x0 - gap), laneHeight - gap);
            if (ready.get(i) && uncertain(trust)) { // a level: the solid part is the share the engine trusts
                double solid = PixelGrid.edge((laneHeight - gap) * Math.max(0, Math.min(1, trust)), k);
                g.setFill(c);
                g.fillRect(x0, y + laneHeight - gap - solid, Math.max(gap, x1 - x0 - gap), solid);
                if (!lanes && x1 - x0 >= 28 && i != selected.get()) { // the playhead would strike it out; the caption says it
                    g.setFill(colours.text());
                    g.setFont(LABEL_FONT);
                    g.setTextAlign(TextAlignment.CENTER); // centred by the canvas: no text node measured per bar and redraw
                    g.fillText(Math.round(100 * trust) + "%", (x0 + x1) / 2, BAR_TOP + BAR_HEIGHT + 13);
                    g.setTextAlign(TextAlignment.LEFT);
                }
            }
            if (editable.get() && x1 - x0 >= 8) { // grips at both edges show the bar can be stretched
                g.setFill(dark.get() ? c.brighter().brighter() : c.darker().darker());
                g.fillRect(x0 + 1, PixelGrid.edge(y + laneHeight * 0.25, k), 2, PixelGrid.edge(laneHeight * 0.5, k));
                g.fillRect(x1 - 4, PixelGrid.edge(y + laneHeight * 0.25, k), 2, PixelGrid.edge(laneHeight * 0.5, k));
            }
        }
        int sel = selected.get();
        if (sel >= 0 && sel < p.size()) {
            Interval iv = p.get(sel);
            double x0 = PixelGrid.line(s.x(iv.start()), 2, k), x1 = PixelGrid.line(s.x(iv.end()), 2, k), xm = PixelGrid.line(s.x(iv.middle()), 2, k);
            g.setStroke(colours.ink());
            g.setLineWidth(PixelGrid.lineWidth(2, k));
            g.strokeRect(x0, BAR_TOP - 1, Math.max(1, x1 - x0), BAR_HEIGHT + 1);
            g.strokeLine(xm, 4, xm, h - 4);
            g.setFill(colours.ink());
            g.fillPolygon(new double[] {xm - 5, xm + 5, xm}, new double[] {BAR_TOP - 10, BAR_TOP - 10, BAR_TOP - 3}, 3);
        }
        if (isFocused()) {
            g.setStroke(Color.rgb(40, 110, 220));
            g.setLineWidth(2);
            g.strokeRect(1, 1, w - 2, h - 2);
        }
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
