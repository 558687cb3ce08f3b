package org.tempora.engine;

import org.tempora.timeline.FramePlan;
import org.tempora.timeline.PlanLimits;

/**
 * Turns one blurred photo and a frame plan into frames. The classical engine and the diffusion
 * engine implement it; the command line and the window only talk to this interface.
 */
public interface Engine {
    /** Short id used on the command line and in provenance records ("classical", "diffusion"). */
    String id();

    /** Version of the engine's method, recorded in outputs. */
    String version();

    /** The frame plans this engine can render; callers check a plan before any heavy work. */
    PlanLimits limits();

    /**
     * Whether the frames depend on the request's seed (a sampling engine, e.g. diffusion), so several seeds are
     * worth comparing; a deterministic engine gives the same frames for every seed.
     */
    default boolean samples() { return false; }

    /** {@link #limits()}' check of {@code plan}, as the engine's own failure: for the start of {@link #generate}. */
    default void requirePlanWithinLimits(FramePlan plan) throws EngineException {
        try {
            limits().check(plan);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /**
     * Runs one generation. Implementations call {@code progress} from the calling thread and check
     * {@code cancel} often enough to stop within a second.
     *
     * @throws CancelledException when {@code cancel} was triggered
     * @throws EngineException when the engine cannot produce frames for this input
     */
    GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
            throws EngineException, CancelledException;
}
