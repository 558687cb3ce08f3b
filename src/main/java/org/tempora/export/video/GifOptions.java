package org.tempora.export.video;

/**
 * How an animated GIF is made.
 *
 * @param palettePerFrame a palette for each frame instead of one for the whole clip (truer colours, more flicker)
 * @param dither Floyd-Steinberg error diffusion, which hides banding in smooth gradients
 * @param loops times the animation plays; 0 = forever
 */
public record GifOptions(boolean palettePerFrame, boolean dither, int loops) {
    public GifOptions {
        if (loops < 0 || loops > 65536) throw new IllegalArgumentException("GIF loop count must be 0 (forever) to 65536, got " + loops);
    }

    public static GifOptions defaults() { return new GifOptions(false, true, 0); }
}
