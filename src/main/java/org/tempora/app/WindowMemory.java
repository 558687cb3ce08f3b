package org.tempora.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window back where it was, at the size it had, and remembers that on close. A saved place on a screen
 * that is no longer attached is not used: the window would open out of sight.
 */
public final class WindowMemory {
    private WindowMemory() {}

    /**
     * The saved placement moved and shrunk to fit {@code screens} (visual bounds), or empty when no screen holds at
     * least a corner of it; a window larger than the screen it is on is cut to that screen.
     */
    public static Optional<AppPreferences.Placement> fit(AppPreferences.Placement saved, List<Rectangle2D> screens) {
        for (Rectangle2D screen : screens) {
            if (!screen.intersects(saved.x(), saved.y(), saved.width(), saved.height())) continue;
            double w = Math.min(saved.width(), screen.getWidth()), h = Math.min(saved.height(), screen.getHeight());
            double x = Math.max(screen.getMinX(), Math.min(saved.x(), screen.getMaxX() - w));
            double y = Math.max(screen.getMinY(), Math.min(saved.y(), screen.getMaxY() - h));
            return Optional.of(new AppPreferences.Placement(x, y, w, h, saved.maximized()));
        }
        return Optional.empty();
    }

    /** Places {@code stage} as saved in {@code prefs}, if it fits a screen; call before showing it. */
    public static void restore(Stage stage, AppPreferences prefs) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        prefs.placement().flatMap(p -> fit(p, screens)).ifPresent(p -> {
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximized());
        });
    }

    /** Saves the stage's place and size; a maximised window keeps the size it had before, to return to. */
    public static void remember(Stage stage, AppPreferences prefs) {
        if (stage.isMaximized()) {
            AppPreferences.Placement before = prefs.placement().orElse(
                    new AppPreferences.Placement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), true));
            prefs.setPlacement(new AppPreferences.Placement(before.x(), before.y(), before.width(), before.height(), true));
        } else if (stage.getWidth() > 0 && stage.getHeight() > 0) {
            prefs.setPlacement(new AppPreferences.Placement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        }
        prefs.flush();
    }
}
