package org.tempora.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a frame plan into the interval conditioning of the blur2vid diffusion model, a [6, 8] matrix, exactly as the
 * reference does (tedlasai/blur2vid: training/helpers.py get_conditioning and transform_intervals,
 * random_insert_latent_frame with special_info "just_one"):
 * <ol>
 *   <li>the frame intervals are padded to 17 (the video length) by repeating the LAST interval; the reference pads any
 *       shorter list the same way, so plans of 1 to 16 frames all work;</li>
 *   <li>padded to 20 (5 latent frames x 4 video frames) by putting 3 copies of the FIRST interval in front, because the
 *       video autoencoder's first latent frame encodes one video frame and the others four;</li>
 *   <li>grouped 4 per latent frame into rows [s0, e0, s1, e1, s2, e2, s3, e3];</li>
 *   <li>preceded by the condition row: the photo's exposure [-0.5, 0.5] padded the same way, i.e. repeated 4 times.</li>
 * </ol>
 * Values are float32, as the reference's torch tensors; only the first {@code plan.size()} decoded frames are kept.
 */
public final class LatentPacking {
    private LatentPacking() {}

    /** Most frames the model generates in one run. */
    public static final int MAX_FRAMES = 16;
    /** Video frames the model generates, including the trailing pad frame. */
    public static final int VIDEO_FRAMES = 17;
    /** Video frames per latent frame of the autoencoder. */
    public static final int FRAMES_PER_LATENT = 4;
    /** One condition row plus ceil(17 / 4) = 5 output rows. */
    public static final int ROWS = 6;
    /** Start and end of 4 video frames. */
    public static final int COLUMNS = 2 * FRAMES_PER_LATENT;

    /** The [6, 8] conditioning matrix for a plan of 1 to 16 frames. */
    public static float[][] pack(FramePlan plan) {
        if (plan.size() > MAX_FRAMES) {
            throw new InvalidPlanException("the diffusion model generates at most " + MAX_FRAMES + " frames per run but "
                    + plan.size() + " were asked for: ask for " + MAX_FRAMES + " or fewer");
        }
        List<Interval> video = new ArrayList<>(plan.intervals());
        while (video.size() < VIDEO_FRAMES) video.add(video.get(video.size() - 1));
        int grouped = ceilDiv(VIDEO_FRAMES, FRAMES_PER_LATENT) * FRAMES_PER_LATENT;
        List<Interval> padded = new ArrayList<>(grouped);
        for (int i = VIDEO_FRAMES; i < grouped; i++) padded.add(video.get(0));
        padded.addAll(video);

        float[][] rows = new float[ROWS][];
        rows[0] = group(List.of(Interval.EXPOSURE, Interval.EXPOSURE, Interval.EXPOSURE, Interval.EXPOSURE), 0);
        for (int r = 1; r < ROWS; r++) rows[r] = group(padded, (r - 1) * FRAMES_PER_LATENT);
        return rows;
    }

    private static float[] group(List<Interval> intervals, int from) {
        float[] row = new float[COLUMNS];
        for (int k = 0; k < FRAMES_PER_LATENT; k++) {
            Interval iv = intervals.get(from + k);
            row[2 * k] = (float) iv.start();
            row[2 * k + 1] = (float) iv.end();
        }
        return row;
    }

    private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
