package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackModeTest {
    private static List<Integer> play(PlaybackMode mode, int size, int start, int ticks) {
        List<Integer> shown = new ArrayList<>();
        int frame = start, dir = 1;
        for (int i = 0; i < ticks; i++) {
            PlaybackMode.Step s = mode.next(frame, dir, size);
            frame = s.frame();
            dir = s.direction();
            shown.add(frame);
            if (s.stop()) break;
        }
        return shown;
    }

    @Test void pingPongTurnsOnTheEndFramesWithoutRepeatingThem() {
        assertEquals(List.of(1, 2, 3, 2, 1, 0, 1, 2, 3, 2), play(PlaybackMode.PING_PONG, 4, 0, 10));
        assertEquals(List.of(1, 0, 1, 0), play(PlaybackMode.PING_PONG, 2, 0, 4));
        assertEquals(List.of(0, 0), play(PlaybackMode.PING_PONG, 1, 0, 2));
    }

    @Test void loopWrapsAndOnceStopsOnTheLastFrame() {
        assertEquals(List.of(2, 0, 1, 2, 0), play(PlaybackMode.LOOP, 3, 1, 5));
        assertEquals(List.of(2, 2), play(PlaybackMode.ONCE, 3, 1, 5), "the tick after the last frame ends playback there");
        assertEquals(PlaybackMode.ONCE, PlaybackMode.PING_PONG.following());
    }
}
