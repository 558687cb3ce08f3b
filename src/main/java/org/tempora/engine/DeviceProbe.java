package org.tempora.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says which device a GPU engine would run on, without loading any native library: an NVIDIA driver lists its GPUs
 * under {@code /proc/driver/nvidia/gpus/}, and installs {@code nvidia-smi}; anything else means the CPU. The probe only
 * reads a few small files, so the window can ask on start.
 */
public final class DeviceProbe {
    /** What was found. {@code gpu} false means the CPU; {@code description} is one line for the user. */
    public record Device(boolean gpu, String description) {}

    private final Path procRoot;
    private final String searchPath;
    private final int cores;

    /**
     * @param procRoot the {@code /proc} folder (tests pass a fake one)
     * @param searchPath the {@code PATH} to look for {@code nvidia-smi} in (null or empty: none)
     * @param cores processor count to report for the CPU
     */
    public DeviceProbe(Path procRoot, String searchPath, int cores) {
        this.procRoot = procRoot;
        this.searchPath = searchPath == null ? "" : searchPath;
        this.cores = cores;
    }

    /** A probe of this machine. */
    public static DeviceProbe ofThisMachine() {
        return new DeviceProbe(Path.of("/proc"), System.getenv("PATH"), Runtime.getRuntime().availableProcessors());
    }

    public Device detect() {
        List<String> models = driverGpuModels();
        if (!models.isEmpty()) {
            String names = String.join(", ", models);
            return new Device(true, models.size() == 1 ? names : models.size() + " GPUs: " + names);
        }
        if (hasNvidiaSmi()) return new Device(true, "NVIDIA GPU (nvidia-smi found)");
        return new Device(false, "CPU (" + cores + (cores == 1 ? " core)" : " cores)"));
    }

    /** The "Model:" line of each GPU's information file; a GPU without one is still counted as "NVIDIA GPU". */
    private List<String> driverGpuModels() {
        Path gpus = procRoot.resolve("driver").resolve("nvidia").resolve("gpus");
        List<String> models = new ArrayList<>();
        if (!Files.isDirectory(gpus)) return models;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(gpus)) {
            for (Path gpu : entries) models.add(modelOf(gpu.resolve("information")));
        } catch (IOException e) {
            return models; // unreadable driver folder: report what was read, fall back to the other checks
        }
        models.sort(null);
        return models;
    }

    private static String modelOf(Path information) {
        try {
            for (String line : Files.readAllLines(information, StandardCharsets.UTF_8)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model:")) {
                    String model = line.substring("model:".length()).trim();
                    if (!model.isEmpty()) return model;
                }
            }
        } catch (IOException e) {
            // no readable information file: the folder alone shows the driver sees a GPU
        }
        return "NVIDIA GPU";
    }

    private boolean hasNvidiaSmi() {
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            try {
                Path tool = Path.of(dir, "nvidia-smi");
                if (Files.isRegularFile(tool) && Files.isExecutable(tool)) return true;
            } catch (InvalidPathException e) {
                // a malformed PATH entry names no folder
            }
        }
        return false;
    }
}
