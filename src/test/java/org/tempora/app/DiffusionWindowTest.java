package org.tempora.app;

import static org.tempora.app.FxTestSupport.smallPhoto;
import static org.tempora.app.FxTestSupport.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with a model bundle installed ({@code -Dtempora.models} pointing at an oracle bundle, whose frames take
 * milliseconds on the CPU), headless: choosing diffusion, its limits and controls, a run with previews, steps, cancel.
 */
@ExtendWith(ApplicationExtension.class)
class DiffusionWindowTest {
    @TempDir Path dir;
    private final AppPreferences prefs = AppPreferences.throwaway();
    private final List<SessionModel> sessions = new ArrayList<>();
    private final List<WindowEngines> engineSets = new ArrayList<>();
    private String propertyBefore;
    private Stage stage;
    private SessionModel session;
    private RecordingEngine diffusion;

    @Start void start(Stage stage) throws Exception {
        this.stage = stage;
        propertyBefore = System.getProperty(EngineChoice.MODELS_PROPERTY);
        Path models = Files.createDirectories(dir.resolve("models"));
        OracleBundle.builder().write(models.resolve("oracle"));
        System.setProperty(EngineChoice.MODELS_PROPERTY, models.toString());
        stage.setScene(new Scene(window(), 1100, 780));
        stage.show();
    }

    /** A window on the models property's bundle, the diffusion engine on the CPU wrapped to record what it does. */
    private MainView window() {
        WindowEngines engines = new WindowEngines(EngineChoice.catalog(EngineChoice.modelsFolders(), new DeviceProbe.Device(false, "CPU (2 cores)")),
                new ClassicalEngine(), bundle -> diffusion = new RecordingEngine(new DiffusionEngine(bundle, DeviceChoice.CPU)));
        engineSets.add(engines);
        session = new SessionModel(engines.classical(), new PlanViewModel(PlanLimits.CLASSICAL));
        sessions.add(session);
        return new MainView(session, prefs, engines);
    }

    @AfterEach void closeAndRestore(FxRobot robot) {
        robot.interact(() -> sessions.forEach(SessionModel::close));
        for (SessionModel s : sessions) assertTrue(s.awaitStopped(5000), "the work stopped");
        engineSets.forEach(WindowEngines::close);
        if (propertyBefore == null) System.clearProperty(EngineChoice.MODELS_PROPERTY);
        else System.setProperty(EngineChoice.MODELS_PROPERTY, propertyBefore);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<EngineChoice> engineList(FxRobot robot) { return robot.lookup("#engine").queryAs(ComboBox.class); }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) { return robot.lookup(id).queryAs(Spinner.class); }

