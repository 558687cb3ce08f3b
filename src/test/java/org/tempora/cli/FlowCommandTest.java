package org.tempora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.flow.EndPointError;
import org.tempora.flow.FloFile;
import org.tempora.flow.FlowField;
import org.tempora.image.PhotoWriter;
import org.tempora.testutil.DevImages;

/** 'tempora flow' end to end on a 3-frame clip whose content moves (2, 1) px per frame, and 'tempora score --flow'. */
class FlowCommandTest {
    @TempDir Path tmp;

    private static final int W = 96, H = 72;

    private Path clip(int frames) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("frames"));
        for (int k = 0; k < frames; k++) {
            PhotoWriter.writePng(DevImages.crop("astronaut.png", 200 - 2 * k, 200 - k, W, H), dir.resolve(String.format(Locale.ROOT, "f_%d.png", k)), 8);
        }
        return dir;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static double interiorEpe(FlowField f, float u, float v) {
        return EndPointError.of(f, FlowField.uniform(W, H, u, v), EndPointError.interior(W, H, 12)).mean();
    }

    @Test
    void consecutivePairsWithEveryView() throws IOException {
        Path frames = clip(3), out = tmp.resolve("out");
        CliRun r = CliRun.of("flow", frames.toString(), "--out", out.toString(), "--pair", "consecutive",
                "--view", "wheel,arrows,heat,mask,tracks", "--arrow-spacing", "12", "--arrow-scale", "2", "--track-spacing", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote 2 flows (medium"), r.out());
        assertEquals(new TreeSet<>(List.of("flow_0000_0001.flo", "flow_0001_0002.flo", "wheel_0000_0001.png", "wheel_0001_0002.png",
                "arrows_0000_0001.png", "arrows_0001_0002.png", "heat_0000_0001.png", "heat_0001_0002.png", "mask_0000_0001.png",
                "mask_0001_0002.png", "tracks.png", "wheel_legend.png", "heat_legend.png", "tempora.json")), names(out));
        for (String f : List.of("flow_0000_0001.flo", "flow_0001_0002.flo")) {
            FlowField flow = FloFile.read(out.resolve(f));
            assertEquals(W, flow.width());
            double epe = interiorEpe(flow, 2, 1);
            assertTrue(epe < 0.15, f + ": end-point error " + epe + " px");
        }
        assertEquals(W, ImageIO.read(out.resolve("arrows_0000_0001.png").toFile()).getWidth());
        JsonObject record = JsonParser.parseString(Files.readString(out.resolve("tempora.json"))).getAsJsonObject();
        assertEquals("tempora-flow/1", record.get("format").getAsString());
        assertEquals(2, record.getAsJsonArray("pairs").size());
        JsonObject tracks = record.getAsJsonObject("tracks");
        assertEquals(24, tracks.get("points").getAsInt()); // 6 x 4 whole cells of 16 px in 96 x 72
        assertTrue(tracks.get("followedToLastFrame").getAsInt() >= 12, tracks.toString()); // those not carried out of the frame
    }

    @Test
    void firstToLastByDefaultAndScoreAgainstTheTruth() throws IOException {
        Path frames = clip(3), out = tmp.resolve("out");
        CliRun r = CliRun.of("flow", frames.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(Set.of("flow_0000_0002.flo", "wheel_0000_0002.png", "wheel_legend.png", "tempora.json"), names(out));
        FlowField flow = FloFile.read(out.resolve("flow_0000_0002.flo"));
        assertTrue(interiorEpe(flow, 4, 2) < 0.15, "end-point error " + interiorEpe(flow, 4, 2));

        Path truth = tmp.resolve("truth.flo");
        FloFile.write(FlowField.uniform(W, H, 4, 2), truth);
        CliRun s = CliRun.of("score", "--flow", out.resolve("flow_0000_0002.flo").toString(), "--flow-reference", truth.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        JsonObject o = JsonParser.parseString(s.out()).getAsJsonObject();
        assertEquals(W * H, o.get("pixels").getAsInt());
        assertEquals(EndPointError.of(flow, FlowField.uniform(W, H, 4, 2)).mean(), o.get("flowEndPointErrorPx").getAsDouble(), 1e-12);
        CliRun self = CliRun.of("score", "--flow", truth.toString(), "--flow-reference", truth.toString());
        assertEquals(0, self.code(), self.err());
        assertTrue(self.out().contains("end-point error      0.0000 px"), self.out());
    }

    @Test
    void mistakesAreUsageErrorsWithOneLine() throws IOException {
        Path frames = clip(3), out = tmp.resolve("out");
        for (String[] args : List.of(
                new String[] {"--pair", "0:3"}, new String[] {"--pair", "1:1"}, new String[] {"--pair", "sideways"},
                new String[] {"--view", "wheel,colour"}, new String[] {"--arrow-spacing", "1"}, new String[] {"--preset", "best"})) {
            String[] all = Stream.concat(Stream.of("flow", frames.toString(), "--out", out.toString()), Stream.of(args)).toArray(String[]::new);
            CliRun r = CliRun.of(all);
            assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(out), "nothing written after a refused command");
        CliRun r = CliRun.of("flow", frames.toString(), "--out", out.toString(), "--pair", "0:3");
        assertTrue(r.err().contains("frames are numbered 0 to 2"), r.err());

        Path single = Files.createDirectories(tmp.resolve("single"));
        Files.copy(frames.resolve("f_0.png"), single.resolve("f_0.png"));
        CliRun one = CliRun.of("flow", single.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(ExitCode.USAGE, one.code());
        assertTrue(one.err().contains("at least 2 frames"), one.err());

        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy").resolve("notes.txt"), "mine");
        assertEquals(ExitCode.USAGE, CliRun.of("flow", frames.toString(), "--out", tmp.resolve("busy").toString()).code());
        assertEquals(ExitCode.UNREADABLE_INPUT, CliRun.of("flow", tmp.resolve("nowhere").toString(), "--out", out.toString()).code());
    }

    @Test
    void scoreFlowRefusesHalfOrMixedOptionsAndNonFlowFiles() throws IOException {
        Path a = tmp.resolve("a.flo");
        FloFile.write(FlowField.uniform(4, 4, 1, 0), a);
        assertEquals(ExitCode.USAGE, CliRun.of("score", "--flow", a.toString()).code());
        assertEquals(ExitCode.USAGE, CliRun.of("score", "--flow", a.toString(), "--flow-reference", a.toString(), "--pred", tmp.toString()).code());
        CliRun neither = CliRun.of("score");
        assertEquals(ExitCode.USAGE, neither.code());
        assertTrue(neither.err().contains("--pred and --truth") && neither.err().contains("--flow and --flow-reference"), neither.err());
        Path b = tmp.resolve("b.flo");
        FloFile.write(FlowField.uniform(5, 4, 1, 0), b);
        assertEquals(ExitCode.USAGE, CliRun.of("score", "--flow", a.toString(), "--flow-reference", b.toString()).code());
        Path text = tmp.resolve("text.flo");
        Files.writeString(text, "not a flow file at all");
        CliRun bad = CliRun.of("score", "--flow", a.toString(), "--flow-reference", text.toString());
        assertEquals(ExitCode.UNREADABLE_INPUT, bad.code());
        assertTrue(bad.err().contains("not a Middlebury .flo file"), bad.err());
        assertEquals(ExitCode.UNREADABLE_INPUT, CliRun.of("score", "--flow", a.toString(), "--flow-reference", tmp.resolve("missing.flo").toString()).code());
    }
}
