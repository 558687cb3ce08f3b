package org.tempora.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns a decoded image into linear-light float planes with sRGB primaries, reading its sample arrays in bulk
 * (never per-pixel getRGB). Transparent pixels are composited over white in linear light.
 */
final class PixelLinearizer {
    private PixelLinearizer() {}

    /** Rows converted per ColorConvertOp call: bounds the temporary 16-bit copy to a strip. */
    private static final int CMS_STRIP_ROWS = 256;

    /**
     * @param bitDepth        8 or 16: what the file holds per sample (float files report 16)
     * @param colourType      "Grey", "RGB", "Palette", "CMYK"..., with "+ alpha" when it has an alpha channel
     * @param hadTransparency some pixel had alpha below 1 and was composited over white
     * @param floatSamples    the samples were floating point and were read as linear light
     */
    record Result(LinearImage image, int bitDepth, String colourType, boolean hadTransparency, boolean floatSamples) {}

    static Result linearize(BufferedImage bi, ColourInterpretation how) {
        ColorModel cm = bi.getColorModel();
        if (cm.isAlphaPremultiplied()) bi.coerceData(false);
        if (cm instanceof IndexColorModel icm) return palette(bi.getRaster(), icm, how);
        ColorSpace cs = cm.getColorSpace();
        int colours = cm.getNumColorComponents();
        boolean plainRgbOrGrey = cs.getType() == ColorSpace.TYPE_RGB && colours == 3 || cs.getType() == ColorSpace.TYPE_GRAY && colours == 1;
        int w = bi.getWidth(), h = bi.getHeight();
        int bits = 0;
        for (int b = 0; b < colours; b++) bits = Math.max(bits, bi.getSampleModel().getSampleSize(b));
        int bitDepth = bits > 8 ? 16 : 8;
        String type = colourTypeName(cs, colours) + (cm.hasAlpha() ? " + alpha" : "");
        if (plainRgbOrGrey && how.direct()) {
            float[][] planes = new float[colours][w * h];
            float[] alpha = cm.hasAlpha() ? new float[w * h] : null;
            boolean floats = readComponents(bi.getRaster(), colours, how.curves(), planes, alpha, 0);
            if (how.toSrgb() != null && colours == 3) applyMatrix(planes, how.toSrgb());
            boolean transparent = alpha != null && compositeOverWhite(planes, alpha);
            return new Result(new LinearImage(w, h, planes), floats ? 16 : bitDepth, type, transparent, floats);
        }
        return throughCms(bi, how, bitDepth, type);
    }

