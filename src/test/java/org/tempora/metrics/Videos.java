package org.tempora.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.tempora.image.LinearImage;
import org.tempora.image.Srgb;

/** Test pictures built from display values, the space the metrics score in. */
final class Videos {
    private Videos() {}

    /** A picture whose display value in channel c at pixel i is display[c].applyAsDouble(i). */
    static LinearImage fromDisplay(int width, int height, IntToDoubleFunction... display) {
        float[][] planes = new float[display.length][width * height];
        for (int c = 0; c < display.length; c++) {
            for (int i = 0; i < width * height; i++) planes[c][i] = (float) Srgb.toLinear(display[c].applyAsDouble(i));
        }
        return new LinearImage(width, height, planes);
    }

    static LinearImage constant(int width, int height, double display) {
        return fromDisplay(width, height, i -> display);
    }

    /** Uniformly random display values in [lo, hi), reproducible from the seed. */
    static LinearImage random(int width, int height, int channels, long seed, double lo, double hi) {
        Random rng = new Random(seed);
        float[][] planes = new float[channels][width * height];
        for (float[] p : planes) for (int i = 0; i < p.length; i++) p[i] = (float) Srgb.toLinear(lo + (hi - lo) * rng.nextDouble());
        return new LinearImage(width, height, planes);
    }

    static List<LinearImage> randomVideo(int frames, int width, int height, int channels, long seed) {
        List<LinearImage> video = new ArrayList<>();
        for (int f = 0; f < frames; f++) video.add(random(width, height, channels, seed * 1000 + f, 0, 1));
        return video;
    }

    static List<LinearImage> reversed(List<LinearImage> video) {
        List<LinearImage> copy = new ArrayList<>(video);
        Collections.reverse(copy);
        return copy;
    }

    /** Per pixel and channel, the value from a where the predicate holds, else from b. */
    static LinearImage mix(LinearImage a, LinearImage b, PixelChooser fromA) {
        LinearImage out = a.copy();
        for (int c = 0; c < a.channels(); c++) {
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) if (!fromA.test(c, x, y)) out.set(c, x, y, b.get(c, x, y));
            }
        }
        return out;
    }

    interface PixelChooser { boolean test(int channel, int x, int y); }
}
