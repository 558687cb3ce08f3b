package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.flow.ConsistencyMask;
import org.tempora.flow.DisFlow;
import org.tempora.flow.FlowField;
import org.tempora.flow.FlowPair;
import org.tempora.flow.PairFlow;
import org.tempora.flow.PointTracks;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;

/** The window's flows on frames whose motion is known: a crop of a photo sliding by whole pixels per frame. */
class MotionFlowsTest {
    private static final int W = 160, H = 120, FRAMES = 4, DX = 2, DY = 1, BORDER = 16;
    private static LinearImage astronaut;
    private static MotionFlows flows;

    @BeforeAll static void measure() throws Exception {
        astronaut = PhotoReader.read(FxTestSupport.devImage("astronaut.png")).pixels();
        flows = sliding(1, 1);
        flows.measure(flows.standardPairs(), (done, total) -> {}, new CancellationToken());
    }

    /** Frames whose content moves by (DX, DY) x scale each frame, measured at 1/factor of their size. */
    private static MotionFlows sliding(int scale, int factor) {
        int w = W * factor, h = H * factor;
        List<LinearImage> grey = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) {
            // frame k at (x0 - k d): what was at x in frame 0 is at x + k d in frame k
            LinearImage crop = astronaut.crop(190 - k * DX * scale * factor, 150 - k * DY * scale * factor, w, h);
            grey.add(FlowInput.grey(DisplayPixels.of(crop).argb(), w, h, factor));
        }
        return new MotionFlows(grey, grey.get(0), factor, new DisFlow(DisFlow.Preset.MEDIUM));
    }

    /** Mean (u, v) away from the border, where the flow is matched rather than extrapolated. */
    private static double[] interiorMean(FlowField f) {
        double su = 0, sv = 0;
        int n = 0;
        for (int y = BORDER; y < f.height() - BORDER; y++) {
            for (int x = BORDER; x < f.width() - BORDER; x++) {
                su += f.u(x, y);
                sv += f.v(x, y);
                n++;
            }
        }
        return new double[] {su / n, sv / n};
    }

    @Test void consecutiveAndFirstToLastFlowsMeasureTheShift() {
        assertEquals(List.of(new FlowPair(0, 1), new FlowPair(1, 2), new FlowPair(2, 3), new FlowPair(0, 3)), flows.standardPairs());
        for (int k = 0; k + 1 < FRAMES; k++) {
            double[] m = interiorMean(flows.measured(new FlowPair(k, k + 1)).forward());
            assertEquals(DX, m[0], 0.1, "u of " + k + " to " + (k + 1));
            assertEquals(DY, m[1], 0.1, "v of " + k + " to " + (k + 1));
        }
        double[] all = interiorMean(flows.measured(new FlowPair(0, FRAMES - 1)).forward());
        assertEquals(DX * (FRAMES - 1), all[0], 0.2);
        assertEquals(DY * (FRAMES - 1), all[1], 0.2);
        assertEquals(FRAMES, flows.pairMillis().size());
        assertNull(flows.measured(new FlowPair(3, 0)), "reverse pairs are measured only when asked for");
    }

    @Test void aReducedMeasureGivesTheShiftInReducedPixels() {
        MotionFlows half = sliding(1, 2); // content moves (4, 2) px on 320x240 frames: (2, 1) px at half size
        assertEquals(W, half.width());
        assertEquals(2, half.factor());
        double[] m = interiorMean(half.pair(new FlowPair(0, 1)).forward());
        assertEquals(DX, m[0], 0.15);
        assertEquals(DY, m[1], 0.15);
    }

    @Test void theColourScaleOfConsecutivePairsIsTheirReliableMotion() {
        MotionSettings s = new MotionSettings(MotionKind.WHEEL, false, 20, 1, null, List.of());
        double scale = MotionPictures.colourScale(flows, s);
        assertEquals(Math.hypot(DX, DY), scale, 0.5);
        MotionSettings firstLast = new MotionSettings(MotionKind.WHEEL, false, 20, 1, new FlowPair(0, 3), List.of());
        assertEquals(3 * Math.hypot(DX, DY), MotionPictures.colourScale(flows, firstLast), 1.0);
        assertEquals(20 / scale, MotionPictures.arrowScale(scale, s), 1e-12, "the largest motion is one cell long");
    }

    @Test void oneWrongMatchDoesNotPaleTheColours() {
        // 100x100 pixels moving 1 px right, one of them 50 px: the 99% quantile stays at 1 px (to a bin of 50/4096 px).
        float[] u = new float[10_000], v = new float[10_000];
        java.util.Arrays.fill(u, 1);
        u[5000] = 50;
        PairFlow outlier = new PairFlow(new FlowPair(0, 1), new FlowField(100, 100, u, v), ConsistencyMask.allReliable(100, 100));
        assertEquals(1, MotionFlows.colourScale(List.of(outlier), 0.99), 50.0 / 4096);
        assertEquals(50, MotionFlows.colourScale(List.of(outlier), 1), 1e-9, "the whole range is Middlebury's maximum");
        PairFlow still = new PairFlow(new FlowPair(0, 1), FlowField.uniform(10, 10, 0, 0), ConsistencyMask.allReliable(10, 10));
        assertEquals(1, MotionFlows.colourScale(List.of(still), 0.99), 0, "all still: 1 px, as Middlebury's tools");
    }

    @Test void gridTracksFollowTheShiftToTheLastFrame() {
        List<PointTracks.Track> tracks = flows.gridTracks(20);
        assertEquals(PointTracks.grid(W, H, 20).size(), tracks.size());
        int complete = 0;
        for (PointTracks.Track t : tracks) {
            if (t.end() != PointTracks.End.LAST_FRAME || t.start().x() < BORDER || t.start().y() < BORDER
                    || t.start().x() > W - BORDER || t.start().y() > H - BORDER) continue;
            complete++;
            assertEquals(t.start().x() + DX * (FRAMES - 1), t.last().x(), 0.5);
            assertEquals(t.start().y() + DY * (FRAMES - 1), t.last().y(), 0.5);
        }
        assertTrue(complete > tracks.size() / 3, complete + " of " + tracks.size() + " interior tracks reached the last frame");
    }

    @Test void aPickedPointStaysPutBeforeItsFrameAndMovesAfter() {
        PointTracks.Track t = flows.trackFrom(1, 80, 60);
        assertEquals(FRAMES, t.length());
        assertEquals(80, t.xs()[0], 0);
        assertEquals(80, t.xs()[1], 0);
        assertEquals(80 + 2 * DX, t.xs()[3], 0.4);
        assertEquals(60 + 2 * DY, t.ys()[3], 0.4);
        assertEquals(1, flows.trackFrom(FRAMES - 1, 80, 60).length() - (FRAMES - 1), "picked on the last frame: nothing to follow");
    }

    @Test void tracksGrowWithThePlayheadAndPickedPointsAppearOnTheirFrame() {
        MotionSettings grid = new MotionSettings(MotionKind.TRACKS, false, 20, 1, null, List.of());
        for (PointTracks.Track t : MotionPictures.tracksAt(flows, grid, 1)) assertTrue(t.length() <= 2);
        MotionSettings picked = new MotionSettings(MotionKind.TRACKS, false, 20, 1, null,
                List.of(new MotionSettings.PickedPoint(0, 40, 40), new MotionSettings.PickedPoint(2, 80, 60)));
        assertEquals(1, MotionPictures.tracksAt(flows, picked, 1).size(), "the point picked on frame 3 is not shown on frame 2");
        assertEquals(2, MotionPictures.tracksAt(flows, picked, 3).size());
        String caption = MotionPictures.describe(flows, picked, 3, MotionPictures.colourScale(flows, picked));
        assertTrue(caption.startsWith("2 picked points to frame 4"), caption);
    }

    @Test void everyViewIsDrawnAtTheMeasuredSizeWithAKeyForColours() {
        for (MotionKind k : List.of(MotionKind.WHEEL, MotionKind.ARROWS, MotionKind.HEAT, MotionKind.TRACKS)) {
            for (boolean overPhoto : new boolean[] {false, true}) {
                MotionSettings s = new MotionSettings(k, overPhoto, 16, 1, null, List.of());
                BufferedImage img = MotionPictures.render(flows, s, 2);
                assertEquals(W, img.getWidth(), k.name());
                assertEquals(H, img.getHeight(), k.name());
            }
        }
        assertNotNull(MotionPictures.legend(MotionKind.WHEEL, 2));
        assertNotNull(MotionPictures.legend(MotionKind.HEAT, 2));
        assertNull(MotionPictures.legend(MotionKind.ARROWS, 2));
        // Still white where the flow is zero, saturated red for motion to the right at the scale (Middlebury's coding).
        MotionSettings wheel = new MotionSettings(MotionKind.WHEEL, false, 16, 1, null, List.of());
        int rgb = MotionPictures.render(flows, wheel, 0).getRGB(W / 2, H / 2) & 0xffffff;
        int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        assertTrue(r > g && r > b, "motion right and a little down is reddish: " + Integer.toHexString(rgb));
    }
}
