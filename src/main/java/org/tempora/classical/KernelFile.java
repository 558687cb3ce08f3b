package org.tempora.classical;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tempora.engine.BlurKernel;

/**
 * Reads a blur kernel the user knows (from a blur-trace tool, a star trail, or an earlier run) so the engine can skip
 * estimation. Accepted: a greyscale picture (PNG, TIFF, ...) whose stored pixel values are the weights, a text or CSV
 * matrix of numbers (one row per line; commas, semicolons or spaces between; lines starting with # ignored), or the
 * {@code kernel.png} (or a part's {@code kernel_A.png} ...) Tempora writes, whose square blocks are undone (and whose
 * working scale is read from the {@code tempora.json} beside it). The weights are normalised to sum 1; the centre pixel is where the
 * photo stays put, so the path's centre of mass is moved onto it.
 */
public final class KernelFile {
    private KernelFile() {}

    /** Largest side accepted, in photo pixels: twice the 101 px blur of long exposures, in any practical photo. */
    public static final int MAX_SIZE = 201;

    /** The kernel in {@code file}, odd-sized and normalised, with its scale (1 = photo pixels). */
    public static BlurKernel read(Path file) throws KernelFileException {
        if (!Files.isRegularFile(file)) throw new KernelFileException(file, "no such file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        double[][] rows = name.endsWith(".csv") || name.endsWith(".txt") ? readText(file) : readPicture(file);
        double scale = 1;
        if (rows.length >= BlurKernel.PICTURE_MIN_SIDE && rows.length == rows[0].length) {
            double[][] blocks = undoEnlargement(rows);
            if (blocks != rows) {
                rows = blocks;
                scale = workingScaleBeside(file);
            }
        }
        return toKernel(file, rows, scale);
    }

    /** Validates and normalises a matrix of weights (rows of equal length) into a centred kernel. */
    static BlurKernel toKernel(Path file, double[][] rows, double scale) throws KernelFileException {
        int h = rows.length, w = h == 0 ? 0 : rows[0].length;
        if (w != h) throw new KernelFileException(file, "the kernel must be square, got " + w + "x" + h);
        if (w % 2 == 0) throw new KernelFileException(file, "the kernel's side must be odd (its middle pixel is its centre), got " + w);
        if (w > MAX_SIZE) throw new KernelFileException(file, "the kernel is " + w + " px wide; at most " + MAX_SIZE + " px is accepted");
        double sum = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (!Double.isFinite(v) || v < 0) throw new KernelFileException(file, "kernel weights must be finite and not negative, found " + v);
                sum += v;
            }
        }
        if (!(sum > 0)) throw new KernelFileException(file, "the kernel is all zero");
        float[] k = new float[w * w];
        for (int y = 0; y < w; y++) for (int x = 0; x < w; x++) k[y * w + x] = (float) (rows[y][x] / sum);
        return centred(k, w, scale);
    }

    /** The kernel with its centre of mass moved onto the centre pixel, on a canvas grown so nothing is cut off. */
    static BlurKernel centred(float[] k, int w, double scale) {
        double sx = 0, sy = 0;
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                sx += k[y * w + x] * (double) x;
                sy += k[y * w + x] * (double) y;
            }
        }
        int grow = (int) Math.max(Math.abs(Math.round(w / 2 - sx)), Math.abs(Math.round(w / 2 - sy)));
        int size = w + 2 * grow;
        float[] out = KernelOps.recentre(KernelOps.resizeCanvas(k, w, size), size);
        KernelOps.normalise(out, size);
        return new BlurKernel(size, out, scale);
    }

    private static double[][] readText(Path file) throws KernelFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KernelFileException(file, "cannot read: " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("[,;\\s]+");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new KernelFileException(file, "line " + (i + 1) + ": '" + cells[j] + "' is not a number");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new KernelFileException(file, "line " + (i + 1) + " has " + row.length + " numbers, the first row " + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new KernelFileException(file, "no numbers in the file");
        return rows.toArray(new double[0][]);
    }

    /** Stored sample values (not light: a kernel is a table of weights), of a grey picture or one whose channels agree. */
    private static double[][] readPicture(Path file) throws KernelFileException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new KernelFileException(file, "cannot read the picture: " + e.getMessage());
        }
        if (img == null) throw new KernelFileException(file, "not a picture this program reads (PNG, TIFF, BMP, GIF, JPEG), nor a .csv or .txt matrix");
        Raster r = img.getRaster();
        int w = r.getWidth(), h = r.getHeight();
        int colourBands = img.getColorModel().getNumColorComponents();
        double[][] rows = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = r.getSampleDouble(x, y, 0);
                for (int b = 1; b < colourBands; b++) {
                    if (Math.abs(r.getSampleDouble(x, y, b) - v) > 1) {
                        throw new KernelFileException(file, "the kernel picture is in colour; give a greyscale one");
                    }
                }
                rows[y][x] = v;
            }
        }
        return rows;
    }

    /**
     * The kernel behind a picture drawn by enlarging an odd n x n kernel by f = ceil({@link BlurKernel#PICTURE_MIN_SIDE} / n)
     * with square blocks, or {@code rows} itself when it is not such a picture.
     */
    static double[][] undoEnlargement(double[][] rows) {
        int side = rows.length;
        for (int n = 3; n <= side / 2; n += 2) {
            int f = (int) Math.ceil((double) BlurKernel.PICTURE_MIN_SIDE / n);
            if (n * f != side || f < 2) continue;
            if (!constantBlocks(rows, f)) continue;
            double[][] out = new double[n][n];
            for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) out[y][x] = rows[y * f][x * f];
            return out;
        }
        return rows;
    }

    private static boolean constantBlocks(double[][] rows, int f) {
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows.length; x++) {
                if (rows[y][x] != rows[y - y % f][x - x % f]) return false;
            }
        }
        return true;
    }

    /** The working scale recorded in the {@code tempora.json} beside a Tempora kernel picture, else 1. */
    private static double workingScaleBeside(Path picture) {
        Path record = picture.resolveSibling("tempora.json");
        if (!Files.isRegularFile(record)) return 1;
        try {
            JsonObject root = JsonParser.parseString(Files.readString(record, StandardCharsets.UTF_8)).getAsJsonObject();
            // the record entry naming this picture: a part's own blur (partPaths) or the whole photo's
            JsonObject kernel = root.getAsJsonObject("kernel");
            String name = picture.getFileName().toString();
            // a damaged partPaths leaves the whole photo's entry, which a part's kernel shares the working scale of
            JsonArray parts = root.has("partPaths") && root.get("partPaths").isJsonArray() ? root.getAsJsonArray("partPaths") : new JsonArray();
            for (JsonElement part : parts) {
                JsonElement k = part.isJsonObject() ? part.getAsJsonObject().get("kernel") : null;
                JsonElement file = k != null && k.isJsonObject() ? k.getAsJsonObject().get("file") : null;
                if (file != null && file.isJsonPrimitive() && name.equals(file.getAsString())) kernel = k.getAsJsonObject();
            }
            if (kernel == null || !kernel.has("workingScale")) return 1;
            double s = kernel.get("workingScale").getAsDouble();
            return s > 0 && s <= 1 ? s : 1;
        } catch (IOException | RuntimeException e) {
            return 1; // a damaged record: the picture itself is still a kernel in its own pixels
        }
    }
}
