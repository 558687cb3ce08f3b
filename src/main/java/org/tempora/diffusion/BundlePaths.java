package org.tempora.diffusion;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Turns a manifest's relative file name into a path that cannot leave the bundle folder. */
final class BundlePaths {
    private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private BundlePaths() {}

    /**
     * Resolves {@code relative} inside {@code folder}. Rejected whatever the running OS: absolute paths,
     * Windows drive or UNC forms, and any ".." segment, so a bundle made on one system is judged the same on all.
     * Symbolic links are allowed (model caches link to shared blobs), so this is a lexical check.
     */
    static Path inside(Path folder, String relative, BundleJson json, String field) throws BundleException {
        if (relative.isBlank()) throw json.problem(field, "must name a file inside the bundle folder, found \"\"");
        if (relative.chars().anyMatch(Character::isISOControl)) {
            throw json.problem(field, "must not contain control characters (tabs, line breaks)");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || DRIVE.matcher(relative).matches()) {
            throw json.problem(field, "must be a path relative to the bundle folder, found the absolute path \"" + relative + "\"");
        }
        for (String segment : SEPARATOR.split(relative)) {
            if (segment.equals("..")) {
                throw json.problem(field, "must stay inside the bundle folder, found \"" + relative + "\" which leaves it through \"..\"");
            }
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = base.resolve(relative.replace('\\', '/')).normalize();
        } catch (InvalidPathException e) {
            throw json.problem(field, "is not a usable file name on this system: \"" + relative + "\"");
        }
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw json.problem(field, "must name a file inside the bundle folder, found \"" + relative + "\"");
        }
        return resolved;
    }
}
