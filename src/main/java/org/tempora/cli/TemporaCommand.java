package org.tempora.cli;

import java.util.List;
import org.tempora.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "tempora",
        mixinStandardHelpOptions = true,
        versionProvider = TemporaCommand.VersionProvider.class,
        description = "Shows what a motion-blurred photograph saw: the frames of its exposure, before and after.",
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 engine or output failure, 130 cancelled."})
public final class TemporaCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** The subcommands' names, in help order. */
    static final List<String> SUBCOMMANDS = List.of("generate", "export", "simulate", "score", "flow", "benchmark");

    /** A new instance of a subcommand; a switch rather than constructor references, which would load every class. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "generate" -> new GenerateCommand();
            case "export" -> new ExportCommand();
            case "simulate" -> new SimulateCommand();
            case "score" -> new ScoreCommand();
            case "flow" -> new FlowCommand();
            case "benchmark" -> new BenchmarkCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name only that one is added, which
     * saves building the others' models at start-up; anything else (help, a typo to suggest a fix for) gets all.
     */
    static CommandLine forArguments(String... args) {
        CommandLine cli = new CommandLine(new TemporaCommand());
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            cli.addSubcommand(args[0], subcommand(args[0]));
        } else {
            for (String name : SUBCOMMANDS) cli.addSubcommand(name, subcommand(name));
        }
        return cli;
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"Tempora " + Version.get()}; }
    }
}
