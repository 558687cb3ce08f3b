package org.tempora.app;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.PartBlur;
import org.tempora.engine.Trajectory;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.PlanLimits;
import org.tempora.timeline.FramePlan;

/**
 * What the window's inspector keeps of one generation: the photo it started from, the running mean of the exposure
 * frames, and the engine's kernel and camera path. {@link #around} wraps the engine so frames are taken in as they
 * pass, whether the engine streams them or they are read from its result afterwards; no frame is kept.
 */
public final class RunCapture {
    private final LinearImage photo;
    private final ExposureMean exposureMean;
    private volatile Optional<BlurKernel> kernel = Optional.empty();
    private volatile Optional<Trajectory> trajectory = Optional.empty();
    private volatile Engine engine;
    private volatile GenerationRequest request;
    private volatile List<String> warnings = List.of();
    private volatile List<BlurPart> unevenParts = List.of();
    private volatile List<PartBlur> partBlurs = List.of();
    private volatile Map<String, Long> timingsMs = Map.of();
    private volatile List<LinearImage> frames; // the engine's own, at full precision; may render on each read

    public RunCapture(LinearImage photo, FramePlan plan) {
        this.photo = photo;
        this.exposureMean = new ExposureMean(plan);
    }

    public LinearImage photo() { return photo; }
    public ExposureMean exposureMean() { return exposureMean; }
    /** The estimated blur kernel, once the run finished (classical engine). */
    public Optional<BlurKernel> kernel() { return kernel; }
    /** The camera path, once the run finished (classical engine). */
    public Optional<Trajectory> trajectory() { return trajectory; }

    /** The engine that ran (unwrapped), once the run finished: an export's run record names it. */
    public Optional<Engine> engine() { return Optional.ofNullable(engine); }
    /** The request that ran (seed, options, plan), once the run finished. */
    public Optional<GenerationRequest> request() { return Optional.ofNullable(request); }
    /** The engine's warnings, once the run finished. */
    public List<String> warnings() { return warnings; }
    /** The parts of the photo the engine found blurred differently, once the run finished; empty when none. */
    public List<BlurPart> unevenParts() { return unevenParts; }
    /** Where the parts were rendered each with its own blur, those blurs (path and kernel) by group; else empty. */
    public List<PartBlur> partBlurs() { return partBlurs; }
    /**
     * The engine's frames in linear light at full precision, once the run finished, for exports of photos deeper than
     * the window's 8-bit display pictures; the engine may render each on every read.
     */
    public Optional<List<LinearImage>> fullFrames() { return Optional.ofNullable(frames); }
    /** The engine's timings, once the run finished. */
    public Map<String, Long> timingsMs() { return timingsMs; }

    /** {@code engine}, with every finished frame and the run's kernel and path passing through this capture. */
    public Engine around(Engine engine) {
        return new Engine() {
            @Override public String id() { return engine.id(); }
            @Override public String version() { return engine.version(); }
            @Override public PlanLimits limits() { return engine.limits(); }

            @Override public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
                    throws EngineException, CancelledException {
                GenerationResult r = engine.generate(request, new ProgressListener() {
                    @Override public void progress(String stage, int done, int total) { progress.progress(stage, done, total); }
                    @Override public boolean wantsFrames() { return progress.wantsFrames(); }

                    @Override public void frame(int index, LinearImage frame, boolean preview) {
                        if (!preview) exposureMean.add(index, frame);
                        progress.frame(index, frame, preview);
                    }
                }, cancel);
                kernel = r.kernel();
                trajectory = r.trajectory();
                warnings = r.warnings();
                unevenParts = r.unevenParts();
                partBlurs = r.partBlurs();
                timingsMs = r.timingsMs();
                frames = r.frames();
                RunCapture.this.engine = engine;
                RunCapture.this.request = request;
                return new GenerationResult(new Tee(r.frames()), r.plan(), r.kernel(), r.trajectory(), r.warnings(), r.timingsMs(), r.unevenParts(),
                        r.partBlurs());
            }
        };
    }

    /** The engine's frames, each one read also added to the mean (the list may render frames on access). */
    private final class Tee extends AbstractList<LinearImage> {
        private final List<LinearImage> frames;

        Tee(List<LinearImage> frames) { this.frames = frames; }

        @Override public int size() { return frames.size(); }

        @Override public LinearImage get(int index) {
            LinearImage frame = frames.get(index);
            exposureMean.add(index, frame);
            return frame;
        }
    }
}
