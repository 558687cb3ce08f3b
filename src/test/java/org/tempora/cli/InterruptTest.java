package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.image.Resampling;
import org.tempora.testutil.DevImages;

/** Stopping a run from outside (Ctrl-C, a kill) leaves no output folder and no staging folder. */
class InterruptTest {
    @TempDir Path tmp;

    @Test
    void killedRunLeavesNothingBehind() throws Exception {
        LinearImage big = Resampling.resize(PhotoReader.read(DevImages.path("astronaut.png")).pixels(), 2400, 2400);
        Path photo = tmp.resolve("photo.png");
        PhotoWriter.writePng(big, photo, 16);
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", photo.toString(), "--out", out.toString(), "--frames", "32", "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (staging().isEmpty() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "the run ended before it could be stopped: " + Files.readString(tmp.resolve("log.txt")));
        Thread.sleep(300);
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run did not stop");
        assertFalse(Files.exists(out), "no output folder after a stopped run");
        assertEquals("", staging(), "no staging folder after a stopped run");
        assertTrue(Files.exists(photo), "the photo is untouched");
    }

    private String staging() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.contains(".partial-")).findFirst().orElse("");
        }
    }
}
