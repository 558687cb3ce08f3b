package org.tempora.app;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
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

    /** As {@link #waitFor}, naming the state seen at the timeout (read on the FX thread) so a CI failure says why. */
    static void waitFor(int seconds, String what, BooleanSupplier condition, Supplier<String> state) throws Exception {
        try {
            waitFor(seconds, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; state: " + WaitForAsyncUtils.asyncFx(state::get).get(), e.getCause());
        }
    }

    /**
     * Clicks a control of the side panel as a user would: scrolled into view first (the stage's size carries over between
     * tests). A button must then fire; when the robot's click was lost (seen once on CI), it clicks once more, as a user
     * would, and fails naming where the button was if that is lost too.
     */
    static void clickVisible(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        AtomicInteger actions = new AtomicInteger();
        EventHandler<ActionEvent> count = e -> actions.incrementAndGet();
        if (node instanceof ButtonBase) robot.interact(() -> node.addEventHandler(ActionEvent.ACTION, count));
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                scrollIntoView(robot, query);
                robot.clickOn(query);
                WaitForAsyncUtils.waitForFxEvents();
                if (!(node instanceof ButtonBase) || actions.get() > 0) return;
                System.err.println("FxTestSupport: a click on " + query + " did not fire it; clicking again");
            }
            String[] where = new String[1];
            robot.interact(() -> where[0] = "bounds on screen " + node.localToScreen(node.getBoundsInLocal()) + ", disabled " + node.isDisabled()
                    + ", window at " + node.getScene().getWindow().getX() + "," + node.getScene().getWindow().getY());
            throw new AssertionError("two clicks on " + query + " did not fire it: " + where[0]);
        } finally {
            if (node instanceof ButtonBase) robot.interact(() -> node.removeEventHandler(ActionEvent.ACTION, count));
        }
    }

    /** What a run's wait reports at a timeout: busy or not, frames ready, the status line and any error. */
    static Supplier<String> runState(SessionModel session) {
        return () -> "busy " + session.tasks().busyProperty().get() + ", frames ready " + session.framesReadyProperty().get()
                + ", status '" + session.statusProperty().get() + "', error '" + session.errorProperty().get() + "'";
    }

    /** Scrolls the side panel (the scroll pane around {@code query}'s node) so the node's bottom edge is on screen, as a user would before clicking it. */
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
