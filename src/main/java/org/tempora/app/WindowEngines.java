package org.tempora.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tempora.classical.ClassicalEngine;
import org.tempora.diffusion.DiffusionEngine;
import org.tempora.diffusion.ModelBundle;
import org.tempora.diffusion.runtime.DeviceChoice;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.Engine;

/**
 * The engines one window can switch between: the classical engine, and the diffusion engine, created on its first
 * selection (so a window that never uses it loads nothing) and kept until {@link #close()}. UI-agnostic.
 */
public final class WindowEngines implements AutoCloseable {
    private final List<EngineChoice> choices;
    private final Engine classical;
    private final Function<ModelBundle, Engine> makeDiffusion;
    private Engine diffusion;

    /**
     * @param choices the entries of the engine list ({@link EngineChoice#catalog})
     * @param makeDiffusion makes the diffusion engine from the chosen entry's bundle (tests wrap it)
     */
    public WindowEngines(List<EngineChoice> choices, Engine classical, Function<ModelBundle, Engine> makeDiffusion) {
        this.choices = List.copyOf(choices);
        this.classical = classical;
        this.makeDiffusion = makeDiffusion;
    }

    /** The engines of this installation: bundles from {@link EngineChoice#modelsFolders()}, the device this machine has. */
    public static WindowEngines forThisInstallation() {
        return new WindowEngines(EngineChoice.catalog(EngineChoice.modelsFolders(), DeviceProbe.ofThisMachine().detect()),
                new ClassicalEngine(), bundle -> new DiffusionEngine(bundle, DeviceChoice.AUTO));
    }

    public List<EngineChoice> choices() { return choices; }

    /** The entry with this id, if listed. */
    public Optional<EngineChoice> choice(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Engine classical() { return classical; }

    /**
     * The engine behind an available entry, creating the diffusion engine the first time it is asked for.
     *
     * @throws IllegalArgumentException for an entry that cannot run here
     */
    public synchronized Engine engineFor(EngineChoice choice) {
        if (!choice.available()) throw new IllegalArgumentException(choice.reason());
        if (choice.bundle().isEmpty()) return classical;
        if (diffusion == null) diffusion = makeDiffusion.apply(choice.bundle().get());
        return diffusion;
    }

    /** Closes the diffusion engine's sessions; call only once no generation runs on it any more. */
    @Override public synchronized void close() {
        if (diffusion instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("tempora: could not close the " + diffusion.id() + " engine (" + e.getMessage() + ")");
            }
        }
        diffusion = null;
    }
}
