package org.tempora.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help > Keyboard shortcuts: every accelerator found in the menus (so the list cannot drift from what the keys do),
 * then the keys of the focused timeline.
 */
public final class ShortcutsDialog {
    private ShortcutsDialog() {}

    /** One line of the list: what happens, and the keys that do it. */
    public record Shortcut(String action, String keys) {}

    static final List<Shortcut> TIMELINE_KEYS = List.of(
            new Shortcut("Timeline (focused) > Previous / next frame", "Left / Right"),
            new Shortcut("Timeline (focused) > First / last frame", "Home / End"),
            new Shortcut("Move between controls", "Tab / Shift+Tab"));

    /** The menus' accelerators in menu order, named "Menu > Item", then the timeline's keys. */
    public static List<Shortcut> list(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : bar.getMenus()) collect(menu.getText(), menu.getItems(), out);
        out.addAll(TIMELINE_KEYS);
        return out;
    }

    private static void collect(String path, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem item : items) {
            if (item.getText() == null) continue; // a separator
            String name = path + " > " + item.getText().replace("...", "");
            if (item instanceof Menu sub) collect(name, sub.getItems(), out);
            else if (item.getAccelerator() != null) out.add(new Shortcut(name, item.getAccelerator().getDisplayText()));
        }
    }

    /** Opens the list beside {@code owner} without blocking; styled like {@code root} (the theme). */
    public static Dialog<Void> show(Window owner, Parent root, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("shortcutList");
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut s : list(bar)) {
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(row++, new Label(s.action()), keys);
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText(null);
        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(root.getStylesheets());
        dialog.getDialogPane().getStyleClass().addAll(root.getStyleClass().stream().filter(c -> c.startsWith("theme-")).toList());
        dialog.show();
        return dialog;
    }
}
