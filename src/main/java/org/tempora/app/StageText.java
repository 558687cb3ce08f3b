package org.tempora.app;

/**
 * The line under the progress bar for an engine's progress report: "Sampling step 3 of 20", "Decoding tile 2 of 6",
 * "Estimating blur: step 5 of 40". UI-agnostic.
 */
public final class StageText {
    private StageText() {}

    /** Describes {@code done} of {@code total} in {@code stage}; a stage of unknown length or of one step is named only. */
    public static String describe(String stage, int done, int total) {
        String name = PlanShaper.capitalised(stage);
        if (total <= 1) return name; // "step 0 of 1" says nothing the bar does not
        return switch (stage) {
            case "sampling" -> "Sampling step " + done + " of " + total; // diffusion: the steps the user chose
            case "decoding" -> "Decoding tile " + done + " of " + total;
            case "loading model" -> "Loading model: part " + done + " of " + total;
            case FrameGeneration.FRAMES_STAGE -> name + ": " + done + " of " + total;
            default -> name + ": step " + done + " of " + total;
        };
    }
}
