package org.tempora.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {
    @TempDir Path tmp;

    private long siblings() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void outputAppearsOnlyOnCommit() throws Exception {
        Path out = tmp.resolve("out");
        try (StagedDirectory staged = StagedDirectory.open(out, false, null)) {
            Files.writeString(staged.path().resolve("a.txt"), "x");
            assertFalse(Files.exists(out));
            staged.commit();
        }
        assertEquals("x", Files.readString(out.resolve("a.txt")));
        assertEquals(1, siblings(), "no staging folder left behind");
    }

    @Test
    void failureLeavesNothing() throws Exception {
        Path out = tmp.resolve("out");
        try (StagedDirectory staged = StagedDirectory.open(out, false, null)) {
            Files.writeString(staged.path().resolve("a.txt"), "x");
        }
        assertFalse(Files.exists(out));
        assertEquals(0, siblings());
    }

    @Test
    void refusesNonEmptyFolderWithoutForce() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("mine.txt"), "keep");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> StagedDirectory.open(out, false, null));
        assertTrue(e.getMessage().contains("--force"));
        // Even with --force a folder that is not a Tempora output is kept.
        assertThrows(OutputRefusedException.class, () -> StagedDirectory.open(out, true, null));
        assertEquals("keep", Files.readString(out.resolve("mine.txt")));
    }

    @Test
    void forceReplacesAnEarlierOutput() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve(StagedDirectory.MARKER), "{}");
        Files.writeString(out.resolve("frame_0099.png"), "stale");
        try (StagedDirectory staged = StagedDirectory.open(out, true, null)) {
            Files.writeString(staged.path().resolve(StagedDirectory.MARKER), "{\"new\":1}");
            staged.commit();
        }
        assertFalse(Files.exists(out.resolve("frame_0099.png")));
        assertEquals("{\"new\":1}", Files.readString(out.resolve(StagedDirectory.MARKER)));
        assertEquals(1, siblings());
    }

    @Test
    void neverTouchesAFolderHoldingThePhoto() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path photo = Files.writeString(out.resolve("photo.png"), "pixels");
        Files.writeString(out.resolve(StagedDirectory.MARKER), "{}");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> StagedDirectory.open(out, true, photo));
        assertTrue(e.getMessage().contains("photo.png"));
        assertEquals("pixels", Files.readString(photo));
    }

    @Test
    void refusesAFileAsOutputFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "data");
        assertThrows(OutputRefusedException.class, () -> StagedDirectory.open(file, true, null));
        assertEquals("data", Files.readString(file));
    }
}
