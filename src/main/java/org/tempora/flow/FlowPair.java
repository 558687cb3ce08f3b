package org.tempora.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Two frames of a clip, by 0-based index: the flow goes from {@code from} to {@code to}. */
public record FlowPair(int from, int to) {
    public FlowPair {
        if (from < 0 || to < 0 || from == to) throw new IllegalArgumentException("a flow pair needs two different frames, got " + from + ":" + to);
    }

    /** The file-name stem of this pair, e.g. "0000_0003". */
    public String stem() { return String.format(Locale.ROOT, "%04d_%04d", from, to); }

    /**
     * The pairs a user asks for: "first-last", "consecutive" (0:1, 1:2, ...) or "I:J" (0-based; J before I is the
     * reverse flow), for a clip of {@code frames} frames.
     *
     * @throws IllegalArgumentException with a message for the user when the text or an index is wrong
     */
    public static List<FlowPair> parse(String spec, int frames) {
        if (frames < 2) throw new IllegalArgumentException("optical flow needs at least 2 frames, the folder has " + frames);
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("first-last")) return List.of(new FlowPair(0, frames - 1));
        if (s.equals("consecutive")) {
            List<FlowPair> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < frames; i++) pairs.add(new FlowPair(i, i + 1));
            return pairs;
        }
        String[] ij = s.split(":", -1);
        int i, j;
        try {
            if (ij.length != 2) throw new NumberFormatException();
            i = Integer.parseInt(ij[0].strip());
            j = Integer.parseInt(ij[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--pair must be first-last, consecutive or I:J (frame numbers from 0), not '" + spec + "'");
        }
        if (i < 0 || j < 0 || i >= frames || j >= frames) {
            throw new IllegalArgumentException("--pair " + spec + ": frames are numbered 0 to " + (frames - 1));
        }
        if (i == j) throw new IllegalArgumentException("--pair " + spec + ": choose two different frames");
        return List.of(new FlowPair(i, j));
    }
}
