package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tempora.app.FxTestSupport.smallPhoto;
import static org.tempora.app.FxTestSupport.waitFor;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.classical.ClassicalEngine;
import org.tempora.export.Checksums;
import org.tempora.export.ExportFormat;
import org.tempora.image.VideoFrames;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Export on the classical engine's frames, headless: GIF with its estimate, MP4, refusals, replacing, cancel, cleanup. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    private static final int FRAMES = 4;
    private SessionModel session;
    private Stage window;
    private ExportDialog dialog;
    private final Answers answers = new Answers();

    /** Answers the dialog's questions without native choosers. */
    static final class Answers implements ExportPrompts {
        Path destination;
        boolean replace;
        int replaceAsked;

        @Override public Optional<Path> chooseDestination(Window owner, ExportFormat format, Path suggested) { return Optional.ofNullable(destination); }

        @Override public boolean confirmReplace(Window owner, Path target) {
            replaceAsked++;
            return replace;
        }
    }

    @Start void start(Stage stage) {
        window = stage;
        session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
        stage.setScene(new Scene(new MainView(session), 1100, 760));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null) dialog.stage().hide();
            session.close();
        });
    }

    /** Opens a small photo, generates its frames and opens the dialog on them, waiting until the frames are prepared. */
    private Path generateAndOpen(FxRobot robot, Path dir) throws Exception {
        Path photo = smallPhoto(dir);
        robot.interact(() -> session.open(photo));
        waitFor(20, "the photo to open", () -> session.photoProperty().get() != null && !session.tasks().busyProperty().get());
        robot.interact(() -> session.plan().frameCountProperty().set(FRAMES));
        MenuItem item = exportItem(robot);
        assertTrue(item.isDisable(), "File > Export waits for frames");
        robot.interact(session::generate);
        waitFor(60, FRAMES + " frames", () -> session.completedRunProperty().get() != null && !session.tasks().busyProperty().get(), FxTestSupport.runState(session));
        assertFalse(item.isDisable(), "File > Export is offered once every frame has arrived");
        robot.interact(() -> dialog = ExportDialog.open(window, session, answers));
        assertNotNull(dialog);
        waitFor(30, "the frames to be prepared", () -> dialog.readyProperty().get());
        return photo;
    }

    private static MenuItem exportItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream().filter(i -> "exportItem".equals(i.getId())).findFirst().orElseThrow();
    }

    private void exportAndWait(FxRobot robot) throws Exception {
        robot.interact(dialog::export);
        waitFor(60, "the export to finish", () -> !dialog.busyProperty().get());
    }

    private static int gifFrames(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(in);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        }
    }

    @Test void exportsAGifAfterShowingItsEstimatedSize(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = generateAndOpen(robot, dir);
        robot.interact(() -> dialog.settings().formatProperty().set(ExportFormat.GIF));
        waitFor(30, "a size estimate", () -> dialog.estimateProperty().get().startsWith("About "));
        assertTrue(robot.from(dialog.stage().getScene().getRoot()).lookup("#gifEstimate").queryAs(Label.class).getText().matches("About \\d+(\\.\\d)? (kB|MB)"),
                robot.from(dialog.stage().getScene().getRoot()).lookup("#gifEstimate").queryAs(Label.class).getText());
        assertEquals(dir.resolve("chelsea-crop.gif").toAbsolutePath(), dialog.settings().destinationProperty().get(), "suggested beside the photo");
        Path out = dir.resolve("clip.gif");
        robot.interact(() -> dialog.settings().destinationProperty().set(out));
        exportAndWait(robot);

        assertNotNull(dialog.resultProperty().get(), dialog.messageProperty().get());
        assertTrue(dialog.messageProperty().get().startsWith("Wrote clip.gif: " + FRAMES + " pictures"), dialog.messageProperty().get());
        assertEquals(FRAMES, gifFrames(out));
        JsonObject sidecar = JsonParser.parseString(Files.readString(dir.resolve("clip.gif.json"))).getAsJsonObject();
        assertEquals(Checksums.sha256(photo), sidecar.getAsJsonObject("source").get("sha256").getAsString());
        assertEquals("chelsea-crop.png", sidecar.getAsJsonObject("source").get("name").getAsString());
        assertEquals(ClassicalEngine.ID, sidecar.getAsJsonObject("engine").get("id").getAsString());
        assertEquals(0, sidecar.get("seed").getAsLong());
        assertEquals(FRAMES, sidecar.getAsJsonArray("frames").size());
        List<org.tempora.timeline.Interval> plan = session.completedRunProperty().get().request().orElseThrow().plan().intervals();
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(plan.get(i).start(), sidecar.getAsJsonArray("frames").get(i).getAsJsonObject().get("start").getAsDouble(), 1e-12);
            assertEquals(plan.get(i).end(), sidecar.getAsJsonArray("frames").get(i).getAsJsonObject().get("end").getAsDouble(), 1e-12);
        }

        // The GIF shows in the player as an animated image.
        ExportPlayer[] player = new ExportPlayer[1];
        robot.interact(() -> player[0] = dialog.play());
        assertEquals("", player[0].problem());
        assertNotNull(robot.from(player[0].stage().getScene().getRoot()).lookup("#gifView").tryQuery().orElse(null));
        robot.interact(() -> player[0].stage().hide());
    }

    @Test void exportsAnMp4ToAChosenFileAndOffersToPlayIt(FxRobot robot, @TempDir Path dir) throws Exception {
        generateAndOpen(robot, dir);
        Path out = dir.resolve("chosen.mp4");
        answers.destination = out;
        robot.interact(robot.from(dialog.stage().getScene().getRoot()).lookup("#chooseDestinationButton").queryButton()::fire);
        assertEquals(out, dialog.settings().destinationProperty().get());
        robot.interact(() -> dialog.settings().quantiserProperty().set(20));
        exportAndWait(robot);

        assertNotNull(dialog.resultProperty().get(), dialog.messageProperty().get());
        assertEquals(0, answers.replaceAsked, "a new file needs no confirmation");
        assertEquals(FRAMES, VideoFrames.read(out).size());
        assertTrue(Files.exists(dir.resolve("chosen.mp4.json")));
        Button play = robot.from(dialog.stage().getScene().getRoot()).lookup("#playButton").queryButton();
        assertTrue(play.isVisible());

        // Playing never crashes: either the media layer plays it, or the player says why and offers the folder.
        robot.interact(play::fire);
        waitFor(10, "the player window", () -> dialog.player() != null && dialog.player().stage().isShowing());
        javafx.scene.Parent playerRoot = dialog.player().stage().getScene().getRoot();
        Optional<Label> problem = robot.from(playerRoot).lookup("#playerProblem").tryQueryAs(Label.class).filter(l -> !l.getText().isEmpty());
        boolean playing = robot.from(playerRoot).lookup("#mediaView").tryQuery().isPresent();
        assertTrue(playing != problem.isPresent(), "either a media view or a reason, not both: " + problem.map(Label::getText).orElse("playing"));
        if (problem.isPresent()) {
            assertTrue(problem.get().getText().contains("chosen.mp4"), problem.get().getText());
            robot.interact(robot.from(playerRoot).lookup("#openFolderButton").queryButton()::fire);
            String said = robot.from(playerRoot).lookup("#openFolderResult").queryAs(Label.class).getText();
            assertTrue(said.contains(dir.toAbsolutePath().toString()) || said.contains(dir.toString()), said);
        }
    }

    @Test void refusesTheSourcePhotoAsDestination(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = generateAndOpen(robot, dir);
        byte[] before = Files.readAllBytes(photo);
        robot.interact(() -> dialog.settings().destinationProperty().set(photo));
        assertTrue(dialog.settings().problemProperty().get().startsWith("That is the source photo"), dialog.settings().problemProperty().get());
        assertTrue(robot.from(dialog.stage().getScene().getRoot()).lookup("#exportButton").queryButton().isDisabled());
        robot.interact(dialog::export);
        assertEquals(0, answers.replaceAsked, "never even offered to replace the photo");

        // A copy of the photo under a video's name is still the source (same SHA-256): the exporter refuses it even when replacing is allowed.
        Path copy = dir.resolve("copy.mp4");
        Files.copy(photo, copy);
        answers.replace = true;
        robot.interact(() -> dialog.settings().destinationProperty().set(copy));
        exportAndWait(robot);
        assertEquals(1, answers.replaceAsked);
        assertNull(dialog.resultProperty().get());
        assertTrue(dialog.messageProperty().get().startsWith("Export failed: ") && dialog.messageProperty().get().contains("source photo"),
                dialog.messageProperty().get());
        assertArrayEquals(before, Files.readAllBytes(photo));
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    @Test void asksBeforeReplacingAnExistingFile(FxRobot robot, @TempDir Path dir) throws Exception {
        generateAndOpen(robot, dir);
        Path out = dir.resolve("old.gif");
        Files.writeString(out, "an earlier file");
        robot.interact(() -> {
            dialog.settings().formatProperty().set(ExportFormat.GIF);
            dialog.settings().destinationProperty().set(out);
        });
        answers.replace = false;
        exportAndWait(robot);
        assertEquals(1, answers.replaceAsked);
        assertEquals("an earlier file", Files.readString(out), "declined: kept as it was");
        assertTrue(dialog.messageProperty().get().startsWith("Not exported"), dialog.messageProperty().get());

        answers.replace = true;
        exportAndWait(robot);
        assertEquals(2, answers.replaceAsked);
        assertEquals(FRAMES, gifFrames(out));
    }

    @Test void cancelLeavesNoFileAndSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
        Path photo = generateAndOpen(robot, dir);
        Path out = dir.resolve("long.mp4");
        // 1000 ping-pong plays beside the photo make the encoder run long enough to be cancelled midway.
        robot.interact(() -> {
            dialog.settings().loopsProperty().set(1000);
            dialog.settings().pingPongProperty().set(true);
            dialog.settings().sideBySideProperty().set(true);
            dialog.settings().destinationProperty().set(out);
            dialog.export();
        });
        waitFor(10, "the export to start", () -> dialog.busyProperty().get());
        Thread.sleep(300);
        robot.interact(robot.from(dialog.stage().getScene().getRoot()).lookup("#cancelExportButton").queryButton()::fire);
        waitFor(30, "the export to stop", () -> !dialog.busyProperty().get());
        assertEquals("Export cancelled: nothing was written (no partial file left).", dialog.messageProperty().get());
        assertNull(dialog.resultProperty().get());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(photo.getFileName()), left.map(Path::getFileName).toList(), "only the photo remains, no partial or hidden file");
        }
    }

    @Test void closingRemovesTheTemporaryFrames(FxRobot robot, @TempDir Path dir) throws Exception {
        generateAndOpen(robot, dir);
        Path frames = dialog.framesFolder();
        assertNotNull(frames);
        assertTrue(Files.isRegularFile(frames.resolve("tempora.json")));
        robot.interact(() -> dialog.stage().hide());
        waitFor(20, "the temporary frames to be removed", () -> !Files.exists(frames));
        assertFalse(Files.exists(frames));
    }

    @Test void withoutFramesTheDialogDoesNotOpenAndSaysWhy(FxRobot robot) {
        robot.interact(() -> dialog = ExportDialog.open(window, session, answers));
        assertNull(dialog);
        assertTrue(session.errorProperty().get().startsWith("Nothing to export yet"), session.errorProperty().get());
    }
}
