package org.tempora.diffusion;

import org.tempora.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code .verified} file of a bundle: one line per file whose SHA-256 matched, keyed by path, size,
 * modification time and expected hash. Contract: a file rewritten in place with the same size AND the same
 * modification time is not noticed; any change of size, time or manifest hash makes it be hashed again.
 */
final class BundleVerifiedCache {
    static final String FILE_NAME = ".verified";
    private static final String HEADER = "# tempora verified model files v1: sha256<TAB>size<TAB>mtime<TAB>path";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** What a file looked like when its hash was checked; equal stamps mean no re-hash. */
    record Stamp(String path, long size, String modified, String sha256) {
        static Stamp of(Path folder, Path file, String sha256) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            // FileTime.toString keeps the file system's full precision (nanoseconds where it has them)
            return new Stamp(relative(folder, file), a.size(), a.lastModifiedTime().toString(), sha256);
        }
    }

    private BundleVerifiedCache() {}

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Stamps recorded in the folder; a missing, unreadable or garbled cache is simply empty (it only saves time). */
    static Map<String, Stamp> load(Path folder) {
        Map<String, Stamp> stamps = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return stamps; // none yet, or unreadable: every file is hashed again
        }
        for (String line : lines) {
            if (line.startsWith("#")) continue;
            String[] f = line.split("\t", 4);
            if (f.length != 4 || !HEX64.matcher(f[0]).matches()) continue;
            try {
                stamps.put(f[3], new Stamp(f[3], Long.parseLong(f[1]), f[2], f[0]));
            } catch (NumberFormatException garbled) {
                // skip the line: the file will be hashed again
            }
        }
        return stamps;
    }

    /** Replaces the cache file in one step; throws if the folder cannot be written (read-only install). */
    static void save(Path folder, Map<String, Stamp> stamps) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Stamp s : stamps.values()) {
            sb.append(s.sha256()).append('\t').append(s.size()).append('\t').append(s.modified()).append('\t').append(s.path()).append('\n');
        }
        AtomicFiles.write(folder.resolve(FILE_NAME), sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
