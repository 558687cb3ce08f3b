package org.tempora.app;

import static org.tempora.app.FxTestSupport.smallPhoto;
import static org.tempora.app.FxTestSupport.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.diffusion.testmodels.OracleBundle;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Full-resolution detail" checkbox, headless: greyed with its reason for a photo of 1 megapixel or less and for
 * the diffusion engine (an oracle bundle installed), and ticked on a larger photo the run asks for the full size.
 */
@ExtendWith(ApplicationExtension.class)
class FullDetailTest {
    @TempDir Path dir;
    private final AppPreferences prefs = AppPreferences.throwaway();
    private String propertyBefore;
    private SessionModel session;
    private WindowEngines engines;
    private RequestCatcher classical;

    @Start void start(Stage stage) throws Exception {
        propertyBefore = System.getProperty(EngineChoice.MODELS_PROPERTY);
        Path models = Files.createDirectories(dir.resolve("models"));
        OracleBundle.builder().write(models.resolve("oracle"));
        System.setProperty(EngineChoice.MODELS_PROPERTY, models.toString());
        classical = new RequestCatcher();
        engines = new WindowEngines(EngineChoice.catalog(EngineChoice.modelsFolders(), new DeviceProbe.Device(false, "CPU (2 cores)")),
                classical, bundle -> new DiffusionEngine(bundle, DeviceChoice.CPU));
        session = new SessionModel(engines.classical(), new PlanViewModel(PlanLimits.CLASSICAL));
        stage.setScene(new Scene(new MainView(session, prefs, engines), 1100, 780));
        stage.show();
    }

    @AfterEach void closeAndRestore(FxRobot robot) {
        robot.interact(session::close);
        assertTrue(session.awaitStopped(5000), "the work stopped");
        engines.close();
        if (propertyBefore == null) System.clearProperty(EngineChoice.MODELS_PROPERTY);
        else System.setProperty(EngineChoice.MODELS_PROPERTY, propertyBefore);
    }

    private static CheckBox box(FxRobot robot) { return robot.lookup("#fullDetail").queryAs(CheckBox.class); }

