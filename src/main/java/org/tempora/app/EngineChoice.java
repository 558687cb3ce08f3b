package org.tempora.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tempora.engine.DeviceProbe;

/**
 * One entry of the window's engine list: whether it can run in this installation and, if not, why (shown to the
 * user beside the greyed entry). UI-agnostic.
 *
 * @param device where the engine would run, for the user
 */
public record EngineChoice(String id, String label, boolean available, String reason, String device) {
    public static final String CLASSICAL = "classical", DIFFUSION = "diffusion";

    @Override public String toString() { return label; }

    /** The folder model bundles are installed in: {@code -Dtempora.models=DIR}, else {@code models} in the working folder. */
    public static Path modelsFolder() {
        return Path.of(System.getProperty("tempora.models", "models")).toAbsolutePath().normalize();
    }

    /**
     * The engines this version offers: the classical one, built in and run on the CPU, and the diffusion model,
     * which this version does not include yet; its reason says so and whether a bundle waits in {@code models}.
     */
    public static List<EngineChoice> catalog(Path models, DeviceProbe.Device device) {
        String onDevice = device.gpu() ? "It would run on the GPU: " + device.description() + "." : "It would run on the " + device.description()
                + " (no NVIDIA GPU found), which is slow.";
        String bundle = hasBundle(models) ? "a model bundle is in " + models + ", but this version of Tempora does not include the diffusion engine"
                : "no model bundle is installed in " + models + ", and this version of Tempora does not include the diffusion engine";
        return List.of(
                new EngineChoice(CLASSICAL, "Classical", true, "", "CPU"),
                new EngineChoice(DIFFUSION, "Diffusion", false, "Diffusion is unavailable: " + bundle + ". " + onDevice, device.description()));
    }

    /** Whether {@code models} holds at least one bundle folder (its README alone is not a bundle). */
    static boolean hasBundle(Path models) {
        if (!Files.isDirectory(models)) return false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(models, Files::isDirectory)) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return false; // an unreadable folder offers no bundle
        }
    }
}
