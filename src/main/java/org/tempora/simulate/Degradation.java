package org.tempora.simulate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import org.tempora.image.Srgb;
import org.tempora.image.SrgbEncoder;

/**
 * What old photos carry besides their blur, applied to a blurred luminance plane so that the kernel estimate can be measured
 * on it: JPEG compression (8x8 blocks, ringing), film grain (clumped noise, even in display units) and clipped
 * highlights, scanner and sensor noise (white, even in display units). Each is a pure function of the plane and a seed.
 *
 * @param kind   which defect
 * @param amount JPEG quality 1-100; grain or noise strength as the r.m.s. in display units (0-1 of the 8-bit range);
 *               clipping as the share of pixels driven past white (0-0.5)
 */
public record Degradation(Kind kind, double amount) {
    public enum Kind { JPEG, GRAIN, NOISE, CLIP }

    /** Correlation radius of the grain (Gaussian sigma, pixels): film grain clumps over a few scanned pixels. */
    static final double GRAIN_SIGMA = 0.8;

    public Degradation {
        boolean ok = switch (kind) {
            case JPEG -> amount >= 1 && amount <= 100 && amount == Math.rint(amount);
            case GRAIN, NOISE -> amount > 0 && amount <= 0.2;
            case CLIP -> amount > 0 && amount <= 0.5;
        };
        if (!ok || Double.isNaN(amount)) throw new IllegalArgumentException(describe(kind) + " " + amount + " is out of range: " + range(kind));
    }

    /**
     * Parses "jpeg:Q", "grain:S", "noise:S" or "clip:F" (see the record's parameters).
     *
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    public static Degradation parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
        Kind kind = switch (parts[0]) {
            case "jpeg" -> Kind.JPEG;
            case "grain" -> Kind.GRAIN;
            case "noise" -> Kind.NOISE;
            case "clip" -> Kind.CLIP;
            default -> throw new IllegalArgumentException("unknown degradation '" + text + "': use jpeg:QUALITY, grain:RMS, noise:RMS or clip:SHARE");
        };
        if (parts.length < 2) throw new IllegalArgumentException("'" + text + "' needs an amount: " + range(kind));
        double amount;
        try {
            amount = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a number: " + range(kind));
        }
        return new Degradation(kind, amount);
    }

    private static String range(Kind kind) {
        return switch (kind) {
            case JPEG -> "jpeg:QUALITY takes a whole number from 1 to 100";
            case GRAIN -> "grain:RMS takes more than 0 and at most 0.2 (display units)";
            case NOISE -> "noise:RMS takes more than 0 and at most 0.2 (display units)";
            case CLIP -> "clip:SHARE takes more than 0 and at most 0.5 (the share of pixels past white)";
        };
    }

    private static String describe(Kind kind) { return kind.name().toLowerCase(Locale.ROOT); }

    @Override public String toString() {
        return switch (kind) {
            case JPEG -> String.format(Locale.ROOT, "JPEG quality %.0f", amount);
            case GRAIN -> String.format(Locale.ROOT, "film grain %.3f r.m.s.", amount);
            case NOISE -> String.format(Locale.ROOT, "white noise %.3f r.m.s.", amount);
            case CLIP -> String.format(Locale.ROOT, "%.1f%% of pixels clipped", 100 * amount);
        };
    }

    /**
     * The gain this degradation puts on the light before it is cut at white (1 where it does not clip): a reference picture
     * must be scaled alike to be compared with what is restored from the degraded one.
     */
    public double gain(float[] plane) {
        if (kind != Kind.CLIP) return 1;
        float[] sorted = plane.clone();
        java.util.Arrays.sort(sorted);
        float level = sorted[Math.min(sorted.length - 1, (int) Math.floor((1 - amount) * sorted.length))];
        return level > 0 ? 1 / level : 1;
    }

    /** The degraded copy of a linear luminance plane (w x h, row-major); {@code seed} drives the grain. */
    public float[] apply(float[] plane, int w, int h, long seed) {
        if (plane.length != w * h) throw new IllegalArgumentException("plane has " + plane.length + " values, expected " + w + "*" + h);
        return switch (kind) {
            case JPEG -> jpeg(plane, w, h, (float) (amount / 100));
            case GRAIN -> grain(plane, w, h, amount, seed);
            case NOISE -> noise(plane, amount, seed);
            case CLIP -> clip(plane, (float) gain(plane));
        };
    }

    private static float[] clip(float[] plane, float gain) {
        float[] out = new float[plane.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.min(1f, plane[i] * gain);
        return out;
    }

    /** Gaussian noise blurred to {@link #GRAIN_SIGMA}, rescaled to {@code rms}, added in display units (where grain is even). */
    private static float[] grain(float[] plane, int w, int h, double rms, long seed) {
        Random rng = new Random(seed);
        float[] noise = new float[plane.length];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) rng.nextGaussian();
        noise = gaussianBlur(noise, w, h, GRAIN_SIGMA);
        double sq = 0;
        for (float v : noise) sq += v * (double) v;
        float scale = (float) (rms / Math.sqrt(sq / noise.length));
        float[] out = new float[plane.length];
        for (int i = 0; i < out.length; i++) {
            double display = Srgb.fromLinear(Math.max(0, Math.min(1, plane[i]))) + scale * noise[i];
            out[i] = (float) Srgb.toLinear(Math.max(0, Math.min(1, display)));
        }
        return out;
    }

    /** Independent Gaussian noise of r.m.s. {@code rms} added in display units, as a scanner's or a sensor's read noise. */
    private static float[] noise(float[] plane, double rms, long seed) {
        Random rng = new Random(seed);
        float[] out = new float[plane.length];
        for (int i = 0; i < out.length; i++) {
            double display = Srgb.fromLinear(Math.max(0, Math.min(1, plane[i]))) + rms * rng.nextGaussian();
            out[i] = (float) Srgb.toLinear(Math.max(0, Math.min(1, display)));
        }
        return out;
    }

    /** Separable Gaussian blur, edges clamped. */
    public static float[] gaussianBlur(float[] p, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) s += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= s;
        float[] tmp = new float[p.length], out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) v += k[i + r] * p[y * w + Math.max(0, Math.min(w - 1, x + i))];
                tmp[y * w + x] = (float) v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) v += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                out[y * w + x] = (float) v;
            }
        }
        return out;
    }

    /** The plane as an 8-bit sRGB greyscale JPEG at this quality (0-1), decoded back to linear light. */
    private static float[] jpeg(float[] plane, int w, int h, float quality) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] codes = new byte[w * h];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) SrgbEncoder.code(plane[i], 255);
        }
        img.getRaster().setDataElements(0, 0, w, h, codes);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) throw new IllegalStateException("no JPEG writer in this Java runtime");
            ImageWriter writer = writers.next();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (back == null) throw new IllegalStateException("no JPEG reader in this Java runtime");
            float[] out = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y * w + x] = Srgb.linearFrom8bit(back.getRaster().getSample(x, y, 0));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory failed", e);
        }
    }
}
