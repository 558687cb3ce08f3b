package org.tempora.image;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LinearImageTest {
    @Test
    void aCropCopiesItsWindowOfEveryChannel() {
        LinearImage img = LinearImage.blank(5, 4, 3);
        for (int c = 0; c < 3; c++) for (int y = 0; y < 4; y++) for (int x = 0; x < 5; x++) img.set(c, x, y, 100 * c + 10 * y + x);
        LinearImage crop = img.crop(1, 2, 3, 2);
        assertEquals(3, crop.width());
        assertEquals(2, crop.height());
        assertEquals(3, crop.channels());
        assertArrayEquals(new float[] {221, 222, 223, 231, 232, 233}, crop.plane(2));
        crop.set(0, 0, 0, -1); // a copy: the picture keeps its pixel
        assertEquals(21, img.get(0, 1, 2));
    }

    @Test
    void aWindowReachingOutsideIsRefused() {
        LinearImage img = LinearImage.blank(5, 4, 1);
        assertThrows(IllegalArgumentException.class, () -> img.crop(3, 0, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> img.crop(-1, 0, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> img.crop(0, 0, 0, 2));
    }
}
