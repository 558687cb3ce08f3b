package org.tempora.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tempora.Version;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.Trajectory;
import org.tempora.export.Checksums;
import org.tempora.export.KernelPicture;
import org.tempora.export.RunRecord;
import org.tempora.export.StagedDirectory;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.simulate.BlurSimulator;
import org.tempora.simulate.CameraShake;
import org.tempora.simulate.SimulatedBlur;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Makes a blurred photo with ground-truth frames from a sharp one.",
                "Sub-frames along a camera path are averaged in linear light, as high-speed video datasets do.",
                "Writes DIR/blurred.png, DIR/truth/frame_0000.png ..., DIR/trajectory.csv, DIR/kernel.png, DIR/tempora.json."})
final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHARP", description = "A sharp photo.")
    Path sharpPath;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty, or an earlier output with --force).")
    Path out;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "7", description = "Ground-truth frames tiling the exposure (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--trajectory", paramLabel = "random|linear|FILE", defaultValue = "random",
            description = "Camera path: random shake (Boracchi and Foi 2012), a straight line, or a t,x,y CSV file. Default: ${DEFAULT-VALUE}.")
    String trajectory;

    @Option(names = "--length", paramLabel = "PX", description = "Path length in pixels (linear: default 4%% of the longer side; random: overrides --extent).")
    Double length;

    @Option(names = "--extent", paramLabel = "PX", description = "Random path: width of the blur, the larger side of the path's bounding box (default 4%% of the longer side).")
    Double extent;

    @Option(names = "--angle", paramLabel = "DEG", defaultValue = "0", description = "Direction of the linear path, degrees (default ${DEFAULT-VALUE}).")
    double angle;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0", description = "Gaussian noise added to the blurred photo, linear units (default ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--subframes", paramLabel = "N", defaultValue = "16", description = "Sub-frames averaged per frame (default ${DEFAULT-VALUE}).")
    int subframes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random path and noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace DIR if it holds an earlier Tempora output.")
    boolean force;

    @Override public Integer call() throws Exception {
        if (frames < 1 || frames > 512) throw new UsageException("--frames must be between 1 and 512, got " + frames);
        if (subframes < 1 || subframes > 256) throw new UsageException("--subframes must be between 1 and 256, got " + subframes);
        if (noise < 0 || noise > 0.5) throw new UsageException("--noise must be between 0 and 0.5, got " + noise);
        Photo sharp = PhotoReader.read(sharpPath);
        double reach = 0.25 * Math.min(sharp.width(), sharp.height());
        double len = length != null ? length : 0.04 * Math.max(sharp.width(), sharp.height());
        double ext = extent != null ? extent : 0.04 * Math.max(sharp.width(), sharp.height());
        if (len < 0 || ext < 0 || (length != null && len > 8 * reach) || ext > reach) {
            throw new UsageException(String.format(Locale.ROOT, "the path does not fit this %dx%d photo: use an --extent of 0 to %.0f pixels",
                    sharp.width(), sharp.height(), reach));
        }
        Trajectory path = switch (trajectory.toLowerCase(Locale.ROOT)) {
            case "random" -> length != null ? CameraShake.random(seed, len) : CameraShake.randomWithExtent(seed, ext);
            case "linear" -> {
                if (len > reach) throw new UsageException(String.format(Locale.ROOT, "--length %.0f does not fit this photo: use 0 to %.0f pixels", len, reach));
                yield CameraShake.linear(len, angle);
            }
            default -> {
                Path file = Path.of(trajectory);
                if (!Files.isRegularFile(file)) throw new UsageException("--trajectory must be random, linear or a CSV file; no file " + trajectory);
                yield CameraShake.fromFile(file);
            }
        };
        if (BlurSimulator.margin(path) * 2 + 8 > Math.min(sharp.width(), sharp.height())) {
            throw new UsageException("the camera path reaches beyond this " + sharp.width() + "x" + sharp.height() + " photo: use a shorter path");
        }
        SimulatedBlur sim = BlurSimulator.simulate(sharp.pixels(), path, frames, subframes, noise, seed);
        int bits = sharp.bitDepth() > 8 ? 16 : 8;
        try (StagedDirectory staged = StagedDirectory.open(out, force, sharpPath);
             CancelOnInterrupt hook = new CancelOnInterrupt(new org.tempora.engine.CancellationToken(), staged)) {
            Path dir = staged.path();
            PhotoWriter.writePng(sim.blurred(), dir.resolve("blurred.png"), bits);
            Files.createDirectory(dir.resolve("truth"));
            for (int i = 0; i < sim.truthFrames().size(); i++) {
                PhotoWriter.writePng(sim.truthFrames().get(i), dir.resolve("truth").resolve(String.format(Locale.ROOT, "frame_%04d.png", i)), bits);
            }
            CameraShake.write(path, dir.resolve("trajectory.csv"));
            int ks = 2 * BlurSimulator.margin(path) + 1;
            KernelPicture.write(new BlurKernel(ks, BlurSimulator.kernelImage(path, ks), 1.0), dir.resolve(KernelPicture.FILE));
            JsonObject rec = new JsonObject();
            rec.addProperty("format", "tempora-simulation/1");
            rec.addProperty("software", "Tempora " + Version.get());
            rec.addProperty("sharp", sharpPath.getFileName().toString());
            rec.addProperty("sharpSha256", Checksums.sha256(sharpPath));
            rec.addProperty("trajectory", trajectory);
            rec.addProperty("lengthPx", path.length());
            rec.addProperty("seed", seed);
            rec.addProperty("noiseSigma", noise);
            rec.addProperty("width", sim.blurred().width());
            rec.addProperty("height", sim.blurred().height());
            JsonArray iv = new JsonArray();
            for (Interval interval : FramePlans.present(frames).intervals()) {
                JsonArray pair = new JsonArray();
                pair.add(interval.start());
                pair.add(interval.end());
                iv.add(pair);
            }
            rec.add("truthIntervals", iv);
            RunRecord.write(rec, dir.resolve(StagedDirectory.MARKER));
            staged.commit();
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote a %dx%d blurred photo (path %.1f px) and %d truth frames to %s%n",
                sim.blurred().width(), sim.blurred().height(), path.length(), frames, out);
        return ExitCode.OK;
    }

}
