package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrows, heat map and mask picture: geometry and colours from the definitions. */
class FlowViewsTest {
    @Test
    void arrowsAverageReliablePixelsOfEachCell() {
        FlowField f = FlowField.uniform(20, 10, 2, 0); // two 10-pixel cells
        for (int y = 0; y < 10; y++) f.v()[y * 20 + 15] = 10; // one column of the right cell also moves down 10
        List<FlowArrows.Arrow> arrows = FlowArrows.arrows(f, null, 10);
        assertEquals(2, arrows.size());
        assertEquals(new FlowArrows.Arrow(4.5, 4.5, 2, 0), arrows.get(0));
        assertEquals(1.0, arrows.get(1).v(), 1e-12); // 10 px in 10 of 100 pixels
        // with the left cell unreliable it gets no arrow
        FlowField back = FlowField.uniform(20, 10, -2, 0);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 12; x++) back.u()[y * 20 + x] = 0;
        assertEquals(1, FlowArrows.arrows(f, ConsistencyMask.check(f, back), 10).size());
    }

    @Test
    void arrowIsDrawnAlongTheMotionScaled() {
        BufferedImage white = Backdrop.white(40, 40);
        BufferedImage img = FlowArrows.render(FlowField.uniform(40, 40, 3, 0), null, white, 40, 4); // one arrow of 12 px from (20, 20)
        assertNotEquals(0xffffff, img.getRGB(26, 20) & 0xffffff); // on the shaft
        assertEquals(0xffffff, img.getRGB(20, 30) & 0xffffff);    // away from it
        assertEquals(0xffffff, img.getRGB(10, 20) & 0xffffff);    // behind the start
        assertEquals(0xffffff, white.getRGB(26, 20) & 0xffffff);  // the backdrop itself is untouched
        assertThrows(IllegalArgumentException.class, () -> FlowArrows.render(FlowField.uniform(40, 40, 3, 0), null, white, 1, 1));
    }

    @Test
    void heatMapRunsFromViridisDarkToYellow() {
        assertEquals(0x440154, FlowHeatMap.viridis(0));
        assertEquals(0x21908C, FlowHeatMap.viridis(0.5));
        assertEquals(0xFDE725, FlowHeatMap.viridis(1));
        assertEquals(0xFDE725, FlowHeatMap.viridis(3));
        FlowField f = new FlowField(3, 1, new float[] {0, 3, Float.NaN}, new float[] {0, 4, 0});
        BufferedImage img = FlowHeatMap.render(f, 10); // speeds 0, 5 (half scale), unknown
        assertEquals(0x440154, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0x21908C, img.getRGB(1, 0) & 0xffffff);
        assertEquals(0x000000, img.getRGB(2, 0) & 0xffffff);
        assertEquals(256, FlowHeatMap.legend(256, 10).getWidth());
    }

    @Test
    void maskPictureTintsUnreliablePixelsRed() {
        FlowField f = FlowField.uniform(10, 1, 2, 0); // the last two pixels leave the frame
        ConsistencyMask m = ConsistencyMask.check(f, FlowField.uniform(10, 1, -2, 0));
        BufferedImage img = MaskPicture.render(m, Backdrop.white(10, 1));
        assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0xff5555, img.getRGB(9, 0) & 0xffffff); // 128 + 255/2, 255/3, 255/3
    }

    @Test
    void pairsParseAsDocumented() {
        assertEquals(List.of(new FlowPair(0, 4)), FlowPair.parse("first-last", 5));
        assertEquals(List.of(new FlowPair(0, 1), new FlowPair(1, 2)), FlowPair.parse("consecutive", 3));
        assertEquals(List.of(new FlowPair(3, 1)), FlowPair.parse(" 3:1 ", 5));
        assertEquals("0003_0001", new FlowPair(3, 1).stem());
        assertThrows(IllegalArgumentException.class, () -> FlowPair.parse("2:2", 5));
        assertThrows(IllegalArgumentException.class, () -> FlowPair.parse("0:5", 5));
        assertThrows(IllegalArgumentException.class, () -> FlowPair.parse("first", 5));
        assertThrows(IllegalArgumentException.class, () -> FlowPair.parse("first-last", 1));
    }
}
