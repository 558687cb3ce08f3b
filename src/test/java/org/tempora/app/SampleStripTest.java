package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.engine.CancellationToken;
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

/** Several samples of a sampling engine as thumbnails to compare and pick; absent for the deterministic classical engine. */
@ExtendWith(ApplicationExtension.class)
class SampleStripTest {
    private Stage stage;
    private SessionModel session;

    @Start void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1100, 760));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> { if (session != null) session.close(); });
    }

    private void window(FxRobot robot, Engine engine) {
        robot.interact(() -> {
            session = new SessionModel(engine, new PlanViewModel(PlanLimits.CLASSICAL));
            stage.getScene().setRoot(new MainView(session));
        });
    }

    /** Uniform frames whose colour comes from the seed: seed s lights channel s mod 3 at 0.8, the others at 0.05. */
    private static final class TintingEngine implements Engine {
        final List<Long> seeds = Collections.synchronizedList(new ArrayList<>());

        @Override public String id() { return "tinting"; }
        @Override public String version() { return "1"; }
        @Override public PlanLimits limits() { return PlanLimits.CLASSICAL; }
        @Override public boolean samples() { return true; }

        @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
            seeds.add(request.seed());
            FramePlan plan = request.plan();
            List<LinearImage> frames = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) frames.add(tinted(request.seed(), 8, 6));
            return new GenerationResult(frames, plan, Optional.empty(), Optional.empty(), List.of(), Map.of());
        }

        static LinearImage tinted(long seed, int w, int h) {
            float[][] planes = new float[3][w * h];
            for (int c = 0; c < 3; c++) java.util.Arrays.fill(planes[c], c == seed % 3 ? 0.8f : 0.05f);
            return new LinearImage(w, h, planes);
        }
    }

    /** The channel (0 red, 1 green, 2 blue) brightest at the image's centre. */
    private static int brightest(Image image) {
        int argb = image.getPixelReader().getArgb((int) image.getWidth() / 2, (int) image.getHeight() / 2);
        int r = argb >> 16 & 0xff, g = argb >> 8 & 0xff, b = argb & 0xff;
        return r > g && r > b ? 0 : g > b ? 1 : 2;
    }

    private void openSmallPhoto(FxRobot robot, Path dir) throws Exception {
        Path photo = dir.resolve("grey.png");
        ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY), "png", photo.toFile());
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
    }

    @Test void threeSamplesGiveThreeThumbnailsAndClickingOnePicksItsFrames(FxRobot robot, @TempDir Path dir) throws Exception {
        TintingEngine engine = new TintingEngine();
        window(robot, engine);
        openSmallPhoto(robot, dir);
        assertFalse(robot.lookup("#sampleStrip").query().isVisible(), "nothing to compare before Generate");
        @SuppressWarnings("unchecked") Spinner<Integer> count = robot.lookup("#sampleCount").queryAs(Spinner.class);
        robot.interact(() -> {
            count.getValueFactory().setValue(3);
            session.seedProperty().set(6);
            session.plan().frameCountProperty().set(4);
        });
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(20, "three samples", () -> session.sampleThumbnailsProperty().size() == 3 && !session.tasks().busyProperty().get());

        assertEquals(List.of(6L, 7L, 8L), engine.seeds, "seed, seed+1, seed+2, one after another");
        assertTrue(robot.lookup("#sampleStrip").query().isVisible());
        List<Integer> tints = session.sampleThumbnailsProperty().stream().map(SampleStripTest::brightest).toList();
        assertEquals(List.of(0, 1, 2), tints, "seeds 6, 7, 8 light red, green, blue");
        assertEquals(0, session.chosenSampleProperty().get());
        assertEquals(0, brightest(session.shownImageProperty().get()), "the first sample is on the timeline");

        FxTestSupport.scrollIntoView(robot, "#sampleThumb1"); // below the fold of the side panel in a 760-pixel window
        robot.clickOn("#sampleThumb1");
        assertEquals(1, session.chosenSampleProperty().get());
        assertEquals(4, session.framesReadyProperty().get());
        for (int frame = 0; frame < 4; frame++) {
            int f = frame;
            robot.interact(() -> session.select(f));
            assertEquals(f, session.shownFrameProperty().get());
            assertEquals(1, brightest(session.shownImageProperty().get()), "frame " + f + " of the second sample");
        }
        assertTrue(session.completedRunProperty().get() != null, "the picked sample's run is the one inspected");
    }

    @Test void theClassicalEngineHasNoSampleCount(FxRobot robot) {
        window(robot, new ClassicalEngine());
        assertTrue(robot.lookup("#sampleCount").tryQuery().map(n -> !n.isVisible() && !n.isManaged()).orElse(true),
                "hidden and taking no room, not disabled: every seed gives the same frames");
        assertTrue(robot.lookup("#seed").tryQuery().isPresent());
        assertFalse(robot.lookup("#sampleStrip").query().isVisible());
    }
}
