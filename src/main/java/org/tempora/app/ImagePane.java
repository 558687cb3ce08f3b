package org.tempora.app;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * One picture seen through a shared {@link ViewTransform}, so every pane given the same transform shows the same
 * region at the same zoom. With a second picture it is an A/B split: the first left of a vertical divider, the second
 * right of it. An overlay may draw over the picture in view coordinates.
 */
final class ImagePane extends Region {
    /** Draws over the picture; called after the picture, with the transform it was drawn with. */
    @FunctionalInterface
    interface Overlay {
        void paint(GraphicsContext g, ViewTransform t, double width, double height);
    }

    private static final Color BACKGROUND = Color.rgb(43, 43, 43);
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(this, "transform", new ViewTransform(1, 0, 0));
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<Image> right = new SimpleObjectProperty<>(this, "right");
    private final DoubleProperty divider = new SimpleDoubleProperty(this, "divider", 0.5);
    private final StringProperty leftName = new SimpleStringProperty(this, "leftName", "");
    private final StringProperty rightName = new SimpleStringProperty(this, "rightName", "");
    private final ObjectProperty<Overlay> overlay = new SimpleObjectProperty<>(this, "overlay");
    private double drawnScale = Double.NaN;
    private double pixelScale = 1; // device pixels per layout unit: the divider snaps to them

    ImagePane() {
        canvas.setManaged(false); // the pane's size drives the canvas, never the other way round
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(160, 120);
        Runnable redraw = this::redraw;
        for (var p : new javafx.beans.Observable[] {transform, image, right, divider, leftName, rightName, overlay}) p.addListener(o -> redraw.run());
        ScreenScale.follow(this, k -> {
            pixelScale = k;
            redraw();
        });
    }

    ObjectProperty<ViewTransform> transformProperty() { return transform; }
    ObjectProperty<Image> imageProperty() { return image; }
    /** The picture right of the divider; null for a single picture. */
    ObjectProperty<Image> rightProperty() { return right; }
    /** The divider's place as a share of the width, 0 to 1. */
    DoubleProperty dividerProperty() { return divider; }
    /** Names drawn in the top corners of a split, so the user knows which side is which. */
    StringProperty leftNameProperty() { return leftName; }
    StringProperty rightNameProperty() { return rightName; }
    ObjectProperty<Overlay> overlayProperty() { return overlay; }

    /** The scale the picture was last drawn at; NaN before it was drawn. */
    double drawnScale() { return drawnScale; }

    /** The divider's x in this pane's coordinates. */
    double dividerX() { return divider.get() * getWidth(); }

    @Override protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(Math.max(0, getWidth()));
            canvas.setHeight(Math.max(0, getHeight()));
            redraw();
        }
    }

    void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        Image a = image.get();
        if (a == null || w <= 0 || h <= 0) return;
        ViewTransform t = transform.get();
        // Smooth when shrinking; square pixels when zoomed in, which is what an inspector wants to see.
        g.setImageSmoothing(t.scale() < 1);
        draw(g, a, t, w, h);
        Image b = right.get();
        if (b != null) {
            double x = PixelGrid.edge(dividerX(), pixelScale);
            g.save();
            g.beginPath();
            g.rect(x, 0, w - x, h);
            g.clip();
            g.setFill(BACKGROUND);
            g.fillRect(x, 0, w - x, h);
            draw(g, b, t, w, h);
            g.restore();
            g.setStroke(Color.WHITE);
            g.setLineWidth(PixelGrid.lineWidth(2, pixelScale));
            g.strokeLine(PixelGrid.line(x, 2, pixelScale), 0, PixelGrid.line(x, 2, pixelScale), h);
            g.setFill(Color.WHITE);
            g.fillRoundRect(x - 5, h / 2 - 18, 10, 36, 6, 6);
            names(g, x, w);
        }
        drawnScale = t.scale();
        Overlay o = overlay.get();
        if (o != null) o.paint(g, t, w, h);
    }

    private static void draw(GraphicsContext g, Image img, ViewTransform t, double w, double h) {
        ViewTransform.Visible v = t.visible(img.getWidth(), img.getHeight(), w, h);
        if (v != null) g.drawImage(img, v.sx(), v.sy(), v.sw(), v.sh(), v.dx(), v.dy(), v.dw(), v.dh());
    }

    private void names(GraphicsContext g, double x, double w) {
        g.setFont(Font.font(12));
        label(g, leftName.get(), Math.max(4, x - 8 - 7 * leftName.get().length()), 6);
        label(g, rightName.get(), Math.min(w - 60, x + 8), 6);
    }

    static void label(GraphicsContext g, String text, double x, double y) {
        if (text.isEmpty()) return;
        double width = 7 * text.length() + 8;
        g.setFill(Color.rgb(0, 0, 0, 0.6));
        g.fillRoundRect(x, y, width, 20, 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(Font.font(12));
        g.fillText(text, x + 4, y + 14);
    }
}
