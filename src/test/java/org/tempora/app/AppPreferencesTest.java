package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {
    private final MemoryPreferences node = new MemoryPreferences();
    private final AppPreferences prefs = new AppPreferences(node);

    private static List<Path> files(Path dir, int n) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Files.writeString(dir.resolve("photo" + i + ".png"), "x"));
        return out;
    }

    @Test void newestFirstAndReopeningMovesAFileToTheFront(@TempDir Path dir) throws Exception {
        List<Path> f = files(dir, 3);
        prefs.addRecent(f.get(0));
        prefs.addRecent(f.get(1));
        prefs.addRecent(f.get(2));
        assertEquals(List.of(f.get(2), f.get(1), f.get(0)), prefs.recentFiles());
        prefs.addRecent(dir.resolve("sub/../photo0.png")); // the same file, spelled differently: moved, not listed twice
        assertEquals(List.of(f.get(0), f.get(2), f.get(1)), prefs.recentFiles());
    }

    @Test void keepsTheTenNewest(@TempDir Path dir) throws Exception {
        List<Path> f = files(dir, 13);
        for (Path p : f) prefs.addRecent(p);
        List<Path> recent = prefs.recentFiles();
        assertEquals(AppPreferences.MAX_RECENT, recent.size());
        assertEquals(f.get(12), recent.get(0));
        assertEquals(f.get(3), recent.get(9));
        assertEquals(null, node.get("recent.10", null), "nothing stored beyond the cap");
    }

    @Test void removesOneFileOrEveryMissingOne(@TempDir Path dir) throws Exception {
        List<Path> f = files(dir, 4);
        int[] changes = {0};
        prefs.onRecentChanged(() -> changes[0]++);
        for (Path p : f) prefs.addRecent(p);
        assertTrue(prefs.removeRecent(f.get(2)));
        assertFalse(prefs.removeRecent(f.get(2)));
        assertEquals(List.of(f.get(3), f.get(1), f.get(0)), prefs.recentFiles());
        Files.delete(f.get(1));
        Files.delete(f.get(3));
        assertEquals(List.of(f.get(3), f.get(1)), prefs.removeMissingRecent());
        assertEquals(List.of(f.get(0)), prefs.recentFiles());
        assertEquals(List.of(), prefs.removeMissingRecent());
        assertEquals(6, changes[0], "4 adds, 1 removal, 1 pruning");
        prefs.clearRecent();
        assertEquals(List.of(), prefs.recentFiles());
    }

    @Test void remembersFolderPlacementAndThemeInTheGivenNodeOnly(@TempDir Path dir) {
        assertEquals(Optional.empty(), prefs.lastFolder());
        assertEquals(Optional.empty(), prefs.placement());
        assertEquals(AppPreferences.Theme.LIGHT, prefs.theme());
        prefs.setLastFolder(dir);
        prefs.setPlacement(new AppPreferences.Placement(10, 20, 900, 600, true));
        prefs.setTheme(AppPreferences.Theme.DARK);
        AppPreferences again = new AppPreferences(node); // what the next start of the window reads
        assertEquals(Optional.of(dir.toAbsolutePath().normalize()), again.lastFolder());
        assertEquals(Optional.of(new AppPreferences.Placement(10, 20, 900, 600, true)), again.placement());
        assertEquals(AppPreferences.Theme.DARK, again.theme());
        assertEquals(AppPreferences.Theme.LIGHT, AppPreferences.throwaway().theme(), "a throwaway node starts empty");
        prefs.setLastFolder(dir.resolve("gone"));
        assertEquals(Optional.empty(), again.lastFolder(), "a folder that no longer exists is not offered");
    }
}
