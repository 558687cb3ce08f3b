package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;
import static org.tempora.app.FxTestSupport.smallPhoto;
import static org.tempora.app.FxTestSupport.devImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on the classical engine, headless (Monocle): open, shape the plan, generate, scrub, cancel, fail. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private SessionModel session;

    @Start void start(Stage stage) {
        session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
        stage.setScene(new Scene(new MainView(session), 1100, 760));
        stage.show();
    }

    @AfterEach void closeSession(FxRobot robot) {
        robot.interact(session::close);
    }

    private static String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    private void openAndWait(FxRobot robot, Path photo) throws Exception {
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
    }

    @Test void startsWithAHintAndAnOpenAction(FxRobot robot) {
        assertTrue(robot.lookup("#welcome").query().isVisible());
        assertTrue(robot.lookup("#hint").queryAs(Label.class).getText().startsWith("Open a motion-blurred photo"));
        assertTrue(robot.lookup("#openButton").queryButton().isVisible());
        assertTrue(robot.lookup("#generateButton").queryButton().isDisabled(), "nothing to generate before a photo is open");
        assertFalse(robot.lookup("#errorBanner").query().isVisible());
    }

    @Test void opensAPhotoAndShowsItsFacts(FxRobot robot) throws Exception {
        openAndWait(robot, devImage("chelsea.png"));
        GridPane facts = robot.lookup("#photoFacts").queryAs(GridPane.class);
        assertTrue(facts.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("451 x 300 px")));
        assertTrue(facts.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("PNG")));
        Image shown = session.shownImageProperty().get();
        assertEquals(451, shown.getWidth());
        assertEquals(300, shown.getHeight());
        assertFalse(robot.lookup("#welcome").query().isVisible());
        assertFalse(robot.lookup("#generateButton").queryButton().isDisabled());
    }

    @Test void slidersReshapeThePlanAndExplainInvalidOnes(FxRobot robot) {
        Slider frames = robot.lookup("#FRAME_COUNT").queryAs(Slider.class);
        TimelineBand band = robot.lookup("#timeline").queryAs(TimelineBand.class);
        assertEquals("16 frames over [-0.500, 0.500]", text(robot, "#planSummary"));
        robot.interact(() -> frames.setValue(8));
        assertEquals("8 frames over [-0.500, 0.500]", text(robot, "#planSummary"));
        assertEquals(8, band.planProperty().get().size());
        assertEquals(0.125, band.planProperty().get().get(0).duration(), 1e-12);
        robot.interact(frames::requestFocus);
        robot.type(KeyCode.RIGHT); // one block increment: one frame more
        assertEquals(9, band.planProperty().get().size());
        assertTrue(robot.lookup("#FRAME_DURATION").queryAs(Slider.class).isDisabled(), "derived in Present mode");

        robot.interact(() -> session.plan().modeProperty().set(PlanMode.CUSTOM));
        Slider duration = robot.lookup("#FRAME_DURATION").queryAs(Slider.class);
        assertFalse(duration.isDisabled());
        robot.interact(() -> duration.setValue(0.5)); // 9 frames of 0.5 from -0.5 end at 4.0, past the future span
        Label problem = robot.lookup("#planProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().startsWith("The last frame ends at 4"), problem.getText());
        assertEquals(null, session.plan().plan());
        robot.interact(() -> duration.setValue(0.1));
        assertFalse(problem.isVisible());
        assertEquals(0.1, band.planProperty().get().get(0).duration(), 1e-9);
    }

    @Test void generatesFramesThenScrubsThemWithKeys(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndWait(robot, smallPhoto(dir));
        robot.interact(() -> session.plan().frameCountProperty().set(6));
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, "6 frames", () -> session.framesReadyProperty().get() == 6 && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        assertEquals("", session.errorProperty().get());
        assertTrue(session.statusProperty().get().startsWith("6 frames in "), session.statusProperty().get());

        robot.clickOn("#timeline").type(KeyCode.HOME);
        assertEquals(0, session.shownFrameProperty().get());
        assertTrue(text(robot, "#caption").startsWith("Frame 1 of 6"), text(robot, "#caption"));
        robot.type(KeyCode.RIGHT, 2);
        assertEquals(2, session.shownFrameProperty().get());
        assertTrue(text(robot, "#caption").startsWith("Frame 3 of 6"), text(robot, "#caption"));
        Image third = session.shownImageProperty().get();
        assertNotEquals(session.photoImageProperty().get(), third);
        robot.type(KeyCode.END);
        assertEquals(5, session.shownFrameProperty().get());
        robot.type(KeyCode.LEFT, 3);
        assertSame(third, session.shownImageProperty().get(), "frames are converted once and reused");

        // The mouse scrubs too: the band's left edge is before the first frame, its right edge after the last.
        Node band = robot.lookup("#timeline").query();
        robot.moveTo(band).moveBy(-band.getBoundsInLocal().getWidth() / 2 + 3, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(band.getBoundsInLocal().getWidth() - 6, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        assertEquals(5, session.selectedFrameProperty().get());
    }

    @Test void escapeCancelsARunningGeneration(FxRobot robot) throws Exception {
        openAndWait(robot, devImage("astronaut.png"));
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        waitFor(10, "the run to start", () -> session.tasks().busyProperty().get());
        assertFalse(robot.lookup("#cancelButton").queryAs(Button.class).isDisabled());
        robot.type(KeyCode.ESCAPE);
        waitFor(10, "the run to stop", () -> !session.tasks().busyProperty().get());
        assertTrue(session.statusProperty().get().startsWith("Cancelled"), session.statusProperty().get());
        assertEquals("", session.errorProperty().get());
        assertTrue(session.framesReadyProperty().get() < 16);
    }

    @Test void aBadFileShowsAReadableMessageAndKeepsThePhoto(FxRobot robot) throws Exception {
        openAndWait(robot, devImage("chelsea.png"));
        robot.interact(() -> session.open(devImage("bad-inputs/truncated.jpg")));
        waitFor(20, "the error", () -> !session.errorProperty().get().isEmpty());
        assertTrue(robot.lookup("#errorBanner").query().isVisible());
        String message = text(robot, "#errorText");
        assertTrue(message.startsWith("Truncated.jpg: the JPEG data ends early"), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertEquals("chelsea.png", session.photoProperty().get().source().getFileName().toString(), "the open photo stays");
    }

    @Test void framesBeforeAndAfterTheExposureShowHowFarTheEngineTrustsThem(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndWait(robot, smallPhoto(dir));
        robot.interact(() -> {
            session.plan().modeProperty().set(PlanMode.PAST_PRESENT_FUTURE);
            session.plan().frameCountProperty().set(8);
        });
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, "8 frames", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        TimelineBand band = robot.lookup("#timeline").queryAs(TimelineBand.class);
        double[] shown = band.confidence();
        org.tempora.timeline.FramePlan plan = session.timelinePlanProperty().get();
        assertEquals(8, shown.length);
        // Closed form: the mean over [a, b] of exp(-d / 0.5), d the distance beyond the exposure's nearer end.
        int outside = 0;
        for (int i = 0; i < plan.size(); i++) {
            org.tempora.timeline.Interval iv = plan.get(i);
            double a = iv.start(), b = iv.end();
            if (a >= 0.5 || b <= -0.5) {
                double near = a >= 0.5 ? a - 0.5 : -0.5 - b, far = near + (b - a);
                double expected = 0.5 * (Math.exp(-near / 0.5) - Math.exp(-far / 0.5)) / (b - a);
                assertEquals(expected, shown[i], 0.01, "frame " + i + " " + iv);
                assertTrue(TimelineBand.uncertain(shown[i]));
                outside++;
            } else if (a >= -0.5 && b <= 0.5) {
                assertEquals(1, shown[i], 1e-9, "inside the exposure the photo shows the path: frame " + i);
            }
        }
        assertTrue(outside >= 2, "past and future frames in " + plan.intervals());
        // The caption names it for a frame the engine trusts less, and says nothing of it inside the exposure.
        robot.clickOn("#timeline").type(KeyCode.END);
        int last = plan.size() - 1;
        assertTrue(text(robot, "#caption").endsWith("future   confidence " + Math.round(100 * shown[last]) + "%"), text(robot, "#caption"));
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).start() >= -0.5 && plan.get(i).end() <= 0.5) {
                int frame = i;
                robot.interact(() -> session.select(frame));
                assertFalse(text(robot, "#caption").contains("confidence"), text(robot, "#caption"));
                break;
            }
        }
    }
}
