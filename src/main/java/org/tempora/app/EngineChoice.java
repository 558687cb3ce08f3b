package org.tempora.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tempora.diffusion.BundleException;
import org.tempora.diffusion.ModelBundle;
import org.tempora.engine.DeviceProbe;

/**
 * One entry of the window's engine list: whether it can run in this installation and, if not, why (shown to the
 * user beside the greyed entry). UI-agnostic.
 *
 * @param detail the model and where it runs, one short line for the user (shown under the list when chosen); "" for none
 * @param reason why the engine cannot run here and what to do; "" when it can
 * @param device where the engine would run, for the user
 * @param bundle the opened model bundle of the diffusion engine; empty for the classical engine and when unavailable
 */
public record EngineChoice(String id, String label, boolean available, String detail, String reason, String device,
                           Optional<ModelBundle> bundle) {
    public static final String CLASSICAL = "classical", DIFFUSION = "diffusion";
    /** The system property naming a models folder searched before the default ones (for users and tests). */
    public static final String MODELS_PROPERTY = "tempora.models";

    @Override public String toString() { return label; }

    /** The model's default number of sampling steps; 0 for an engine without steps. */
    public int defaultSteps() { return bundle.map(ModelBundle::defaultSteps).orElse(0); }

    /** What the entry's tooltip says: what the engine is, where it runs, and the bundle's folder; or why it cannot run. */
    public String tooltip() {
        if (!available) return reason;
        return bundle.map(b -> detail + " Bundle folder: " + b.folder() + ".")
                .orElse("Classical: built in, runs on the CPU; estimates the camera's path during the exposure, then renders its frames.");
    }

    /** Where bundles are looked for: {@code -Dtempora.models=DIR} if set, then {@link ModelBundle#DEFAULT_MODELS_FOLDERS}. */
    public static List<Path> modelsFolders() {
        List<Path> folders = new ArrayList<>();
        String given = System.getProperty(MODELS_PROPERTY);
        if (given != null && !given.isBlank()) folders.add(Path.of(given).toAbsolutePath().normalize());
        folders.addAll(ModelBundle.DEFAULT_MODELS_FOLDERS);
        return List.copyOf(folders);
    }

    /**
     * The engines this installation offers: the classical one, built in and run on the CPU, and the diffusion model when
     * a bundle in {@code folders} opens; otherwise the diffusion entry is greyed with what is wrong and what to do.
     */
    public static List<EngineChoice> catalog(List<Path> folders, DeviceProbe.Device device) {
        return List.of(classical(), diffusion(folders, device));
    }

    static EngineChoice classical() {
        // No detail line: the classical engine is always there and needs no explaining under the list (its tooltip does).
        return new EngineChoice(CLASSICAL, "Classical", true, "", "", "CPU", Optional.empty());
    }

    static EngineChoice diffusion(List<Path> folders, DeviceProbe.Device device) {
        // On the CPU a full-size step of the real model takes minutes: say so before the user waits for it.
        String where = device.gpu() ? "the GPU: " + device.description() : device.description() + ", slow: minutes per step at full size";
        Optional<Path> found = ModelBundle.find(folders);
        if (found.isEmpty()) {
            String places = folders.stream().map(Path::toString).collect(Collectors.joining(", "));
            return unavailable("no model bundle installed in " + (places.isEmpty() ? "any models folder" : places) + "; see models/README.md", where);
        }
        try {
            ModelBundle bundle = ModelBundle.open(found.get());
            String detail = String.format(java.util.Locale.ROOT, "Model %s %s (%s), runs on %s.", bundle.name(), bundle.version(),
                    bundle.dtype().jsonName(), where);
            return new EngineChoice(DIFFUSION, "Diffusion", true, detail, "", where, Optional.of(bundle));
        } catch (BundleException e) {
            return unavailable(oneLine(e.getMessage()), where);
        }
    }

    private static EngineChoice unavailable(String why, String where) {
        String reason = "Diffusion is unavailable: " + why + ". It would run on " + where + ".";
        return new EngineChoice(DIFFUSION, "Diffusion", false, reason, reason, where, Optional.empty());
    }

    /** Messages are one line by contract; a stray line break (a path, a parser's note) must not break the layout. */
    private static String oneLine(String message) {
        String text = message == null ? "the model bundle cannot be read" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
