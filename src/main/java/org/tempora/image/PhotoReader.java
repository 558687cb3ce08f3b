package org.tempora.image;

import org.tempora.io.PngDecoder;
import org.tempora.io.PngLayout;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes a photo file (JPEG, PNG, TIFF, BMP, GIF) into linear-light sRGB planes with orientation applied.
 *
 * <p>Colour policy: an embedded ICC profile is honoured (converted to sRGB); untagged files are taken as sRGB.
 * A PNG gAMA chunk without sRGB/iCCP is honoured as a pure power law, as web browsers do (cHRM is ignored).
 * JPEG profiles, including CMYK/YCCK, are applied by the TwelveMonkeys decoder. Floating-point TIFF samples are
 * read as linear light on a 0..1 scale. Transparency is composited over white in linear light, with a note.
 */
public final class PhotoReader {
    private PhotoReader() {}

    /** Bytes per pixel we budget for: decoded raster (up to 16-bit RGBA) + 3 float planes + one re-oriented copy. */
    private static final int BUDGET_BYTES_PER_PIXEL = 8 + 12 + 12;

    public static Photo read(Path file) throws UnreadablePhotoException {
        return read(file, true);
    }

    /** @param plainPngDecoder false forces ImageIO for every PNG (tests compare the two decoders with it) */
    static Photo read(Path file, boolean plainPngDecoder) throws UnreadablePhotoException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head = new byte[ImageFormat.SNIFF_LENGTH];
        int n = sniff(file, name, head, "this is a folder, not a photo; choose an image file inside it");
        ImageFormat format = ImageFormat.detect(head, n).orElseThrow(() -> ImageFormat.describeUnsupported(head, n)
                .map(kind -> ReadFailure.of(name, "this is " + kind + ", which Tempora cannot read; convert it to JPEG, PNG or TIFF"))
                .orElseGet(() -> ReadFailure.of(name, "not a JPEG, PNG, TIFF, BMP or GIF image (unknown or damaged format); convert it to one of these")));
        FileFacts facts = new FileFacts();
        BufferedImage decoded;
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            scanHeaders(format, in, facts);
            decoded = format == ImageFormat.PNG && plainPngDecoder && facts.icc == null ? plainPng(file, name) : null;
            if (decoded == null) {
                in.seek(0);
                decoded = decodeFirstImage(in, format, name, facts);
            }
        } catch (IOException e) {
            if (e instanceof UnreadablePhotoException u) throw u;
            throw ReadFailure.decoding(name, format.displayName, e, facts.complete);
        }
        List<String> notes = new ArrayList<>();
        if (format == ImageFormat.TIFF && facts.pageCount > 1) notes.add("TIFF has " + facts.pageCount + " pages; using the first.");
        if (format == ImageFormat.GIF && facts.pageCount > 1) notes.add("GIF is animated (" + facts.pageCount + " frames); using the first frame.");
        ColourInterpretation how = interpret(format, decoded.getColorModel(), facts, notes);
        PixelLinearizer.Result px;
        try {
            px = PixelLinearizer.linearize(decoded, how);
        } catch (IllegalArgumentException | java.awt.color.CMMException e) {
            throw ReadFailure.of(name, "its colours cannot be converted (" + ReadFailure.plainReason(e) + "); re-save it with an sRGB or Adobe RGB profile", e);
        }
        decoded = null;     // drop the decoded raster before orientation allocates the upright copy
        return finish(file, format, px, how, facts, notes);
    }

    /** Reads the leading bytes, turning every file-system problem into its plain-words message. */
    static int sniff(Path file, String name, byte[] head, String folderMessage) throws UnreadablePhotoException {
        if (Files.isDirectory(file)) throw ReadFailure.of(name, folderMessage);
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) throw ReadFailure.of(name, "the file is empty (0 bytes); copy or export it again");
            return n;
        } catch (NoSuchFileException e) {
            throw ReadFailure.of(name, "the file does not exist; check the folder and the file name");
        } catch (AccessDeniedException e) {
            throw ReadFailure.of(name, "the file cannot be opened (no permission to read it); check its permissions");
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IOException e) {
            throw ReadFailure.of(name, "the file cannot be read (" + ReadFailure.plainReason(e) + "); check the disk or copy the file again", e);
        }
    }

    /** Metadata problems never stop decoding; a stream that ends inside the headers marks the file incomplete. */
    private static void scanHeaders(ImageFormat format, ImageInputStream in, FileFacts facts) {
        try {
            switch (format) {
                case JPEG -> JpegHeaders.read(in, facts);
                case PNG -> PngHeaders.read(in, facts);
                case TIFF -> TiffHeaders.read(in, facts);
                case GIF -> {
                    long len = in.length();
                    if (len > 0) {
                        in.seek(len - 1);
                        facts.complete = in.read() == 0x3B;    // GIF trailer (GIF89a spec, section 27)
                    }
                }
                case BMP -> { }
            }
        } catch (EOFException e) {
            facts.complete = false;
        } catch (IOException | RuntimeException e) {
            facts.notes.add("The file's metadata could not be read (" + ReadFailure.plainReason(e) + "); orientation and colour profile may be ignored.");
        }
    }

    private static BufferedImage decodeFirstImage(ImageInputStream in, ImageFormat format, String name, FileFacts facts) throws IOException {
        ImageReader reader = readerFor(in, format, name);
        Set<String> warnings = new LinkedHashSet<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try {
            reader.setInput(in, false, false);
            if (format == ImageFormat.GIF) facts.pageCount = reader.getNumImages(true);
            int w = reader.getWidth(0), h = reader.getHeight(0);
            checkMemory(name, w, h);
            BufferedImage image = reader.read(0);
            for (String w2 : warnings) {
                String lower = w2.toLowerCase(Locale.ROOT);
                if (lower.contains("premature end") || lower.contains("missing eoi") || lower.contains("truncated")) {
                    throw ReadFailure.truncated(name, format.displayName);
                }
                facts.notes.add("The decoder reported: " + w2.trim() + ".");
            }
            return image;
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw ReadFailure.decoding(name, format.displayName, e, facts.complete && warnings.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("eoi")));
        } finally {
            reader.dispose();
        }
    }

    /**
     * The common PNG without palette, transparency chunk or ICC profile, decoded without ImageIO (whose start-up and
     * per-pixel 16-bit path cost more than the decoding itself) into the raster ImageIO would give; null for any other
     * PNG and any damaged one, which then go to ImageIO and its messages.
     */
    private static BufferedImage plainPng(Path file, String name) throws IOException {
        Optional<PngDecoder.Samples> decoded = PngDecoder.decode(file, layout -> checkMemory(name, layout.width(), layout.height()));
        if (decoded.isEmpty()) return null;
        PngLayout l = decoded.get().layout();
        boolean alpha = l.channels() == 2 || l.channels() == 4;
        ColorSpace cs = ColorSpace.getInstance(l.channels() <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int[] offsets = new int[l.channels()];
        for (int b = 0; b < offsets.length; b++) offsets[b] = b;
        DataBuffer data = l.bitDepth() == 16 ? new DataBufferUShort(decoded.get().shorts(), decoded.get().shorts().length)
                : new DataBufferByte(decoded.get().bytes(), decoded.get().bytes().length);
        WritableRaster raster = Raster.createInterleavedRaster(data, l.width(), l.height(), l.width() * l.channels(), l.channels(), offsets, null);
        ComponentColorModel cm = new ComponentColorModel(cs, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, data.getDataType());
        return new BufferedImage(cm, raster, false, null);
    }

    /** TwelveMonkeys registers ahead of the JDK plugins; we take the first reader that accepts the bytes. */
    private static ImageReader readerFor(ImageInputStream in, ImageFormat format, String name) throws UnreadablePhotoException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw ReadFailure.of(name, "the " + format.displayName + " header is damaged or of an unsupported kind; re-export the file as a standard "
                    + format.displayName + " or PNG");
        }
        return readers.next();
    }

    private static void checkMemory(String name, int w, int h) throws UnreadablePhotoException {
        long pixels = (long) w * h;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = pixels * BUDGET_BYTES_PER_PIXEL;
        if (pixels > Integer.MAX_VALUE - 8 || needed > free) {
            throw ReadFailure.tooLarge(name, w, h, needed >> 20, Math.max(0, free) >> 20);
        }
    }

    private static Photo finish(Path file, ImageFormat format, PixelLinearizer.Result px, ColourInterpretation how, FileFacts facts, List<String> notes) {
        LinearImage upright = ExifOrientation.apply(px.image(), facts.orientation);
        if (facts.orientation != 1) notes.add("EXIF orientation " + facts.orientation + " applied (" + orientationWords(facts.orientation) + ").");
        if (px.hadTransparency()) notes.add("Transparent areas were composited over white.");
        if (px.floatSamples()) notes.add("The file holds floating-point samples; they were read as linear light on a 0-1 scale (values outside were clipped).");
        if (px.bitDepth() == 16 && usesOnlyLowByte(upright, how)) {
            notes.add("The 16-bit samples never exceed 255 of 65535, so the picture looks almost black; it was probably an 8-bit image stored as 16-bit.");
        }
        if (!facts.complete) notes.add("The file ends before its end marker (truncated?); the first image decoded, but check it for missing parts.");
        notes.addAll(facts.notes);
        facts.fields.put("Format", format.displayName);
        facts.fields.put("Pixel size", upright.width() + " x " + upright.height());
        facts.fields.put("Bit depth", Integer.toString(px.bitDepth()));
        facts.fields.put("Colour type", px.colourType());
        facts.fields.put("Colour interpretation", how.description());
        if (facts.pageCount > 1) facts.fields.put(format == ImageFormat.GIF ? "Frames" : "Pages", Integer.toString(facts.pageCount));
        return new Photo(file, upright, px.bitDepth(), format.displayName, facts.toMetadata(), List.copyOf(notes));
    }

    /** Chooses how samples become light; see the class comment for the policy. */
    static ColourInterpretation interpret(ImageFormat format, ColorModel cm, FileFacts facts, List<String> notes) {
        ColorSpace cs = cm.getColorSpace();
        EmbeddedProfile embedded = null;
        if (facts.icc != null) {
            try {
                embedded = EmbeddedProfile.parse(facts.icc);
                facts.fields.put("ICC profile", embedded.description());
            } catch (IllegalArgumentException e) {
                notes.add("The embedded colour profile is damaged (" + e.getMessage() + ") and was ignored; colours treated as sRGB.");
            }
        }
        if (format == ImageFormat.JPEG) {
            // TwelveMonkeys converts embedded profiles (and CMYK/YCCK) itself; we read what it hands back
            if (cs.isCS_sRGB() || cs == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
                if (embedded != null && !embedded.isSrgbEquivalent()) {
                    notes.add("Colours converted from the embedded profile \"" + embedded.description() + "\" to sRGB.");
                }
                return ColourInterpretation.srgb(embedded == null ? "sRGB (untagged)" : embedded.description() + " (converted by the decoder)");
            }
            if (cs instanceof ICC_ColorSpace icc && (cs.getType() == ColorSpace.TYPE_RGB || cs.getType() == ColorSpace.TYPE_GRAY)) {
                try {
                    return profileOrSrgb(EmbeddedProfile.parse(icc.getProfile().getData()), notes);
                } catch (IllegalArgumentException unreadable) {
                    return ColourInterpretation.decoderColourSpace("decoder colour space");
                }
            }
            return ColourInterpretation.decoderColourSpace(embedded == null ? "decoder colour space" : embedded.description());
        }
        boolean rgbOrGrey = cm instanceof IndexColorModel || cs.getType() == ColorSpace.TYPE_RGB || cs.getType() == ColorSpace.TYPE_GRAY;
        if (!rgbOrGrey) return ColourInterpretation.decoderColourSpace(embedded == null ? "decoder colour space" : embedded.description());
        if (embedded != null) {
            boolean grey = !(cm instanceof IndexColorModel) && cs.getType() == ColorSpace.TYPE_GRAY;
            EmbeddedProfile.Kind expected = grey ? EmbeddedProfile.Kind.GREY : EmbeddedProfile.Kind.RGB;
            if (embedded.kind() == expected) return profileOrSrgb(embedded, notes);
            notes.add("The embedded colour profile \"" + embedded.description() + "\" does not fit a " + (grey ? "grey" : "colour")
                    + " image and was ignored; colours treated as sRGB.");
        }
        if (format == ImageFormat.PNG && !facts.pngSrgb && facts.pngGamma != null) {
            double g = facts.pngGamma;
            facts.fields.put("Gamma", String.format(Locale.ROOT, "%.5f", g));
            notes.add(String.format(Locale.ROOT, "PNG gamma %.5f (gAMA chunk) honoured as browsers do: light = sample^%.4f.", g, 1 / g));
            return ColourInterpretation.gamma(1 / g, String.format(Locale.ROOT, "gamma %.5f (PNG gAMA)", g));
        }
        return ColourInterpretation.srgb(format == ImageFormat.PNG && facts.pngSrgb ? "sRGB (PNG sRGB chunk)" : "sRGB (untagged)");
    }

    private static ColourInterpretation profileOrSrgb(EmbeddedProfile p, List<String> notes) {
        try {
            ColourInterpretation how = ColourInterpretation.fromProfile(p);
            if (!p.isSrgbEquivalent()) {
                notes.add("Colours converted from the embedded profile \"" + p.description() + "\" to sRGB.");
            }
            return how;
        } catch (IllegalArgumentException damaged) {
            notes.add("The embedded colour profile \"" + p.description() + "\" cannot be used and was ignored; colours treated as sRGB.");
            return ColourInterpretation.srgb("sRGB (profile ignored)");
        }
    }

    /** True when every sample is at or below code 255 of a 16-bit scale. */
    private static boolean usesOnlyLowByte(LinearImage img, ColourInterpretation how) {
        ToneCurve curve = how.direct() ? how.curves()[0] : ToneCurve.SRGB;
        float limit = (float) curve.toLinear(255.5 / 65535.0);
        for (int c = 0; c < img.channels(); c++) for (float v : img.plane(c)) if (v > limit) return false;
        return true;
    }

    private static String orientationWords(int o) {
        return switch (o) {
            case 2 -> "mirrored left-right";
            case 3 -> "rotated 180 degrees";
            case 4 -> "mirrored top-bottom";
            case 5 -> "mirrored and rotated 90 degrees counter-clockwise";
            case 6 -> "rotated 90 degrees clockwise";
            case 7 -> "mirrored and rotated 90 degrees clockwise";
            case 8 -> "rotated 90 degrees counter-clockwise";
            default -> "as stored";
        };
    }
}
