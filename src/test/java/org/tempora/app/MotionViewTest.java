package org.tempora.app;

import static org.tempora.app.FxTestSupport.devImage;
import static org.tempora.app.FxTestSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.flow.FloFile;
import org.tempora.flow.FlowField;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The motion overlay on frames of the classical engine, headless (Monocle): views, playhead, opacity, picked tracks, export. */
@ExtendWith(ApplicationExtension.class)
class MotionViewTest {
    private static final int FRAMES = 6;
    private SessionModel session;
    private MainView view;

    @Start void start(Stage stage) {
        session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
        view = new MainView(session);
        stage.setScene(new Scene(view, 1100, 760));
        stage.show();
    }

    @AfterEach void closeSession(FxRobot robot) { robot.interact(() -> { view.dispose(); session.close(); }); }

    private Path generate(FxRobot robot, Path dir) throws Exception {
        Path photo = BenchmarkPhotos.blurred(devImage("rocket.jpg"), 200, 150, 10, dir.resolve("blurred.png"));
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        robot.interact(() -> session.plan().frameCountProperty().set(FRAMES));
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, FRAMES + " frames", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        return photo;
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    /** The picture area as drawn, one pixel at its centre. */
    private static int centrePixel(FxRobot robot, ImagePane pane) {
        int[] argb = new int[1];
        robot.interact(() -> {
            WritableImage shot = pane.snapshot(null, null);
            argb[0] = shot.getPixelReader().getArgb((int) shot.getWidth() / 2, (int) shot.getHeight() / 2);
        });
        return argb[0];
    }

    @Test void overlayFollowsThePlayheadAndBlendsAtTheChosenOpacity(FxRobot robot, @TempDir Path dir) throws Exception {
        generate(robot, dir);
        MotionOverlay motion = view.motion();
        ImagePane main = robot.lookup("#inspectMain").queryAs(ImagePane.class);
        assertNull(main.overlayProperty().get(), "no overlay until a view is chosen");
        assertNull(motion.flows(), "nothing is measured while the overlay is off");

        robot.interact(() -> session.select(0));
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL); // Ctrl+M: off -> colour wheel
        assertEquals(MotionKind.WHEEL, motion.kindProperty().get());
        waitFor(60, "the motion to be measured and drawn", () -> motion.readyProperty().get());
        assertNotNull(main.overlayProperty().get());
        assertEquals(FRAMES, motion.flows().frameCount());
        assertEquals(FRAMES, motion.picturesDrawn(), "one picture per frame, drawn once");
        assertTrue(motion.statusProperty().get().startsWith("Motion measured at 200x150 by DIS"), motion.statusProperty().get());

        Image first = motion.picture();
        assertEquals(200, first.getWidth());
        assertEquals(150, first.getHeight());
        robot.interact(() -> session.select(3));
        Image fourth = motion.picture();
        assertNotSame(first, fourth, "the overlay follows the playhead");
        assertFalse(Arrays.equals(pixels(first), pixels(fourth)), "frames 1->2 and 4->5 move differently");
        robot.interact(() -> session.select(FRAMES - 1));
        assertNotNull(motion.picture(), "the last frame shows the flow from the one before");

        // Opacity: the view's centre at half opacity lies half-way between the frame alone and the overlay alone.
        Slider opacity = robot.lookup("#motionOpacity").queryAs(Slider.class);
        robot.interact(() -> opacity.setValue(0));
        int bare = centrePixel(robot, main);
        robot.interact(() -> opacity.setValue(1));
        int full = centrePixel(robot, main);
        robot.interact(() -> opacity.setValue(0.5));
        assertEquals(0.5, motion.opacityProperty().get(), 1e-12, "the slider sets the overlay's opacity");
        int half = centrePixel(robot, main);
        assertNotEquals(bare, full, "the overlay covers the frame at full opacity");
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = (bare >> shift) & 0xff, b = (full >> shift) & 0xff, m = (half >> shift) & 0xff;
            assertEquals((a + b) / 2.0, m, 3, "channel at bit " + shift + ": " + Integer.toHexString(bare) + " / "
                    + Integer.toHexString(half) + " / " + Integer.toHexString(full));
        }

