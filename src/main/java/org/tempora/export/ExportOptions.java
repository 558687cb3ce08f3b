package org.tempora.export;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tempora.export.video.GifOptions;
import org.tempora.export.video.H264Mp4;

/**
 * Everything an export can be asked for; each format uses the parts that apply to it.
 *
 * @param fps frames a second; empty = real time slowed by {@code slowMotion}, or {@link PlaybackRate#DEFAULT_FPS}
 * @param slowMotion how many times slower than real time (1 = real time); needs the exposure time
 * @param exposureSeconds the photo's exposure time, overriding the one recorded from its EXIF
 * @param quantiser H.264 quantiser 0-51 (MP4): lower is better and larger
 * @param loops times the clip plays: 0 = forever (GIF; an MP4 then plays once); an MP4 holds the frames that many times
 * @param pingPong play forward then backward (videos)
 * @param sideBySide the original photo shown left of every frame (videos)
 * @param timeline burn in the timeline band under every frame (videos)
 * @param palettePerFrame GIF palette per frame instead of one for the clip
 * @param dither GIF Floyd-Steinberg dithering
 * @param bitDepth PNG sequence bits per sample, 8 or 16; 0 = as the frames are (TIFF is always 16)
 */
public record ExportOptions(OptionalDouble fps, OptionalDouble slowMotion, OptionalDouble exposureSeconds, int quantiser, int loops,
                            boolean pingPong, Optional<Path> sideBySide, boolean timeline, boolean palettePerFrame, boolean dither,
                            int bitDepth) {
    public ExportOptions {
        if (fps.isPresent() && slowMotion.isPresent()) throw new IllegalArgumentException("give either a frame rate or a slow-motion factor, not both");
        if (fps.isPresent() && !(fps.getAsDouble() > 0 && fps.getAsDouble() <= 1000)) {
            throw new IllegalArgumentException("frame rate must be above 0 and at most 1000, got " + fps.getAsDouble());
        }
        if (slowMotion.isPresent() && !(slowMotion.getAsDouble() > 0 && Double.isFinite(slowMotion.getAsDouble()))) {
            throw new IllegalArgumentException("slow-motion factor must be positive (1 = real time), got " + slowMotion.getAsDouble());
        }
        if (quantiser < 0 || quantiser > 51) throw new IllegalArgumentException("quality (H.264 quantiser) must be 0-51, got " + quantiser);
        if (loops < 0 || loops > 1000) throw new IllegalArgumentException("loop count must be 0 (forever) to 1000, got " + loops);
        if (bitDepth != 0 && bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
    }

    public static ExportOptions defaults() {
        return new ExportOptions(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), H264Mp4.DEFAULT_QUANTISER, 0,
                false, Optional.empty(), false, false, true, 0);
    }

    public GifOptions gif() { return new GifOptions(palettePerFrame, dither, loops); }
}
