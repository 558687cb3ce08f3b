package org.tempora.timeline;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Expected matrices written out by hand from the packing rules (pad to 17 with the last, 3 x first in front, 4 per row). */
class LatentPackingTest {
    private static final float[] CONDITION = {-0.5f, 0.5f, -0.5f, 0.5f, -0.5f, 0.5f, -0.5f, 0.5f};

    @Test
    void presentLayout() {
        float[][] expected = {
                CONDITION,
                {-0.5f, -0.4375f, -0.5f, -0.4375f, -0.5f, -0.4375f, -0.5f, -0.4375f},
                {-0.4375f, -0.375f, -0.375f, -0.3125f, -0.3125f, -0.25f, -0.25f, -0.1875f},
                {-0.1875f, -0.125f, -0.125f, -0.0625f, -0.0625f, 0f, 0f, 0.0625f},
                {0.0625f, 0.125f, 0.125f, 0.1875f, 0.1875f, 0.25f, 0.25f, 0.3125f},
                {0.3125f, 0.375f, 0.375f, 0.4375f, 0.4375f, 0.5f, 0.4375f, 0.5f},
        };
        assertMatrix(expected, LatentPacking.pack(FramePlans.present(16)));
    }

    @Test
    void pastPresentFutureLayout() {
        float[][] expected = {
                CONDITION,
                {-1f, -0.875f, -1f, -0.875f, -1f, -0.875f, -1f, -0.875f},
                {-0.875f, -0.75f, -0.75f, -0.625f, -0.625f, -0.5f, -0.5f, -0.375f},
                {-0.375f, -0.25f, -0.25f, -0.125f, -0.125f, 0f, 0f, 0.125f},
                {0.125f, 0.25f, 0.25f, 0.375f, 0.375f, 0.5f, 0.5f, 0.625f},
                {0.625f, 0.75f, 0.75f, 0.875f, 0.875f, 1f, 0.875f, 1f},
        };
        assertMatrix(expected, LatentPacking.pack(FramePlans.pastPresentFuture()));
    }

    @Test
    void fewerFramesRepeatTheLastIntervalAsTheReferenceDoes() {
        // present(4): [-0.5,-0.25] [-0.25,0] [0,0.25] [0.25,0.5], then 13 more copies of [0.25,0.5].
        float[] last = {0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 0.5f, 0.25f, 0.5f};
        float[][] expected = {
                CONDITION,
                {-0.5f, -0.25f, -0.5f, -0.25f, -0.5f, -0.25f, -0.5f, -0.25f},
                {-0.25f, 0f, 0f, 0.25f, 0.25f, 0.5f, 0.25f, 0.5f},
                last, last, last,
        };
        assertMatrix(expected, LatentPacking.pack(FramePlans.present(4)));
    }

    @Test
    void singleFrameFillsEveryRow() {
        float[] only = {-0.5f, 0.5f, -0.5f, 0.5f, -0.5f, 0.5f, -0.5f, 0.5f};
        assertMatrix(new float[][] {CONDITION, only, only, only, only, only}, LatentPacking.pack(FramePlans.present(1)));
    }

    @Test
    void refusesMoreThanSixteenFrames() {
        String msg = assertThrows(InvalidPlanException.class, () -> LatentPacking.pack(FramePlans.present(17))).getMessage();
        assertTrue(msg.contains("at most 16 frames per run") && msg.contains("ask for 16 or fewer"), msg);
    }

    private static void assertMatrix(float[][] expected, float[][] actual) {
        assertEquals(LatentPacking.ROWS, actual.length);
        for (int r = 0; r < expected.length; r++) {
            assertEquals(LatentPacking.COLUMNS, actual[r].length);
            assertArrayEquals(expected[r], actual[r], 0f, "row " + r);
        }
    }
}
