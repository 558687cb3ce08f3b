package org.tempora.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

class PointTracksTest {
    @Test
    void uniformFlowsCarryPointsByNTimesTheShift() {
        int w = 64, h = 48, steps = 6;
        List<FlowField> flows = Collections.nCopies(steps, FlowField.uniform(w, h, 1.25f, -0.5f));
        List<PointTracks.Track> tracks = PointTracks.follow(flows, null, List.of(new PointTracks.Point(10.3, 40.7)));
        PointTracks.Track t = tracks.get(0);
        assertEquals(steps + 1, t.length());
        assertEquals(PointTracks.End.LAST_FRAME, t.end());
        assertEquals(10.3 + steps * 1.25, t.last().x(), 1e-9);
        assertEquals(40.7 - steps * 0.5, t.last().y(), 1e-9);
    }

    @Test
    void tracksStopAtTheEdgeAndWhereConsistencyFails() {
        int w = 20, h = 10;
        List<FlowField> flows = Collections.nCopies(5, FlowField.uniform(w, h, 4, 0));
        PointTracks.Track leaving = PointTracks.follow(flows, null, List.of(new PointTracks.Point(5, 5))).get(0);
        assertEquals(PointTracks.End.LEFT_FRAME, leaving.end());
        assertEquals(17, leaving.last().x(), 1e-9); // 5, 9, 13, 17; 21 is outside a 20-pixel row
        // the second flow is inconsistent right of x = 10: the point at 9 continues, the one at 13 stops
        List<ConsistencyMask> masks = new ArrayList<>();
        masks.add(ConsistencyMask.allReliable(w, h));
        masks.add(ConsistencyMask.check(FlowField.uniform(w, h, 4, 0), rightHalfStill(w, h)));
        List<PointTracks.Track> t = PointTracks.follow(flows.subList(0, 2), masks, List.of(new PointTracks.Point(1, 5), new PointTracks.Point(9, 5)));
        assertEquals(PointTracks.End.LAST_FRAME, t.get(0).end());
        assertEquals(9, t.get(0).last().x(), 1e-9);
        assertEquals(PointTracks.End.INCONSISTENT, t.get(1).end());
        assertEquals(2, t.get(1).length());
        assertEquals(13, t.get(1).last().x(), 1e-9);
    }

    /** Backward flow that agrees (-4) left of x = 14 and is still from there: forward from x > 9 lands on still backward flow. */
    private static FlowField rightHalfStill(int w, int h) {
        FlowField b = FlowField.uniform(w, h, -4, 0);
        for (int y = 0; y < h; y++) for (int x = 14; x < w; x++) b.u()[y * w + x] = 0;
        return b;
    }

    @Test
    void tracksThroughDisFlowOfATranslatingClipEndWhereTheyShould() throws IOException {
        // 5 frames, content moving (2, 1) px per frame: after 4 flows each point has moved (8, 4). FINE, as chaining
        // adds up per-step errors: MEDIUM's (0.04-0.07 px EPE per step) gave tracks 0.18 px off on average, 0.41 at worst
        LinearImage src = FlowTestFrames.astronaut();
        int frames = 5, w = 160, h = 120;
        List<LinearImage> clip = new ArrayList<>();
        for (int k = 0; k < frames; k++) clip.add(src.crop(200 - 2 * k, 200 - k, w, h));
        DisFlow dis = new DisFlow(DisFlow.Preset.FINE);
        List<FlowField> flows = new ArrayList<>();
        List<ConsistencyMask> masks = new ArrayList<>();
        for (int k = 0; k + 1 < frames; k++) {
            PairFlow p = PairFlow.compute(dis, clip, new FlowPair(k, k + 1));
            flows.add(p.forward());
            masks.add(p.mask());
        }
        List<PointTracks.Point> starts = new ArrayList<>();
        for (PointTracks.Point p : PointTracks.grid(w, h, 20)) if (p.x() > 16 && p.x() < w - 32 && p.y() > 16 && p.y() < h - 24) starts.add(p);
        List<PointTracks.Track> tracks = PointTracks.follow(flows, masks, starts);
        int complete = 0;
        for (PointTracks.Track t : tracks) {
            if (t.end() != PointTracks.End.LAST_FRAME) continue;
            complete++;
            double err = Math.hypot(t.last().x() - (t.start().x() + 8), t.last().y() - (t.start().y() + 4));
            assertTrue(err < 0.2, "track from " + t.start() + " ends " + err + " px off"); // measured at most 0.003
        }
        assertTrue(complete >= 0.9 * tracks.size(), complete + " of " + tracks.size() + " tracks reach the last frame");
        BufferedImage img = PointTracks.render(tracks, Backdrop.of(clip.get(frames - 1), 0.5), frames);
        assertEquals(w, img.getWidth());
    }

    @Test
    void gridCentresPointsInCells() {
        List<PointTracks.Point> g = PointTracks.grid(50, 20, 10); // 5 x 2 cells, no margin
        assertEquals(10, g.size());
        assertEquals(new PointTracks.Point(4.5, 4.5), g.get(0));
        assertEquals(new PointTracks.Point(44.5, 14.5), g.get(9));
    }
}
