package org.tempora.flow;

import java.util.List;
import org.tempora.image.LinearImage;

/** The flow of one frame pair with its forward-backward consistency: both directions are computed. */
public record PairFlow(FlowPair pair, FlowField forward, ConsistencyMask mask) {
    public static PairFlow compute(DisFlow dis, List<LinearImage> frames, FlowPair pair) {
        LinearImage a = frames.get(pair.from()), b = frames.get(pair.to());
        FlowField forward = dis.compute(a, b);
        FlowField backward = dis.compute(b, a);
        return new PairFlow(pair, forward, ConsistencyMask.check(forward, backward));
    }
}
