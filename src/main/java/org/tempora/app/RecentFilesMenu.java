package org.tempora.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * File > Open Recent: the photos of {@link AppPreferences#recentFiles()}, newest first, and "Clear list". Files that
 * are gone (moved, deleted, drive unplugged) are dropped from the list when the menu opens or the entry is chosen,
 * and the user is told which.
 */
public final class RecentFilesMenu extends Menu {
    private final AppPreferences prefs;
    private final Consumer<Path> open;
    private final Consumer<String> tell;

    /**
     * @param open opens a photo that is still there
     * @param tell shows a message about files dropped from the list
     */
    public RecentFilesMenu(AppPreferences prefs, Consumer<Path> open, Consumer<String> tell) {
        super("Open Recent");
        setId("recentMenu");
        this.prefs = prefs;
        this.open = open;
        this.tell = tell;
        prefs.onRecentChanged(this::rebuild);
        setOnShowing(e -> dropMissing());
        rebuild();
    }

    /** Drops files that no longer exist and says which; returns how many were dropped. */
    public int dropMissing() {
        List<Path> gone = prefs.removeMissingRecent();
        if (gone.size() == 1) {
            tell.accept(gone.get(0).getFileName() + " is no longer in " + gone.get(0).getParent()
                    + " (moved or deleted?): removed from File > Open Recent.");
        } else if (gone.size() > 1) {
            tell.accept(gone.size() + " recent photos are no longer where they were (moved or deleted?) and were removed from"
                    + " File > Open Recent: " + String.join(", ", gone.stream().map(p -> p.getFileName().toString()).toList()) + ".");
        }
        return gone.size();
    }

    private void rebuild() {
        List<Path> files = prefs.recentFiles();
        getItems().clear();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            MenuItem item = new MenuItem((i + 1) + "  " + file.getFileName() + "   (" + file.getParent() + ")");
            item.setMnemonicParsing(false); // file names may hold underscores
            item.setId("recentFile" + i);
            item.setOnAction(e -> choose(file));
            getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent photos");
            none.setDisable(true);
            getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setId("clearRecent");
            clear.setOnAction(e -> prefs.clearRecent());
            getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void choose(Path file) {
        if (Files.isRegularFile(file)) {
            open.accept(file);
        } else {
            prefs.removeRecent(file);
            tell.accept(file.getFileName() + " is no longer in " + file.getParent() + " (moved or deleted?): removed from File > Open Recent.");
        }
    }
}
