package org.tempora.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.tempora.engine.CancelledException;
import org.tempora.io.AtomicFiles;

/**
 * An output folder that appears whole or not at all: everything is written into a hidden sibling
 * folder, which replaces the destination by rename only once complete. A failed or cancelled run
 * deletes the staging folder, so no half-written output is ever left where the user looks.
 */
public final class StagedDirectory implements AutoCloseable {
    /** The file every Tempora output folder carries; its presence marks a folder --force may replace. */
    public static final String MARKER = "tempora.json";

    private final Path target;
    private final Path staging;
    private boolean committed;
    private boolean closed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks the destination and creates the staging folder beside it.
     *
     * @param protect a file that must never be replaced or removed (the input photo)
     * @throws OutputRefusedException when writing there would destroy data the user did not ask to replace
     */
    public static StagedDirectory open(Path target, boolean force, Path protect) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new OutputRefusedException(target + " is a file, not a folder: choose a folder for --out");
        }
        if (protect != null) {
            Path p = protect.toAbsolutePath().normalize();
            if (p.startsWith(abs)) {
                throw new OutputRefusedException("the photo " + protect.getFileName() + " is inside the output folder " + target
                        + ": choose an output folder that does not contain the photo");
            }
        }
        if (Files.isDirectory(abs) && !isEmpty(abs)) {
            if (!force) {
                throw new OutputRefusedException("output folder " + target + " is not empty: choose a new folder, or add --force to replace an earlier Tempora output");
            }
            if (!Files.exists(abs.resolve(MARKER))) {
                throw new OutputRefusedException("output folder " + target + " holds files Tempora did not write (no " + MARKER
                        + "): --force only replaces earlier Tempora outputs; choose another folder");
            }
        }
        Path parent = abs.getParent();
        if (parent == null) throw new OutputRefusedException("cannot write to the root folder: choose a folder for --out");
        Files.createDirectories(parent);
        Path staging = parent.resolve("." + abs.getFileName() + ".partial-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(staging);
        return new StagedDirectory(abs, staging);
    }

    /** Where files are written until {@link #commit()}. */
    public Path path() { return staging; }

    public Path target() { return target; }

    /**
     * Moves the complete output into place, replacing an earlier Tempora output or an empty folder.
     *
     * @throws CancelledException when {@link #close()} ran first (Ctrl-C): the earlier output is left untouched
     */
    public synchronized void commit() throws IOException, CancelledException {
        if (closed) throw new CancelledException();
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the earlier output back
            throw e;
        }
        committed = true;
        if (old != null) {
            try {
                AtomicFiles.deleteTree(old);
            } catch (IOException e) {
                // The new output is in place; a leftover hidden copy of the old one is only clutter.
                System.err.println("warning: could not remove the earlier output kept at " + old + ": delete it by hand");
            }
        }
    }

    /** Deletes the staging folder unless committed; safe to call more than once, from any thread. */
    @Override public synchronized void close() {
        closed = true;
        if (committed) return;
        // A writer on another thread (Ctrl-C arrives mid-write) may add a file while we delete: retry.
        for (int attempt = 0; attempt < 20 && Files.exists(staging); attempt++) {
            try {
                AtomicFiles.deleteTree(staging);
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
