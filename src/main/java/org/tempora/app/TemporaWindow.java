package org.tempora.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tempora.timeline.PlanLimits;

/**
 * The JavaFX application: one main window on the classical engine, or the diffusion engine when a model bundle is
 * installed, remembering its place, theme and recent photos in
 * the user's preferences. Start it through {@link TemporaApp}.
 */
public final class TemporaWindow extends Application {
    private WindowEngines engines;
    private SessionModel session;
    private MainView view;

    @Override public void start(Stage stage) {
        engines = WindowEngines.forThisInstallation();
        session = new SessionModel(engines.classical(), new PlanViewModel(PlanLimits.CLASSICAL));
        // The user's own node: recent photos, last folder, theme, engine and window place survive restarts.
        AppPreferences prefs = new AppPreferences(Preferences.userNodeForPackage(TemporaApp.class));
        view = new MainView(session, prefs, engines);
        stage.setTitle("Tempora");
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) { // the window manager picks the size it needs
            stage.getIcons().add(new Image(TemporaWindow.class.getResource("icons/tempora-" + size + ".png").toExternalForm()));
        }
        // Never larger than the screen: small laptop screens, and Monocle's headless 1280x800 screen, must fit the window.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight())));
        stage.setMinWidth(Math.min(800, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        WindowMemory.restore(stage, prefs);
        stage.setOnHiding(e -> WindowMemory.remember(stage, prefs));
        stage.show();
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) session.open(Path.of(files.get(0))); // lets scripts and file managers open a photo directly
    }

    /** Closing the window cancels running work, then closes the engines (the diffusion model's sessions) and lets memory go. */
    @Override public void stop() {
        if (view != null) view.dispose();
        if (session != null) {
            session.close();
            // A native call still running after the wait keeps its engine: closing under it could crash; the process frees it.
            if (session.awaitStopped(MainView.STOP_WAIT_MS) && engines != null) engines.close();
        }
    }
}