    /** Picks the diffusion entry from the open list with the mouse, as a user would. */
    private void chooseDiffusion(FxRobot robot) {
        robot.clickOn("#engine");
        ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> "Diffusion".equals(c.getText())).findFirst().orElseThrow();
        assertFalse(cell.isDisabled());
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DiffusionEngine.ID, session.engine().id());
    }

    private void openSmallPhoto(FxRobot robot) throws Exception {
        Path photo = smallPhoto(dir);
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
    }

    @Test void theDefaultWindowFindsTheBundleThroughTheModelsProperty(FxRobot robot) {
        robot.interact(() -> stage.getScene().setRoot(new MainView(session, prefs))); // this installation's engines
        EngineChoice entry = engineList(robot).getItems().get(1);
        assertTrue(entry.available(), entry.reason());
        assertTrue(entry.detail().startsWith("Model oracle 1.0.0 (float32), runs on "), entry.detail());
        assertTrue(entry.tooltip().endsWith("Bundle folder: " + dir.resolve("models").resolve("oracle").toAbsolutePath().normalize() + "."), entry.tooltip());
        assertFalse(robot.lookup("#engineReason").query().isVisible(), "nothing is greyed");
    }

    @Test void choosingDiffusionAppliesItsLimitsAndControlsAndClassicalRestoresThem(FxRobot robot) {
        CheckBox reverse = robot.lookup("#reverseTime").queryAs(CheckBox.class);
        assertFalse(reverse.isDisabled());
        assertFalse(robot.lookup("#engineDetail").query().isVisible(), "the classical engine needs no line under the list");
        assertFalse(robot.lookup("#steps").query().isVisible());
        assertFalse(robot.lookup("#sampleCount").query().isVisible(), "the classical engine has one sample per seed");
        robot.interact(() -> session.plan().frameCountProperty().set(20));
        assertEquals("", session.plan().problemProperty().get());

        chooseDiffusion(robot);
        assertEquals(PlanLimits.DIFFUSION, session.plan().limits());
        assertTrue(reverse.isDisabled(), "reverse time is the classical engine's");
        assertTrue(robot.lookup("#steps").query().isVisible());
        assertEquals(4, spinner(robot, "#steps").getValue(), "the bundle's default_steps");
        assertTrue(robot.lookup("#sampleCount").query().isVisible());
        String detail = robot.lookup("#engineDetail").queryAs(Label.class).getText();
        assertEquals("Model oracle 1.0.0 (float32), runs on CPU (2 cores), slow: minutes per step at full size.", detail);
        Label problem = robot.lookup("#planProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("The diffusion model generates at most 16 frames per run but 20 were asked for: ask for 16 or fewer", problem.getText());
        assertEquals(Optional.of(EngineChoice.DIFFUSION), prefs.engine());

        robot.interact(() -> engineList(robot).setValue(engineList(robot).getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ClassicalEngine.ID, session.engine().id());
        assertEquals(PlanLimits.CLASSICAL, session.plan().limits());
        assertFalse(problem.isVisible(), "20 frames are fine again");
        assertNotNull(session.plan().plan());
        assertFalse(reverse.isDisabled());
        assertFalse(robot.lookup("#steps").query().isVisible());
        assertEquals(Optional.of(EngineChoice.CLASSICAL), prefs.engine());
    }

    @Test void theRememberedEngineIsChosenInTheNextWindow(FxRobot robot) {
        chooseDiffusion(robot);
        robot.interact(() -> stage.getScene().setRoot(window()));
        assertEquals(DiffusionEngine.ID, session.engine().id());
        assertEquals("Diffusion", engineList(robot).getValue().label());
        assertEquals(PlanLimits.DIFFUSION, session.plan().limits());
    }

    @Test void generatesEveryFrameWithPreviewsFirstAndTheChosenSteps(FxRobot robot) throws Exception {
        openSmallPhoto(robot);
        chooseDiffusion(robot);
        robot.interact(() -> {
            session.plan().frameCountProperty().set(8);
            spinner(robot, "#steps").getValueFactory().setValue(6);
        });
        List<String> stages = Collections.synchronizedList(new ArrayList<>()), captions = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> {
            session.tasks().stageProperty().addListener((o, a, b) -> stages.add(b));
            session.captionProperty().addListener((o, a, b) -> captions.add(b));
        });
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, "8 frames", () -> session.framesReadyProperty().get() == 8 && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        assertEquals("", session.errorProperty().get());
        assertTrue(session.statusProperty().get().startsWith("8 frames in "), session.statusProperty().get());

        assertEquals(List.of(6), diffusion.samplingTotals(), "the spinner's steps reached the engine");
        assertTrue(stages.contains("Sampling step 3 of 6"), stages.toString());
        List<int[]> frames = diffusion.frames();
        int firstPreview = indexOf(frames, true), firstFinal = indexOf(frames, false);
        assertTrue(firstPreview >= 0, "previews arrived");
        assertTrue(firstPreview < firstFinal, "previews come before the final frames");
        assertEquals(8, frames.stream().filter(f -> f[1] == 0).count(), "each final frame once");
        // Frame 1 is on screen: it showed as a preview first, then as itself.
        assertTrue(captions.stream().anyMatch(c -> c.startsWith("Frame 1 of 8 (preview)")), captions.toString());
        assertTrue(session.captionProperty().get().startsWith("Frame 1 of 8 "), session.captionProperty().get());
        assertFalse(session.captionProperty().get().contains("preview"));
        for (int i = 0; i < 8; i++) assertTrue(session.isReady(i), "frame " + i);
    }

    private static int indexOf(List<int[]> frames, boolean preview) {
        for (int i = 0; i < frames.size(); i++) if ((frames.get(i)[1] == 1) == preview) return i;
        return -1;
    }

    @Test void severalSamplesGiveThumbnails(FxRobot robot) throws Exception {
        openSmallPhoto(robot);
        chooseDiffusion(robot);
        robot.interact(() -> {
            session.plan().frameCountProperty().set(4);
            spinner(robot, "#sampleCount").getValueFactory().setValue(2);
        });
        robot.interact(session::generate);
        waitFor(60, "two samples", () -> session.sampleThumbnailsProperty().size() == 2 && !session.tasks().busyProperty().get());
        assertTrue(robot.lookup("#sampleStrip").query().isVisible());
        assertEquals(List.of(4, 4), diffusion.samplingTotals(), "the bundle's 4 default steps, once per sample");
    }

    @Test void cancelStopsASlowRun(FxRobot robot) throws Exception {
        openSmallPhoto(robot);
        chooseDiffusion(robot);
        diffusion.stepDelayMs = 400; // 100 steps: a run of 40 s
        robot.interact(() -> {
            session.plan().frameCountProperty().set(8);
            spinner(robot, "#steps").getValueFactory().setValue(100);
        });
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(30, "sampling to start", () -> robot.lookup("#stageText").queryAs(Label.class).getText().startsWith("Sampling step "));
        assertTrue(engineList(robot).isDisabled(), "no switching while a run goes on");
        robot.clickOn("#cancelButton");
        waitFor(10, "the run to stop", () -> !session.tasks().busyProperty().get());
        assertTrue(session.statusProperty().get().startsWith("Cancelled"), session.statusProperty().get());
        assertEquals(0, session.framesReadyProperty().get());
        assertEquals("", session.errorProperty().get());
    }

    @Test void aLatePreviewNeverReplacesAFinalFrame(FxRobot robot) throws Exception {
        openSmallPhoto(robot);
        robot.interact(() -> {
            session.switchEngine(new LatePreviewEngine());
            session.plan().frameCountProperty().set(2);
            session.select(0);
            session.generate();
        });
        waitFor(20, "2 frames", () -> session.framesReadyProperty().get() == 2 && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        Image shown = session.shownImageProperty().get();
        int argb = shown.getPixelReader().getArgb(0, 0);
        assertEquals(0xff, (argb >> 8) & 0xff, "the final (green) frame stays, not the late (red) preview: " + Integer.toHexString(argb));
        assertEquals(0, (argb >> 16) & 0xff);
        assertFalse(session.captionProperty().get().contains("preview"));
    }

    @Test void switchingIsRefusedWhileWorkRuns(FxRobot robot) throws Exception {
        openSmallPhoto(robot);
        chooseDiffusion(robot);
        diffusion.stepDelayMs = 400;
        robot.interact(() -> spinner(robot, "#steps").getValueFactory().setValue(100));
        robot.interact(session::generate);
        waitFor(30, "the run to start", () -> session.tasks().busyProperty().get());
        boolean[] switched = new boolean[1];
        robot.interact(() -> switched[0] = session.switchEngine(new ClassicalEngine()));
        assertFalse(switched[0]);
        assertEquals(DiffusionEngine.ID, session.engine().id());
        assertTrue(session.errorProperty().get().startsWith("Wait for the running work to finish"), session.errorProperty().get());
        robot.interact(session::cancel);
        waitFor(10, "the run to stop", () -> !session.tasks().busyProperty().get());
    }

    /** The diffusion engine, recording its sampling totals and frames (index, 1 for a preview) and optionally slowed per step. */
    private static final class RecordingEngine implements Engine, AutoCloseable {
        private final DiffusionEngine engine;
        private final List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
        private final List<int[]> frames = Collections.synchronizedList(new ArrayList<>());
        volatile long stepDelayMs;

        RecordingEngine(DiffusionEngine engine) { this.engine = engine; }

        /** The "sampling" total reported by each run (one per sample). */
        List<Integer> samplingTotals() { synchronized (totals) { return List.copyOf(totals); } }

        List<int[]> frames() { synchronized (frames) { return List.copyOf(frames); } }

        @Override public String id() { return engine.id(); }
        @Override public String version() { return engine.version(); }
        @Override public PlanLimits limits() { return engine.limits(); }
        @Override public boolean samples() { return engine.samples(); }
        @Override public void close() { engine.close(); }

        @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
                throws EngineException, CancelledException {
            boolean[] counted = new boolean[1];
            return engine.generate(request, new ProgressListener() {
                @Override public void progress(String stage, int done, int total) {
                    if (stage.equals("sampling")) {
                        if (!counted[0]) totals.add(total);
                        counted[0] = true;
                        if (stepDelayMs > 0) {
                            try {
                                Thread.sleep(stepDelayMs);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                    progress.progress(stage, done, total);
                }

                @Override public boolean wantsFrames() { return progress.wantsFrames(); }

                @Override public void frame(int index, LinearImage frame, boolean preview) {
                    frames.add(new int[] {index, preview ? 1 : 0});
                    progress.frame(index, frame, preview);
                }
            }, cancel);
        }
    }

    /** Sends each frame final (green), then a stale preview (red) of it, as a slow preview decoder could. */
    private static final class LatePreviewEngine implements Engine {
        @Override public String id() { return "late-preview"; }
        @Override public String version() { return "1"; }
        @Override public PlanLimits limits() { return PlanLimits.DIFFUSION; }
        @Override public boolean samples() { return true; }

        @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
            LinearImage green = solid(request.photo(), 1), red = solid(request.photo(), 0);
            List<LinearImage> out = new ArrayList<>();
            for (int i = 0; i < request.plan().size(); i++) {
                progress.frame(i, green, false);
                progress.frame(i, red, true);
                out.add(green);
            }
            return new GenerationResult(out, request.plan(), Optional.empty(), Optional.empty(), List.of(), Map.of());
        }

        /** Pure green (channel 1) or pure red (channel 0), the photo's size. */
        private static LinearImage solid(LinearImage like, int channel) {
            LinearImage image = LinearImage.blank(like.width(), like.height(), 3);
            java.util.Arrays.fill(image.plane(channel), 1f);
            return image;
        }
    }
}
