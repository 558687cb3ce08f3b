package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tempora.engine.EngineOptions;

/** The blur region from a drag: whole pixels inside the photo, either drag direction, and the estimator's smallest size. */
class BlurRegionPickTest {
    @Test void cornersInEitherOrderCoverTheWholePixelsTouched() {
        EngineOptions.Region r = BlurRegionPick.fromCorners(10.4, 20.6, 60.2, 90.1, 200, 150);
        assertEquals(new EngineOptions.Region(10, 20, 51, 71), r);
        assertEquals(r, BlurRegionPick.fromCorners(60.2, 90.1, 10.4, 20.6, 200, 150), "dragged up and left");
        assertEquals(r, BlurRegionPick.fromCorners(10.4, 90.1, 60.2, 20.6, 200, 150), "dragged up and right");
    }

    @Test void aDragPastTheEdgesIsClippedToThePhotoAndOneOutsideIsNothing() {
        assertEquals(new EngineOptions.Region(0, 0, 200, 150), BlurRegionPick.fromCorners(-30, -5, 400, 151.5, 200, 150));
        assertEquals(new EngineOptions.Region(150, 100, 50, 50), BlurRegionPick.fromCorners(150, 100, 260, 190, 200, 150));
        assertNull(BlurRegionPick.fromCorners(210, 10, 260, 90, 200, 150), "right of the photo");
        assertNull(BlurRegionPick.fromCorners(-40, -40, -1, 90, 200, 150), "left of the photo");
        assertNull(BlurRegionPick.fromCorners(30, 40, 30, 90, 200, 150), "no width");
    }

    @Test void theSmallestRegionFollowsTheWorkingResolution() {
        // At its own size a photo needs the estimator's 48 px; a 6000 x 4000 scan works at 1225 x 816, so 236 photo px.
        assertEquals(48, BlurRegionPick.minSide(640, 360));
        assertEquals(236, BlurRegionPick.minSide(6000, 4000));
        assertEquals("", BlurRegionPick.whyNot(new EngineOptions.Region(0, 0, 48, 48), 640, 360));
        String small = BlurRegionPick.whyNot(new EngineOptions.Region(0, 0, 47, 300), 640, 360);
        assertTrue(small.contains("47 x 300") && small.contains("at least 48 x 48"), small);
        assertTrue(BlurRegionPick.whyNot(new EngineOptions.Region(0, 0, 235, 400), 6000, 4000).contains("at least 236 x 236"));
    }
}
