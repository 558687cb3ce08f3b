package org.tempora.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tempora.export.video.Clip;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;

/**
 * The pictures of an exported video in playing order: the frames repeated for ping-pong and loops, optionally beside
 * the original photo (scaled to the frames' height) and over the burned-in timeline. Composed frames are cached while
 * they fit in {@value #CACHE_BYTES} bytes, since ping-pong and loops show each one several times.
 */
public final class ClipAssembly implements Clip {
    private static final long CACHE_BYTES = 256L << 20;

    private final FrameSet frames;
    private final List<Integer> order;
    private final double fps;
    private final int[] photo;
    private final int photoWidth;
    private final boolean timeline;
    private final int width, height, pictureHeight;
    private final int[][] cache;
    private final boolean cropped;

    /**
     * @param photo the original for side-by-side, or null
     * @param even drop a last odd column or row (H.264 4:2:0 crops in steps of 2 pixels)
     */
    public ClipAssembly(FrameSet frames, List<Integer> order, double fps, LinearImage photo, boolean timeline, boolean even) {
        this.frames = frames;
        this.order = List.copyOf(order);
        this.fps = fps;
        this.timeline = timeline;
        int fh = frames.height();
        if (photo != null) {
            int pw = Math.max(1, (int) Math.round((double) photo.width() * fh / photo.height()));
            LinearImage scaled = photo.width() == pw && photo.height() == fh ? photo : Resampling.resize(photo, pw, fh);
            this.photo = SrgbPixels.pack(scaled);
            this.photoWidth = pw;
        } else {
            this.photo = null;
            this.photoWidth = 0;
        }
        int w = photoWidth + frames.width();
        int band = timeline ? TimelineStrip.height(w) : 0;
        this.width = even ? w & ~1 : w;
        this.pictureHeight = fh;
        int h = fh + band;
        this.height = even ? h & ~1 : h;
        this.cropped = width != w || height != h;
        long bytes = 4L * width * height * frames.size();
        this.cache = bytes <= CACHE_BYTES ? new int[frames.size()][] : null;
    }

    /** Source frame indices in playing order: forward, then back without repeating the ends (ping-pong), all {@code loops} times. */
    public static List<Integer> playOrder(int n, boolean pingPong, int loops) {
        List<Integer> once = new ArrayList<>();
        for (int i = 0; i < n; i++) once.add(i);
        if (pingPong) for (int i = n - 2; i >= 1; i--) once.add(i);
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < Math.max(1, loops); k++) all.addAll(once);
        return all;
    }

    /** Whether a last odd column or row was dropped. */
    public boolean cropped() { return cropped; }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override public int frames() { return order.size(); }

    @Override public double fps() { return fps; }

    @Override public int[] rgb(int index) throws IOException {
        int source = order.get(index);
        if (cache != null && cache[source] != null) return cache[source];
        int[] composed = compose(source);
        if (cache != null) cache[source] = composed;
        return composed;
    }

    private int[] compose(int source) throws IOException {
        int[] frame = SrgbPixels.pack(frames.frame(source).pixels());
        int fw = frames.width();
        if (photo == null && !timeline && width == fw && height == pictureHeight) return frame;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (photo != null) canvas.setRGB(0, 0, Math.min(photoWidth, width), Math.min(pictureHeight, height), photo, 0, photoWidth);
        int fx = photoWidth, visible = Math.min(fw, width - fx);
        if (visible > 0) canvas.setRGB(fx, 0, visible, Math.min(pictureHeight, height), frame, 0, fw);
        if (timeline) {
            Graphics2D g = canvas.createGraphics();
            try {
                TimelineStrip.draw(g, 0, pictureHeight, width, height - pictureHeight, frames.intervals(), source);
            } finally {
                g.dispose();
            }
        }
        return SrgbPixels.pixels(canvas);
    }
}
