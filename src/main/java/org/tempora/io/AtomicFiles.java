package org.tempora.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/** Whole-file writes that never leave a half-written file under the final name, and folder removal. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the content of a file, given the temporary path to write it to. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Lets {@code body} write a hidden file beside {@code target}, forces it to disk, then renames it
     * over {@code target} in one step; on any failure the hidden file is removed and the error rethrown.
     */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path temp = newFileBeside(abs.getParent(), abs.getFileName().toString());
        try {
            body.writeTo(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true); // data on disk before the rename makes it visible
            }
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    public static void write(Path target, byte[] data) throws IOException {
        write(target, temp -> Files.write(temp, data));
    }

    /** A fresh hidden file next to the target, with default permissions (the umask applies, unlike createTempFile's 0600). */
    private static Path newFileBeside(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 8) throw taken;
            }
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
