package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageTextTest {
    @Test void diffusionStagesReadAsStepsTilesAndParts() {
        assertEquals("Sampling step 3 of 20", StageText.describe("sampling", 3, 20));
        assertEquals("Decoding tile 2 of 6", StageText.describe("decoding", 2, 6));
        assertEquals("Loading model: part 1 of 4", StageText.describe("loading model", 1, 4));
        assertEquals("Checking model files", StageText.describe("checking model files", 0, 1));
        assertEquals("Encoding photo", StageText.describe("encoding photo", 0, 1));
    }

    @Test void otherStagesCountSteps() {
        assertEquals("Estimating blur: step 5 of 40", StageText.describe("estimating blur", 5, 40));
        assertEquals("Showing frames: 3 of 16", StageText.describe(FrameGeneration.FRAMES_STAGE, 3, 16));
        assertEquals("Starting", StageText.describe("starting", 0, 0));
    }
}
