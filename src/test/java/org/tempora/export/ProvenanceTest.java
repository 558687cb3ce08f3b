package org.tempora.export;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tempora.timeline.Interval;
import org.w3c.dom.Document;

class ProvenanceTest {
    @TempDir Path tmp;

    private Provenance fromRun(String engine) throws Exception {
        TestRuns.write(tmp.resolve(engine), tmp.resolve(engine + ".png"), 3, 40, 30, engine);
        JsonObject record = JsonParser.parseString(Files.readString(tmp.resolve(engine).resolve("tempora.json"))).getAsJsonObject();
        return Provenance.fromRunRecord(record, "Tempora test", "2025-02-03T04:05:06Z");
    }

    private static Document parse(String xmp) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void diffusionFramesAreTrainedAlgorithmicMediaWithModelAndSeed() throws Exception {
        Provenance p = fromRun("diffusion");
        String xmp = p.toXmp("video/mp4", -1);
        Document doc = parse(xmp);
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                doc.getElementsByTagNameNS(Provenance.IPTC_EXT_NS, "DigitalSourceType").item(0).getTextContent());
        assertEquals(p.sourceSha256(), doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "SourceSHA256").item(0).getTextContent());
        assertEquals("ab".repeat(32), doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "ModelSHA256").item(0).getTextContent());
        assertEquals("50", doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "Steps").item(0).getTextContent());
        assertEquals("7", doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "Seed").item(0).getTextContent());
        assertEquals(3, doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "Start").getLength());
        assertEquals("2025-02-03T04:05:06Z", doc.getElementsByTagNameNS("http://ns.adobe.com/xap/1.0/", "CreateDate").item(0).getTextContent());
        // the camera's facts are the source's: listed under tempora:SourceMetadata, never as the file's own tiff:/exif: properties
        assertFalse(xmp.contains("tiff:Make") || xmp.contains("exif:DateTimeOriginal"));
        assertTrue(xmp.contains("<tempora:Name>Make</tempora:Name><tempora:Value>Canon</tempora:Value>"));
    }

    @Test
    void classicalFramesAreAlgorithmicMediaAndOneFrameListsItsInterval() throws Exception {
        Provenance p = fromRun("classical");
        assertEquals(DigitalSourceType.ALGORITHMIC_MEDIA, p.digitalSourceType());
        Document doc = parse(p.toXmp("image/png", 1));
        assertEquals(1, doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "Start").getLength());
        assertEquals(-0.5 + 1.0 / 3, Double.parseDouble(doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "Start").item(0).getTextContent()), 1e-12);
        assertEquals(0, doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "ModelName").getLength());
    }

    @Test
    void jsonSidecarKeepsSourceFactsApartAndListsEveryInterval() throws Exception {
        Provenance p = fromRun("diffusion").withExposureSeconds(1 / 30.0);
        JsonObject output = new JsonObject();
        output.addProperty("file", "x.mp4");
        JsonObject json = p.toJson(output, List.of(0, 1, 2, 1));
        assertEquals("tempora-export/1", json.get("format").getAsString());
        assertEquals("Canon", json.getAsJsonObject("source").getAsJsonObject("metadata").get("Make").getAsString());
        assertEquals(1 / 30.0, json.getAsJsonObject("source").get("exposureSeconds").getAsDouble(), 1e-12);
        assertEquals(3, json.getAsJsonArray("frames").size());
        assertEquals(4, json.getAsJsonArray("playOrder").size());
        assertEquals("blur2vid", json.getAsJsonObject("model").get("name").getAsString());
        assertEquals("2025-01-02T03:04:05Z", json.get("generated").getAsString());
        assertTrue(json.getAsJsonObject("digitalSourceType").get("uri").getAsString().endsWith("/trainedAlgorithmicMedia"));
    }

    @Test
    void xmlSpecialCharactersAreEscaped() throws Exception {
        Provenance p = new Provenance("T", "2025-01-01T00:00:00Z", java.util.Optional.empty(), "classical", "1", "a<b>&\"c\".png", "00",
                java.util.Map.of("Model", "X & Y <1>"), OptionalDouble.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), 0, java.util.OptionalInt.empty(), List.of(Interval.EXPOSURE));
        Document doc = parse(p.toXmp("image/tiff", 0));
        assertEquals("a<b>&\"c\".png", doc.getElementsByTagNameNS(Provenance.TEMPORA_NS, "SourceName").item(0).getTextContent());
    }
}
