package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;
import static org.tempora.app.FxTestSupport.smallPhoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import org.tempora.engine.BlurPart;
import org.tempora.engine.EngineOptions;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
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

    @Test void aBlurRegionIsDraggedOutAndTheNextRunEstimatesTheBlurFromIt(FxRobot robot, @TempDir Path dir) throws Exception {
        String[] refused = new String[1];
        robot.interact(() -> refused[0] = session.chooseBlurRegion(new EngineOptions.Region(0, 0, 60, 60)));
        assertTrue(refused[0].startsWith("Open a photo first"), refused[0]);
        Path photo = smallPhoto(dir); // 200 x 150: worked at its own size, so a region needs 48 x 48 photo pixels
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        waitFor(10, "the zoom bar", () -> robot.lookup("#regionButton").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertFalse(robot.lookup("#regionButton").queryAs(ToggleButton.class).isDisabled(), "a photo is enough to choose a part");
        // Parts outside the photo, and any part for an engine that estimates no blur, are refused with the reason.
        robot.interact(() -> refused[0] = session.chooseBlurRegion(new EngineOptions.Region(150, 100, 100, 100)));
        assertEquals("The part must lie inside the photo.", refused[0]);
        org.tempora.engine.Engine diffusionLike = new org.tempora.engine.Engine() {
            @Override public String id() { return "diffusion"; }
            @Override public String version() { return "1"; }
            @Override public PlanLimits limits() { return PlanLimits.CLASSICAL; }
            @Override public org.tempora.engine.GenerationResult generate(org.tempora.engine.GenerationRequest r,
                    org.tempora.engine.ProgressListener p, org.tempora.engine.CancellationToken c) { throw new UnsupportedOperationException(); }
        };
        assertTrue(SessionModel.whyNoBlurRegion(diffusionLike).startsWith("Classical engine only"), SessionModel.whyNoBlurRegion(diffusionLike));
        assertNull(session.blurRegionProperty().get());
        robot.clickOn("#regionButton");
        assertEquals(InspectView.Mode.REGION, inspect(robot).mode());
        ImagePane main = pane(robot, "#inspectMain");
        assertSame(session.photoImageProperty().get(), main.imageProperty().get(), "the region is drawn on the photo");
        assertFalse(robot.lookup("#wholePhotoButton").queryAs(Button.class).isVisible(), "nothing to clear yet");

        // Drag from photo point (20.5, 15.5) to (140.5, 120.5): the whole pixels 20..140 x 15..120.
        drag(robot, main, 20.5, 15.5, 140.5, 120.5);
        EngineOptions.Region r = session.blurRegionProperty().get();
        assertNotNull(r, "the dragged part is taken");
        assertEquals(new EngineOptions.Region(20, 15, 121, 106), r);
        Label info = robot.lookup("#inspectInfo").queryAs(Label.class);
        assertTrue(info.getText().contains(BlurRegionPick.describe(r)), info.getText());
        assertTrue(robot.lookup("#wholePhotoButton").queryAs(Button.class).isVisible());

        // Too small a part is refused, saying how large it must be; the region chosen before stays.
        drag(robot, main, 150.5, 40.5, 180.5, 70.5);
        assertEquals(r, session.blurRegionProperty().get());
        assertTrue(info.getText().contains("at least 48 x 48"), info.getText());

        // The next run estimates the blur from that part and says so.
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, "the run", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        String expected = "estimated from the region " + r.x() + "," + r.y() + "," + r.width() + "," + r.height();
        assertTrue(session.completedRunProperty().get().warnings().stream().anyMatch(w -> w.contains(expected)),
                session.completedRunProperty().get().warnings().toString());
        assertEquals(r, session.runOptions(session.engine()).region().orElseThrow());

        robot.clickOn("#wholePhotoButton");
        assertNull(session.blurRegionProperty().get(), "Whole photo clears the part");
        assertTrue(session.runOptions(session.engine()).region().isEmpty());
        assertTrue(info.getText().startsWith("Drag a rectangle"), info.getText());
    }

    /** Drags with the main button between two photo points of the view. */
    private static void drag(FxRobot robot, ImagePane pane, double fromX, double fromY, double toX, double toY) {
        ViewTransform t = robot.lookup("#preview").queryAs(InspectView.class).transform();
        Point2D a = pane.localToScreen(t.viewX(fromX), t.viewY(fromY)), b = pane.localToScreen(t.viewX(toX), t.viewY(toY));
        robot.moveTo(a).press(MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test void partsBlurredDifferentlyAreOutlinedAndAClickEstimatesFromOne(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = unevenPhoto(dir); // left half moved sideways, right half up and down
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        robot.interact(() -> session.plan().frameCountProperty().set(4));
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(90, "the run", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        java.util.List<BlurPart> parts = session.completedRunProperty().get().unevenParts();
        assertTrue(parts.stream().map(BlurPart::group).distinct().count() >= 2, "two blurs found: " + parts + " " + session.completedRunProperty().get().warnings());
        BlurPart left = parts.stream().filter(p -> p.x() == 0 && p.y() == 0).findFirst().orElseThrow();
        assertTrue(left.x() + left.width() <= session.photoProperty().get().width() / 2 + 1, "the top-left part stays in the left half: " + left);
        // each blur's own path reaches the window, for the blur trace to draw on its parts
        assertEquals(parts.stream().map(BlurPart::group).distinct().count(), session.completedRunProperty().get().partBlurs().size());

        robot.clickOn("#regionButton");
        assertEquals(parts, inspect(robot).unevenParts(), "the blur-region mode outlines the run's parts");
        Label info = robot.lookup("#inspectInfo").queryAs(Label.class);
        assertTrue(info.getText().startsWith("The blur differs between the outlined parts"), info.getText());

        // A click inside the top-left part makes it the region; the next run, from it, keeps the outlines.
        ImagePane main = pane(robot, "#inspectMain");
        ViewTransform t = inspect(robot).transform();
        robot.clickOn(main.localToScreen(t.viewX(left.x() + left.width() / 2.0), t.viewY(left.y() + left.height() / 2.0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new EngineOptions.Region(left.x(), left.y(), left.width(), left.height()), session.blurRegionProperty().get());
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(90, "the run from the part", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get()
                && session.completedRunProperty().get().request().map(r -> r.options().region().isPresent()).orElse(false), FxTestSupport.runState(session));
        assertEquals(java.util.List.of(), session.completedRunProperty().get().unevenParts(), "a run from one part compares none");
        assertEquals(parts, inspect(robot).unevenParts(), "the outlines of the comparing run stay");

        // Another photo: neither the outlines nor the region of this one carry over.
        Path other = smallPhoto(dir);
        robot.interact(() -> session.open(other));
        waitFor(20, "the other photo", () -> session.photoProperty().get() != null && session.photoProperty().get().width() == 200
                && !session.tasks().busyProperty().get());
        assertEquals(java.util.List.of(), inspect(robot).unevenParts());
        assertNull(session.blurRegionProperty().get());
    }


    /** 700 x 540 of the Hubble deep field (cropped by the blur's reach), its left half blurred along a 15 px horizontal line, its right half a vertical one. */
    private static Path unevenPhoto(Path dir) throws Exception {
        LinearImage full = PhotoReader.read(FxTestSupport.devImage("hubble_deep_field.jpg")).pixels();
        int w = 700, h = 540;
        float[][] planes = new float[full.channels()][w * h];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < h; y++) System.arraycopy(full.plane(c), (100 + y) * full.width() + 100, planes[c], y * w, w);
        }
        LinearImage sharp = new LinearImage(w, h, planes);
        LinearImage sideways = BlurSimulator.simulate(sharp, CameraShake.linear(15, 0), 1, 16, 0.003, 1).blurred();
        LinearImage upDown = BlurSimulator.simulate(sharp, CameraShake.linear(15, 90), 1, 16, 0.003, 2).blurred();
        LinearImage joined = upDown.copy();
        for (int c = 0; c < joined.channels(); c++) {
            for (int y = 0; y < joined.height(); y++) {
                System.arraycopy(sideways.plane(c), y * joined.width(), joined.plane(c), y * joined.width(), joined.width() / 2);
            }
        }
        Path file = dir.resolve("uneven.png");
        PhotoWriter.writePng(joined, file, 8);
        return file;
    }

    @Test void aKnownKernelReplacesTheEstimateUntilEstimateIsPressed(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = smallPhoto(dir);
        LinearImage line = LinearImage.blank(17, 17, 1); // a 15 px horizontal stroke, its weights as grey levels
        for (int x = 1; x < 16; x++) line.set(0, x, 8, 1f);
        Path kernel = dir.resolve("line.png");
        PhotoWriter.writePng(line, kernel, 8);
        Path even = dir.resolve("even.csv");
        java.nio.file.Files.writeString(even, "1,2\n3,4\n");
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        Label source = robot.lookup("#blurSource").queryAs(Label.class);
        assertEquals("estimated from the whole photo", source.getText());

        // A file that is no kernel is refused, saying why; the blur stays estimated.
        robot.interact(() -> session.loadKnownKernel(even));
        waitFor(20, "the refusal", () -> !session.errorProperty().get().isEmpty() && !session.tasks().busyProperty().get());
        assertTrue(session.errorProperty().get().startsWith("The kernel file cannot be used: even.csv: the kernel's side must be odd"),
                session.errorProperty().get());
        assertNull(session.knownKernelProperty().get());
        robot.interact(() -> session.loadKnownKernel(dir.resolve("missing.png")));
        waitFor(20, "the refusal of a missing file", () -> session.errorProperty().get().contains("missing.png: no such file")
                && !session.tasks().busyProperty().get());
        assertNull(session.knownKernelProperty().get());

        robot.interact(() -> session.loadKnownKernel(kernel));
        waitFor(20, "the kernel", () -> session.knownKernelProperty().get() != null && !session.tasks().busyProperty().get());
        assertEquals("given: line.png (17 px)", source.getText());
        assertTrue(robot.lookup("#estimateBlurButton").queryAs(Button.class).isVisible());
        FxTestSupport.clickVisible(robot, "#generateButton");
        waitFor(60, "the run", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        RunCapture run = session.completedRunProperty().get();
        assertTrue(run.warnings().contains("used the given 17 px kernel; no blur was estimated"), run.warnings().toString());
        assertEquals(17, run.kernel().orElseThrow().size());

        // Choosing a part to estimate from replaces the kernel; Estimate goes back to the whole photo.
        String[] refused = new String[1];
        robot.interact(() -> refused[0] = session.chooseBlurRegion(new EngineOptions.Region(10, 10, 100, 100)));
        assertEquals("", refused[0]);
        assertNull(session.knownKernelProperty().get());
        assertEquals("estimated from 100 x 100 photo pixels at 10, 10", source.getText());
        FxTestSupport.clickVisible(robot, "#estimateBlurButton");
        assertNull(session.blurRegionProperty().get());
        assertEquals("estimated from the whole photo", source.getText());
        assertTrue(session.runOptions(session.engine()).kernel().isEmpty() && session.runOptions(session.engine()).region().isEmpty());
    }
}
