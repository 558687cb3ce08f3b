package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ViewTransformTest {
    @Test void fitCentresTheWholePicture() {
        // 200x150 in 800x400: height limits, scale 400/150 = 8/3, width 533.3 centred.
        ViewTransform t = ViewTransform.fit(200, 150, 800, 400);
        assertEquals(8.0 / 3, t.scale(), 1e-12);
        assertEquals((800 - 200 * 8.0 / 3) / 2, t.offsetX(), 1e-9);
        assertEquals(0, t.offsetY(), 1e-9);
        assertEquals(400, t.viewY(150), 1e-9);
    }

    @Test void zoomKeepsThePointUnderTheCursorStill() {
        ViewTransform t = new ViewTransform(2, 10, 20);
        double ix = t.imageX(130), iy = t.imageY(70); // (60, 25)
        ViewTransform z = t.zoomAbout(1.25, 130, 70);
        assertEquals(2.5, z.scale(), 1e-12);
        assertEquals(130, z.viewX(ix), 1e-9);
        assertEquals(70, z.viewY(iy), 1e-9);
        assertEquals(2, z.zoomAbout(1 / 1.25, 130, 70).scale(), 1e-12);
    }

    @Test void zoomStopsAtItsLimits() {
        assertEquals(ViewTransform.MAX_SCALE, new ViewTransform(40, 0, 0).zoomAbout(10, 0, 0).scale());
        assertEquals(ViewTransform.MIN_SCALE, new ViewTransform(0.02, 0, 0).zoomAbout(0.1, 0, 0).scale());
    }

    @Test void panMovesTheOffsetOnly() {
        ViewTransform t = new ViewTransform(3, 1, 2).panBy(-5, 7);
        assertEquals(new ViewTransform(3, -4, 9), t);
        assertEquals(5, t.imageX(11), 1e-12);
        assertEquals(-3, t.imageY(0), 1e-12);
    }

    @Test void visiblePartIsClippedToImageAndView() {
        // Scale 4, image pixel (10, 5) at view (0, 0): a 100x80 view sees image [10, 35] x [5, 25] of a 30x40 image -> [10, 30].
        ViewTransform t = new ViewTransform(4, -40, -20);
        ViewTransform.Visible v = t.visible(30, 40, 100, 80);
        assertEquals(new ViewTransform.Visible(10, 5, 20, 20, 0, 0, 80, 80), v);
        assertNull(new ViewTransform(1, 500, 0).visible(30, 40, 100, 80), "panned out of view");
    }
}
