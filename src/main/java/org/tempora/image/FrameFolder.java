package org.tempora.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A folder of frames (a generated output or a ground-truth video as images), in file-name order. */
public final class FrameFolder {
    private FrameFolder() {}

    private static final Pattern IMAGE = Pattern.compile(".*\\.(png|jpe?g|tiff?|bmp)$", Pattern.CASE_INSENSITIVE);
    /** Files Tempora writes beside the frames, which are not frames: kernel.png, the parts' kernel_A.png ..., blurred.png. */
    private static final Pattern NOT_FRAMES = Pattern.compile("kernel(_[a-z])?\\.png|blurred\\.png", Pattern.CASE_INSENSITIVE);

    /** Whether {@code name} is a file Tempora writes beside frames (a kernel picture, blurred.png) rather than a frame. */
    public static boolean isNotFrame(String name) { return NOT_FRAMES.matcher(name).matches(); }

    /** The frame files of {@code dir}, sorted by name (numbers compared as numbers). */
    public static List<Path> list(Path dir) throws UnreadablePhotoException {
        if (!Files.isDirectory(dir)) throw new UnreadablePhotoException(dir + ": not a folder of frames");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && IMAGE.matcher(name).matches() && !name.startsWith(".")
                        && !isNotFrame(name)) files.add(p);
            }
        } catch (IOException e) {
            throw new UnreadablePhotoException(dir + ": cannot list the folder (" + e.getMessage() + ")");
        }
        files.sort((a, b) -> naturalCompare(a.getFileName().toString(), b.getFileName().toString()));
        if (files.isEmpty()) throw new UnreadablePhotoException(dir + ": no frames (PNG, JPEG, TIFF or BMP files) in this folder");
        return files;
    }

    /** Reads every frame; all must have the same size. */
    public static List<LinearImage> read(Path dir) throws UnreadablePhotoException {
        List<LinearImage> frames = new ArrayList<>();
        for (Path p : list(dir)) {
            LinearImage img = PhotoReader.read(p).pixels();
            if (!frames.isEmpty() && (img.width() != frames.get(0).width() || img.height() != frames.get(0).height())) {
                throw new UnreadablePhotoException(p + ": frame size " + img.width() + "x" + img.height() + " differs from the first frame's "
                        + frames.get(0).width() + "x" + frames.get(0).height());
            }
            frames.add(img);
        }
        return frames;
    }

    /** "frame_2" before "frame_10". */
    static int naturalCompare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
