package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Colours of the Middlebury coding, derived by hand from colorcode.cpp: makeColorwheel's 55 columns
 * (RY 15, YG 6, GC 4, CB 11, BM 13, MR 6, integer steps 255*i/n), a = atan2(-v, -u)/pi, fk = (a + 1)/2 * 54,
 * linear blend of columns floor(fk) and floor(fk) + 1, then 1 - rad (1 - col) inside the unit disc, 0.75 col beyond,
 * and (int) (255 col).
 */
class FlowColorWheelTest {
    private static String hex(int rgb) { return String.format("%06x", rgb); }

    @Test
    void flowToTheRightAtFullScaleIsColumnZeroPureRed() {
        // a = atan2(-0, -1)/pi = -1: fk = 0, column 0 of RY = (255, 0, 0)
        assertEquals(hex(0xff0000), hex(FlowColorWheel.rgb(1, 0)));
    }

    @Test
    void halfScaleFadesHalfwayToWhite() {
        // rad 0.5: 255 * (1 - 0.5 (1 - 0)) = 127.5 -> 127 for G and B
        assertEquals(hex(0xff7f7f), hex(FlowColorWheel.rgb(0.5, 0)));
    }

    @Test
    void flowDownwardsBlendsColumns13And14() {
        // a = atan2(-1, -0)/pi = -0.5: fk = 13.5; RY columns 13 = (255, 221, 0) and 14 = (255, 238, 0); G = 229.5 -> 229
        assertEquals(hex(0xffe500), hex(FlowColorWheel.rgb(0, 1)));
    }

    @Test
    void flowToTheLeftIsColumn27() {
        // a = atan2(-0, 1)/pi = -0: fk = 27, CB column 2 = (0, 255 - 510/11 = 209, 255)
        assertEquals(hex(0x00d1ff), hex(FlowColorWheel.rgb(-1, 0)));
    }

    @Test
    void flowUpwardsAtHalfScale() {
        // a = atan2(1, -0)/pi = 0.5: fk = 40.5, BM columns 4 = (78, 0, 255) and 5 = (98, 0, 255): R 88/255;
        // rad 0.5: R = 255 (1 - 0.5 (1 - 88/255)) = 171.5 -> 171, G = 127.5 -> 127, B = 255
        assertEquals(hex(0xab7fff), hex(FlowColorWheel.rgb(0, -0.5)));
    }

    @Test
    void diagonalDownRightAtHalfScale() {
        // a = -0.75: fk = 6.75, RY columns 6 = (255, 102, 0) and 7 = (255, 119, 0): G = 114.75/255;
        // rad 0.5: G = 255 - 0.5 (255 - 114.75) = 184.875 -> 184, B = 127.5 -> 127
        double c = 0.5 / Math.sqrt(2);
        assertEquals(hex(0xffb87f), hex(FlowColorWheel.rgb(c, c)));
    }

    @Test
    void fasterThanTheScaleIsDarkenedStillIsWhiteUnknownIsBlack() {
        assertEquals(hex(0xbf0000), hex(FlowColorWheel.rgb(2, 0))); // 0.75 * 255 = 191.25 -> 191
        assertEquals(hex(0xffffff), hex(FlowColorWheel.rgb(0, 0)));
        assertEquals(hex(0x000000), hex(FlowColorWheel.rgb(Double.NaN, 0)));
        assertEquals(hex(0x000000), hex(FlowColorWheel.rgb(2e9, 0)));
    }

    @Test
    void renderDividesByTheScale() {
        FlowField f = new FlowField(2, 1, new float[] {4, 8}, new float[] {0, 0});
        BufferedImage img = FlowColorWheel.render(f, FlowColorWheel.autoScale(f)); // scale 8: rad 0.5 and 1
        assertEquals(hex(0xff7f7f), hex(img.getRGB(0, 0) & 0xffffff));
        assertEquals(hex(0xff0000), hex(img.getRGB(1, 0) & 0xffffff));
        assertEquals(1.0, FlowColorWheel.autoScale(FlowField.uniform(3, 3, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> FlowColorWheel.render(f, 0));
    }

    @Test
    void legendShowsTheWheelWithFlowAxesOfTheImage() {
        BufferedImage legend = FlowColorWheel.legend(256, 10);
        assertEquals(256, legend.getWidth());
        double c = 127.5, r = 128 - 24;
        // a point right of centre at 3/4 of the radius has the colour of flow (0.75, 0): well inside, off the rings
        int x = (int) Math.round(c + 0.75 * r), y = (int) Math.round(c + 0.1 * r);
        assertEquals(hex(FlowColorWheel.rgb((x - c) / r, (y - c) / r)), hex(legend.getRGB(x, y) & 0xffffff));
        assertEquals(hex(0xffffff), hex(legend.getRGB(2, 2) & 0xffffff)); // outside the disc
    }
}
