package org.tempora.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses export targets that would destroy data: the source photo (recognised by its SHA-256 wherever it lies, or
 * as the side-by-side photo), the frames and record being exported, folders, and existing files without --force.
 */
final class OutputGuard {
    private OutputGuard() {}

    static void checkFile(Path target, boolean force, FrameSet frames, ExportOptions options) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputRefusedException("the folder " + dir + " does not exist: create it or choose another place for " + target.getFileName());
        }
        if (Files.isDirectory(abs)) throw new OutputRefusedException(target + " is a folder: give a file name for --out, e.g. " + target.resolve("clip.mp4"));
        for (Path f : frames.files()) {
            if (f.toAbsolutePath().normalize().equals(abs)) throw new OutputRefusedException(target + " is one of the frames being exported: choose another name");
        }
        if (frames.dir().resolve(StagedDirectory.MARKER).toAbsolutePath().normalize().equals(abs)) {
            throw new OutputRefusedException(target + " is the run record of the frames: choose another name");
        }
        if (options.sideBySide().isPresent() && Files.exists(abs) && Files.isSameFile(options.sideBySide().get(), abs)) {
            throw new OutputRefusedException(target + " is the photo shown side by side: Tempora never overwrites a photo; choose another name");
        }
        if (!Files.exists(abs)) return;
        if (Files.isRegularFile(abs) && Checksums.sha256(abs).equals(frames.sourceSha256())) {
            throw new OutputRefusedException(target + " is the source photo the frames were made from: Tempora never overwrites it; choose another name");
        }
        if (!force) throw new OutputRefusedException(target + " already exists: choose another name, or add --force to replace it");
    }

    /** A sequence folder may not be the frames' own folder or hold it (--force would replace it). */
    static void checkFolder(Path target, FrameSet frames) throws IOException {
        Path abs = target.toAbsolutePath().normalize(), src = frames.dir().toAbsolutePath().normalize();
        if (src.startsWith(abs)) {
            throw new OutputRefusedException(target + " is or holds the folder being exported: choose a new folder for --out");
        }
    }
}
