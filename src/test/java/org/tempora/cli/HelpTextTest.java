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
        // picocli starts each element of a description array on a line of its own at the description column, wrapped
        // lines two further in: an option's sentence split over two elements breaks mid-sentence there
        int column = run.out().lines().filter(line -> line.startsWith("  -h, --help")).findFirst().orElseThrow().indexOf("Show");
        assertTrue(column > 0, run.out());
        java.util.List<String> lines = run.out().lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String previous = lines.get(i - 1).trim();
            boolean afterLongName = previous.startsWith("-") && !previous.contains("  "); // a description's own first line
            assertFalse(lines.get(i).matches(" {" + column + "}\\S.*") && !afterLongName, run.out());
        }
    }
}
