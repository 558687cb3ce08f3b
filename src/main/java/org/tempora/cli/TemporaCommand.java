package org.tempora.cli;

import org.tempora.Version;
import picocli.CommandLine.Command;

@Command(name = "tempora",
        mixinStandardHelpOptions = true,
        versionProvider = TemporaCommand.VersionProvider.class,
        description = "Shows what a motion-blurred photograph saw: the frames of its exposure, before and after.",
        subcommands = {GenerateCommand.class, ExportCommand.class, SimulateCommand.class, ScoreCommand.class, FlowCommand.class, BenchmarkCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 engine or output failure, 130 cancelled."})
public final class TemporaCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"Tempora " + Version.get()}; }
    }
}
