package org.tempora.diffusion;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tempora.export.Checksums;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModelBundleTest {
    @TempDir Path dir;
    Path bundle;

    @BeforeEach
    void writeFiles() throws IOException {
        bundle = Files.createDirectories(dir.resolve("blur2vid"));
        Files.writeString(bundle.resolve("vae_encoder.onnx"), "encoder graph");
        Files.writeString(bundle.resolve("transformer.onnx"), "transformer graph");
        Files.writeString(bundle.resolve("transformer.onnx.data"), "transformer weights, gigabytes in real life");
        Files.createDirectories(bundle.resolve("decoders"));
        Files.writeString(bundle.resolve("decoders/vae_decoder.onnx"), "decoder graph");
        Files.writeString(bundle.resolve("decoders/preview.onnx"), "preview graph");
    }

    /** A manifest exactly per the contract, with the CogVideoX-2b scheduler config and the files' real SHA-256s. */
    JsonObject manifest() throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("format", "tempora-bundle/1");
        m.addProperty("name", "blur2vid-outsidephotos");
        m.addProperty("version", "1.0.0");
        m.addProperty("license", "Apache-2.0");
        m.addProperty("source", "https://huggingface.co/tedlasai/blur2vid");
        m.addProperty("width", 1280);
        m.addProperty("height", 720);
        m.addProperty("latent_channels", 16);
        m.addProperty("spatial_compression", 8);
        m.addProperty("temporal_compression", 4);
        m.addProperty("scaling_factor", 1.15258426);
        m.addProperty("frames", 16);
        m.addProperty("dtype", "float16");
        m.addProperty("guidance_scale", 1.0);
        m.addProperty("default_steps", 50);
        JsonObject s = new JsonObject();
        s.addProperty("num_train_timesteps", 1000);
        s.addProperty("beta_start", 0.00085);
        s.addProperty("beta_end", 0.012);
        s.addProperty("beta_schedule", "scaled_linear");
        s.addProperty("rescale_betas_zero_snr", true);
        s.addProperty("snr_shift_scale", 3.0);
        s.addProperty("timestep_spacing", "trailing");
        s.addProperty("set_alpha_to_one", true);
        s.addProperty("prediction_type", "v_prediction");
        m.add("scheduler", s);
        JsonObject files = new JsonObject();
        files.add("vae_encoder", entry("vae_encoder.onnx"));
        JsonObject t = entry("transformer.onnx");
        t.add("data", entry("transformer.onnx.data"));
        files.add("transformer", t);
        files.add("vae_decoder", entry("decoders/vae_decoder.onnx"));
        files.add("preview_decoder", entry("decoders/preview.onnx"));
        m.add("files", files);
        return m;
    }

    JsonObject entry(String relative) throws IOException {
        JsonObject e = new JsonObject();
        e.addProperty("path", relative);
        e.addProperty("sha256", Checksums.sha256(bundle.resolve(relative)));
        return e;
    }

    void write(JsonObject m) throws IOException {
        Files.writeString(bundle.resolve("bundle.json"), m.toString());
    }

    BundleException refused(JsonObject m) throws IOException {
        write(m);
        return assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
    }

    static JsonObject at(JsonObject m, String dotted) {
        JsonObject o = m;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) o = o.getAsJsonObject(parts[i]);
        return o;
    }

    static String leaf(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    static void assertOneLine(BundleException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void validBundleExposesEveryField() throws Exception {
        write(manifest());
        ModelBundle b = ModelBundle.open(bundle);
        assertEquals(bundle.toAbsolutePath().normalize(), b.folder());
        assertEquals("blur2vid-outsidephotos", b.name());
        assertEquals("1.0.0", b.version());
        assertEquals("Apache-2.0", b.license());
        assertEquals("https://huggingface.co/tedlasai/blur2vid", b.source());
        assertEquals(1280, b.width());
        assertEquals(720, b.height());
        assertEquals(16, b.latentChannels());
        assertEquals(8, b.spatialCompression());
        assertEquals(4, b.temporalCompression());
        assertEquals(1.15258426, b.scalingFactor());
        assertEquals(16, b.frames());
        assertEquals(ModelBundle.Dtype.FLOAT16, b.dtype());
        assertEquals(1.0, b.guidanceScale());
        assertEquals(50, b.defaultSteps());
        assertEquals(new SchedulerConfig(1000, 0.00085, 0.012, "scaled_linear", true, 3.0, "trailing", true, "v_prediction"),
                b.scheduler());
        assertEquals(bundle.resolve("vae_encoder.onnx"), b.vaeEncoder().path());
        assertEquals(Checksums.sha256(bundle.resolve("vae_encoder.onnx")), b.vaeEncoder().sha256());
        assertEquals("transformer", b.transformer().role());
        assertEquals(bundle.resolve("transformer.onnx.data"), b.transformer().data().orElseThrow().path());
        assertEquals(bundle.resolve("decoders/vae_decoder.onnx"), b.vaeDecoder().path());
        assertEquals(Optional.of(bundle.resolve("decoders/preview.onnx")), b.previewDecoder().map(ModelBundle.ModelFile::path));
        assertEquals(List.of("vae_encoder", "transformer", "vae_decoder", "preview_decoder"),
                b.files().stream().map(ModelBundle.ModelFile::role).toList());
        b.verifyChecksums();
    }

    @Test
    void optionalPartsMayBeAbsentAndHashesAnyCase() throws Exception {
        JsonObject m = manifest();
        m.getAsJsonObject("files").remove("preview_decoder");
        m.getAsJsonObject("files").getAsJsonObject("transformer").remove("data");
        JsonObject enc = m.getAsJsonObject("files").getAsJsonObject("vae_encoder");
        enc.addProperty("sha256", enc.get("sha256").getAsString().toUpperCase());
        m.addProperty("dtype", "float32");
        m.addProperty("width", 1280.0); // JSON has one number type: a whole 1280.0 is 1280
        write(m);
        ModelBundle b = ModelBundle.open(bundle);
        assertTrue(b.previewDecoder().isEmpty());
        assertTrue(b.transformer().data().isEmpty());
        assertEquals(ModelBundle.Dtype.FLOAT32, b.dtype());
        assertEquals(1280, b.width());
        b.verifyChecksums();
    }

    @Test
    void externalDataPathDefaultsToTheModelFileNamePlusData() throws Exception {
        JsonObject m = manifest();
        at(m, "files.transformer.data.path").remove("path");
        write(m);
        assertEquals(bundle.resolve("transformer.onnx.data"), ModelBundle.open(bundle).transformer().data().orElseThrow().path());
    }

    @Test
    void missingManifestNamesTheFileAndFolder() {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertEquals("bundle.json in " + bundle.toAbsolutePath() + " is missing; this folder is not a model bundle"
                + " (install one, or point --model at the folder holding bundle.json)", e.getMessage());
        BundleException noFolder = assertThrows(BundleException.class, () -> ModelBundle.open(dir.resolve("nowhere")));
        assertTrue(noFolder.getMessage().contains("nowhere does not exist"), noFolder.getMessage());
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Files.writeString(bundle.resolve("bundle.json"), "{\n  \"format\": \"tempora-bundle/1\",\n  \"name\": oops\n}");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("bundle.json in " + bundle.toAbsolutePath() + " is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "42", "{", "{\"format\": \"tempora-bundle/1\",}", "{} {}", "{/* comment */}",
            "{\"format\": \"tempora-bundle/1\"}", "{\"format\": 3}", "{\"format\": \"tempora-bundle/1\", \"files\": []}",
            "\u00ff\u00fe garbage"})
    void anyGarbageGivesABundleExceptionNeverARawOne(String text) throws IOException {
        Files.writeString(bundle.resolve("bundle.json"), text, StandardCharsets.ISO_8859_1);
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("bundle.json in " + bundle.toAbsolutePath()), e.getMessage());
        assertFalse(e.getMessage().contains("com.google") || e.getMessage().contains("Exception") || e.getMessage().contains("LENIENT"),
                "no library internals in a user's message: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"format", "name", "version", "license", "source", "width", "height", "latent_channels",
            "spatial_compression", "temporal_compression", "scaling_factor", "frames", "dtype", "guidance_scale",
            "default_steps", "scheduler", "scheduler.num_train_timesteps", "scheduler.beta_start", "scheduler.beta_end",
            "scheduler.beta_schedule", "scheduler.rescale_betas_zero_snr", "scheduler.snr_shift_scale",
            "scheduler.timestep_spacing", "scheduler.set_alpha_to_one", "scheduler.prediction_type", "files",
            "files.vae_encoder", "files.transformer", "files.vae_decoder", "files.vae_encoder.path",
            "files.transformer.sha256", "files.transformer.data.sha256"})
    void missingFieldIsNamedWithItsPath(String field) throws IOException {
        JsonObject m = manifest();
        at(m, field).remove(leaf(field));
        BundleException e = refused(m);
        assertOneLine(e);
        assertEquals("bundle.json in " + bundle.toAbsolutePath() + ": field '" + field
                + "' is missing; fix bundle.json or download the bundle again", e.getMessage());
    }

    @Test
    void wrongDtypeMessageIsExact() throws IOException {
        JsonObject m = manifest();
        m.addProperty("dtype", "int8");
        assertEquals("bundle.json in " + bundle.toAbsolutePath() + ": field 'dtype' must be \"float32\" or \"float16\", found \"int8\""
                + "; fix bundle.json or download the bundle again", refused(m).getMessage());
    }

    @Test
    void wrongTypesAndRangesAreNamed() throws IOException {
        Object[][] cases = {
                {"width", new JsonPrimitive("1280"), "field 'width' must be a whole number, found \"1280\""},
                {"width", new JsonPrimitive(1000), "field 'width' must be a multiple of 16"},
                {"height", new JsonPrimitive(-720), "field 'height' must be from 16 to 16384, found -720"},
                {"height", new JsonPrimitive(720.5), "field 'height' must be a whole number, found 720.5"},
                {"name", new JsonPrimitive(""), "field 'name' must not be empty"},
                {"name", new JsonPrimitive(7), "field 'name' must be a string, found 7"},
                {"spatial_compression", new JsonPrimitive(16), "field 'spatial_compression' must be 8"},
                {"temporal_compression", new JsonPrimitive(8), "field 'temporal_compression' must be 4"},
                {"frames", new JsonPrimitive(17), "field 'frames' must be 16"},
                {"scaling_factor", new JsonPrimitive(0), "field 'scaling_factor' must be greater than 0, found 0"},
                {"guidance_scale", new JsonPrimitive(0.5), "field 'guidance_scale' must be at least 1"},
                {"default_steps", new JsonPrimitive(0), "field 'default_steps' must be from 1 to 1000, found 0"},
                {"default_steps", new JsonPrimitive(1001), "field 'default_steps' must be from 1 to 1000, found 1001"},
                {"scheduler", new JsonArray(), "field 'scheduler' must be an object { ... }, found a list"},
                {"scheduler.rescale_betas_zero_snr", new JsonPrimitive("true"), "field 'scheduler.rescale_betas_zero_snr' must be true or false, found \"true\""},
                {"scheduler.beta_end", new JsonPrimitive(0.0001), "field 'scheduler.beta_end' must be greater than beta_start"},
                {"scheduler.timestep_spacing", new JsonPrimitive("Trailing"), "field 'scheduler.timestep_spacing' must be \"linspace\", \"leading\" or \"trailing\", found \"Trailing\""},
                {"scheduler.prediction_type", new JsonPrimitive("epsilon"), "field 'scheduler.prediction_type' must be \"v_prediction\", found \"epsilon\""},
                {"files.vae_decoder.sha256", new JsonPrimitive("abc"), "field 'files.vae_decoder.sha256' must be 64 hexadecimal digits, found \"abc\""},
        };
        for (Object[] c : cases) {
            JsonObject m = manifest();
            String field = (String) c[0];
            at(m, field).add(leaf(field), (com.google.gson.JsonElement) c[1]);
            BundleException e = refused(m);
            assertOneLine(e);
            assertTrue(e.getMessage().startsWith("bundle.json in " + bundle.toAbsolutePath() + ": " + c[2]), field + ": " + e.getMessage());
        }
    }

    @Test
    void unknownFormatIsRefusedNamingBothFormats() throws IOException {
        JsonObject m = manifest();
        m.addProperty("format", "tempora-bundle/2");
        BundleException e = refused(m);
        assertTrue(e.getMessage().contains("'format' is \"tempora-bundle/2\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"tempora-bundle/1\""), e.getMessage());
    }

    @Test
    void missingModelFileIsNamed() throws IOException {
        write(manifest());
        Files.delete(bundle.resolve("decoders/vae_decoder.onnx"));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertEquals("model bundle in " + bundle.toAbsolutePath() + ": file decoders/vae_decoder.onnx (files.vae_decoder.path)"
                + " is missing; download the bundle again or fix bundle.json", e.getMessage());
    }

    @Test
    void missingExternalDataIsNamed() throws IOException {
        write(manifest());
        Files.delete(bundle.resolve("transformer.onnx.data"));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertTrue(e.getMessage().contains("file transformer.onnx.data (files.transformer.data.path) is missing"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../transformer.onnx", "decoders/../../x.onnx", "..\\x.onnx", "/etc/passwd", "\\\\server\\share\\x.onnx",
            "C:\\models\\x.onnx", "c:x.onnx", ".", "decoders/..", "", "a\tb.onnx"})
    void pathsThatLeaveTheFolderAreRefused(String path) throws IOException {
        Files.writeString(dir.resolve("transformer.onnx"), "outside the bundle"); // exists, so only the escape can fail
        JsonObject m = manifest();
        m.getAsJsonObject("files").getAsJsonObject("transformer").addProperty("path", path);
        BundleException e = refused(m);
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("bundle.json in " + bundle.toAbsolutePath() + ": field 'files.transformer.path' "), e.getMessage());
    }

    @Test
    void modelFileOverTwoGigabytesWithoutExternalDataIsRefused() throws IOException {
        JsonObject m = manifest();
        m.getAsJsonObject("files").getAsJsonObject("transformer").remove("data");
        write(m);
        try (RandomAccessFile f = new RandomAccessFile(bundle.resolve("transformer.onnx").toFile(), "rw")) {
            f.setLength(ModelBundle.SINGLE_FILE_LIMIT + 1); // sparse: no disk space used
        }
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(bundle));
        assertTrue(e.getMessage().contains("transformer.onnx is 2.1 GB, over ONNX's 2 GB single-file limit; export it with external data"
                + " and list that file under 'files.transformer.data'"), e.getMessage());
    }

    @Test
    void wrongHashSaysTheDownloadIsDamaged() throws Exception {
        write(manifest());
        Files.writeString(bundle.resolve("transformer.onnx.data"), "transformer weightz, gigabytes in real life");
        ModelBundle b = ModelBundle.open(bundle);
        BundleException e = assertThrows(BundleException.class, b::verifyChecksums);
        assertOneLine(e);
        String actual = Checksums.sha256(bundle.resolve("transformer.onnx.data"));
        String expected = b.transformer().data().orElseThrow().sha256();
        assertEquals("model bundle in " + bundle.toAbsolutePath() + ": transformer.onnx.data is damaged (its SHA-256 is " + actual
                + ", bundle.json expects " + expected + "); the download is incomplete or corrupt, download this file again", e.getMessage());
        // the files checked before the damaged one are remembered; the damaged one is not
        String cache = Files.readString(bundle.resolve(".verified"));
        assertTrue(cache.contains("\ttransformer.onnx\n"), cache);
        assertFalse(cache.contains("transformer.onnx.data"), cache);
    }

    @Test
    void fileDeletedAfterOpenIsNamedByVerify() throws Exception {
        write(manifest());
        ModelBundle b = ModelBundle.open(bundle);
        Files.delete(bundle.resolve("decoders/preview.onnx"));
        BundleException e = assertThrows(BundleException.class, b::verifyChecksums);
        assertTrue(e.getMessage().contains("file decoders/preview.onnx listed in bundle.json is missing"), e.getMessage());
    }

    /**
     * The cache's contract: a file is trusted while its size and modification time match what was verified, so
     * rewriting it in place with the same size and the same time is NOT noticed, while touching its time is.
     */
    @Test
    void checksumsAreVerifiedOnceAndRememberedByPathSizeTimeAndHash() throws Exception {
        write(manifest());
        List<Path> hashed = new ArrayList<>();
        ModelBundle first = ModelBundle.open(bundle);
        first.verifyChecksums(hashed::add);
        assertEquals(5, hashed.size(), "encoder, transformer, its data, decoder, preview");
        List<String> lines = Files.readAllLines(bundle.resolve(".verified"));
        assertEquals(6, lines.size(), "header and one line per file: " + lines);
        assertTrue(lines.contains(Checksums.sha256(bundle.resolve("decoders/vae_decoder.onnx")) + "\t"
                + Files.size(bundle.resolve("decoders/vae_decoder.onnx")) + "\t"
                + Files.getLastModifiedTime(bundle.resolve("decoders/vae_decoder.onnx")) + "\tdecoders/vae_decoder.onnx"), lines.toString());

        hashed.clear();
        first.verifyChecksums(hashed::add);
        assertEquals(List.of(), hashed, "same object: nothing hashed again");
        ModelBundle second = ModelBundle.open(bundle);
        second.verifyChecksums(hashed::add);
        assertEquals(List.of(), hashed, "new object: remembered through .verified");

        Path decoder = bundle.resolve("decoders/vae_decoder.onnx");
        FileTime time = Files.getLastModifiedTime(decoder);
        Files.writeString(decoder, "decoder graPH"); // same size
        Files.setLastModifiedTime(decoder, time);
        ModelBundle third = ModelBundle.open(bundle);
        third.verifyChecksums(hashed::add);
        assertEquals(List.of(), hashed, "same size and time: trusted, by contract");

        Files.setLastModifiedTime(decoder, FileTime.fromMillis(time.toMillis() + 2000));
        BundleException e = assertThrows(BundleException.class, () -> third.verifyChecksums(hashed::add));
        assertEquals(List.of(decoder), hashed);
        assertTrue(e.getMessage().contains("decoders/vae_decoder.onnx is damaged"), e.getMessage());
        assertFalse(Files.readString(bundle.resolve(".verified")).contains("vae_decoder"), "a damaged file is forgotten");
    }

    @Test
    void changedManifestHashIsCheckedAgain() throws Exception {
        write(manifest());
        ModelBundle.open(bundle).verifyChecksums();
        Files.writeString(bundle.resolve("vae_encoder.onnx"), "encoder graph v2");
        write(manifest()); // the new file with its new hash: size and time changed too, but the hash alone would do
        List<Path> hashed = new ArrayList<>();
        ModelBundle.open(bundle).verifyChecksums(hashed::add);
        assertEquals(List.of(bundle.resolve("vae_encoder.onnx")), hashed);
    }

    @Test
    void garbledCacheFileOnlyCostsARehash() throws Exception {
        write(manifest());
        Files.writeString(bundle.resolve(".verified"), "not\ta\tcache\nzz\t1\t2\tx\n" + "0".repeat(64) + "\tNaN\tt\tvae_encoder.onnx\n");
        List<Path> hashed = new ArrayList<>();
        ModelBundle.open(bundle).verifyChecksums(hashed::add);
        assertEquals(5, hashed.size());
    }

    @Test
    void readOnlyFolderRemembersInMemoryOnly() throws Exception {
        write(manifest());
        assumeTrue(Files.getFileStore(bundle).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(bundle, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(bundle), "running as a user who may write anyway (root)");
            List<Path> hashed = new ArrayList<>();
            ModelBundle b = ModelBundle.open(bundle);
            b.verifyChecksums(hashed::add);
            assertEquals(5, hashed.size());
            assertFalse(Files.exists(bundle.resolve(".verified")));
            hashed.clear();
            b.verifyChecksums(hashed::add);
            assertEquals(List.of(), hashed, "remembered in memory");
            ModelBundle.open(bundle).verifyChecksums(hashed::add);
            assertEquals(5, hashed.size(), "a new object has no memory of it");
        } finally {
            Files.setPosixFilePermissions(bundle, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Runs as root too: a folder named .verified cannot be replaced by the cache file, like a read-only install. */
    @Test
    void unwritableCacheFallsBackToMemory() throws Exception {
        write(manifest());
        Files.createDirectories(bundle.resolve(".verified"));
        Files.writeString(bundle.resolve(".verified/keep"), "in the way");
        List<Path> hashed = new ArrayList<>();
        ModelBundle b = ModelBundle.open(bundle);
        b.verifyChecksums(hashed::add);
        assertEquals(5, hashed.size());
        hashed.clear();
        b.verifyChecksums(hashed::add);
        assertEquals(List.of(), hashed, "remembered in memory");
        try (var left = Files.list(bundle)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".part")).toList(), "no temporary file left");
        }
        ModelBundle.open(bundle).verifyChecksums(hashed::add);
        assertEquals(5, hashed.size(), "a new object has no memory of it");
    }

    @Test
    void findReturnsTheFirstFolderWithABundleManifest() throws IOException {
        write(manifest());
        Path empty = Files.createDirectories(dir.resolve("empty-models"));
        Path models = dir;                               // holds blur2vid/ (a bundle) and others
        Files.createDirectories(dir.resolve("a-not-a-bundle"));
        Path otherFormat = Files.createDirectories(dir.resolve("0-other"));
        Files.writeString(otherFormat.resolve("bundle.json"), "{\"format\": \"someone-else/3\"}");
        assertEquals(Optional.of(bundle.toAbsolutePath()), ModelBundle.find(List.of(dir.resolve("absent"), empty, models)));
        assertEquals(Optional.of(bundle.toAbsolutePath()), ModelBundle.find(List.of(bundle)), "a models folder may itself be the bundle");
        assertEquals(Optional.empty(), ModelBundle.find(List.of(empty, dir.resolve("absent"))));

        // a damaged but recognisable bundle is still found, so opening it can say what is wrong
        JsonObject broken = manifest();
        broken.remove("dtype");
        write(broken);
        assertEquals(Optional.of(bundle.toAbsolutePath()), ModelBundle.find(List.of(models)));
    }

    @Test
    void defaultModelsFolders() {
        String home = "/home/ada";
        assertEquals(Optional.of(Path.of(home, ".local", "share", "tempora", "models")),
                BundleFolders.userFolder("Linux", Map.of(), home));
        assertEquals(Optional.of(Path.of("/data/xdg", "tempora", "models")),
                BundleFolders.userFolder("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), home));
        assertEquals(Optional.of(Path.of(home, ".local", "share", "tempora", "models")),
                BundleFolders.userFolder("Linux", Map.of("XDG_DATA_HOME", "relative/xdg"), home), "relative XDG value is ignored");
        assertEquals(Optional.of(Path.of(home, "Library", "Application Support", "Tempora", "models")),
                BundleFolders.userFolder("Mac OS X", Map.of(), home));
        assertEquals(Optional.of(Path.of("R:/roaming", "Tempora", "models")),
                BundleFolders.userFolder("Windows 11", Map.of("APPDATA", "R:/roaming"), home));
        assertEquals(Optional.of(Path.of("/opt/tempora/models")), BundleFolders.modelsBeside(Path.of("/opt/tempora/lib/tempora.jar")));
        assertFalse(ModelBundle.DEFAULT_MODELS_FOLDERS.isEmpty());
        assertTrue(ModelBundle.DEFAULT_MODELS_FOLDERS.stream().allMatch(p -> p.endsWith("models")), ModelBundle.DEFAULT_MODELS_FOLDERS.toString());
    }
}
