package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;
import static org.tempora.app.FxTestSupport.smallPhoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import org.testfx.util.WaitForAsyncUtils;

/** The window's inspection tools on the classical engine, headless (Monocle): zoom, A/B split, re-blur check, blur trace. */
@ExtendWith(ApplicationExtension.class)
class InspectViewTest {
    private SessionModel session;

    @Start void start(Stage stage) {
        session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
        stage.setScene(new Scene(new MainView(session), 1100, 760));
        stage.show();
    }

    @AfterEach void closeSession(FxRobot robot) { robot.interact(session::close); }

    private void generate(FxRobot robot, Path photo, int frames) throws Exception {
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        robot.interact(() -> session.plan().frameCountProperty().set(frames));
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, frames + " frames", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
    }

    private static InspectView inspect(FxRobot robot) { return robot.lookup("#preview").queryAs(InspectView.class); }
    private static ImagePane pane(FxRobot robot, String id) { return robot.lookup(id).queryAs(ImagePane.class); }

    @Test void toolsWaitForWhatTheyShow(FxRobot robot, @TempDir Path dir) throws Exception {
        assertFalse(inspect(robot).getTop().isVisible(), "no zoom before a photo is open");
        Path photo = smallPhoto(dir);
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        // The zoom bar appears on the next pulse after the photo: wait for it rather than race it.
        waitFor(10, "the zoom bar", () -> robot.lookup("#fitButton").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        for (String id : new String[] {"#splitButton", "#reblurButton", "#traceButton"}) {
            assertTrue(robot.lookup(id).queryAs(ToggleButton.class).isDisabled(), id + " needs frames");
        }
        ImagePane main = pane(robot, "#inspectMain");
        assertSame(session.photoImageProperty().get(), main.imageProperty().get(), "the photo shows before generation");
        // Fitted: the 200x150 photo fills the view's width or height.
        ViewTransform t = inspect(robot).transform();
        assertEquals(Math.min(main.getWidth() / 200, main.getHeight() / 150), t.scale(), 1e-9);
    }

    @Test void splitReblurCheckAndTraceOnTheClassicalEngine(FxRobot robot, @TempDir Path dir) throws Exception {
        generate(robot, smallPhoto(dir), 6);
        ImagePane main = pane(robot, "#inspectMain");
        assertSame(session.shownImageProperty().get(), main.imageProperty().get(), "the frame shows after generation");
        assertTrue(session.shownFrameProperty().get() >= 0);

        // A/B split: photo left, the current frame right, over the same region.
        robot.clickOn("#splitButton");
        assertEquals(InspectView.Mode.SPLIT, inspect(robot).mode());
        assertSame(session.photoImageProperty().get(), main.imageProperty().get());
        assertSame(session.shownImageProperty().get(), main.rightProperty().get());
        // Drag the divider from the middle to a quarter of the width.
        double w = main.getWidth();
        robot.moveTo(main).press(MouseButton.PRIMARY).moveBy(-w / 4, 0).release(MouseButton.PRIMARY);
        assertEquals(0.25, main.dividerProperty().get(), 0.02);

        // Re-blur check: the classical engine's exposure frames average back to the photo.
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        assertEquals(InspectView.Mode.REBLUR, inspect(robot).mode());
        Label psnr = robot.lookup("#psnr").queryAs(Label.class);
        waitFor(30, "the PSNR", () -> psnr.getText().startsWith("PSNR "));
        Matcher m = Pattern.compile("PSNR ([0-9.]+) dB").matcher(psnr.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(session.tasks().busyProperty().get(), "the check runs once per run");
        assertTrue(m.find(), psnr.getText());
        assertTrue(Double.parseDouble(m.group(1)) > 40, psnr.getText());
        assertTrue(psnr.getText().contains("the 6 exposure frames"), psnr.getText());
        ImagePane photo = pane(robot, "#inspectPhoto"), mean = pane(robot, "#inspectMean"), heat = pane(robot, "#inspectHeat");
        assertNotNull(mean.imageProperty().get());
        assertNotNull(heat.imageProperty().get());
        assertEquals(200, mean.imageProperty().get().getWidth());

        // Zoom in: every picture's scale changes together.
        double before = photo.drawnScale();
        assertEquals(before, mean.drawnScale());
        robot.press(KeyCode.CONTROL, KeyCode.PLUS).release(KeyCode.PLUS, KeyCode.CONTROL);
        assertEquals(before * ViewTransform.STEP, photo.drawnScale(), 1e-9);
        assertEquals(photo.drawnScale(), mean.drawnScale());
        assertEquals(photo.drawnScale(), heat.drawnScale());
        robot.moveTo(mean).scroll(2, javafx.geometry.VerticalDirection.UP);
        assertTrue(photo.drawnScale() != before * ViewTransform.STEP, "the wheel zooms too");
        assertEquals(photo.drawnScale(), mean.drawnScale());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(before, photo.drawnScale(), 1e-9, "Ctrl+0 fits again");

        // Blur trace: the photo with the kernel and path over it; a click moves the path.
        robot.clickOn("#traceButton");
        assertEquals(InspectView.Mode.TRACE, inspect(robot).mode());
        assertSame(session.photoImageProperty().get(), main.imageProperty().get());
        assertNotNull(main.overlayProperty().get());
        assertTrue(session.completedRunProperty().get().trajectory().orElseThrow().samples().size() > 1);
        robot.clickOn("#traceButton");
        assertEquals(InspectView.Mode.FRAME, inspect(robot).mode(), "pressing the mode again leaves it");
        assertSame(session.shownImageProperty().get(), main.imageProperty().get());
    }
}
