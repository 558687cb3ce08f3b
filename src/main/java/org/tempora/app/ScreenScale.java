package org.tempora.app;

import java.util.function.DoubleConsumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/** Follows the output scale of the window a node is shown in (it changes when the window moves to another screen). */
final class ScreenScale {
    private ScreenScale() {}

    /** Calls {@code changed} with the node's output scale whenever its window, or that window's scale, changes. */
    static void follow(Node node, DoubleConsumer changed) {
        ChangeListener<Number> scale = (o, a, b) -> changed.accept(of(node));
        ChangeListener<Window> window = (o, was, now) -> {
            if (was != null) was.outputScaleXProperty().removeListener(scale);
            if (now != null) now.outputScaleXProperty().addListener(scale);
            changed.accept(of(node));
        };
        ChangeListener<Scene> scene = (o, was, now) -> {
            if (was != null) {
                was.windowProperty().removeListener(window);
                window.changed(null, was.getWindow(), null);
            }
            if (now != null) {
                now.windowProperty().addListener(window);
                window.changed(null, null, now.getWindow());
            }
        };
        node.sceneProperty().addListener(scene);
        if (node.getScene() != null) scene.changed(null, null, node.getScene());
    }

    /** The output scale of the node's window, 1 while it is not shown. */
    static double of(Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        return PixelGrid.scale(w == null ? 1 : w.getOutputScaleX());
    }
}
