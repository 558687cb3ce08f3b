package org.tempora.flow;

import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.video.DISOpticalFlow;
import org.tempora.image.LinearImage;

/**
 * Dense optical flow by Dense Inverse Search (Kroeger et al. 2016, ECCV), OpenCV's implementation, at the frames'
 * full resolution. Stateless and thread-safe: each call builds its own native solver.
 */
public final class DisFlow {
    /** Smallest side accepted: OpenCV's DIS refuses frames under 12 px, and 16 (two 8 px patches) is the smallest size tested. */
    public static final int MIN_SIDE = 16;

    /**
     * Accuracy against speed. Measured (FlowBenchmark, 1280x720, 2 cores; DisFlowTest, 256x256): MEDIUM ~55 ms with
     * 0.04-0.08 px end-point error on translations and 0.18 px on a 2-degree rotation; FINE ~4x slower, 0.08 px on
     * that rotation; FAST ~2-3x faster, 0.25 px on a translation.
     */
    public enum Preset {
        /** OpenCV's PRESET_FAST: 8 px patches every 4 px down to quarter resolution, 16 search and 5 refinement iterations. */
        FAST,
        /** OpenCV's PRESET_MEDIUM: 8 px patches every 3 px down to half resolution, 25 search and 5 refinement iterations. */
        MEDIUM,
        /** PRESET_MEDIUM with patches searched down to full resolution (finest scale 0): sharper motion edges. */
        FINE;

        public static Preset parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown flow preset '" + name + "': use fast, medium or fine");
            }
        }
    }

    private final Preset preset;

    public DisFlow(Preset preset) {
        this.preset = preset;
    }

    public Preset preset() { return preset; }

    /** The flow from {@code first} to {@code second} (same size; colour is reduced to luminance). */
    public FlowField compute(LinearImage first, LinearImage second) {
        if (first.width() != second.width() || first.height() != second.height()) {
            throw new IllegalArgumentException("frames of different sizes: " + first.width() + "x" + first.height() + " and "
                    + second.width() + "x" + second.height());
        }
        if (first.width() < MIN_SIDE || first.height() < MIN_SIDE) {
            throw new IllegalArgumentException("frames of " + first.width() + "x" + first.height() + " are too small for optical flow: at least "
                    + MIN_SIDE + "x" + MIN_SIDE + " pixels");
        }
        return compute(Grey8.of(first), Grey8.of(second), first.width(), first.height());
    }

    /** The flow between two 8-bit grey images of {@code width x height}, row-major. */
    synchronized FlowField compute(byte[] first, byte[] second, int width, int height) {
        OpenCvLoader.load();
        // one solver per instance: creating it allocates its pyramids, about a sixth of a 1280x720 pair's time
        if (dis == null) dis = solver();
        Mat a = new Mat(height, width, CvType.CV_8UC1);
        Mat b = new Mat(height, width, CvType.CV_8UC1);
        Mat flow = new Mat();
        try {
            a.put(0, 0, first);
            b.put(0, 0, second);
            dis.calc(a, b, flow);
            float[] uv = new float[2 * width * height];
            flow.get(0, 0, uv);
            float[] u = new float[width * height], v = new float[width * height];
            for (int i = 0; i < u.length; i++) {
                u[i] = uv[2 * i];
                v[i] = uv[2 * i + 1];
            }
            return new FlowField(width, height, u, v);
        } finally {
            a.release();
            b.release();
            flow.release();
        }
    }

    private DISOpticalFlow dis;

    private DISOpticalFlow solver() {
        return switch (preset) {
            case FAST -> DISOpticalFlow.create(DISOpticalFlow.PRESET_FAST);
            case MEDIUM -> DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
            case FINE -> {
                DISOpticalFlow d = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
                d.setFinestScale(0);
                yield d;
            }
        };
    }
}
