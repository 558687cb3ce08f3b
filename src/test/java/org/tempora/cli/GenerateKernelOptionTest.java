package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.testutil.DevImages;

/** {@code generate --kernel FILE} and {@code --region X,Y,W,H}. */
class GenerateKernelOptionTest {
    @TempDir Path tmp;

    private Path simulated() {
        Path sim = tmp.resolve("sim");
        CliRun r = CliRun.of("simulate", DevImages.path("chelsea.png").toString(), "--out", sim.toString(), "--frames", "4",
                "--extent", "10", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        return sim;
    }

    @Test
    void theSimulatorsKernelPictureSkipsEstimation() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--frames", "4",
                "--kernel", sim.resolve("kernel.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("given"), r.err());
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals("kernel.png", rec.getAsJsonObject("options").get("kernelFile").getAsString());
    }

    @Test
    void anInvalidKernelIsRefusedWithOneLine() throws Exception {
        Path sim = simulated();
        Path bad = tmp.resolve("even.csv");
        Files.writeString(bad, "1 1\n1 1\n");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", tmp.resolve("o").toString(), "--kernel", bad.toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("odd"), r.err());
        assertFalse(Files.exists(tmp.resolve("o").resolve("tempora.json")));
    }

    @Test
    void aRegionIsParsedAndRecorded() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("reg");
        CliRun r = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--frames", "3",
                "--region", "10,10,200,150");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("region"), r.err());
        CliRun bad = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", tmp.resolve("bad").toString(), "--region", "1,2,3");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("X,Y,WIDTH,HEIGHT"), bad.err());
    }

    @Test
    void aBadDetailIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path sim = simulated();
        Path out = tmp.resolve("detail");
        CliRun bad = CliRun.of("generate", sim.resolve("blurred.png").toString(), "--out", out.toString(), "--detail", "lots");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("--detail takes megapixels"), bad.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void detailTakesMegapixelsFullOrZeroAndRefusesTheRest() {
        assertEquals(4_000_000L, GenerateCommand.parseDetail("4"));
        assertEquals(2_500_000L, GenerateCommand.parseDetail("2.5"));
        assertEquals(Long.MAX_VALUE, GenerateCommand.parseDetail("FULL"));
        assertEquals(0L, GenerateCommand.parseDetail("0"));
        for (String bad : new String[] {"-1", "lots", "NaN"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenerateCommand.parseDetail(bad));
            assertTrue(e.getMessage().contains("--detail"), e.getMessage());
        }
    }
}
