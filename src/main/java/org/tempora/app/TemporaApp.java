package org.tempora.app;

import javafx.application.Application;

/**
 * Starts the desktop window. Not an {@link Application} itself: with JavaFX on the class path (not the module
 * path) the launcher's main class must not extend Application, or the JVM refuses to start it.
 */
public final class TemporaApp {
    private TemporaApp() {}

    /**
     * Opens the window and returns when it is closed; an optional first argument is a photo to open.
     *
     * @throws IllegalStateException with a one-line message when no window can be opened (no display)
     */
    public static void launch(String[] args) {
        try {
            Application.launch(TemporaWindow.class, args);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalStateException("cannot open the Tempora window (" + e.getMessage()
                    + "): start it on a desktop session, or use the command line (tempora --help)", e);
        }
    }

    public static void main(String[] args) {
        try {
            launch(args);
        } catch (IllegalStateException e) {
            System.err.println("tempora: " + e.getMessage());
            System.exit(1);
        }
    }
}
