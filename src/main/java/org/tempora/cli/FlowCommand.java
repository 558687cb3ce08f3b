package org.tempora.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tempora.Version;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineException;
import org.tempora.export.RunRecord;
import org.tempora.export.StagedDirectory;
import org.tempora.flow.Backdrop;
import org.tempora.flow.ConsistencyMask;
import org.tempora.flow.DisFlow;
import org.tempora.flow.FloFile;
import org.tempora.flow.FlowArrows;
import org.tempora.flow.FlowColorWheel;
import org.tempora.flow.FlowField;
import org.tempora.flow.FlowHeatMap;
import org.tempora.flow.FlowPair;
import org.tempora.flow.FlowPng;
import org.tempora.flow.FlowUnavailableException;
import org.tempora.flow.MaskPicture;
import org.tempora.flow.OpenCvLoader;
import org.tempora.flow.PairFlow;
import org.tempora.flow.PointTracks;
import org.tempora.image.FrameFolder;
import org.tempora.image.LinearImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Measures the motion between frames: dense optical flow (DIS) at the frames' resolution.",
                "Writes DIR/flow_I_J.flo for every pair (Middlebury format: pixels of displacement, x right, y down, from frame "
                + "I to J), the chosen views as PNG, and DIR/tempora.json; the folder appears only when complete."})
