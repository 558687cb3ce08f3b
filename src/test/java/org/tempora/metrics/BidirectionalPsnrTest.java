package org.tempora.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.image.LinearImage;

class BidirectionalPsnrTest {
    private static double db(double mse) { return 10 * Math.log10(1 / mse); }

    @Test
    void identicalVideosScoreTheCap() {
        List<LinearImage> truth = Videos.randomVideo(5, 16, 8, 3, 1);
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(truth, truth);
        assertEquals(Psnr.CAP_DB, r.psnr(), 0.0);
        assertEquals(100.0, r.meanFramePsnr(), 0.0);
        assertEquals(100.0, r.forwardPsnr(), 0.0);
        assertEquals(100.0, r.bestDirectionPsnr(), 0.0);
        for (double p : r.framePsnr()) assertEquals(100.0, p, 0.0);
    }

    @Test
    void constantDisplayOffsetOfOneTenthIsTwentyDecibels() {
        List<LinearImage> truth = new ArrayList<>(), predicted = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            LinearImage t = Videos.random(12, 10, 3, 50 + f, 0.0, 0.9);
            truth.add(t);
            LinearImage p = t.copy();
            for (int c = 0; c < 3; c++) {
                float[] plane = p.plane(c);
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = (float) org.tempora.image.Srgb.toLinear(org.tempora.image.Srgb.fromLinear(plane[i]) + 0.1);
                }
            }
            predicted.add(p);
        }
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(predicted, truth);
        assertEquals(20.0, r.psnr(), 1e-4);
        assertEquals(20.0, r.meanFramePsnr(), 1e-4);
        assertEquals(20.0, r.forwardPsnr(), 1e-4);
        for (double p : r.framePsnr()) assertEquals(20.0, p, 1e-4);
    }

    @Test
    void reversedPredictionScoresTheSameAsForward() {
        for (int frames : new int[] {5, 6}) {
            List<LinearImage> truth = Videos.randomVideo(frames, 9, 7, 3, 2);
            List<LinearImage> predicted = Videos.randomVideo(frames, 9, 7, 3, 3);
            BidirectionalPsnr.Result forward = BidirectionalPsnr.compute(predicted, truth);
            BidirectionalPsnr.Result backward = BidirectionalPsnr.compute(Videos.reversed(predicted), truth);
            assertEquals(forward.psnr(), backward.psnr(), 0.0);
            assertArrayEquals(forward.framePsnr(), backward.framePsnr(), 1e-12);
            assertEquals(forward.bestDirectionPsnr(), backward.bestDirectionPsnr(), 1e-12);
            assertTrue(forward.psnr() < 100);
        }
        List<LinearImage> truth = Videos.randomVideo(4, 9, 7, 3, 4);
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(Videos.reversed(truth), truth);
        assertEquals(100.0, r.psnr(), 0.0);
        assertEquals(100.0, r.bestDirectionPsnr(), 0.0);
        assertTrue(r.forwardPsnr() < 30);
    }

    @Test
    void halfForwardHalfReversedIsPerfectOnlyBidirectionally() {
        double[] level = {0.2, 0.4, 0.6, 0.8};
        List<LinearImage> truth = new ArrayList<>(), predicted = new ArrayList<>();
        for (double v : level) truth.add(Videos.constant(8, 4, v));
        for (int f = 0; f < 4; f++) {
            predicted.add(Videos.mix(truth.get(f), truth.get(3 - f), (c, x, y) -> x < 4)); // left half forward, right half reversed
        }
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(predicted, truth);
        assertEquals(100.0, r.psnr(), 0.0);
        for (double p : r.framePsnr()) assertEquals(100.0, p, 0.0);
        // Forward: the right half of frame 0 is off by 0.6 and of frame 1 by 0.2, on half the pixels.
        double[] expected = {db(0.18), db(0.02), db(0.02), db(0.18)};
        assertArrayEquals(expected, r.forwardFramePsnr(), 1e-4);
        assertEquals((db(0.18) + db(0.02)) / 2, r.forwardPsnr(), 1e-4);
        assertEquals(r.forwardPsnr(), r.bestDirectionPsnr(), 1e-4); // both whole-video directions are equally wrong
    }

    @Test
    void oneDirectionPerPixelForAllFramesAsTheReference() {
        // Prediction (T0, T2, T1, T3): a per-frame choice could be perfect; the reference picks forward for every frame.
        double[] level = {0.2, 0.4, 0.6, 0.8};
        List<LinearImage> truth = new ArrayList<>();
        for (double v : level) truth.add(Videos.constant(6, 5, v));
        List<LinearImage> predicted = List.of(truth.get(0), truth.get(2), truth.get(1), truth.get(3));
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(predicted, truth);
        assertEquals(db(0.02), r.psnr(), 1e-4); // forward squared errors 0, 0.04, 0.04, 0 pooled over 4 frames
        assertArrayEquals(new double[] {100, db(0.04), db(0.04), 100}, r.framePsnr(), 1e-4);
        assertEquals((200 + 2 * db(0.04)) / 4, r.meanFramePsnr(), 1e-4);
    }

    @Test
    void directionIsChosenPerColourChannelAsTheReference() {
        List<LinearImage> truth = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            double red = 0.1 + 0.2 * f, green = 0.3 + 0.1 * f, blue = 0.9 - 0.25 * f; // every channel changes over time
            truth.add(Videos.fromDisplay(5, 5, i -> red + 0.01 * (i % 5), i -> green, i -> blue));
        }
        List<LinearImage> predicted = new ArrayList<>();
        for (int f = 0; f < 3; f++) predicted.add(Videos.mix(truth.get(f), truth.get(2 - f), (c, x, y) -> c == 0)); // red forward, green and blue reversed
        BidirectionalPsnr.Result r = BidirectionalPsnr.compute(predicted, truth);
        assertEquals(100.0, r.psnr(), 0.0);
        assertTrue(r.forwardPsnr() < 100);
        // One direction per pixel for all three channels could not be perfect here: red needs forward, green and blue reversed.
        assertTrue(r.bestDirectionPsnr() < 100);
    }

    @Test
    void refusesVideosThatCannotBeCompared() {
        List<LinearImage> four = Videos.randomVideo(4, 8, 8, 3, 5);
        String msg = assertThrows(IllegalArgumentException.class, () -> BidirectionalPsnr.compute(four.subList(0, 3), four)).getMessage();
        assertTrue(msg.contains("compare videos of the same length"), msg);
        List<LinearImage> grey = Videos.randomVideo(4, 8, 8, 1, 6);
        assertThrows(IllegalArgumentException.class, () -> BidirectionalPsnr.compute(grey, four));
        assertThrows(IllegalArgumentException.class, () -> BidirectionalPsnr.compute(List.of(), List.of()));
    }
}
