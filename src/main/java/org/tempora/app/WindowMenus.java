package org.tempora.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The Plan, Playback, View and Help menus: a keyboard shortcut for each main action that has no button shortcut
 * elsewhere (mode, reverse time, new sample, play, playback end, frame rate, timeline focus, theme, the shortcut list).
 */
final class WindowMenus {
    private WindowMenus() {}

    /** The menus to add to {@code bar}; the theme item joins the bar's View menu when it already has one. */
    static List<Menu> create(MainView view, SessionModel session, PlaybackControls playback, ThemeSwitch theme, MenuBar bar) {
        Menu themeMenu = view(theme);
        for (Menu existing : bar.getMenus()) {
            if (existing.getText().equals(themeMenu.getText())) {
                existing.getItems().add(new SeparatorMenuItem());
                List<MenuItem> items = List.copyOf(themeMenu.getItems());
                themeMenu.getItems().clear(); // a menu item belongs to one menu: move it, do not share it
                existing.getItems().addAll(items);
                return List.of(plan(session), playback(view, playback), help(view, bar));
            }
        }
        return List.of(plan(session), playback(view, playback), themeMenu, help(view, bar));
    }

    private static KeyCombination ctrl(KeyCode key) { return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN); }

    private static MenuItem item(String text, String id, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Menu plan(SessionModel session) {
        PlanViewModel model = session.plan();
        ToggleGroup modes = new ToggleGroup();
        Menu menu = new Menu("Plan");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (PlanMode m : PlanMode.values()) {
            RadioMenuItem item = new RadioMenuItem(m.label() + " mode");
            item.setId("mode_" + m.name());
            item.setToggleGroup(modes);
            item.setAccelerator(ctrl(digits[m.ordinal()]));
            item.setSelected(model.modeProperty().get() == m);
            item.setOnAction(e -> model.modeProperty().set(m));
            model.modeProperty().addListener((o, a, b) -> item.setSelected(b == m));
            menu.getItems().add(item);
        }
        CheckMenuItem reverse = new CheckMenuItem("Reverse time");
        reverse.setId("reverseTimeItem");
        reverse.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        reverse.selectedProperty().bindBidirectional(model.reverseTimeProperty());
        reverse.disableProperty().bind(model.reverseTimeAvailableProperty().not());
        menu.getItems().addAll(new SeparatorMenuItem(), reverse, new SeparatorMenuItem(),
                item("New sample (new seed)", "newSampleItem", ctrl(KeyCode.N), () -> EnginePanel.newSample(session)));
        return menu;
    }

    private static Menu playback(MainView view, PlaybackControls playback) {
        return new Menu("Playback", null,
                item("Play / Pause", "playItem", ctrl(KeyCode.P), playback::togglePlay),
                item("At the last frame: once, loop, ping-pong", "playbackModeItem", ctrl(KeyCode.L),
                        () -> playback.modeProperty().set(playback.modeProperty().get().following())),
                item("Faster", "fasterItem", ctrl(KeyCode.CLOSE_BRACKET), () -> playback.changeRate(1)),
                item("Slower", "slowerItem", ctrl(KeyCode.OPEN_BRACKET), () -> playback.changeRate(-1)),
                new SeparatorMenuItem(),
                item("Focus the timeline", "focusTimelineItem", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    Node band = view.lookup("#timeline");
                    if (band != null) band.requestFocus();
                }));
    }

    private static Menu view(ThemeSwitch theme) {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkThemeItem");
        dark.setAccelerator(ctrl(KeyCode.D));
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        return new Menu("View", null, dark);
    }

    private static Menu help(MainView view, MenuBar bar) {
        return new Menu("Help", null, item("Keyboard shortcuts", "shortcutsItem", new KeyCodeCombination(KeyCode.F1),
                () -> ShortcutsDialog.show(view.getScene() == null ? null : view.getScene().getWindow(), view, bar)));
    }
}
