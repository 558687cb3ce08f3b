package org.tempora.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

class PsnrTest {
    @Test
    void fromMseIsTenLogOfOneOverMseCappedAtOneHundred() {
        assertEquals(20.0, Psnr.fromMse(0.01), 1e-12);
        assertEquals(40.0, Psnr.fromMse(1e-4), 1e-12);
        assertEquals(100.0, Psnr.fromMse(0.0), 0.0);
        assertEquals(100.0, Psnr.fromMse(1e-12), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Psnr.fromMse(Double.NaN));
    }

    @Test
    void identicalPicturesScoreTheCap() {
        LinearImage a = Videos.random(7, 5, 3, 30, 0, 1);
        assertEquals(Psnr.CAP_DB, Psnr.between(a, a.copy()), 0.0);
    }

    @Test
    void valuesAreClampedToTheDisplayRangeFirst() {
        LinearImage over = new LinearImage(1, 1, new float[][] {{1.7f}}), white = new LinearImage(1, 1, new float[][] {{1.0f}});
        assertEquals(100.0, Psnr.between(over, white), 0.0);
    }

    @Test
    void greyAgainstColourIsRefused() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Psnr.between(Videos.random(4, 4, 1, 31, 0, 1), Videos.random(4, 4, 3, 32, 0, 1))).getMessage();
        assertTrue(msg.contains("same number of channels"), msg);
    }
}
