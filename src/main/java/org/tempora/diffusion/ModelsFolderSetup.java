package org.tempora.diffusion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Creates the per-user models folder on first start, so that an archivist who downloads a model bundle finds the
 * folder it goes in; installers run as an administrator and cannot create folders in each user's home.
 */
public final class ModelsFolderSetup {
    private ModelsFolderSetup() {}

    /** Name of the note left in a new models folder. */
    public static final String NOTE = "README.txt";

    static final String NOTE_TEXT = String.join(System.lineSeparator(),
            "Tempora model bundles go in this folder.",
            "",
            "Unpack each bundle as its own folder here (a folder holding bundle.json and the .onnx files it lists).",
            "Tempora finds it on its next start and offers the diffusion engine; without a bundle it uses the",
            "classical engine, which needs no download.",
            "");

    /**
     * Makes sure this user's models folder ({@code ~/.local/share/tempora/models} on Linux) exists.
     *
     * @return the folder, or empty when there is no home folder or it cannot be created (read-only home): starting
     *         the program must not fail for that, and the engine choice then says no model is installed
     */
    public static Optional<Path> forThisUser() {
        return BundleFolders.userFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""))
                .flatMap(ModelsFolderSetup::create);
    }

    /**
     * Creates {@code folder} and its parents when absent, with a {@link #NOTE} in it when it is new; an existing
     * folder and its contents are left as they are.
     *
     * @return the folder, or empty when it cannot be created (a file in the way, no permission)
     */
    static Optional<Path> create(Path folder) {
        if (Files.isDirectory(folder)) return Optional.of(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        try {
            Files.writeString(folder.resolve(NOTE), NOTE_TEXT, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // another Tempora started at the same moment wrote it
        } catch (IOException | SecurityException e) {
            // the folder exists, which is what matters; the note is only a courtesy
        }
        return Optional.of(folder);
    }
}
