package org.tempora.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs, in one {@link Preferences} node: recently opened photos (newest first, at
 * most {@value #MAX_RECENT}), the folder the file chooser showed last, the window's place and size, the theme and the
 * engine last chosen.
 * The node is given, so tests use a throwaway node ({@link MemoryPreferences}) and never touch the user's.
 */
public final class AppPreferences {
    public static final int MAX_RECENT = 10;
    private static final String RECENT = "recent.", LAST_FOLDER = "lastFolder", THEME = "theme", ENGINE = "engine";
    private static final String X = "window.x", Y = "window.y", WIDTH = "window.width", HEIGHT = "window.height",
            MAXIMIZED = "window.maximized";

    public enum Theme { LIGHT, DARK }

    /** A window's place on the desktop, in screen coordinates. */
    public record Placement(double x, double y, double width, double height, boolean maximized) {}

    private final Preferences node;
    private final List<Runnable> recentListeners = new CopyOnWriteArrayList<>();

    public AppPreferences(Preferences node) { this.node = node; }

    /** Preferences that last as long as this object: nothing is read from or written to the user's store. */
    public static AppPreferences throwaway() { return new AppPreferences(new MemoryPreferences()); }

    /** Recently opened photos, the newest first. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get(RECENT + i, null);
            if (s == null) break;
            try {
                files.add(Path.of(s));
            } catch (InvalidPathException e) {
                // written by another system or edited by hand: not a path here, so not listed
            }
        }
        return files;
    }

    /** Puts {@code file} first in the recent list (moving it if listed already), dropping the oldest beyond the cap. */
    public void addRecent(Path file) {
        Path key = canonical(file);
        List<Path> files = recentFiles();
        files.removeIf(p -> canonical(p).equals(key));
        files.add(0, key);
        storeRecent(files.size() > MAX_RECENT ? files.subList(0, MAX_RECENT) : files);
    }

    /** Removes {@code file} from the recent list; false if it was not listed. */
    public boolean removeRecent(Path file) {
        Path key = canonical(file);
        List<Path> files = recentFiles();
        boolean removed = files.removeIf(p -> canonical(p).equals(key));
        if (removed) storeRecent(files);
        return removed;
    }

    /** Removes listed files that no longer exist (moved, deleted, drive unplugged) and returns them. */
    public List<Path> removeMissingRecent() {
        List<Path> files = recentFiles(), missing = new ArrayList<>();
        for (Path p : files) if (!Files.isRegularFile(p)) missing.add(p);
        if (!missing.isEmpty()) {
            files.removeAll(missing);
            storeRecent(files);
        }
        return missing;
    }

    public void clearRecent() { storeRecent(List.of()); }

    /** Runs {@code listener} after every change to the recent list. */
    public void onRecentChanged(Runnable listener) { recentListeners.add(listener); }

    /** The folder the file chooser showed last, if it still exists. */
    public Optional<Path> lastFolder() {
        String s = node.get(LAST_FOLDER, null);
        if (s == null) return Optional.empty();
        try {
            Path p = Path.of(s);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public void setLastFolder(Path folder) { node.put(LAST_FOLDER, canonical(folder).toString()); }

    /** The window's last place and size, if one was saved. */
    public Optional<Placement> placement() {
        double w = node.getDouble(WIDTH, -1), h = node.getDouble(HEIGHT, -1);
        if (!(w > 0) || !(h > 0)) return Optional.empty();
        return Optional.of(new Placement(node.getDouble(X, 0), node.getDouble(Y, 0), w, h, node.getBoolean(MAXIMIZED, false)));
    }

    public void setPlacement(Placement p) {
        node.putDouble(X, p.x());
        node.putDouble(Y, p.y());
        node.putDouble(WIDTH, p.width());
        node.putDouble(HEIGHT, p.height());
        node.putBoolean(MAXIMIZED, p.maximized());
    }

    public Theme theme() {
        String s = node.get(THEME, Theme.LIGHT.name());
        return Theme.DARK.name().equals(s.toUpperCase(Locale.ROOT)) ? Theme.DARK : Theme.LIGHT;
    }

    public void setTheme(Theme theme) { node.put(THEME, theme.name()); }

    /** The id of the engine chosen last ("classical", "diffusion"), if one was. */
    public Optional<String> engine() { return Optional.ofNullable(node.get(ENGINE, null)); }

    public void setEngine(String id) { node.put(ENGINE, id); }

    /**
     * Writes what is remembered to the user's store now (it is also written at exit). A failure is reported on
     * standard error only: forgetting the window's size must never stop the user's work.
     */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            System.err.println("tempora: could not save the window's preferences (" + e.getMessage() + ")");
        }
    }

    private void storeRecent(List<Path> files) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < files.size()) node.put(RECENT + i, files.get(i).toString());
            else node.remove(RECENT + i);
        }
        for (Runnable r : recentListeners) r.run();
    }

    private static Path canonical(Path p) { return p.toAbsolutePath().normalize(); }
}