    /** Palette entries are 8-bit codes; each entry is linearised once, then pixels are a table look-up. */
    private static Result palette(Raster raster, IndexColorModel icm, ColourInterpretation how) {
        int n = icm.getMapSize();
        ToneCurve[] curves = how.direct() ? how.curves() : ColourInterpretation.srgb("sRGB").curves();
        float[][] lut = new float[3][];
        for (int c = 0; c < 3; c++) lut[c] = curves[c].table(255);
        float[] r = new float[n], g = new float[n], bl = new float[n], a = new float[n];
        boolean grey = true;
        for (int i = 0; i < n; i++) {
            r[i] = lut[0][icm.getRed(i)];
            g[i] = lut[1][icm.getGreen(i)];
            bl[i] = lut[2][icm.getBlue(i)];
            a[i] = icm.getAlpha(i) / 255f;
            grey &= icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
        }
        if (how.toSrgb() != null && !grey) {
            float[][] entries = { r, g, bl };
            applyMatrix(entries, how.toSrgb());
        }
        int w = raster.getWidth(), h = raster.getHeight();
        int channels = grey ? 1 : 3;
        float[][] planes = new float[channels][w * h];
        boolean transparent = false;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int k = Math.min(row[x], n - 1);
                float al = a[k];
                transparent |= al < 1f;
                // composite over white in linear light: c*a + 1*(1-a)
                planes[0][i] = r[k] * al + (1 - al);
                if (!grey) {
                    planes[1][i] = g[k] * al + (1 - al);
                    planes[2][i] = bl[k] * al + (1 - al);
                }
            }
        }
        return new Result(new LinearImage(w, h, planes), 8, grey ? "Palette (grey)" : "Palette", transparent, false);
    }

    /**
     * Reads colour bands through per-band tables into planes starting at row {@code rowOffset}; alpha (last band)
     * goes to {@code alpha} when non-null. Returns true when the samples were floating point.
     */
    private static boolean readComponents(Raster raster, int colours, ToneCurve[] curves, float[][] planes, float[] alpha, int rowOffset) {
        int w = raster.getWidth(), h = raster.getHeight();
        int bands = colours + (alpha != null ? 1 : 0);
        int type = raster.getDataBuffer().getDataType();
        boolean floats = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
        for (int b = 0; b < bands; b++) {
            boolean isAlpha = b == colours;
            float[] dst = isAlpha ? alpha : planes[b];
            ToneCurve curve = isAlpha ? ToneCurve.LINEAR : curves[Math.min(b, curves.length - 1)];
            int base = rowOffset * w;
            if (floats) {
                readFloatBand(raster, b, dst, base);
                continue;
            }
            int maxCode = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
            float[] lut = curve.table(maxCode);
            if (!readBandFast(raster, b, lut, dst, base)) readBandGeneric(raster, b, lut, maxCode, dst, base);
        }
        return floats;
    }

    /** Direct array walk for byte/ushort component rasters (interleaved or banded), the layout of nearly every photo. */
    private static boolean readBandFast(Raster raster, int band, float[] lut, float[] dst, int base) {
        if (!(raster.getSampleModel() instanceof ComponentSampleModel sm)) return false;
        DataBuffer db = raster.getDataBuffer();
        int bank = sm.getBankIndices()[band];
        int ps = sm.getPixelStride(), ss = sm.getScanlineStride();
        int start = db.getOffsets()[bank] + sm.getBandOffsets()[band]
                + (raster.getMinY() - raster.getSampleModelTranslateY()) * ss + (raster.getMinX() - raster.getSampleModelTranslateX()) * ps;
        int w = raster.getWidth(), h = raster.getHeight();
        if (db instanceof DataBufferByte bytes) {
            byte[] d = bytes.getData(bank);
            for (int y = 0; y < h; y++) {
                int s = start + y * ss, o = base + y * w;
                for (int x = 0; x < w; x++, s += ps) dst[o + x] = lut[d[s] & 0xFF];
            }
            return true;
        }
        if (db instanceof DataBufferUShort shorts && lut.length == 65536) {
            short[] d = shorts.getData(bank);
            for (int y = 0; y < h; y++) {
                int s = start + y * ss, o = base + y * w;
                for (int x = 0; x < w; x++, s += ps) dst[o + x] = lut[d[s] & 0xFFFF];
            }
            return true;
        }
        return false;
    }

    private static void readBandGeneric(Raster raster, int band, float[] lut, int maxCode, float[] dst, int base) {
        int w = raster.getWidth(), h = raster.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, band, row);
            for (int x = 0; x < w; x++) dst[base + y * w + x] = lut[Math.max(0, Math.min(maxCode, row[x]))];
        }
    }

    /** Floating-point samples are taken as light already on a 0..1 scale (the convention of float TIFFs), clamped. */
    private static void readFloatBand(Raster raster, int band, float[] dst, int base) {
        int w = raster.getWidth(), h = raster.getHeight();
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, band, row);
            for (int x = 0; x < w; x++) {
                dst[base + y * w + x] = Float.isNaN(row[x]) ? 0 : Math.max(0, Math.min(1, row[x]));
            }
        }
    }

    /** Row-major 3x3 per pixel, clamped to [0, 1] since out-of-gamut colours cannot be shown in sRGB anyway. */
    static void applyMatrix(float[][] rgb, double[] m) {
        float[] r = rgb[0], g = rgb[1], b = rgb[2];
        float m0 = (float) m[0], m1 = (float) m[1], m2 = (float) m[2], m3 = (float) m[3], m4 = (float) m[4];
        float m5 = (float) m[5], m6 = (float) m[6], m7 = (float) m[7], m8 = (float) m[8];
        for (int i = 0; i < r.length; i++) {
            float x = r[i], y = g[i], z = b[i];
            r[i] = clamp01(m0 * x + m1 * y + m2 * z);
            g[i] = clamp01(m3 * x + m4 * y + m5 * z);
            b[i] = clamp01(m6 * x + m7 * y + m8 * z);
        }
    }

    /** Porter-Duff "over" onto an opaque white backdrop, in linear light: c' = a*c + (1-a). */
    private static boolean compositeOverWhite(float[][] planes, float[] alpha) {
        boolean any = false;
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            if (a >= 1f) continue;
            any = true;
            for (float[] p : planes) p[i] = p[i] * a + (1 - a);
        }
        return any;
    }

    /** Colour spaces we do not evaluate ourselves go through the CMS to 16-bit sRGB, a strip of rows at a time. */
    private static Result throughCms(BufferedImage bi, ColourInterpretation how, int bitDepth, String type) {
        BufferedImage src = bi;
        ColorModel cm = bi.getColorModel();
        if (how.cmsProfile() != null) {
            ColorModel tagged = new ComponentColorModel(new ICC_ColorSpace(how.cmsProfile()), cm.hasAlpha(), false,
                    cm.hasAlpha() ? Transparency.TRANSLUCENT : Transparency.OPAQUE, bi.getRaster().getTransferType());
            if (tagged.getNumComponents() != bi.getRaster().getNumBands()) {
                throw new IllegalArgumentException("the embedded colour profile does not match the image's " + bi.getRaster().getNumBands() + " channels");
            }
            src = new BufferedImage(tagged, bi.getRaster(), false, null);
            cm = tagged;
        }
        int w = bi.getWidth(), h = bi.getHeight();
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        boolean alphaOut = cm.hasAlpha();
        ComponentColorModel out = new ComponentColorModel(srgb, alphaOut, false, alphaOut ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        ColorConvertOp op = new ColorConvertOp(null);     // source colour space straight to the 16-bit sRGB destination
        float[][] planes = new float[3][w * h];
        float[] alpha = alphaOut ? new float[w * h] : null;
        ToneCurve[] srgbCurves = ColourInterpretation.srgb("sRGB").curves();
        for (int y0 = 0; y0 < h; y0 += CMS_STRIP_ROWS) {
            int rows = Math.min(CMS_STRIP_ROWS, h - y0);
            BufferedImage strip = src.getSubimage(0, y0, w, rows);
            WritableRaster dest = out.createCompatibleWritableRaster(w, rows);
            BufferedImage converted = new BufferedImage(out, dest, false, null);
            op.filter(strip, converted);
            readComponents(dest, 3, srgbCurves, planes, alpha, y0);
        }
        boolean transparent = alpha != null && compositeOverWhite(planes, alpha);
        return new Result(new LinearImage(w, h, planes), bitDepth, type, transparent, false);
    }

    private static String colourTypeName(ColorSpace cs, int colours) {
        return switch (cs.getType()) {
            case ColorSpace.TYPE_GRAY -> "Grey";
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_Lab -> "Lab";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            default -> colours + "-channel";
        };
    }

    private static float clamp01(float v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }
}
