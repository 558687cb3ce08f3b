package org.tempora.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.engine.BlurKernel;
import org.tempora.engine.BlurPart;
import org.tempora.engine.PartBlur;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.Trajectory;
import org.tempora.image.LinearImage;
import org.tempora.image.Photo;
import org.tempora.image.PhotoReader;
import org.tempora.image.PhotoWriter;
import org.tempora.timeline.FramePlans;

/** tempora.json's record of a run: here, the parts of the photo the engine found blurred differently. */
class RunRecordTest {
    private static JsonObject record(Path dir, List<BlurPart> parts) throws Exception {
        return record(dir, parts, List.of());
    }

    private static JsonObject record(Path dir, List<BlurPart> parts, List<PartBlur> partBlurs) throws Exception {
        Path file = dir.resolve("photo.png");
        PhotoWriter.writePng(LinearImage.blank(8, 6, 1), file, 8);
        Photo photo = PhotoReader.read(file);
        GenerationResult result = new GenerationResult(List.of(LinearImage.blank(8, 6, 1)), FramePlans.present(1), Optional.empty(),
                Optional.empty(), List.of(), Map.of(), parts, partBlurs);
        return RunRecord.describe("test", "classical", "1.0", photo, "00", 0, Map.of(), result, List.of("frame_0000.png"));
    }

    @Test void unevenPartsAreListedWithTheNumberOfTheirBlur(@TempDir Path dir) throws Exception {
        JsonArray parts = record(dir, List.of(new BlurPart(0, 0, 4, 3, 0), new BlurPart(4, 0, 4, 3, 1), new BlurPart(0, 3, 8, 3, 0)))
                .getAsJsonArray("unevenBlurParts");
        assertEquals(3, parts.size());
        JsonObject second = parts.get(1).getAsJsonObject();
        assertEquals(4, second.get("x").getAsInt());
        assertEquals(0, second.get("y").getAsInt());
        assertEquals(4, second.get("width").getAsInt());
        assertEquals(3, second.get("height").getAsInt());
        assertEquals(1, second.get("blur").getAsInt());
        assertEquals(0, parts.get(2).getAsJsonObject().get("blur").getAsInt());
    }

    @Test void aUniformBlurListsNoParts(@TempDir Path dir) throws Exception {
        assertFalse(record(dir, List.of()).has("unevenBlurParts"));
        assertFalse(record(dir, List.of()).has("partPaths"));
    }

    @Test void partsRenderedWithTheirOwnBlurListTheirPathsAndKernels(@TempDir Path dir) throws Exception {
        Trajectory across = new Trajectory(List.of(new Trajectory.Sample(-0.5, -3, 0, 1), new Trajectory.Sample(0.5, 3, 0, 1)));
        Trajectory down = new Trajectory(List.of(new Trajectory.Sample(-0.5, 0, -2, 1), new Trajectory.Sample(0.5, 0, 2.25, 1)));
        BlurKernel three = new BlurKernel(3, new float[] {0, 0, 0, 1 / 3f, 1 / 3f, 1 / 3f, 0, 0, 0}, 1);
        BlurKernel five = new BlurKernel(5, new float[25], 0.5);
        JsonArray paths = record(dir, List.of(new BlurPart(0, 0, 4, 6, 0), new BlurPart(4, 0, 4, 6, 1)),
                List.of(new PartBlur(across, three), new PartBlur(down, five))).getAsJsonArray("partPaths");
        assertEquals(2, paths.size());
        JsonObject second = paths.get(1).getAsJsonObject();
        assertEquals(1, second.get("blur").getAsInt());
        assertEquals("kernel_B.png", second.getAsJsonObject("kernel").get("file").getAsString());
        assertEquals(5, second.getAsJsonObject("kernel").get("size").getAsInt());
        assertEquals(0.5, second.getAsJsonObject("kernel").get("workingScale").getAsDouble(), 0);
        assertEquals("kernel_A.png", paths.get(0).getAsJsonObject().getAsJsonObject("kernel").get("file").getAsString());
        JsonArray end = second.getAsJsonArray("samples").get(1).getAsJsonArray();
        assertEquals(0.5, end.get(0).getAsDouble(), 0);
        assertEquals(0.0, end.get(1).getAsDouble(), 0);
        assertEquals(2.25, end.get(2).getAsDouble(), 0);
    }
}
