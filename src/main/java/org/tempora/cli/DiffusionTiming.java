package org.tempora.cli;

import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.timeline.FramePlans;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the diffusion engine on a bundle: load, encode, time per sampling step, decode and a whole 16-frame generation,
 * plus the process's peak memory, so a user can see what a model costs on this machine before a real run.
 */
final class DiffusionTiming {
    private DiffusionTiming() {}

    static void run(ModelBundle bundle, DeviceChoice device, int steps, int runs, LinearImage photo, PrintWriter out) throws Exception {
        try (DiffusionEngine engine = new DiffusionEngine(bundle, device)) {
            long t0 = System.nanoTime();
            engine.load(ProgressListener.NONE, CancellationToken.none());
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "bundle %s %s: %dx%d, %d latent channels, %s, guidance %.2f%n", bundle.name(), bundle.version(),
                    bundle.width(), bundle.height(), bundle.latentChannels(), bundle.dtype().jsonName(), bundle.guidanceScale());
            out.printf(Locale.ROOT, "device: %s%n", engine.deviceDescription().orElse("?"));
            out.printf(Locale.ROOT, "load (checksums and sessions): %d ms%n", loadMs);
            EngineOptions options = EngineOptions.defaults().withSteps(steps);
            for (int run = 1; run <= runs; run++) {
                long g0 = System.nanoTime();
                GenerationResult r = engine.generate(new GenerationRequest(photo, FramePlans.present(16), run, options),
                        ProgressListener.NONE, CancellationToken.none());
                double total = (System.nanoTime() - g0) / 1e9;
                long sample = r.timingsMs().getOrDefault("sample", 0L);
                out.printf(Locale.ROOT, "run %d: encode %d ms, per step %.1f ms (%d steps), decode %d ms, whole generation %.2f s for 16 frames%n",
                        run, r.timingsMs().getOrDefault("encode", 0L), sample / (double) steps, steps,
                        r.timingsMs().getOrDefault("decode", 0L), total);
            }
            out.printf(Locale.ROOT, "peak resident memory of this process: %s%n", peakResident());
        }
    }

    /** VmHWM from /proc (Linux); elsewhere the JVM's heap in use. */
    static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%.0f MB Java heap in use", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
