package org.tempora.export;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.tempora.timeline.Interval;

class PlaybackRateTest {
    private static List<Interval> tiles(int n, double from, double to) {
        List<Interval> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Interval(from + (to - from) * i / n, from + (to - from) * (i + 1) / n));
        return out;
    }

    @Test
    void realTimeIsFramesOverCoveredSeconds() {
        // 16 frames tiling a 1/30 s exposure: real time is 16 / (1 * 1/30) = 480 fps; 40x slower is 12 fps
        PlaybackRate r = PlaybackRate.choose(OptionalDouble.empty(), OptionalDouble.of(40), OptionalDouble.of(1 / 30.0), tiles(16, -0.5, 0.5));
        assertEquals(12, r.fps(), 1e-9);
        assertEquals(480, r.realTimeFps().getAsDouble(), 1e-9);
        assertEquals(40, r.slowMotion().getAsDouble(), 1e-9);
        // past-present-future: 16 frames over two exposures of 0.5 s play at 16 fps in real time
        assertEquals(16, PlaybackRate.choose(OptionalDouble.empty(), OptionalDouble.of(1), OptionalDouble.of(0.5), tiles(16, -1, 1)).fps(), 1e-9);
    }

    @Test
    void defaultRateWithoutExposureAndRefusalOfSlowMotion() {
        PlaybackRate r = PlaybackRate.choose(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), tiles(4, -0.5, 0.5));
        assertEquals(PlaybackRate.DEFAULT_FPS, r.fps());
        assertTrue(r.describe().contains("unknown"));
        assertThrows(IllegalArgumentException.class,
                () -> PlaybackRate.choose(OptionalDouble.empty(), OptionalDouble.of(2), OptionalDouble.empty(), tiles(4, -0.5, 0.5)));
        assertEquals(25, PlaybackRate.choose(OptionalDouble.of(25), OptionalDouble.empty(), OptionalDouble.of(0.1), tiles(4, -0.5, 0.5)).fps());
    }

    @Test
    void playOrderPingPongAndLoops() {
        assertEquals(List.of(0, 1, 2, 3, 2, 1), ClipAssembly.playOrder(4, true, 1));
        assertEquals(List.of(0, 1, 0, 1), ClipAssembly.playOrder(2, false, 2));
    }

    @Test
    void exposureTimesParseAsPhotographersWriteThem() {
        assertEquals(1 / 30.0, ExposureTime.parse("1/30"), 1e-15);
        assertEquals(0.5, ExposureTime.parse("0.5"));
        assertThrows(IllegalArgumentException.class, () -> ExposureTime.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> ExposureTime.parse("-1"));
    }
}
