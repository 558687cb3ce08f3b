package org.tempora.app;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: waiting on the FX thread, and the development photos. */
final class FxTestSupport {
    private FxTestSupport() {}

    static final Path IMAGES = Path.of("..", "shared", "dev-images");

    /** Waits for a condition read on the FX thread; fails naming what it waited for. */
    static void waitFor(int seconds, String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }

    /** A development image; the test is skipped when the shared images are absent. */
    static Path devImage(String name) {
        Path p = IMAGES.resolve(name);
        Assumptions.assumeTrue(Files.exists(p), "development image " + p + " is absent");
        return p;
    }

    /** A 200x150 crop of chelsea.png in {@code dir}: small enough to generate in a second. */
    static Path smallPhoto(Path dir) throws Exception {
        BufferedImage full = ImageIO.read(devImage("chelsea.png").toFile());
        Path crop = dir.resolve("chelsea-crop.png");
        ImageIO.write(full.getSubimage(120, 40, 200, 150), "png", crop.toFile());
        return crop;
    }

    /** Scrolls the side panel (the scroll pane around {@code query}'s node) so the node's bottom edge is on screen, as a user would before clicking it. */
    /** Clicks a control of the side panel as a user would: scrolled into view first (the stage's size carries over between tests). */
    static void clickVisible(FxRobot robot, String query) {
        scrollIntoView(robot, query);
        robot.clickOn(query);
    }

    static void scrollIntoView(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            Node p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) p = p.getParent();
            if (!(p instanceof ScrollPane pane)) return;
            Node content = pane.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double view = pane.getViewportBounds().getHeight(), extra = content.getBoundsInLocal().getHeight() - view;
            if (extra > 0) pane.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() - view) / extra)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
