package org.tempora.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Started by {@link UiBenchmark} in a fresh JVM: opens the real window as {@code tempora} does ({@link TemporaApp}),
 * prints {@code usable MILLIS} (JVM uptime) on the first pulse after the window is showing with its Open action
 * enabled, then closes it. The parent times the whole process start from outside.
 */
public final class WindowStartupProbe {
    static final String USABLE = "usable ";

    private WindowStartupProbe() {}

    public static void main(String[] args) {
        CountDownLatch usable = new CountDownLatch(1);
        Thread watcher = new Thread(() -> watch(usable), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        TemporaApp.launch(new String[0]); // returns once the probe has closed the window
        System.exit(usable.getCount() == 0 ? 0 : 1);
    }

    /** Asks the FX thread every few milliseconds whether the window is usable; before the toolkit is up, runLater refuses. */
    private static void watch(CountDownLatch usable) {
        boolean[] seen = new boolean[1];
        try {
            while (!usable.await(4, TimeUnit.MILLISECONDS)) {
                try {
                    Platform.runLater(() -> {
                        if (seen[0] || !openActionEnabled()) return;
                        seen[0] = true;
                        // The next pulse starts after the pulse that laid out (and handed to the renderer) the usable window.
                        new AnimationTimer() {
                            @Override public void handle(long now) {
                                stop();
                                System.out.println(USABLE + ManagementFactory.getRuntimeMXBean().getUptime());
                                System.out.flush();
                                usable.countDown();
                                Platform.exit();
                            }
                        }.start();
                    });
                } catch (IllegalStateException toolkitNotStarted) {
                    // the window's toolkit is still starting
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean openActionEnabled() {
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) continue;
            Node open = w.getScene().lookup("#openButton");
            if (open != null && !open.isDisabled() && open.isVisible()) return true;
        }
        return false;
    }
}
