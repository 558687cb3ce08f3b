package org.tempora.classical;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.timeline.FramePlans;

/**
 * Frames of a photo blurred differently in its parts: the blend's weights against their closed form, and frames of a
 * left-horizontal / right-vertical blur against the true frames, blended per part and with the whole photo's blur.
 */
class PartBlendTest {
    private static final int W = 640, H = 480, STROKE = 15, FRAMES = 3;

    private static final List<BlurPart> QUARTERS = List.of(new BlurPart(0, 0, 100, 50, 0), new BlurPart(100, 0, 100, 50, 1),
            new BlurPart(0, 50, 100, 50, 0), new BlurPart(100, 50, 100, 50, 1));

    @Test
    void weightsSumToOneAndFollowTheSmoothstep() {
        double seam = 20;
        PartBlend.CellWeights cells = PartBlend.CellWeights.of(200, 100, QUARTERS, seam);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                double sum = 0;
                for (int cell = 0; cell < 4; cell++) sum += cells.weight(cell, x, y);
                assertEquals(1.0, sum, 1e-6);
            }
        }
        // far from both seams a pixel belongs to its own cell alone
        assertEquals(1.0, cells.weight(0, 10, 10), 0);
        assertEquals(1.0, cells.weight(3, 190, 90), 0);
        // across the vertical seam, at row 10 (top weight 1): 1 - smoothstep(t), t = (x + 0.5 - 90) / 20
        for (int x = 80; x < 120; x++) {
            double t = Math.max(0, Math.min(1, (x + 0.5 - 90) / seam));
            assertEquals(1 - t * t * (3 - 2 * t), cells.weight(0, x, 10), 1e-6, "x " + x);
        }
        // the summed weight of cells along a row, as the blend reads it: top-left and bottom-left at column 85 ..
        float[] row = new float[40];
        cells.row(new int[] {0, 2}, 55, 85, row);
        for (int x = 0; x < 40; x++) assertEquals(cells.weight(0, 85 + x, 55) + cells.weight(2, 85 + x, 55), row[x], 1e-6);
        // halves: one row of cells only, and the other row's cells absent
        PartBlend.CellWeights halves = PartBlend.CellWeights.of(200, 100, List.of(new BlurPart(0, 0, 100, 100, 0), new BlurPart(100, 0, 100, 100, 1)), seam);
        assertTrue(halves.has(0) && halves.has(1));
        assertFalse(halves.has(2) || halves.has(3));
        assertEquals(1.0, halves.weight(0, 5, 99), 0);
        assertFalse(PartBlend.usesWhole(200, 100, QUARTERS));
        // a quarter with too little texture to judge is left to the whole photo's blur
        assertTrue(PartBlend.usesWhole(200, 100, List.of(new BlurPart(0, 0, 100, 50, 0), new BlurPart(0, 50, 100, 50, 1))));
    }

    @Test
    void cellWeightsAreTheSmoothstepsProductOnOddSizesAndEverySplit() {
        int w = 201, h = 99;
        double seam = 13;
        List<List<BlurPart>> splits = List.of(QUARTERS_ODD, List.of(new BlurPart(0, 0, w, 49, 0), new BlurPart(0, 49, w, 50, 1)),
                List.of(new BlurPart(0, 0, 100, h, 0), new BlurPart(100, 0, 101, h, 1)));
        for (List<BlurPart> parts : splits) {
            PartBlend.CellWeights cells = PartBlend.CellWeights.of(w, h, parts, seam);
            boolean columns = parts.stream().anyMatch(p -> p.width() < w), rows = parts.stream().anyMatch(p -> p.height() < h);
            for (int cell = 0; cell < 4; cell++) {
                boolean right = (cell & 1) == 1, bottom = cell >= 2;
                assertEquals((!right || columns) && (!bottom || rows), cells.has(cell), "cell " + cell);
                if (!cells.has(cell)) continue;
                int[] box = cells.reach(new int[] {cell}, 0);
                float[] row = new float[w];
                for (int y = 0; y < h; y++) {
                    cells.row(new int[] {cell}, y, 0, row);
                    for (int x = 0; x < w; x++) {
                        // 1 - smoothstep((i + 0.5 - (n / 2 - seam / 2)) / seam) on the left or top, 1 minus that on the other side
                        double cx = columns ? falling(x, w, seam) : 1, cy = rows ? falling(y, h, seam) : 1;
                        double want = (right ? 1 - cx : cx) * (bottom ? 1 - cy : cy);
                        assertEquals(want, cells.weight(cell, x, y), 1e-6, "cell " + cell + " at " + x + "," + y);
                        assertEquals(want, row[x], 1e-6);
                        boolean inside = x >= box[0] && x < box[0] + box[2] && y >= box[1] && y < box[1] + box[3];
                        assertTrue(want == 0 || inside, "weighted pixel " + x + "," + y + " outside the reach of cell " + cell);
                    }
                }
            }
        }
    }

    private static final List<BlurPart> QUARTERS_ODD = List.of(new BlurPart(0, 0, 100, 49, 0), new BlurPart(101, 0, 100, 49, 1),
            new BlurPart(0, 50, 100, 49, 1), new BlurPart(101, 50, 100, 49, 0));

    private static double falling(int i, int n, double seam) {
        double t = Math.max(0, Math.min(1, (i + 0.5 - (n / 2.0 - seam / 2)) / seam));
        return 1 - t * t * (3 - 2 * t);
    }

    @Test
    void eachGroupIsRenderedOnlyWhereItsWeightReachesAndAddedBackInPlace() throws Exception {
        int w = 200, h = 100, context = 7;
        List<BlurPart> halves = List.of(new BlurPart(0, 0, 100, 100, 0), new BlurPart(100, 0, 100, 100, 1));
        PartBlend.PartKernel a = new PartBlend.PartKernel(new float[] {1}, 1, null, 1), b = new PartBlend.PartKernel(new float[] {1}, 1, null, 1);
        List<int[]> boxes = new java.util.ArrayList<>();
        // each group's "residual" is a picture of where its pixels are: 1000 y + x + 0.5 for A, the negative for B
        PartBlend blend = PartBlend.of(w, h, halves, List.of(a, b), a, 1, context, (box, k) -> {
            boxes.add(box);
            float sign = boxes.size() == 1 ? 1 : -1;
            return index -> {
                float[] p = new float[box[2] * box[3]];
                for (int y = 0; y < box[3]; y++) for (int x = 0; x < box[2]; x++) p[y * box[2] + x] = sign * (1000f * (y + box[1]) + x + box[0] + 0.5f);
                return new float[][] {p};
            };
        }, CancellationToken.none());
        // the seam is an eighth of the shorter side, 12.5 px about column 100: A's weight ends at column 105, B's starts at 94
        double seam = blend.seam();
        assertEquals(12.5, seam, 0);
        assertArrayEquals(new int[] {0, 0, 106 + context, h}, boxes.get(0));
        assertArrayEquals(new int[] {94 - context, 0, w - 94 + context, h}, boxes.get(1));
        PartBlend.CellWeights cells = PartBlend.CellWeights.of(w, h, halves, seam);
        float[] got = blend.residual(0)[0];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float where = 1000f * y + x + 0.5f;
                assertEquals((cells.weight(0, x, y) - cells.weight(1, x, y)) * where, got[y * w + x], 0.05, "at " + x + "," + y);
            }
        }
    }

    @Test
    void cellsTakeTheGroupOfThePartOverThem() {
        assertArrayEquals(new int[] {0, 1, 0, 1}, PartBlend.cellGroups(200, 100, QUARTERS));
        // a quarter with too little texture to judge is left to the whole photo's blur
        assertArrayEquals(new int[] {0, -1, 1, 1}, PartBlend.cellGroups(200, 100, List.of(new BlurPart(0, 0, 100, 50, 0),
                new BlurPart(0, 50, 100, 50, 1), new BlurPart(100, 50, 100, 50, 1))));
        assertArrayEquals(new int[] {1, 1, 0, 0}, PartBlend.cellGroups(200, 101, List.of(new BlurPart(0, 51, 200, 50, 0),
                new BlurPart(0, 0, 200, 50, 1))));
        assertArrayEquals(new int[] {1, 0, 1, 0}, PartBlend.cellGroups(201, 100, List.of(new BlurPart(101, 0, 100, 100, 0),
                new BlurPart(0, 0, 100, 100, 1))));
    }

    @Test
    void aPartsPathIsTurnedToRunWithTheReference() {
        float[] stroke = new float[15 * 15];
        for (int i = 0; i < 11; i++) stroke[7 * 15 + 2 + i] = 1f / 11;
        TimedKernel path = PathExtractor.extract(stroke, 15, false);
        double[] forward = PartBlend.motion(path), backward = PartBlend.motion(path.reversed());
        assertTrue(Math.abs(forward[0]) > 8 && forward[0] == -backward[0], java.util.Arrays.toString(forward));
        assertArrayEquals(backward, PartBlend.motion(PartBlend.alignedTo(path, backward)), 1e-9);
        assertArrayEquals(forward, PartBlend.motion(PartBlend.alignedTo(path, forward)), 1e-9);
        // a reference under a pixel long says nothing about direction
        assertArrayEquals(forward, PartBlend.motion(PartBlend.alignedTo(path, new double[] {-0.5 * Math.signum(forward[0]), 0})), 1e-9);
    }

    @Test
    void aGroupIsEstimatedOnItsPartsWhenTheyMakeARectangle() {
        assertArrayEquals(new int[] {0, 0, 100, 100}, PartBlend.estimationRectangle(QUARTERS, 0));
        // quarters of an odd width (201) leave the middle column out: still one rectangle
        List<BlurPart> odd = List.of(new BlurPart(0, 0, 100, 50, 0), new BlurPart(101, 0, 100, 50, 0), new BlurPart(0, 51, 100, 50, 1));
        assertArrayEquals(new int[] {0, 0, 201, 50}, PartBlend.estimationRectangle(odd, 0));
        // diagonal quarters are no rectangle: the first of them
        List<BlurPart> diagonal = List.of(new BlurPart(0, 0, 100, 50, 0), new BlurPart(100, 50, 100, 50, 0));
        assertArrayEquals(new int[] {0, 0, 100, 50}, PartBlend.estimationRectangle(diagonal, 0));
    }

    /** A 15 px stroke along x (or y) cut into the FRAMES equal pieces frame i sees, as a 21 x 21 kernel each. */
    private static float[] piece(boolean alongX, int first, int length) {
        return stroke(alongX, first, length, STROKE, 21);
    }

    @Test
    void eachPartsFramesComeFromItsOwnBlur() throws Exception {
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 200, 200, W, H);
        float[] photo = UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, W, H, piece(true, 0, STROKE), 21),
                FftConvolution.convolve(sharp, W, H, piece(false, 0, STROKE), 21), W, H);
        float[][] truth = new float[FRAMES][];
        int len = STROKE / FRAMES;
        for (int f = 0; f < FRAMES; f++) {
            truth[f] = UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, W, H, piece(true, f * len, len), 21),
                    FftConvolution.convolve(sharp, W, H, piece(false, f * len, len), 21), W, H);
        }
        LinearImage blurred = new LinearImage(W, H, new float[][] {TestPlanes.addNoise(photo, 0.003, 4)});
        ClassicalEngine engine = new ClassicalEngine();
        GenerationResult blended = engine.generate(new GenerationRequest(blurred, FramePlans.present(FRAMES), 0, EngineOptions.defaults()),
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(2, blended.unevenParts().stream().mapToInt(BlurPart::group).distinct().count(), blended.warnings().toString());
        assertTrue(blended.warnings().stream().anyMatch(w -> w.contains("each part's frames were rendered with its own blur")),
                blended.warnings().toString());
        // The whole photo's kernel given back: the frames one blur gives, as before parts were blended.
        GenerationResult whole = engine.generate(new GenerationRequest(blurred, FramePlans.present(FRAMES), 0,
                EngineOptions.defaults().withKernel(blended.kernel().orElseThrow())), ProgressListener.NONE, CancellationToken.none());
        assertTrue(whole.warnings().stream().noneMatch(w -> w.contains("its own blur")), whole.warnings().toString());
        // each group's own path comes with the result: Blur A (the left half) runs along x, Blur B along y
        assertEquals(2, blended.partBlurs().size());
        assertTrue(extent(blended.partBlurs().get(0).path(), true) > 3 * extent(blended.partBlurs().get(0).path(), false), "Blur A");
        assertTrue(extent(blended.partBlurs().get(1).path(), false) > 3 * extent(blended.partBlurs().get(1).path(), true), "Blur B");
        assertEquals(List.of(), whole.partBlurs());
        // with a given kernel the parts are named only, as before
        assertTrue(whole.warnings().stream().anyMatch(w -> w.contains("the left half is blurred differently from the right half; result is approximate")),
                whole.warnings().toString());
        assertEquals(blended.unevenParts(), whole.unevenParts());

        // each half, away from the seam and the borders; either order in time, as a blur does not tell it
        int margin = 30, seam = 60;
        double leftBlend = bestPsnr(blended, truth, margin, W / 2 - seam), leftWhole = bestPsnr(whole, truth, margin, W / 2 - seam);
        double rightBlend = bestPsnr(blended, truth, W / 2 + seam, W - margin), rightWhole = bestPsnr(whole, truth, W / 2 + seam, W - margin);
        System.out.printf("left half: blended %.2f dB, one blur %.2f dB; right half: blended %.2f dB, one blur %.2f dB%n",
                leftBlend, leftWhole, rightBlend, rightWhole);
        assertTrue(leftBlend > leftWhole + 1, "left: blended " + leftBlend + " dB, one blur " + leftWhole + " dB");
        assertTrue(rightBlend > rightWhole + 1, "right: blended " + rightBlend + " dB, one blur " + rightWhole + " dB");
        assertAveragesBackToThePhoto(blended, blurred);
    }

    @Test
    void theCropsOfATonedScanTakeTheWholeScansTone() throws Exception {
        // a sepia scan blurred sideways on the left and up and down on the right; the right half is dim and carries
        // chroma noise, so on its own it would not pass as toned monochrome, while the whole scan does
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 200, 200, W, H);
        float[] y = TestPlanes.addNoise(UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, W, H, piece(true, 0, STROKE), 21),
                FftConvolution.convolve(sharp, W, H, piece(false, 0, STROKE), 21), W, H), 0.003, 4);
        double energy = 0;
        for (int i = 0; i < W * H; i++) {
            if (i % W >= W / 2) y[i] *= 0.4f;
            energy += (double) y[i] * y[i];
        }
        float[] gains = {1f, 0.78f, 0.52f};
        // noise of half the tolerance over the whole scan: several times it over the dim half
        double sigma = Math.sqrt(0.5 * MonochromeTone.TOLERANCE * energy / (W / 2.0 * H));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        float[][] rgb = new float[3][W * H];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < W * H; i++) {
                rgb[c][i] = gains[c] * y[i] + (i % W >= W / 2 ? (float) (gains[c] * sigma * rnd.nextGaussian()) : 0f);
            }
        }
        LinearImage scan = new LinearImage(W, H, rgb);
        float[] tone = ResidualRenderer.toneOf(scan);
        assertNotNull(tone, "the whole scan is toned monochrome");
        assertNull(ResidualRenderer.toneOf(scan.crop(W / 2 - 40, 0, W / 2 + 40, H)), "its right half alone is not");

        GenerationResult r = new ClassicalEngine().generate(new GenerationRequest(scan, FramePlans.present(FRAMES), 0, EngineOptions.defaults()),
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(2, r.unevenParts().stream().mapToInt(BlurPart::group).distinct().count(), r.warnings().toString());
        // every channel moves as its share of one luminance motion, in both parts: no colour fringes on either side
        int checked = 0;
        for (LinearImage f : r.frames()) {
            for (int i = 0; i < W * H; i++) {
                float red = (f.plane(0)[i] - rgb[0][i]) / tone[0];
                for (int c = 1; c < 3; c++) {
                    float other = (f.plane(c)[i] - rgb[c][i]) / tone[c];
                    assertEquals(red, other, 2e-5f, "channel " + c + " at " + i % W + "," + i / W);
                }
                if (i % W >= W / 2 && Math.abs(red) > 1e-3f) checked++;
            }
        }
        assertTrue(checked > 1000, "the right half moves: " + checked + " pixels");
    }

    /** Frames that tile the exposure average back to the photo. */
    private static void assertAveragesBackToThePhoto(GenerationResult r, LinearImage photo) {
        float[] mean = new float[photo.pixelCount()];
        for (LinearImage f : r.frames()) {
            float[] p = f.plane(0);
            for (int i = 0; i < mean.length; i++) mean[i] += p[i] / r.frames().size();
        }
        float[] input = photo.plane(0);
        double worst = 0;
        for (int i = 0; i < mean.length; i++) worst = Math.max(worst, Math.abs(mean[i] - input[i]));
        assertTrue(worst < 1e-4, "mean of the frames differs from the photo by " + worst);
    }

    @Test
    void partsBlurredDifferentlyAreBlendedAtTheDetailSizeToo() throws Exception {
        // a 960x720 photo worked at 480x360, its left half blurred 30 px sideways and its right half 30 px up and down
        int w = 960, h = 720, frames = 3, stroke = 30, len = stroke / frames, ks = 41;
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 20, 100, w, h);
        float[] photo = UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, w, h, stroke(true, 0, stroke, stroke, ks), ks),
                FftConvolution.convolve(sharp, w, h, stroke(false, 0, stroke, stroke, ks), ks), w, h);
        float[][] truth = new float[frames][];
        for (int f = 0; f < frames; f++) {
            truth[f] = UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, w, h, stroke(true, f * len, len, stroke, ks), ks),
                    FftConvolution.convolve(sharp, w, h, stroke(false, f * len, len, stroke, ks), ks), w, h);
        }
        LinearImage blurred = new LinearImage(w, h, new float[][] {TestPlanes.addNoise(photo, 0.003, 5)});
        EngineOptions working = new EngineOptions(false, 0, 480L * 360);
        GenerationResult small = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(frames), 0, working),
                ProgressListener.NONE, CancellationToken.none());
        GenerationResult detail = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(frames), 0,
                working.withMaxDetailPixels(Long.MAX_VALUE)), ProgressListener.NONE, CancellationToken.none());
        for (GenerationResult r : List.of(small, detail)) {
            assertEquals(2, r.unevenParts().stream().mapToInt(BlurPart::group).distinct().count(), r.warnings().toString());
            assertTrue(r.warnings().stream().anyMatch(x -> x.contains("each part's frames were rendered with its own blur")), r.warnings().toString());
        }
        assertTrue(detail.warnings().stream().anyMatch(x -> x.contains("removed it at full resolution 960x720")), detail.warnings().toString());
        assertTrue(detail.warnings().stream().noneMatch(x -> x.startsWith("worked at reduced resolution") || x.startsWith("the finer pass")),
                detail.warnings().toString());
        // a finer pass between the two sizes blends there, and every run states the seam in photo pixels alike
        GenerationResult between = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(frames), 0,
                working.withMaxDetailPixels(720L * 540)), ProgressListener.NONE, CancellationToken.none());
        assertTrue(between.warnings().stream().anyMatch(x -> x.contains("removed it at 720x540")), between.warnings().toString());
        int seam = seamOf(small);
        assertEquals(seam, seamOf(detail), 1);
        assertEquals(seam, seamOf(between), 1);
        // the whole photo's one blur at full resolution, for comparison
        GenerationResult one = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(frames), 0,
                working.withMaxDetailPixels(Long.MAX_VALUE).withKernel(detail.kernel().orElseThrow())), ProgressListener.NONE, CancellationToken.none());
        assertTrue(one.warnings().stream().anyMatch(x -> x.contains("removed it at full resolution 960x720")), one.warnings().toString());
        // each half, away from the seam: blended at full resolution, closer to the true frames than one blur there (the
        // whole photo's blur, a mix of the two, fits the right half's better: +0.5 dB there, +2.7 dB on the left)
        double gains = 0;
        for (int side = 0; side < 2; side++) {
            int x0 = side == 0 ? 40 : w / 2 + 100, x1 = side == 0 ? w / 2 - 100 : w - 40;
            double s = psnr(small, truth, w, h, x0, x1, 40), d = psnr(detail, truth, w, h, x0, x1, 40), o = psnr(one, truth, w, h, x0, x1, 40);
            System.out.printf("%s half: blended at the working size %.2f dB, at full resolution %.2f dB; one blur at full resolution %.2f dB%n",
                    side == 0 ? "left" : "right", s, d, o);
            assertTrue(d > o + 0.25, side + ": blended " + d + " dB, one blur " + o + " dB");
            gains += d - o;
        }
        assertTrue(gains > 2, "blending gained " + gains + " dB over both halves");
        assertAveragesBackToThePhoto(detail, blurred);
    }

    @Test
    void aPartWhosePathIsTooTangledToDrawThinSkipsTheFinerPassAndSaysWhichPart() throws Exception {
        // a 960x720 photo worked at 480x360: its left half blurred 30 px sideways, its right half by a looping hand shake
        // 30 px across, whose estimated path (shown at 7% strength) is too doubtful to draw thin at full resolution
        int w = 960, h = 720, ks = 61;
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 20, 100, w, h);
        float[] shake = BlurSimulator.kernelImage(CameraShake.randomWithExtent(3, 30), ks);
        float[] photo = UniformityCalibration.joinLeftRight(FftConvolution.convolve(sharp, w, h, stroke(true, 0, 30, 30, ks), ks),
                FftConvolution.convolve(sharp, w, h, shake, ks), w, h);
        LinearImage blurred = new LinearImage(w, h, new float[][] {TestPlanes.addNoise(photo, 0.003, 6)});
        EngineOptions working = new EngineOptions(false, 0, 480L * 360);
        GenerationResult r = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(FRAMES), 0,
                working.withMaxDetailPixels(Long.MAX_VALUE)), ProgressListener.NONE, CancellationToken.none());
        assertEquals(List.of(new BlurPart(0, 0, 480, 720, 0), new BlurPart(480, 0, 480, 720, 1)), r.unevenParts(), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(x -> x.contains("each part's frames were rendered with its own blur")), r.warnings().toString());
        assertTrue(r.warnings().contains(ClassicalEngine.detailSkipped("Blur B's path")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(x -> x.startsWith("worked at reduced resolution 480x360")), r.warnings().toString());
        assertTrue(r.warnings().stream().noneMatch(x -> x.contains("removed it at")), r.warnings().toString());
        assertEquals(w, r.frames().get(0).width(), "frames at the photo's size, enlarged from the working size");
        assertAveragesBackToThePhoto(r, blurred);
    }

    /** The piece [first, first + length) of a {@code stroke} px line along x (or y) through the centre of a ks x ks kernel. */
    private static float[] stroke(boolean alongX, int first, int length, int stroke, int ks) {
        float[] k = new float[ks * ks];
        int c = ks / 2;
        for (int i = 0; i < length; i++) {
            int p = c - stroke / 2 + first + i;
            k[alongX ? c * ks + p : p * ks + c] = 1f / length;
        }
        return k;
    }

    /** The seam width, photo pixels, that the blended run's warning states. */
    private static int seamOf(GenerationResult r) {
        for (String w : r.warnings()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("blended over (\\d+) px across the seams").matcher(w);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("no seam in " + r.warnings());
    }


    /** PSNR (peak 1) of the frames against the truth over columns [x0, x1) and rows {@code border} px clear of the borders, the better time order. */
    private static double psnr(GenerationResult r, float[][] truth, int w, int h, int x0, int x1, int border) {
        double best = Double.NEGATIVE_INFINITY;
        for (boolean reversed : new boolean[] {false, true}) {
            double sse = 0;
            long n = 0;
            for (int f = 0; f < truth.length; f++) {
                float[] got = r.frames().get(f).plane(0), want = truth[reversed ? truth.length - 1 - f : f];
                for (int y = border; y < h - border; y++) {
                    for (int x = x0; x < x1; x++) {
                        double d = got[y * w + x] - want[y * w + x];
                        sse += d * d;
                        n++;
                    }
                }
            }
            best = Math.max(best, 10 * Math.log10(n / sse));
        }
        return best;
    }

    @Test
    void aPictureTooSmallForQuartersIsBlendedByItsHalves() throws Exception {
        int w = 480, h = 320; // quarters of 240x160 are below the check's 320x180
        float[] sharp = TestPlanes.devLuminance("hubble_deep_field.jpg", 200, 200, w, h);
        float[] left = FftConvolution.convolve(sharp, w, h, piece(true, 0, STROKE), 21), right = FftConvolution.convolve(sharp, w, h, piece(false, 0, STROKE), 21);
        LinearImage blurred = new LinearImage(w, h, new float[][] {TestPlanes.addNoise(UniformityCalibration.joinLeftRight(left, right, w, h), 0.003, 2)});
        GenerationResult r = new ClassicalEngine().generate(new GenerationRequest(blurred, FramePlans.present(FRAMES), 0, EngineOptions.defaults()),
                ProgressListener.NONE, CancellationToken.none());
        assertEquals(List.of(new BlurPart(0, 0, 240, 320, 0), new BlurPart(240, 0, 240, 320, 1)), r.unevenParts());
        String warning = r.warnings().stream().filter(x -> x.contains("spatially varying")).findFirst().orElseThrow();
        // 15 px strokes; a path read off a stroke with a faint pixel of flank each side sways across it and measures a few
        // px long (18 and 20 px; before the coarse levels' firm Tikhonov weight the star field's half came out 11 px, tangled)
        assertTrue(warning.matches(".*the left half \\(Blur A, a (1[0-9]|2[01]) px path\\) and the right half \\(Blur B, a (1[0-9]|2[01]) px path\\).*"), warning);
        assertTrue(r.warnings().stream().noneMatch(x -> x.contains("tangled")), r.warnings().toString());
        // seams fade over an eighth of the shorter side, 40 px, unless the kernels are longer than half that
        assertTrue(warning.matches(".*blended over (40|4[2-9]|[5-9]\\d) px across the seams.*"), warning);
    }

    /** How far a path reaches along x (or y) over the exposure, photo pixels. */
    private static double extent(org.tempora.engine.Trajectory path, boolean alongX) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (org.tempora.engine.Trajectory.Sample s : path.samples()) {
            if (s.t() < -0.5 || s.t() > 0.5) continue;
            double v = alongX ? s.x() : s.y();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }


    /** {@link #psnr} of a {@link #W} x {@link #H} result, rows 30 px clear of the borders. */
    private static double bestPsnr(GenerationResult r, float[][] truth, int x0, int x1) {
        return psnr(r, truth, W, H, x0, x1, 30);
    }
}
