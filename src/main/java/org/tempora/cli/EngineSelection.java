package org.tempora.cli;

import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.BundleException;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.engine.Engine;
import org.tempora.engine.EngineException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves {@code --engine classical|diffusion|auto} with {@code --model} and {@code --device} to an engine:
 * {@code auto} takes the diffusion model when a bundle is given or installed in a models folder, else the classical one.
 */
final class EngineSelection {
    private EngineSelection() {}

    static Engine resolve(String name, Path model, String device, List<Path> modelsFolders, Consumer<String> notes)
            throws EngineException {
        DeviceChoice choice = device(device);
        switch (name.toLowerCase(Locale.ROOT)) {
            case "classical" -> {
                if (model != null) throw new UsageException("--model is for the diffusion engine: add --engine diffusion (or auto)");
                return new ClassicalEngine();
            }
            case DiffusionEngine.ID -> {
                Path folder = model != null ? model : ModelBundle.find(modelsFolders).orElseThrow(() -> new UsageException(
                        "no model bundle is installed in " + describe(modelsFolders) + ": give one with --model DIR, or use --engine classical"));
                return diffusion(folder, choice);
            }
            case "auto" -> {
                Optional<Path> folder = model != null ? Optional.of(model) : ModelBundle.find(modelsFolders);
                if (folder.isPresent()) return diffusion(folder.get(), choice);
                notes.accept("no model bundle is installed in " + describe(modelsFolders) + ", so the classical engine runs");
                return new ClassicalEngine();
            }
            default -> throw new UsageException("unknown engine '" + name + "': use classical, diffusion or auto");
        }
    }

    private static Engine diffusion(Path folder, DeviceChoice choice) throws EngineException {
        return new DiffusionEngine(bundle(folder), choice);
    }

    /** {@code --device}'s value, a usage error when it names no device. */
    static DeviceChoice device(String spelling) {
        try {
            return DeviceChoice.parse(spelling);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The bundle in {@code folder}; a damaged or missing one is the engine's failure (exit 4) with the bundle's message. */
    static ModelBundle bundle(Path folder) throws EngineException {
        try {
            return ModelBundle.open(folder);
        } catch (BundleException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    static String describe(List<Path> folders) {
        if (folders.isEmpty()) return "any models folder";
        return folders.stream().map(Path::toString).reduce((a, b) -> a + " or " + b).orElse("");
    }
}
