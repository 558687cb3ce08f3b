package org.tempora.classical;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.PartBlur;
import org.tempora.engine.ProgressListener;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.image.Resampling;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.Interval;
import org.tempora.timeline.PlanLimits;

/**
 * The embedded default engine (no download): estimate the camera-shake kernel blind, deconvolve
 * every channel, order the kernel into a timed path, and render each frame as the sharp estimate
 * seen through the part of the path its interval covers.
 *
 * <p>Each frame is {@code photo + S*K_i - S*K}: the photo plus how the frame's partial blur differs
 * from the full blur. Whatever the kernel cannot explain (moving objects, noise, spatially varying
 * blur) stays as it was in the photo instead of being lost or amplified, and the frames that tile
 * the exposure average back to the photo exactly.
 *
 * <p>A listener that {@link ProgressListener#wantsFrames() wants frames} gets approximate previews of every frame
 * from a coarse level of the kernel estimate ({@link FramePreview}), then each final frame as soon as it is
 * rendered, in index order. Before the frames, a check for blur that differs between the photo's halves or quarters
 * ({@link BlurUniformityCheck}); where it does, each group of parts is rendered with its own kernel ({@link PartBlend}).
 */
public final class ClassicalEngine implements Engine {
    public static final String ID = "classical";
    public static final String VERSION = "1.0";

    private final KernelEstimator estimator = new KernelEstimator();

    @Override public String id() { return ID; }
    @Override public String version() { return VERSION; }

