package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.flow.FlowPair;

class MotionSettingsTest {
    private static MotionSettings of(MotionKind kind, boolean overPhoto, FlowPair fixed) {
        return new MotionSettings(kind, overPhoto, 20, 1, fixed, List.of());
    }

    @Test void eachFrameShowsItsFlowToTheNextAndTheLastFrameItsFlowFromThePrevious() {
        MotionSettings s = of(MotionKind.WHEEL, false, null);
        assertEquals(new FlowPair(0, 1), s.pairAt(0, 5));
        assertEquals(new FlowPair(3, 4), s.pairAt(3, 5));
        assertEquals(new FlowPair(3, 4), s.pairAt(4, 5));
        assertEquals(new FlowPair(0, 4), of(MotionKind.WHEEL, false, new FlowPair(0, 4)).pairAt(2, 5));
    }

    @Test void onlyPicturesThatDependOnThePlayheadAreDrawnPerFrame() {
        FlowPair firstLast = new FlowPair(0, 4);
        assertTrue(of(MotionKind.WHEEL, false, null).followsPlayhead(), "consecutive pairs change with the frame");
        assertFalse(of(MotionKind.WHEEL, false, firstLast).followsPlayhead(), "one pair's colours are the same on every frame");
        assertFalse(of(MotionKind.HEAT, true, firstLast).followsPlayhead());
        assertTrue(of(MotionKind.ARROWS, false, firstLast).followsPlayhead(), "arrows are drawn on the frame under them");
        assertFalse(of(MotionKind.ARROWS, true, firstLast).followsPlayhead(), "over the photo they are not");
        assertTrue(of(MotionKind.TRACKS, true, firstLast).followsPlayhead(), "tracks grow with the playhead");
    }

    @Test void refusesSettingsOutsideTheControlsRanges() {
        assertThrows(IllegalArgumentException.class, () -> new MotionSettings(MotionKind.ARROWS, false, 2, 1, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MotionSettings(MotionKind.ARROWS, false, 20, 8, null, List.of()));
    }

    @Test void motionViewsStepRoundToOff() {
        MotionKind k = MotionKind.OFF;
        for (int i = 0; i < MotionKind.values().length; i++) k = k.following();
        assertEquals(MotionKind.OFF, k);
        assertEquals(MotionKind.WHEEL, MotionKind.OFF.following());
    }

    @Test void picturesAreDrawnFromThePlayheadOutwards() {
        assertArrayEquals(new int[] {2, 3, 1, 4, 0, 5}, MotionOverlay.order(2, 6));
        assertArrayEquals(new int[] {0, 1, 2}, MotionOverlay.order(0, 3));
        assertArrayEquals(new int[] {2, 1, 0}, MotionOverlay.order(2, 3));
        assertArrayEquals(new int[] {0}, MotionOverlay.order(0, 1));
    }

    @Test void theSameFileIsRecognisedUnderAnotherName(@TempDir Path dir) throws Exception {
        Path photo = Files.writeString(dir.resolve("photo.png"), "x");
        assertTrue(MotionOverlay.isSameFile(dir.resolve("sub").resolve("..").resolve("photo.png"), photo));
        assertFalse(MotionOverlay.isSameFile(dir.resolve("other.png"), photo));
        assertFalse(MotionOverlay.isSameFile(dir.resolve("other.png"), null));
    }
}
