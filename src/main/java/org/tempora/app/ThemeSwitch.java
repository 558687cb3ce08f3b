package org.tempora.app;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/**
 * Light and dark theme: both stylesheets are loaded on the window's root, and a style class on the root
 * ({@value #LIGHT} or {@value #DARK}) selects which one applies, so switching restyles the whole window at once.
 * The choice is remembered in the preferences.
 */
public final class ThemeSwitch {
    public static final String LIGHT = "theme-light", DARK = "theme-dark";
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeSwitch(Parent root, AppPreferences prefs) {
        for (String sheet : new String[] {"light.css", "dark.css"}) {
            root.getStylesheets().add(Objects.requireNonNull(ThemeSwitch.class.getResource(sheet), sheet).toExternalForm());
        }
        dark.set(prefs.theme() == AppPreferences.Theme.DARK);
        apply(root);
        dark.addListener((o, a, b) -> {
            apply(root);
            prefs.setTheme(b ? AppPreferences.Theme.DARK : AppPreferences.Theme.LIGHT);
        });
    }

    /** True for the dark theme; bind a menu item or set it. */
    public BooleanProperty darkProperty() { return dark; }

    private void apply(Parent root) {
        root.getStyleClass().removeAll(LIGHT, DARK);
        root.getStyleClass().add(dark.get() ? DARK : LIGHT);
    }
}
