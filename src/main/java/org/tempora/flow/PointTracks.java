package org.tempora.flow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Point trajectories through a clip, by chaining the flows between consecutive frames with bilinear sampling
 * (Sundaram, Brox and Keutzer 2010): x(k+1) = x(k) + F_k(x(k)). A track stops where the forward-backward check
 * fails under it (an occlusion or a wrong match) or where it would leave the frame.
 */
public final class PointTracks {
    private PointTracks() {}

    public record Point(double x, double y) {}

    /** Why a track ended before the last frame, if it did. */
    public enum End { LAST_FRAME, INCONSISTENT, LEFT_FRAME }

    /** Positions in frames 0, 1, ... of the clip, as far as the point was followed. */
    public record Track(double[] xs, double[] ys, End end) {
        public Track {
            if (xs.length != ys.length || xs.length == 0) throw new IllegalArgumentException("a track needs matching, non-empty positions");
        }

        /** Frames the point was followed through (1 = only its start). */
        public int length() { return xs.length; }

        public Point start() { return new Point(xs[0], ys[0]); }

        public Point last() { return new Point(xs[xs.length - 1], ys[ys.length - 1]); }
    }

    /** Start points at the centres of {@code spacing}-pixel cells covering the frame, as for arrows. */
    public static List<Point> grid(int width, int height, int spacing) {
        if (spacing < 1) throw new IllegalArgumentException("track spacing must be at least 1 px, got " + spacing);
        List<Point> points = new ArrayList<>();
        int offX = (width % spacing) / 2, offY = (height % spacing) / 2;
        for (int y = offY; y + spacing <= height; y += spacing) {
            for (int x = offX; x + spacing <= width; x += spacing) points.add(new Point(x + (spacing - 1) / 2.0, y + (spacing - 1) / 2.0));
        }
        return points;
    }

    /**
     * Follows each start point (in frame 0) through {@code flows}, the flows from frame k to k+1.
     *
     * @param masks the consistency of each flow, same count; null follows every point without the check
     */
    public static List<Track> follow(List<FlowField> flows, List<ConsistencyMask> masks, List<Point> starts) {
        if (flows.isEmpty()) throw new IllegalArgumentException("tracks need at least one flow (two frames)");
        if (masks != null && masks.size() != flows.size()) {
            throw new IllegalArgumentException(flows.size() + " flows but " + masks.size() + " consistency masks");
        }
        int w = flows.get(0).width(), h = flows.get(0).height();
        for (int k = 0; k < flows.size(); k++) {
            if (flows.get(k).width() != w || flows.get(k).height() != h
                    || (masks != null && (masks.get(k).width() != w || masks.get(k).height() != h))) {
                throw new IllegalArgumentException("flows or masks of different sizes in one clip");
            }
        }
        List<Track> tracks = new ArrayList<>(starts.size());
        for (Point s : starts) {
            if (!inside(s.x(), s.y(), w, h)) throw new IllegalArgumentException("start point (" + s.x() + ", " + s.y() + ") is outside the " + w + "x" + h + " frame");
            double[] xs = new double[flows.size() + 1], ys = new double[flows.size() + 1];
            xs[0] = s.x();
            ys[0] = s.y();
            int n = 1;
            End end = End.LAST_FRAME;
            for (int k = 0; k < flows.size(); k++) {
                double x = xs[n - 1], y = ys[n - 1];
                if (masks != null && !masks.get(k).isReliable((int) Math.round(x), (int) Math.round(y))) {
                    end = End.INCONSISTENT;
                    break;
                }
                FlowField f = flows.get(k);
                double du = Bilinear.sample(f.u(), w, h, x, y), dv = Bilinear.sample(f.v(), w, h, x, y);
                double nx = x + du, ny = y + dv;
                if (!FlowField.isKnown((float) du, (float) dv)) {
                    end = End.INCONSISTENT;
                    break;
                }
                if (!inside(nx, ny, w, h)) {
                    end = End.LEFT_FRAME;
                    break;
                }
                xs[n] = nx;
                ys[n] = ny;
                n++;
            }
            tracks.add(new Track(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), end));
        }
        return tracks;
    }

    private static boolean inside(double x, double y, int w, int h) {
        return x >= 0 && x <= w - 1 && y >= 0 && y <= h - 1;
    }

    /**
     * The tracks as trails over a copy of {@code backdrop}: each segment fades in with time (faint at the clip's
     * start, opaque at its end), coloured by the track's overall direction on the Middlebury wheel; a dot marks where
     * each track ends.
     *
     * @param frames the clip's frame count, which sets the fading
     */
    public static BufferedImage render(List<Track> tracks, BufferedImage backdrop, int frames) {
        if (frames < 2) throw new IllegalArgumentException("a clip for tracks has at least 2 frames, got " + frames);
        double scale = 0;
        for (Track t : tracks) scale = Math.max(scale, Math.hypot(t.last().x() - t.start().x(), t.last().y() - t.start().y()));
        if (scale == 0) scale = 1;
        BufferedImage img = Backdrop.copy(backdrop);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Track t : tracks) {
                Point a = t.start(), b = t.last();
                int rgb = FlowColorWheel.rgb((b.x() - a.x()) / scale, (b.y() - a.y()) / scale);
                for (int k = 1; k < t.length(); k++) {
                    int alpha = (int) Math.round(255 * (0.15 + 0.85 * k / (frames - 1.0)));
                    g.setColor(new Color(rgb | alpha << 24, true));
                    g.draw(new Line2D.Double(t.xs()[k - 1] + 0.5, t.ys()[k - 1] + 0.5, t.xs()[k] + 0.5, t.ys()[k] + 0.5));
                }
                g.setColor(new Color(rgb));
                g.fill(new Ellipse2D.Double(b.x() + 0.5 - 1.5, b.y() + 0.5 - 1.5, 3, 3));
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