        // Over the photo: the photo goes under the overlay.
        robot.interact(() -> motion.overPhotoProperty().set(true));
        assertEquals(session.photoImageProperty().get(), main.imageProperty().get());
        robot.interact(() -> motion.kindProperty().set(MotionKind.OFF));
        assertNull(main.overlayProperty().get());
        assertEquals(session.shownImageProperty().get(), main.imageProperty().get(), "off: the frame again");
    }

    @Test void clickedPointsAreTrackedAndViewsAndFlowsExport(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = generate(robot, dir);
        MotionOverlay motion = view.motion();
        ImagePane main = robot.lookup("#inspectMain").queryAs(ImagePane.class);
        robot.interact(() -> {
            session.select(1);
            motion.kindProperty().set(MotionKind.TRACKS);
        });
        waitFor(60, "the grid tracks", () -> motion.readyProperty().get());
        assertTrue(robot.lookup("#inspectInfo").queryAs(Label.class).getText().startsWith("Click the picture to track"));

        robot.clickOn(main);
        assertEquals(1, motion.picked().size(), "a click adds a point to track");
        MotionSettings.PickedPoint p = motion.picked().get(0);
        assertEquals(1, p.frame(), "from the frame on screen");
        ViewTransform t = robot.lookup("#preview").queryAs(InspectView.class).transform();
        assertEquals(t.imageX(main.getWidth() / 2), p.x(), 1.0, "at the photo point under the click");
        assertEquals(t.imageY(main.getHeight() / 2), p.y(), 1.0);
        waitFor(60, "the picked track", () -> motion.readyProperty().get());
        robot.interact(() -> session.select(FRAMES - 1));
        assertEquals(1, MotionPictures.tracksAt(motion.flows(), motion.settings(), FRAMES - 1).size(), "picked points replace the grid");

        // Export: the view on screen as PNG and the current pair's flow as .flo, at the measured size.
        Path png = dir.resolve("out").resolve("tracks.png"), flo = dir.resolve("out").resolve("flow.flo");
        Files.createDirectories(png.getParent());
        robot.interact(() -> motion.savePicture(png));
        robot.interact(() -> motion.saveFlow(flo));
        waitFor(30, "both files", () -> Files.exists(png) && Files.exists(flo));
        BufferedImage saved = ImageIO.read(png.toFile());
        assertEquals(200, saved.getWidth());
        assertEquals(150, saved.getHeight());
        FlowField read = FloFile.read(flo);
        assertEquals(200, read.width());
        assertEquals(150, read.height());
        FlowField measured = motion.flows().measured(motion.currentPair()).forward();
        assertEquals(measured.u(100, 75), read.u(100, 75), 0, "the last pair's flow, as measured");
        assertEquals("flow_0004_0005.flo", motion.suggestedFlowName(), "the last frame shows the flow from the one before");

        // The photo itself is never overwritten.
        long size = Files.size(photo);
        robot.interact(() -> motion.saveFlow(photo));
        assertTrue(session.errorProperty().get().contains("does not overwrite the photo"), session.errorProperty().get());
        assertEquals(size, Files.size(photo));

        // Two chosen frames, first to last by default; a fixed pair's colours are one picture for every frame.
        robot.interact(() -> {
            motion.kindProperty().set(MotionKind.WHEEL);
            motion.twoFramesProperty().set(true);
        });
        assertEquals(1, motion.pairFromProperty().get());
        assertEquals(FRAMES, motion.pairToProperty().get());
        waitFor(60, "the first-to-last picture", () -> motion.readyProperty().get());
        assertEquals(1, motion.picturesDrawn());
        assertEquals("flow_0000_0005.flo", motion.suggestedFlowName());
        Image last = motion.picture();
        robot.interact(() -> session.select(0));
        assertTrue(last == motion.picture());
    }
}
