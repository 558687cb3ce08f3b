package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Snapping to device pixels at output scales 1, 1.5 and 2. */
class PixelGridTest {
    @Test void edgesLandOnDevicePixelBoundaries() {
        assertEquals(10.0, PixelGrid.edge(10.3, 1), 0);
        assertEquals(10.5, PixelGrid.edge(10.3, 2), 0); // 20.6 device px -> 21 -> 10.5
        assertEquals(10.0, PixelGrid.edge(10.2, 2), 0); // 20.4 -> 20
        assertEquals(4.0 / 1.5, PixelGrid.edge(2.5, 1.5), 1e-12); // 3.75 -> 4 device px
    }

    @Test void linesCoverWholeDevicePixels() {
        // One layout unit: one device pixel at scale 1, centred on its middle; two at scale 2, centred on a boundary.
        assertEquals(10.5, PixelGrid.line(10.2, 1, 1), 0);
        assertEquals(10.0, PixelGrid.line(10.2, 1, 2), 0); // 20.4 device px -> boundary 20: covers pixels 19 and 20
        assertEquals(10.25, PixelGrid.line(10.2, 0.5, 2), 0); // one device pixel at scale 2: the middle of pixel 20
        assertEquals(10.0, PixelGrid.line(10.2, 2, 1), 0); // two device pixels at scale 1: on a boundary
    }

    @Test void lineWidthsAreWholeDevicePixelsAndNeverVanish() {
        assertEquals(1.0, PixelGrid.lineWidth(1, 1), 0);
        assertEquals(1.0, PixelGrid.lineWidth(1, 2), 0);
        assertEquals(0.5, PixelGrid.lineWidth(0.2, 2), 0); // at least one device pixel
        assertEquals(2 / 1.5, PixelGrid.lineWidth(1, 1.5), 1e-12); // 1.5 device px rounds to 2
    }

    @Test void aBrokenScaleCountsAsOne() {
        assertEquals(1, PixelGrid.scale(0), 0);
        assertEquals(1, PixelGrid.scale(Double.NaN), 0);
        assertEquals(2, PixelGrid.scale(2), 0);
    }
}