    private static String tooltip(FxRobot robot) {
        return robot.lookup("#fullDetailHolder").queryAs(Label.class).getTooltip().getText();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<EngineChoice> engineList(FxRobot robot) { return robot.lookup("#engine").queryAs(ComboBox.class); }

    private void open(FxRobot robot, Path photo) throws Exception {
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
    }

    /** A grey ramp of 1500 x 1000 pixels (1.5 megapixels): just over the size a finer pass needs, 1.44 megapixels. */
    private Path largePhoto() throws Exception { return ramp(1500, 1000); }

    private Path ramp(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, (x + y) % 256);
        Path file = dir.resolve("ramp" + w + "x" + h + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test void isGreyedWithItsReasonUntilALargePhotoIsOpen(FxRobot robot) throws Exception {
        assertTrue(box(robot).isDisabled(), "no photo yet");
        assertEquals("Unavailable. For photos over 1.44 megapixels: open one first (Ctrl+O).", tooltip(robot));
        // (the finer pass needs 1.2 times the working size across, 1.44 megapixels for the 1 megapixel it works at)

        robot.moveTo("#fullDetail"); // a greyed control shows no tooltip itself: the label around it must
        waitFor(5, "the reason's tooltip to show", () -> robot.lookup("#fullDetailHolder").queryAs(Label.class).getTooltip().isShowing());
        robot.moveTo("#engine");

        open(robot, smallPhoto(dir));
        assertTrue(box(robot).isDisabled(), "200 x 150 is estimated at full size already");
        assertEquals("Unavailable. This photo is 200 x 150 pixels (0.03 megapixels): its blur is already estimated"
                + " and removed at full size; the finer pass is for photos over about 1.44 megapixels.", tooltip(robot));

        open(robot, ramp(1200, 900));
        assertTrue(box(robot).isDisabled(), "1200 x 900 is estimated at 1155 x 866, only 1.04 times smaller across");
        assertEquals("Unavailable. This photo is 1200 x 900 pixels (1.08 megapixels): its blur is estimated at 1 megapixel, too close"
                + " to its own size for a finer pass to gain anything; the finer pass is for photos over about 1.44 megapixels.", tooltip(robot));

        open(robot, largePhoto());
        assertFalse(box(robot).isDisabled());
        assertEquals(EnginePanel.FULL_DETAIL_HELP, tooltip(robot));
        assertTrue(box(robot).getAccessibleHelp().contains("removes the blur again at the photo's full size"));
    }

    @Test void isGreyedForTheDiffusionEngine(FxRobot robot) throws Exception {
        open(robot, largePhoto());
        assertFalse(box(robot).isDisabled());
        robot.interact(() -> engineList(robot).setValue(engineList(robot).getItems().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DiffusionEngine.ID, session.engine().id());
        assertTrue(box(robot).isDisabled());
        assertEquals("Unavailable. Classical engine only: the diffusion model does not estimate a blur to remove again.", tooltip(robot));
        robot.interact(() -> session.fullDetailProperty().set(true)); // even when set behind the greyed box
        assertEquals(EngineOptions.DEFAULT_MAX_DETAIL_PIXELS, session.runOptions(session.engine()).maxDetailPixels());

        robot.interact(() -> engineList(robot).setValue(engineList(robot).getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(box(robot).isDisabled(), "classical again");
    }

    @Test void optionsAskForTheFullSizeOnlyWhenTickedOnALargePhoto(FxRobot robot) throws Exception {
        open(robot, smallPhoto(dir));
        robot.interact(() -> session.fullDetailProperty().set(true));
        assertEquals(0, session.runOptions(classical).maxDetailPixels(), "a small photo needs no finer pass");

        open(robot, largePhoto());
        assertEquals(Long.MAX_VALUE, session.runOptions(classical).maxDetailPixels());
        assertTrue(box(robot).isSelected(), "the box shows the session's choice");
        waitFor(10, "the box to be enabled for the large photo", () -> !box(robot).isDisabled());
        FxTestSupport.scrollIntoView(robot, "#fullDetail");
        robot.clickOn("#fullDetail");
        assertFalse(session.fullDetailProperty().get(), "a click unticks it");
        assertEquals(0, session.runOptions(classical).maxDetailPixels());
    }

    @Test void tickingItOnALargePhotoMakesGenerateAskForTheFullSize(FxRobot robot) throws Exception {
        open(robot, largePhoto());
        waitFor(10, "the box to be enabled for the large photo", () -> !box(robot).isDisabled());
        assertFalse(session.fullDetailProperty().get(), "off to start with");
        robot.interact(() -> box(robot).fire()); // as a click or Space does; the mouse path is covered by the test above
        assertTrue(session.fullDetailProperty().get());
        robot.interact(() -> robot.lookup("#generateButton").queryButton().fire());
        waitFor(20, "the run to end", () -> !session.tasks().busyProperty().get() && !classical.requests.isEmpty(), FxTestSupport.runState(session));
        GenerationRequest request = classical.requests.get(0);
        assertEquals(Long.MAX_VALUE, request.options().maxDetailPixels());
        assertEquals(EngineOptions.DEFAULT_MAX_WORKING_PIXELS, request.options().maxWorkingPixels(), "the blur is still estimated at 1 MP");
        Map<String, Object> provenance = RunFolder.options(classical, request, false);
        assertEquals("full", provenance.get("detail"));
        assertFalse(session.errorProperty().get().isEmpty(), "the stand-in stopped the run");
    }

    /** Stands in for the classical engine (its id, limits): records each request and stops the run at once. */
    private static final class RequestCatcher implements Engine {
        final List<GenerationRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ClassicalEngine real = new ClassicalEngine();

        @Override public String id() { return real.id(); }
        @Override public String version() { return real.version(); }
        @Override public PlanLimits limits() { return real.limits(); }

        @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
                throws EngineException {
            requests.add(request);
            throw new EngineException("recorded the request");
        }
    }
}
