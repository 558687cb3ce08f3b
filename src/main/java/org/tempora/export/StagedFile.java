package org.tempora.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.tempora.engine.CancelledException;

/**
 * A file that appears whole or not at all: written under a hidden name beside the target, forced to disk and renamed
 * over it only when complete. {@link #close()} from any thread (a cancel, Ctrl-C) removes the partial file.
 */
public final class StagedFile implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;
    private boolean closed;

    private StagedFile(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates the hidden file beside {@code target} (whose folder must exist). */
    public static StagedFile open(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "the folder does not exist");
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".part");
            try {
                return new StagedFile(abs, Files.createFile(p));
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 8) throw taken;
            }
        }
    }

    /** Where to write until {@link #commit()}. */
    public Path path() { return staging; }

    /** Forces the data to disk and renames it over the target in one step. */
    public synchronized void commit() throws IOException, CancelledException {
        if (closed) throw new CancelledException();
        try (FileChannel ch = FileChannel.open(staging, StandardOpenOption.WRITE)) {
            ch.force(true);       // on disk before the rename makes it visible
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Removes the hidden file unless committed; safe to call more than once, from any thread. */
    @Override public synchronized void close() {
        closed = true;
        if (committed) return;
        try {
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            System.err.println("warning: could not remove the unfinished file " + staging + ": delete it by hand");
        }
    }
}