    /** Frames this engine can render: any number, up to two exposures before and after. */
    @Override public PlanLimits limits() { return PlanLimits.CLASSICAL; }

    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel)
            throws EngineException, CancelledException {
        FramePlan plan = request.plan();
        requirePlanWithinLimits(plan);
        LinearImage photo = request.photo();
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long t0 = System.nanoTime();

        // Work at a reduced size on big scans: the motion is coarse, the photo's detail is kept by the residual.
        int[] workSize = workingSize(photo.width(), photo.height(), request.options().maxWorkingPixels());
        LinearImage work = photo;
        double scale = 1.0;
        if (workSize[0] != photo.width() || workSize[1] != photo.height()) {
            work = Resampling.resize(photo, workSize[0], workSize[1]);
            scale = (double) workSize[0] / photo.width();
        }
        int w = work.width(), h = work.height();
        if (w < 32 || h < 32) throw new EngineException("the photo is too small (" + photo.width() + "x" + photo.height()
                + "); the classical engine needs at least 32x32 pixels");
        timings.put("resize", ms(t0));

        long t1 = System.nanoTime();
        cancel.throwIfCancelled();
        float[] luminance = work.luminance();
        EngineOptions options = request.options();
        // Previews only for a listener that shows frames and a kernel still to estimate: they cost about a tenth of the run.
        FramePreview preview = progress.wantsFrames() && options.kernel().isEmpty()
                ? new FramePreview(work, photo, plan, options.reverseTime(), progress, cancel) : null;
        // The uniformity check needs only the luminance: it runs beside the estimate, whose small levels leave a core idle.
        KernelEstimator.Estimate estimate;
        BlurUniformityCheck.Analysis uneven = null;
        long previewMs, estimateMs, uniformityMs;
        try (UniformityCheckAhead checkAhead = options.region().isEmpty() ? new UniformityCheckAhead(luminance, w, h, cancel) : null) {
            estimate = estimateKernel(options, luminance, w, h, photo, scale, preview, warnings, progress, cancel);
            previewMs = preview == null ? 0 : preview.elapsedMillis();
            estimateMs = ms(t1) - previewMs;
            // Before the frames: where parts of the photo are blurred differently, each part's frames get its own blur.
            long tu = System.nanoTime();
            if (checkAhead != null) uneven = checkAhead.result(estimate.size(), cancel);
            uniformityMs = ms(tu);
        }
        warnings.addAll(estimate.warnings());
        float[] kernel = estimate.kernel();
        int ks = estimate.size();

        long t2 = System.nanoTime();
        TimedKernel timed = PathExtractor.extract(kernel, ks, options.reverseTime());
        double strength = motionStrength(timed);
        List<String> pathWarnings = new ArrayList<>(pathWarnings("the blur path", strength));
        Interval span = plan.span();
        long pathMs = ms(t2);

        List<BlurPart> unevenParts = List.of(), workingParts = List.of();
        List<PartBlur> partBlurs = new ArrayList<>();
        if (uneven != null) {
            unevenParts = BlurUniformityCheck.parts(uneven, w, h, photo.width(), photo.height());
            workingParts = BlurUniformityCheck.parts(uneven, w, h, w, h);
        }
        // A given kernel is the user's word that one blur fits the whole photo; quarters that all agree doubt the halves.
        boolean blend = !workingParts.isEmpty() && options.kernel().isEmpty() && (uneven.grid().isEmpty() || uneven.quartersDiffer());
        if (uneven != null && !blend) uneven.warning().ifPresent(warnings::add);

        long td = System.nanoTime();
        // Estimated small, the blur is removed again at the finest size the options allow, with the path drawn thin there.
        double detailScale = Math.min(1.0, Math.sqrt((double) options.maxDetailPixels() / photo.pixelCount()));
        boolean detailAsked = scale < 1 && detailScale > scale * MIN_DETAIL_GAIN;
        if (options.maxDetailPixels() > 0 && scale < 1 && !detailAsked) {
            warnings.add(String.format(Locale.ROOT, "the finer pass for detail was not run: it would work at only %.2f times the working size"
                    + " across (%dx%d), too close to gain anything; it needs more than %.1f times", detailScale / scale, w, h, MIN_DETAIL_GAIN));
        }
        int rw = w, rh = h;
        FrameResiduals renderer;
        if (blend) {
            long tp = System.nanoTime();
            List<PartBlend.PartKernel> kernels = PartBlend.estimate(estimator, luminance, w, workingParts, options.kernelSize(),
                    options.reverseTime(), timed, warnings, progress, cancel);
            timings.put("partKernels", ms(tp));
            PartBlend.PartKernel wholeKernel = new PartBlend.PartKernel(kernel, ks, timed, strength);
            // the whole photo's kernel renders only cells no part covers; its path, a mix of the parts', may be tangled where theirs are not
            boolean usesWhole = PartBlend.usesWhole(w, h, workingParts);
            String weak = usesWhole && strength < DETAIL_MIN_STRENGTH ? "the whole photo's blur path" : null;
            for (int g = 0; g < kernels.size(); g++) {
                if (weak == null && kernels.get(g).strength() < DETAIL_MIN_STRENGTH) weak = BlurPart.blurName(g) + "'s path";
            }
            int maxKs = largest(kernels, wholeKernel, usesWhole, PartBlend.PartKernel::size);
            PartBlend blended;
            if (detailAsked && weak != null) warnings.add(detailSkipped(weak));
            if (detailAsked && weak == null) {
                rw = detailSize(photo.width(), w, detailScale);
                rh = detailSize(photo.height(), h, detailScale);
                LinearImage detail = detailPicture(photo, rw, rh);
                float[] tone = ResidualRenderer.toneOf(detail);
                double factor = (double) rw / w;
                // each blur's path drawn thin at the detail size, as for one blur; its canvas also sizes the crops
                Map<PartBlend.PartKernel, DetailKernels> drawn = new IdentityHashMap<>();
                List<PartBlend.PartKernel> drawnKernels = new ArrayList<>();
                for (PartBlend.PartKernel k : kernels) drawnKernels.add(drawnKernel(k, factor, span, drawn));
                PartBlend.PartKernel drawnWhole = drawnKernel(wholeKernel, factor, span, drawn); // drawn always: the blend decides whether it renders
                double detailWeight = deconvolutionWeight(detail, tone, largestStopbandShare(drawnKernels, drawnWhole, usesWhole), warnings);
                int context = largest(drawnKernels, drawnWhole, usesWhole, PartBlend.PartKernel::size); // a drawn kernel's size is its canvas
                blended = PartBlend.of(rw, rh, BlurUniformityCheck.parts(uneven, w, h, rw, rh), drawnKernels, drawnWhole, maxKs * factor,
                        2 * context, (box, k) -> new ResidualRenderer(detail.crop(box[0], box[1], box[2], box[3]), tone, detailWeight, k.kernel(), k.size(),
                                k.size(), drawn.get(k).partials(plan.intervals()), k.strength(), progress, cancel), cancel);
                warnings.add(detailWarning(w, h, rw, rh, photo));
            } else {
                LinearImage working = work;
                float[] tone = ResidualRenderer.toneOf(work, luminance);
                double weight = deconvolutionWeight(work, luminance, tone, largestStopbandShare(kernels, wholeKernel, usesWhole), warnings);
                // a group's crop reaches two frame-kernel canvases past its weights: one for the frames' kernels, one for the deconvolution's border
                int context = largest(kernels, wholeKernel, usesWhole, k -> k.timed().canvasSize(span));
                blended = PartBlend.of(w, h, workingParts, kernels, wholeKernel, maxKs, 2 * context,
                        (box, k) -> new ResidualRenderer(working.crop(box[0], box[1], box[2], box[3]), tone, weight, k.kernel(), k.size(),
                                k.timed().canvasSize(span), ResidualRenderer.partials(k.timed(), plan), k.strength(), progress, cancel), cancel);
            }
            renderer = blended;
            List<String> blurs = new ArrayList<>();
            pathWarnings.clear(); // the whole photo's path, a mix of the parts', is shown only in cells no part covers
            if (usesWhole) pathWarnings.addAll(pathWarnings("the whole photo's blur path", strength));
            for (int g = 0; g < kernels.size(); g++) {
                PartBlend.PartKernel k = kernels.get(g);
                partBlurs.add(new PartBlur(k.timed().trajectory(span, scale, 129), new BlurKernel(k.size(), k.kernel().clone(), scale)));
                double length = k.timed().trajectory(new Interval(-0.5, 0.5), scale, 65).length();
                blurs.add(String.format(Locale.ROOT, "%s, a %.0f px path", BlurPart.blurName(g), length));
                pathWarnings.addAll(pathWarnings(BlurPart.blurName(g) + "'s path", k.strength()));
            }
            warnings.add(BlurUniformityCheck.blendedWarning(uneven, blurs, (int) Math.round(blended.seam() * photo.width() / rw)));
        } else if (detailAsked && strength >= DETAIL_MIN_STRENGTH) {
            rw = detailSize(photo.width(), w, detailScale);
            rh = detailSize(photo.height(), h, detailScale);
            LinearImage detail = detailPicture(photo, rw, rh);
            DetailKernels drawn = new DetailKernels(timed, (double) rw / w, span);
            float[] tone = ResidualRenderer.toneOf(detail);
            renderer = new ResidualRenderer(detail, tone, deconvolutionWeight(detail, tone, Deconvolution.sharpenedShare(drawn.exposure(), drawn.canvas()), warnings), drawn.exposure(), drawn.canvas(),
                    drawn.canvas(), drawn.partials(plan.intervals()), strength, progress, cancel);
            warnings.add(detailWarning(w, h, rw, rh, photo));
        } else {
            if (detailAsked) warnings.add(detailSkipped("the blur path"));
            float[] tone = ResidualRenderer.toneOf(work, luminance);
            renderer = new ResidualRenderer(work, tone, deconvolutionWeight(work, luminance, tone, Deconvolution.sharpenedShare(kernel, ks), warnings), kernel, ks,
                    timed.canvasSize(span), ResidualRenderer.partials(timed, plan), strength, progress, cancel);
        }
        if (rw == w && scale < 1) {
            warnings.add(String.format(Locale.ROOT,
                    "worked at reduced resolution %dx%d (photo %dx%d): motion detail finer than %.1f photo pixels is not rendered",
                    w, h, photo.width(), photo.height(), 1 / scale));
        }
        long deconvMs = ms(td);
        long tr = System.nanoTime();
        // Frame by frame, all channels each, so the window shows frame 0 while the rest are rendered.
        float[][][] deltas = new float[plan.size()][][];
        List<LinearImage> frames = new FrameList(photo, deltas, rw, rh);
        for (int f = 0; f < plan.size(); f++) {
            cancel.throwIfCancelled();
            deltas[f] = renderer.residual(f);
            if (progress.wantsFrames()) progress.frame(f, frames.get(f), false);
        }
        long renderMs = ms(tr);
        warnings.addAll(pathWarnings);

        timings.put("estimateKernel", estimateMs);
        if (preview != null) timings.put("preview", previewMs);
        timings.put("uniformityCheckWait", uniformityMs); // the check ran beside the estimate, unless its global kernel exceeds 31 px
        timings.put("path", pathMs);
        timings.put("deconvolve", deconvMs);
        timings.put("render", renderMs);
        timings.put("total", ms(t0));
        BlurKernel blurKernel = estimate.toBlurKernel(scale);
        return new GenerationResult(frames, plan, Optional.of(blurKernel),
                Optional.of(timed.trajectory(span, scale, 129)), warnings, timings, unevenParts, partBlurs);
    }

    /** Pictures larger than this have their noise read on their central window of this size (speed, memory). */
    static final long NOISE_WINDOW_PIXELS = 4_000_000;

    /** Noise above this (share of white) is worth a word to the user; below it only the weight moves. */
    static final double NOISY = 0.017;
    /**
     * The deconvolution's data weight for a picture whose kernel stops {@code stopbandShare} of the frequencies
     * ({@link NoiseLevel#stopbandShare}), from the noise of what is deconvolved: the luminance of a grey or toned one
     * ({@code tone} non-null; {@code luminance} may be null, and is then worked out), else the noisiest colour channel (each
     * is deconvolved with this weight, and averaging three into a luminance hides part of their noise). A noisy picture is
     * said so in {@code warnings}.
     */
    static double deconvolutionWeight(LinearImage picture, float[] luminance, float[] tone, double stopbandShare, List<String> warnings) {
        if (!Deconvolution.sharpensNoise(stopbandShare)) return Deconvolution.DEFAULT_LAMBDA;
        int w = picture.width(), h = picture.height();
        double noise = 0;
        if (tone != null || picture.channels() == 1) {
            noise = NoiseLevel.clumped(luminance != null ? luminance : picture.luminance(), w, h);
        } else {
            for (int c = 0; c < picture.channels(); c++) noise = Math.max(noise, NoiseLevel.clumped(picture.plane(c), w, h));
        }
        if (noise > NOISY) {
            warnings.add(String.format(Locale.ROOT, "the photo is noisy or grainy (noise about %.1f%% of white): the blur was removed more gently,"
                    + " so that the frames do not sharpen the noise", 100 * noise));
        }
        return Deconvolution.weightFor(noise);
    }

    /** {@link #deconvolutionWeight(LinearImage, float[], float[], double, List)} of a picture, read on its central window when it is large. */
    static double deconvolutionWeight(LinearImage picture, float[] tone, double stopbandShare, List<String> warnings) {
        LinearImage window = picture;
        if (picture.pixelCount() > NOISE_WINDOW_PIXELS) {
            double f = Math.sqrt((double) NOISE_WINDOW_PIXELS / picture.pixelCount());
            int ww = (int) (picture.width() * f), wh = (int) (picture.height() * f);
            window = picture.crop((picture.width() - ww) / 2, (picture.height() - wh) / 2, ww, wh);
        }
        return deconvolutionWeight(window, null, tone, stopbandShare, warnings);
    }

    /** A side of the finer pass: the photo's own at a detail scale of 1 or more, else scaled, never below the working side. */
    private static int detailSize(int photoSide, int workingSide, double detailScale) {
        return detailScale >= 1 ? photoSide : Math.max(workingSide, (int) Math.round(photoSide * detailScale));
    }

    /** The photo at the finer pass's size: itself at full size. */
    private static LinearImage detailPicture(LinearImage photo, int rw, int rh) {
        return rw == photo.width() && rh == photo.height() ? photo : Resampling.resize(photo, rw, rh);
    }

    private static String detailWarning(int w, int h, int rw, int rh, LinearImage photo) {
        return String.format(Locale.ROOT, "estimated the blur at reduced resolution %dx%d and removed it at %s%dx%d (photo %dx%d)",
                w, h, rw == photo.width() ? "full resolution " : "", rw, rh, photo.width(), photo.height());
    }

    /** The largest {@code of} over the parts' kernels, and over the whole photo's where the blend uses it. */
    private static int largest(List<PartBlend.PartKernel> kernels, PartBlend.PartKernel whole, boolean usesWhole,
                               ToIntFunction<PartBlend.PartKernel> of) {
        int max = usesWhole ? of.applyAsInt(whole) : 0;
        for (PartBlend.PartKernel k : kernels) max = Math.max(max, of.applyAsInt(k));
        return max;
    }

    /** The largest {@link Deconvolution#sharpenedShare} of the kernels a blend renders with: it sets whether noise is read. */
    private static double largestStopbandShare(List<PartBlend.PartKernel> kernels, PartBlend.PartKernel whole, boolean usesWhole) {
        double max = usesWhole ? Deconvolution.sharpenedShare(whole.kernel(), whole.size()) : 0;
        for (PartBlend.PartKernel k : kernels) max = Math.max(max, Deconvolution.sharpenedShare(k.kernel(), k.size()));
        return max;
    }

    /** {@code k}'s path drawn thin at {@code factor} times the working size, as a part kernel of that size; the drawing goes in {@code drawn}. */
    private static PartBlend.PartKernel drawnKernel(PartBlend.PartKernel k, double factor, Interval span,
                                                    Map<PartBlend.PartKernel, DetailKernels> drawn) {
        DetailKernels d = new DetailKernels(k.timed(), factor, span);
        PartBlend.PartKernel out = new PartBlend.PartKernel(d.exposure(), d.canvas(), k.timed(), k.strength());
        drawn.put(out, d);
        return out;
    }

    /** The blur kernel of the working luminance: the one given, or estimated from the region given or the whole photo. */
    private KernelEstimator.Estimate estimateKernel(EngineOptions options, float[] luminance, int w, int h, LinearImage photo, double scale,
                                                    FramePreview preview, List<String> warnings, ProgressListener progress,
                                                    CancellationToken cancel) throws EngineException, CancelledException {
        KernelEstimator.LevelListener levels = preview == null ? KernelEstimator.LevelListener.NONE : preview;
        if (options.kernel().isPresent()) return givenKernel(options.kernel().get(), scale, w, h);
        if (options.region().isEmpty()) return estimator.estimate(luminance, w, h, options.kernelSize(), progress, cancel, levels);
        int[] r = workingRegion(options.region().get(), photo.width(), photo.height(), w, h);
        KernelEstimator.Estimate estimate = estimator.estimate(KernelOps.crop(luminance, w, r[0], r[1], r[2], r[3]), r[2], r[3],
                options.kernelSize(), progress, cancel, levels);
        EngineOptions.Region g = options.region().get();
        warnings.add(String.format(Locale.ROOT, "the blur was estimated from the region %d,%d,%d,%d only and applied to the whole photo",
                g.x(), g.y(), g.width(), g.height()));
        return estimate;
    }

    /**
     * A kernel the user gave, brought to the working resolution (its pixels scaled by working scale over its own
     * scale, bilinear, centre kept on the centre pixel); refused when it is too large for the picture.
     */
    static KernelEstimator.Estimate givenKernel(BlurKernel given, double workScale, int w, int h) throws EngineException {
        double factor = workScale / given.scale();
        int size = given.size();
        float[] k = given.values().clone();
        if (Math.abs(factor - 1) > 1e-6) {
            int ns = Math.max(3, KernelEstimator.nearestOdd(size * factor));
            k = Resample.resize(k, size, size, ns, ns);
            size = ns;
        }
        KernelOps.clampAndThreshold(k, 0);
        KernelOps.normalise(k, size);
        if (size > Math.min(w, h) / 2) {
            throw new EngineException(String.format(Locale.ROOT, "the given kernel (%d px at the working resolution) is too large for a %dx%d picture",
                    size, w, h));
        }
        return new KernelEstimator.Estimate(k, size, List.of("used the given " + given.size() + " px kernel; no blur was estimated"));
    }

    /**
     * {x, y, width, height} at the working resolution of a region given in photo pixels; refused when it leaves the
     * photo or is too small to estimate a blur on (the estimator wants three kernels' room).
     */
    static int[] workingRegion(EngineOptions.Region region, int photoW, int photoH, int w, int h) throws EngineException {
        if ((long) region.x() + region.width() > photoW || (long) region.y() + region.height() > photoH) {
            throw new EngineException(String.format(Locale.ROOT, "the region %d,%d,%d,%d reaches outside the %dx%d photo",
                    region.x(), region.y(), region.width(), region.height(), photoW, photoH));
        }
        // Each axis by its own rounded working size: one scale for both could put a bottom strip past the working height.
        double sx = (double) w / photoW, sy = (double) h / photoH;
        int x0 = (int) Math.floor(region.x() * sx), y0 = (int) Math.floor(region.y() * sy);
        int x1 = Math.min(w, (int) Math.ceil((region.x() + region.width()) * sx));
        int y1 = Math.min(h, (int) Math.ceil((region.y() + region.height()) * sy));
        int side = minRegionSide(photoW, photoH, w, h);
        if (x1 - x0 < MIN_REGION_SIDE || y1 - y0 < MIN_REGION_SIDE) {
            throw new EngineException("the region is too small to estimate a blur from: it needs at least " + side + "x" + side + " photo pixels");
        }
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** The working resolution {width, height} of a photo: its own up to {@code maxWorkingPixels}, else scaled down to that. */
    static int[] workingSize(int photoW, int photoH, long maxWorkingPixels) {
        double scale = Math.sqrt((double) maxWorkingPixels / ((double) photoW * photoH));
        if (scale >= 1.0) return new int[] {photoW, photoH};
        return new int[] {Math.max(1, (int) Math.round(photoW * scale)), Math.max(1, (int) Math.round(photoH * scale))};
    }

    /**
     * The smallest side, in photo pixels, of a region the blur can be estimated from ({@link EngineOptions#region()}) in
     * a photo of this size: what a window asks of the rectangle the user draws before a run refuses it.
     */
    public static int minRegionSide(int photoW, int photoH, long maxWorkingPixels) {
        int[] work = workingSize(photoW, photoH, maxWorkingPixels);
        return minRegionSide(photoW, photoH, work[0], work[1]);
    }

    /** {@link #minRegionSide(int, int, long)} for a photo worked at w x h: the larger of the two axes' needs. */
    private static int minRegionSide(int photoW, int photoH, int w, int h) {
        return (int) Math.max(Math.ceil(MIN_REGION_SIDE * (double) photoW / w), Math.ceil(MIN_REGION_SIDE * (double) photoH / h));
    }

    /** A finer pass must add at least this factor of resolution to be worth a second deconvolution. */
    public static final double MIN_DETAIL_GAIN = 1.2;

    /** How many times finer across than the working size a photo's own size is; 1 for a photo worked at its own size. */
    public static double fullDetailGain(int photoW, int photoH, long maxWorkingPixels) {
        return (double) photoW / workingSize(photoW, photoH, maxWorkingPixels)[0];
    }
    /** Below this motion strength the path is too doubtful to be drawn as a thin line and deconvolved with. */
    static final double DETAIL_MIN_STRENGTH = 0.5;

    /** Why a finer pass asked for was not run: {@code path} (the blur path, or a part's) is too doubtful to draw thin. */
    static String detailSkipped(String path) {
        return "the finer pass for detail was not run: " + path + " is too tangled or uncertain to draw thin at a finer size";
    }

    /** Smallest region side, in working pixels, that the estimator gets a kernel from (a 15 px blur needs 3 x 15 + margins). */
    static final int MIN_REGION_SIDE = 48;

    /**
     * How much of the rendered motion to show. A clean single stroke (thin about its centre line,
     * holding most of the kernel's mass) is shown in full; a tangle, whose time order a still
     * photo cannot tell, or a kernel whose mass is scattered (a doubtful estimate) fades towards
     * the photo itself, which is the least wrong guess when the motion is unknown. Thresholds
     * were set on synthetic smooth and shaky paths over the development images.
     */
    static double motionStrength(TimedKernel path) {
        return ramp(path.spread(), SPREAD_NONE, SPREAD_FULL) * ramp(path.coreMass(), CORE_MASS_NONE, CORE_MASS_FULL);
    }

    /** What the user should know of a path shown at this motion strength ({@link #motionStrength}); {@code path} names it. */
    static List<String> pathWarnings(String path, double strength) {
        if (strength == 0) {
            return List.of(path + " is tangled or uncertain, so its order in time cannot be read from the photo: frames show the photo without motion");
        }
        if (strength < 1) return List.of(String.format(Locale.ROOT, "%s is partly tangled or uncertain: motion shown at %.0f%% strength", path, 100 * strength));
        return List.of();
    }

    /** 0 at {@code zero}, 1 at {@code one}, linear between, clamped. */
    static double ramp(double v, double zero, double one) {
        return Math.max(0, Math.min(1, (v - zero) / (one - zero)));
    }

    static final double SPREAD_FULL = 0.7, SPREAD_NONE = 1.0;
    static final double CORE_MASS_FULL = 0.55, CORE_MASS_NONE = 0.25;

    private static long ms(long startNanos) { return (System.nanoTime() - startNanos) / 1_000_000; }

    /** Frames rendered on access: the photo plus the motion delta, enlarged when the engine worked small. */
    private static final class FrameList extends AbstractList<LinearImage> {
        private final LinearImage photo;
        private final float[][][] deltas;
        private final int dw, dh;

        FrameList(LinearImage photo, float[][][] deltas, int dw, int dh) {
            this.photo = photo;
            this.deltas = deltas;
            this.dw = dw;
            this.dh = dh;
        }

        @Override public int size() { return deltas.length; }

        @Override public LinearImage get(int index) { return ResidualRenderer.compose(photo, deltas[index], dw, dh); }
    }
}