final class FlowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FRAMES_DIR", description = "A folder of frames (PNG, JPEG, TIFF, BMP), in file-name order, numbered from 0.")
    Path framesDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be new or empty, or an earlier output with --force).")
    Path out;

    @Option(names = "--pair", paramLabel = "first-last|consecutive|I:J", defaultValue = "first-last",
            description = "Which flows: first to last frame, each frame to the next, or frame I to frame J. Default: ${DEFAULT-VALUE}.")
    String pair;

    @Option(names = "--view", paramLabel = "VIEW", split = ",", defaultValue = "wheel",
            description = "Pictures to write, comma-separated: wheel (Middlebury colours, with wheel_legend.png), arrows, heat "
                    + "(speed, with heat_legend.png), mask (unreliable pixels in red), tracks (points followed through the clip: tracks.png). Default: ${DEFAULT-VALUE}.")
    List<String> views;

    @Option(names = "--arrow-spacing", paramLabel = "PX", defaultValue = "16", description = "Grid spacing of arrows, in pixels. Default: ${DEFAULT-VALUE}.")
    int arrowSpacing;

    @Option(names = "--arrow-scale", paramLabel = "S", defaultValue = "1", description = "Arrow length per pixel of motion. Default: ${DEFAULT-VALUE}.")
    double arrowScale;

    @Option(names = "--track-spacing", paramLabel = "PX", defaultValue = "24", description = "Grid spacing of tracked points, in pixels. Default: ${DEFAULT-VALUE}.")
    int trackSpacing;

    @Option(names = "--max-flow", paramLabel = "PX", defaultValue = "0",
            description = "Displacement shown at full colour in wheel and heat views; 0 uses the largest reliable one over all pairs (default).")
    double maxFlow;

    @Option(names = "--preset", paramLabel = "fast|medium|fine", defaultValue = "medium",
            description = "DIS accuracy against speed. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--force", description = "Replace DIR if it holds an earlier Tempora output.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    enum View { WHEEL, ARROWS, HEAT, MASK, TRACKS }

    @Override public Integer call() throws Exception {
        Set<View> chosen = parseViews();
        DisFlow dis;
        try {
            dis = new DisFlow(DisFlow.Preset.parse(preset));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--preset: " + e.getMessage());
        }
        if (arrowSpacing < 2) throw new UsageException("--arrow-spacing must be at least 2 pixels");
        if (!(arrowScale > 0)) throw new UsageException("--arrow-scale must be positive");
        if (trackSpacing < 1) throw new UsageException("--track-spacing must be at least 1 pixel");
        if (!(maxFlow >= 0)) throw new UsageException("--max-flow must be 0 (automatic) or a positive number of pixels");
        List<Path> files = FrameFolder.list(framesDir);
        List<FlowPair> pairs;
        try {
            pairs = FlowPair.parse(pair, files.size());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<LinearImage> frames = FrameFolder.read(framesDir);
        if (frames.get(0).width() < DisFlow.MIN_SIDE || frames.get(0).height() < DisFlow.MIN_SIDE) {
            throw new UsageException("frames of " + frames.get(0).width() + "x" + frames.get(0).height() + " are too small for optical flow: at least "
                    + DisFlow.MIN_SIDE + "x" + DisFlow.MIN_SIDE + " pixels");
        }
        try {
            OpenCvLoader.load();
        } catch (FlowUnavailableException e) {
            throw new EngineException(e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        CancellationToken cancel = new CancellationToken();
        try (StagedDirectory staged = StagedDirectory.open(out, force, framesDir);
             CancelOnInterrupt hook = new CancelOnInterrupt(cancel, staged)) {
            long t0 = System.nanoTime();
            List<PairFlow> flows = new ArrayList<>();
            for (FlowPair p : pairs) {
                cancel.throwIfCancelled();
                PairFlow f = PairFlow.compute(dis, frames, p);
                FloFile.write(f.forward(), staged.path().resolve("flow_" + p.stem() + ".flo"));
                flows.add(f);
            }
            double scale = maxFlow > 0 ? maxFlow : autoScale(flows);
            JsonObject record = header(files, dis, scale);
            JsonArray pairRecords = new JsonArray();
            for (PairFlow f : flows) {
                cancel.throwIfCancelled();
                pairRecords.add(writeViews(f, frames, chosen, scale, staged.path()));
            }
            record.add("pairs", pairRecords);
            if (chosen.contains(View.WHEEL)) FlowPng.write(FlowColorWheel.legend(256, scale), staged.path().resolve("wheel_legend.png"));
            if (chosen.contains(View.HEAT)) FlowPng.write(FlowHeatMap.legend(256, scale), staged.path().resolve("heat_legend.png"));
            if (chosen.contains(View.TRACKS)) record.add("tracks", writeTracks(dis, frames, flows, staged.path(), cancel));
            JsonObject timings = new JsonObject();
            timings.addProperty("flowAndWrite", (System.nanoTime() - t0) / 1_000_000);
            record.add("timingsMs", timings);
            RunRecord.write(record, staged.path().resolve(StagedDirectory.MARKER));
            cancel.throwIfCancelled();
            staged.commit();
            if (!quiet) {
                stdout.printf(Locale.ROOT, "wrote %d flow%s (%s, colour scale %.2f px, %.1f s) to %s%n", flows.size(), flows.size() == 1 ? "" : "s",
                        dis.preset().name().toLowerCase(Locale.ROOT), scale, (System.nanoTime() - t0) / 1e9, out);
            }
        }
        return ExitCode.OK;
    }

    private Set<View> parseViews() {
        Set<View> set = EnumSet.noneOf(View.class);
        for (String v : views) {
            String name = v.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            try {
                set.add(View.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown --view '" + v + "': use wheel, arrows, heat, mask or tracks (comma-separated)");
            }
        }
        return set;
    }

    /** The largest reliable displacement over all pairs: one scale makes the pairs' colours comparable. */
    private static double autoScale(List<PairFlow> flows) {
        double max = 0;
        for (PairFlow f : flows) max = Math.max(max, f.forward().maxMagnitude(f.mask().toArray()));
        return max > 0 ? max : 1;
    }

    private JsonObject header(List<Path> files, DisFlow dis, double scale) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "tempora-flow/1");
        root.addProperty("software", "Tempora " + Version.get());
        root.addProperty("created", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        root.addProperty("method", "DIS optical flow (OpenCV 4.9), preset " + dis.preset().name().toLowerCase(Locale.ROOT));
        root.addProperty("flowUnits", "pixels of displacement, x right, y down, from frame 'from' to frame 'to'");
        root.addProperty("consistency", "forward-backward check, Sundaram et al. 2010: |F + B(x+F)|^2 < "
                + ConsistencyMask.ALPHA + " (|F|^2 + |B|^2) + " + ConsistencyMask.BETA);
        root.addProperty("colourScalePx", scale);
        JsonArray names = new JsonArray();
        for (Path f : files) names.add(f.getFileName().toString());
        root.add("frames", names);
        return root;
    }

    private JsonObject writeViews(PairFlow f, List<LinearImage> frames, Set<View> chosen, double scale, Path dir) throws IOException {
        FlowField flow = f.forward();
        String stem = f.pair().stem();
        JsonObject o = new JsonObject();
        o.addProperty("from", f.pair().from());
        o.addProperty("to", f.pair().to());
        o.addProperty("flow", "flow_" + stem + ".flo");
        o.addProperty("meanDisplacementPx", flow.meanMagnitude());
        o.addProperty("maxReliableDisplacementPx", flow.maxMagnitude(f.mask().toArray()));
        o.addProperty("reliableFraction", f.mask().reliableFraction());
        JsonArray written = new JsonArray();
        BufferedImage backdrop = chosen.contains(View.ARROWS) || chosen.contains(View.MASK)
                ? Backdrop.of(frames.get(f.pair().from()), 0.5) : null;
        for (View v : chosen) {
            if (v == View.TRACKS) continue;
            String name = v.name().toLowerCase(Locale.ROOT) + "_" + stem + ".png";
            FlowPng.write(switch (v) {
                case WHEEL -> FlowColorWheel.render(flow, scale);
                case HEAT -> FlowHeatMap.render(flow, scale);
                case ARROWS -> FlowArrows.render(flow, f.mask(), backdrop, arrowSpacing, arrowScale);
                case MASK -> MaskPicture.render(f.mask(), backdrop);
                case TRACKS -> throw new IllegalStateException();
            }, dir.resolve(name));
            written.add(name);
        }
        o.add("views", written);
        return o;
    }

    /** Tracks follow the consecutive flows of the whole clip, whatever pairs were asked for; reused when they were. */
    private JsonObject writeTracks(DisFlow dis, List<LinearImage> frames, List<PairFlow> flows, Path dir, CancellationToken cancel)
            throws Exception {
        List<FlowField> steps = new ArrayList<>();
        List<ConsistencyMask> masks = new ArrayList<>();
        for (int k = 0; k + 1 < frames.size(); k++) {
            cancel.throwIfCancelled();
            PairFlow step = null;
            for (PairFlow f : flows) if (f.pair().equals(new FlowPair(k, k + 1))) step = f;
            if (step == null) step = PairFlow.compute(dis, frames, new FlowPair(k, k + 1));
            steps.add(step.forward());
            masks.add(step.mask());
        }
        LinearImage first = frames.get(0);
        List<PointTracks.Track> tracks = PointTracks.follow(steps, masks, PointTracks.grid(first.width(), first.height(), trackSpacing));
        FlowPng.write(PointTracks.render(tracks, Backdrop.of(frames.get(frames.size() - 1), 0.5), frames.size()), dir.resolve("tracks.png"));
        int complete = 0;
        for (PointTracks.Track t : tracks) if (t.end() == PointTracks.End.LAST_FRAME) complete++;
        JsonObject o = new JsonObject();
        o.addProperty("file", "tracks.png");
        o.addProperty("points", tracks.size());
        o.addProperty("followedToLastFrame", complete);
        return o;
    }
}
