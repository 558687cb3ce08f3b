package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;
import static org.tempora.app.FxTestSupport.devImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Recent photos, engine choice, seed, playback modes, bar handles, theme, shortcuts and accessible names, headless. */
@ExtendWith(ApplicationExtension.class)
class DesktopFeaturesTest {
    private final MemoryPreferences node = new MemoryPreferences(); // throwaway: never the user's preferences
    private final AppPreferences prefs = new AppPreferences(node);
    private final List<SessionModel> sessions = new ArrayList<>();
    private Stage stage;
    private SessionModel session;
    private MainView view;

    @Start void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(newWindow(new ClassicalEngine()), 1100, 760));
        stage.show();
    }

    /** A fresh session and view on the same preferences, as after restarting the program. */
    private MainView newWindow(Engine engine) {
        session = new SessionModel(engine, new PlanViewModel(PlanLimits.CLASSICAL));
        sessions.add(session);
        view = new MainView(session, prefs);
        return view;
    }

    private void reopen(FxRobot robot, Engine engine) {
        robot.interact(() -> {
            view.dispose();
            stage.getScene().setRoot(newWindow(engine));
        });
    }

    @AfterEach void closeSessions(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) if (w != stage && w.isShowing()) w.hide();
            sessions.forEach(SessionModel::close);
        });
    }

    private MenuBar menuBar(FxRobot robot) { return robot.lookup(".menu-bar").queryAs(MenuBar.class); }

    private Menu recentMenu(FxRobot robot) {
        Menu file = menuBar(robot).getMenus().get(0);
        return (Menu) file.getItems().stream().filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        for (Menu m : menuBar(robot).getMenus()) {
            for (MenuItem i : m.getItems()) if (id.equals(i.getId())) return i;
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test void recentMenuListsAnOpenedPhotoAfterTheWindowReopens(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = Files.copy(devImage("chelsea.png"), dir.resolve("my_photo.png"));
        assertEquals("No recent photos", recentMenu(robot).getItems().get(0).getText());
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());

        reopen(robot, new ClassicalEngine());
        List<MenuItem> items = recentMenu(robot).getItems();
        assertEquals("1  my_photo.png   (" + dir.toAbsolutePath().normalize() + ")", items.get(0).getText());
        assertEquals(Optional.of(dir.toAbsolutePath().normalize()), prefs.lastFolder(), "the file chooser starts here next time");

        robot.interact(() -> items.get(0).fire()); // opens it again from the menu
        waitFor(20, "the recent photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        assertEquals(photo.toAbsolutePath().normalize(), session.photoProperty().get().source().toAbsolutePath().normalize());

        Files.delete(photo);
        robot.interact(() -> recentMenu(robot).getItems().get(0).fire());
        String message = session.errorProperty().get();
        assertTrue(message.startsWith("my_photo.png is no longer in "), message);
        assertTrue(message.endsWith("removed from File > Open Recent."), message);
        assertEquals(List.of(), prefs.recentFiles());
        assertEquals("No recent photos", recentMenu(robot).getItems().get(0).getText());
        assertTrue(robot.lookup("#errorBanner").query().isVisible());
    }

    @Test void diffusionIsGreyedWithItsReasonAndDevice(FxRobot robot, @TempDir Path models) {
        // An empty models folder, searched alone: the test does not depend on bundles installed on this machine.
        robot.interact(() -> {
            view.dispose();
            session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
            sessions.add(session);
            WindowEngines engines = new WindowEngines(EngineChoice.catalog(List.of(models), new DeviceProbe.Device(false, "CPU (2 cores)")),
                    new ClassicalEngine(), bundle -> { throw new AssertionError("no bundle to make an engine of"); });
            view = new MainView(session, prefs, engines);
            stage.getScene().setRoot(view);
        });
        @SuppressWarnings("unchecked") ComboBox<EngineChoice> engine = robot.lookup("#engine").queryAs(ComboBox.class);
        assertEquals(List.of("Classical", "Diffusion"), engine.getItems().stream().map(EngineChoice::label).toList());
        assertEquals("Classical", engine.getValue().label());
        String reason = robot.lookup("#engineReason").queryAs(Label.class).getText();
        assertEquals("Diffusion is unavailable: no model bundle installed in " + models + "; see models/README.md."
                + " It would run on CPU (2 cores), slow: minutes per step at full size.", reason);
        assertTrue(robot.lookup("#engineReason").query().isVisible());
        assertFalse(robot.lookup("#steps").query().isVisible(), "no steps for the classical engine");

        robot.clickOn("#engine"); // the list pops up: the diffusion entry is there but cannot be chosen
        ListCell<?> diffusion = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("Diffusion")).findFirst().orElseThrow();
        assertEquals("Diffusion (unavailable)", diffusion.getText());
        assertTrue(diffusion.isDisabled());
        assertEquals(reason, diffusion.getTooltip().getText());
        robot.type(KeyCode.ESCAPE);

        robot.interact(() -> engine.setValue(engine.getItems().get(1))); // as the arrow keys could
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Classical", engine.getValue().label(), "a greyed engine is never left chosen");
        assertEquals(ClassicalEngine.ID, session.engine().id());
    }

    /** Records the seed of each request and stops after two steps until released, to watch the progress area. */
    private static final class RecordingEngine implements Engine {
        final List<Long> seeds = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release = new CountDownLatch(1);

        @Override public String id() { return "recording"; }
        @Override public String version() { return "1"; }
        @Override public PlanLimits limits() { return PlanLimits.CLASSICAL; }

        @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
                throws CancelledException {
            seeds.add(request.seed());
            for (int step = 1; step <= 2; step++) {
                sleep(150);
                progress.progress("working", step, 4);
            }
            try {
                while (!release.await(50, TimeUnit.MILLISECONDS)) cancel.throwIfCancelled();
            } catch (InterruptedException e) {
                throw new CancelledException();
            }
            FramePlan plan = request.plan();
            List<LinearImage> frames = Collections.nCopies(plan.size(), request.photo());
            return new GenerationResult(frames, plan, Optional.empty(), Optional.empty(), List.of(), Map.of());
        }

        private static void sleep(long ms) {
            try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    @Test void theSeedGoesIntoTheRequestAndProgressShowsStepsAndTimeLeft(FxRobot robot) throws Exception {
        RecordingEngine engine = new RecordingEngine();
        reopen(robot, engine);
        robot.interact(() -> session.open(devImage("camera.png")));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        robot.interact(() -> session.plan().frameCountProperty().set(3));

        robot.clickOn("#seed").eraseText(1).write("1234");
        assertEquals(1234L, session.seedProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        waitFor(10, "two steps", () -> robot.lookup("#stageText").queryAs(Label.class).getText().equals("Working: step 2 of 4"));
        waitFor(10, "the time left", () -> robot.lookup("#timeLeft").queryAs(Label.class).isVisible());
        String left = robot.lookup("#timeLeft").queryAs(Label.class).getText();
        assertTrue(left.matches("(About \\d+ s|Less than a second) left in this stage"), left);
        engine.release.countDown();
        waitFor(10, "the run to end", () -> !session.tasks().busyProperty().get() && session.framesReadyProperty().get() == 3, FxTestSupport.runState(session));
        assertFalse(robot.lookup("#timeLeft").queryAs(Label.class).isVisible());

        robot.clickOn("#newSample");
        long fresh = session.seedProperty().get();
        assertTrue(fresh > 0 && fresh != 1234L);
        assertEquals(Long.toString(fresh), robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).getText());
        robot.interact(session::generate);
        waitFor(10, "the second run", () -> !session.tasks().busyProperty().get());
        assertEquals(List.of(1234L, fresh), engine.seeds);
    }

    @Test void pingPongPlaysForwardThenBack(FxRobot robot) {
        robot.interact(() -> session.plan().frameCountProperty().set(4));
        @SuppressWarnings("unchecked") ComboBox<PlaybackMode> mode = robot.lookup("#playbackMode").queryAs(ComboBox.class);
        assertEquals(PlaybackMode.LOOP, mode.getValue());
        robot.interact(() -> mode.setValue(PlaybackMode.PING_PONG));
        PlaybackControls playback = robot.lookup(n -> n instanceof PlaybackControls).queryAs(PlaybackControls.class);
        List<Integer> shown = new ArrayList<>();
        robot.interact(() -> {
            session.select(0);
            for (int i = 0; i < 8; i++) {
                playback.tick();
                shown.add(session.selectedFrameProperty().get());
            }
        });
        assertEquals(List.of(1, 2, 3, 2, 1, 0, 1, 2), shown);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL); // cycles to the next end behaviour
        assertEquals(PlaybackMode.ONCE, mode.getValue());
    }

    @Test void draggingABarsEdgeInCustomModeReshapesThePlan(FxRobot robot) {
        TimelineBand band = robot.lookup("#timeline").queryAs(TimelineBand.class);
        FramePlan before = session.plan().plan();
        double lastEnd = TimelineScale.fitting(before, band.getWidth()).x(0.5);
        // In Present mode the bars are fixed: a press on an edge scrubs.
        robot.moveTo(band.localToScreen(lastEnd - 2, 37)).press(MouseButton.PRIMARY).moveBy(-110, 0).release(MouseButton.PRIMARY);
        assertEquals(before, session.plan().plan());

        robot.interact(() -> session.plan().modeProperty().set(PlanMode.CUSTOM));
        TimelineScale scale = TimelineScale.fitting(session.plan().plan(), band.getWidth());
        double x = scale.x(0.5) - 2;
        robot.moveTo(band.localToScreen(x, 37)).press(MouseButton.PRIMARY).moveBy(-110, 0).release(MouseButton.PRIMARY);
        double target = scale.time(x - 110); // the last frame's end follows the pointer; 16 frames share the change
        assertEquals((target + 0.5) / 16, session.plan().frameDurationProperty().get(), 2e-4);
        assertEquals(-0.5, session.plan().firstStartProperty().get(), 1e-12);
        assertEquals(target, session.plan().plan().span().end(), 16 * 2e-4);
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", session.plan().frameDurationProperty().get()),
                robot.lookup("#FRAME_DURATION_value").queryAs(Label.class).getText(), "the slider shows the new value");

        // The first bar's end dragged far right: the frames grow until the last one ends where the future span does (0.5 + 0.5).
        double end = TimelineScale.fitting(session.plan().plan(), band.getWidth()).x(session.plan().plan().get(0).end()) - 2;
        robot.moveTo(band.localToScreen(end, 37)).press(MouseButton.PRIMARY).moveBy(300, 0).release(MouseButton.PRIMARY);
        assertEquals(1.5 / 16, session.plan().frameDurationProperty().get(), 1e-12);
        assertEquals(1.0, session.plan().plan().span().end(), 1e-9);
        assertEquals("", session.plan().problemProperty().get());
    }

    @Test void themeSwitchRestylesTheRootAndIsRemembered(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        assertTrue(root.getStyleClass().contains(ThemeSwitch.LIGHT));
        System.gc(); // the menu item's binding to the theme must survive a collection
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertTrue(root.getStyleClass().contains(ThemeSwitch.DARK));
        assertFalse(root.getStyleClass().contains(ThemeSwitch.LIGHT));
        TimelineBand band = robot.lookup("#timeline").queryAs(TimelineBand.class);
        assertEquals(TimelineBand.DARK, band.palette(), "the band follows the theme");
        assertEquals(AppPreferences.Theme.DARK, prefs.theme());
        assertTrue(root.getStylesheets().stream().anyMatch(s -> s.endsWith("org/tempora/app/dark.css")));
        reopen(robot, new ClassicalEngine());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(ThemeSwitch.DARK), "the next window starts dark");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertTrue(((javafx.scene.control.CheckMenuItem) menuItem(robot, "darkThemeItem")).isSelected() == false);
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(ThemeSwitch.LIGHT));
        assertEquals(AppPreferences.Theme.LIGHT, prefs.theme());
        assertEquals(TimelineBand.LIGHT, robot.lookup("#timeline").queryAs(TimelineBand.class).palette());
    }

    @Test void everyShortcutIsListedOnceAndF1ShowsTheList(FxRobot robot) {
        List<ShortcutsDialog.Shortcut> list = ShortcutsDialog.list(menuBar(robot));
        for (String[] expected : new String[][] {{"File > Open photo", "Ctrl+O"}, {"Run > Generate", "Ctrl+G"}, {"Run > Cancel", "Escape"},
                {"Plan > Custom mode", "Ctrl+3"}, {"Plan > New sample (new seed)", "Ctrl+N"}, {"Playback > Play / Pause", "Ctrl+P"},
                {"View > Dark theme", "Ctrl+D"}, {"Help > Keyboard shortcuts", "F1"}}) {
            assertTrue(list.contains(new ShortcutsDialog.Shortcut(expected[0], expected[1])), expected[0] + " in " + list);
        }
        Set<String> keys = new HashSet<>();
        for (ShortcutsDialog.Shortcut s : list) assertTrue(keys.add(s.keys()), "two actions on " + s.keys());

        robot.type(KeyCode.F1);
        Window dialog = robot.listWindows().stream().filter(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle()))
                .findFirst().orElseThrow();
        assertTrue(dialog.isShowing());
        Node grid = dialog.getScene().getRoot().lookup("#shortcutList");
        assertNotNull(grid);
        assertTrue(((Parent) grid).getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("Ctrl+G")));
    }

    @Test void everyControlHasAnAccessibleNameAndATooltip(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        for (Node n : robot.lookup(node -> node instanceof ButtonBase || node instanceof Slider || node instanceof ComboBoxBase
                || node instanceof Spinner || node instanceof TextInputControl).queryAll()) {
            // Parts of other controls, and the menu bar's titles (read by their text), are not controls of their own.
            if (n.getParent() instanceof Spinner || n.getParent() instanceof ComboBoxBase || n.getStyleClass().contains("menu")) continue;
            Control c = (Control) n;
            if (c.getAccessibleText() == null || c.getAccessibleText().isBlank()) missing.add("accessible name: " + describe(c));
            if (c.getTooltip() == null) missing.add("tooltip: " + describe(c));
        }
        assertEquals(List.of(), missing);
    }

    private static String describe(Control c) {
        return c.getClass().getSimpleName() + (c.getId() == null ? "" : " #" + c.getId())
                + (c instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "");
    }
}
