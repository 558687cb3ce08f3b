package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every command's --help: printed whole, without picocli's complaints about its own format strings. */
class HelpTextTest {
    static final java.util.List<String> COMMANDS = TemporaCommand.SUBCOMMANDS;

    @ParameterizedTest
    @FieldSource("COMMANDS")
    void helpIsFormattedCleanly(String command) {
        PrintStream saved = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        CliRun run;
        // picocli reports a bad format string (a lone '%') on System.err, not on the command line's err writer
        System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
        try {
            run = CliRun.of(command, "--help");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, run.code(), run.err());
        assertEquals("", traced.toString(StandardCharsets.UTF_8));
        assertTrue(run.out().startsWith("Usage: tempora " + command), run.out());
        assertFalse(run.out().contains("%n"), run.out());
    }

    /**
     * picocli starts each string of a description array on a line of its own: a sentence split over two strings
     * breaks mid-line there. Every string of the command's and its options' descriptions ends a sentence.
     */
    @ParameterizedTest
    @FieldSource("COMMANDS")
    void descriptionsAreWholeSentences(String command) {
        picocli.CommandLine.Model.CommandSpec spec = TemporaCommand.forArguments(command).getSubcommands().get(command).getCommandSpec();
        java.util.List<String> paragraphs = new java.util.ArrayList<>(java.util.List.of(spec.usageMessage().description()));
        spec.options().forEach(o -> paragraphs.addAll(java.util.List.of(o.description())));
        spec.positionalParameters().forEach(o -> paragraphs.addAll(java.util.List.of(o.description())));
        for (String p : paragraphs) assertTrue(p.strip().matches("(?s).*[.!?]\\)?"), command + ": \"" + p + "\"");
    }
}
