package org.tempora.diffusion;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where model bundles are installed: beside the program, then per user, in the platform's usual data folder. */
final class BundleFolders {
    private BundleFolders() {}

    static List<Path> defaults() {
        List<Path> folders = new ArrayList<>(2);
        programFolder().ifPresent(folders::add);
        userFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""))
                .ifPresent(folders::add);
        return List.copyOf(folders);
    }

    /** {@code models} in the parent of the folder holding the jar (an installed app keeps its jar in {@code lib/} or {@code app/}). */
    static Optional<Path> programFolder() {
        try {
            CodeSource source = BundleFolders.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return Optional.empty();
            return modelsBeside(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty(); // run from somewhere without a file location (custom class loader): the per-user folder remains
        }
    }

    static Optional<Path> modelsBeside(Path codeLocation) {
        Path abs = codeLocation.toAbsolutePath().normalize();
        Path holder = Files.isDirectory(abs) ? abs : abs.getParent(); // a classes folder when run from the build
        if (holder == null || holder.getParent() == null) return Optional.empty();
        return Optional.of(holder.getParent().resolve("models"));
    }

    /**
     * Per-user folder: {@code %APPDATA%\Tempora\models} on Windows, {@code ~/Library/Application Support/Tempora/models}
     * on macOS, otherwise {@code $XDG_DATA_HOME/tempora/models} with the XDG default {@code ~/.local/share}.
     */
    static Optional<Path> userFolder(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            if (appData != null && !appData.isBlank()) return Optional.of(Path.of(appData, "Tempora", "models"));
            return home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, "AppData", "Roaming", "Tempora", "models"));
        }
        if (home.isBlank()) return Optional.empty();
        if (os.startsWith("mac")) return Optional.of(Path.of(home, "Library", "Application Support", "Tempora", "models"));
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Optional.of(Path.of(xdg, "tempora", "models"));
        return Optional.of(Path.of(home, ".local", "share", "tempora", "models"));
    }
}
