package org.tempora.cli;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tempora.app.TemporaApp;
import org.tempora.diffusion.ModelsFolderSetup;
import java.io.PrintWriter;
import org.tempora.engine.CancelledException;
import org.tempora.engine.EngineException;
import org.tempora.export.OutputRefusedException;
import org.tempora.image.UnreadablePhotoException;
import org.tempora.simulate.TrajectoryFileException;
import org.tempora.timeline.InvalidPlanException;
import picocli.CommandLine;

/** Entry point of target/tempora.jar: maps every failure a user can cause to one line and an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (wantsWindow(args)) {
            ModelsFolderSetup.forThisUser(); // first start: the folder a downloaded model bundle goes in
            try {
                TemporaApp.launch(args); // returns when the window closes
                System.exit(ExitCode.OK);
            } catch (IllegalStateException noDisplay) {
                System.err.println("tempora: " + noDisplay.getMessage());
                System.exit(ExitCode.USAGE);
            }
        }
        System.exit(run(args));
    }

    /** No arguments (or just a photo, as a file manager passes it) on a desktop opens the window. */
    static boolean wantsWindow(String[] args) {
        if (GraphicsEnvironment.isHeadless()) return false;
        return args.length == 0 || (args.length == 1 && !args[0].startsWith("-") && Files.isRegularFile(Path.of(args[0])));
    }

    /** Runs the command line without exiting. */
    public static int run(String... args) {
        try {
            return commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("tempora: out of memory; run with a larger heap (java -Xmx8g -jar ...) or use a smaller photo");
            return ExitCode.ENGINE_FAILURE;
        }
    }

    /** Runs the command line with its output captured, for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(String... args) {
        CommandLine cli = TemporaCommand.forArguments(args);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tempora: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE;
        });
        return cli;
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof UnreadablePhotoException || ex instanceof TrajectoryFileException) code = ExitCode.UNREADABLE_INPUT;
        else if (ex instanceof OutputRefusedException || ex instanceof InvalidPlanException || ex instanceof UsageException) code = ExitCode.USAGE;
        else if (ex instanceof CancelledException) code = ExitCode.CANCELLED;
        else if (ex instanceof EngineException) code = ExitCode.ENGINE_FAILURE;
        else if (ex instanceof IOException) {
            err.println("tempora: could not write the output: " + ex.getMessage() + " (check free disk space and permissions)");
            return ExitCode.ENGINE_FAILURE;
        } else {
            err.println("tempora: internal error: " + ex.getMessage() + " (please report it with the command you ran; TEMPORA_DEBUG=1 shows details)");
            if (System.getenv("TEMPORA_DEBUG") != null) ex.printStackTrace(err);
            return ExitCode.ENGINE_FAILURE;
        }
        err.println("tempora: " + ex.getMessage());
        return code;
    }
}
