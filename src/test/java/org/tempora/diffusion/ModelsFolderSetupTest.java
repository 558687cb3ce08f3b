package org.tempora.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFolderSetupTest {
    @TempDir Path home;

    @Test void createsTheFolderAndItsParentsWithANote() throws IOException {
        Path folder = home.resolve(".local/share/tempora/models");
        assertEquals(Optional.of(folder), ModelsFolderSetup.create(folder));
        assertTrue(Files.isDirectory(folder));
        assertEquals(ModelsFolderSetup.NOTE_TEXT, Files.readString(folder.resolve(ModelsFolderSetup.NOTE), StandardCharsets.UTF_8));
    }

    @Test void leavesAnExistingFolderAsItIs() throws IOException {
        Path folder = Files.createDirectories(home.resolve("models"));
        Files.writeString(folder.resolve(ModelsFolderSetup.NOTE), "mine", StandardCharsets.UTF_8);
        assertEquals(Optional.of(folder), ModelsFolderSetup.create(folder));
        assertEquals("mine", Files.readString(folder.resolve(ModelsFolderSetup.NOTE), StandardCharsets.UTF_8));
        try (var entries = Files.list(folder)) {
            assertEquals(1, entries.count());
        }
    }

    @Test void aFileInTheWayGivesNoFolderAndNoFailure() throws IOException {
        Path blocker = Files.writeString(home.resolve("tempora"), "not a folder", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), ModelsFolderSetup.create(blocker.resolve("models")));
        assertTrue(Files.isRegularFile(blocker));
    }

    @Test void theNoteIsNotMistakenForABundle() throws IOException {
        Path folder = home.resolve("models");
        ModelsFolderSetup.create(folder);
        assertFalse(ModelBundle.find(List.of(folder)).isPresent());
    }
}
