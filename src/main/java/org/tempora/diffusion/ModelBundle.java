package org.tempora.diffusion;

import org.tempora.export.Checksums;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A model bundle folder as issue 4 section 1 defines it: {@code bundle.json} plus the ONNX files it lists.
 * {@link #open} checks the manifest field by field and that every listed file is present inside the folder;
 * {@link #verifyChecksums} checks their SHA-256 once and remembers it.
 */
public final class ModelBundle {
    public static final String FORMAT = "tempora-bundle/1";
    public static final String MANIFEST = "bundle.json";
    /** ONNX models are protocol buffers, which cannot exceed 2 GiB; bigger weights go in an external-data file. */
    static final long SINGLE_FILE_LIMIT = Integer.MAX_VALUE;

    /** Where bundles are looked for, in order: {@code models/} beside the program, then the per-user models folder. */
    public static final List<Path> DEFAULT_MODELS_FOLDERS = BundleFolders.defaults();

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** Element type of the transformer's {@code hidden_states} and {@code sample}. */
    public enum Dtype {
        FLOAT32("float32"), FLOAT16("float16");

        private final String jsonName;

        Dtype(String jsonName) { this.jsonName = jsonName; }

        public String jsonName() { return jsonName; }
    }

    /** An external-data file holding a model's weights beside its graph. */
    public record DataFile(Path path, String sha256) {}

    /** One ONNX file of the bundle; {@code role} is its key under {@code files} ("transformer", ...). */
    public record ModelFile(String role, Path path, String sha256, Optional<DataFile> data) {}

    private final Path folder;
    private final String name;
    private final String version;
    private final String license;
    private final String source;
    private final int width;
    private final int height;
    private final int latentChannels;
    private final int spatialCompression;
    private final int temporalCompression;
    private final double scalingFactor;
    private final int frames;
    private final Dtype dtype;
    private final double guidanceScale;
    private final int defaultSteps;
    private final SchedulerConfig scheduler;
    private final ModelFile vaeEncoder;
    private final ModelFile transformer;
    private final ModelFile vaeDecoder;
    private final Optional<ModelFile> previewDecoder;

    // what this instance has verified, seeded from .verified; also the only memory when the folder is read-only
    private Map<String, BundleVerifiedCache.Stamp> verified;
    private boolean cacheUnwritable;

    private ModelBundle(Path folder, BundleJson json) throws BundleException {
        this.folder = folder;
        String format = json.string("format");
        if (!format.equals(FORMAT)) {
            throw new BundleException(json.where() + ": field 'format' is \"" + format + "\" but this version of Tempora reads \""
                    + FORMAT + "\"; install a bundle made for it (or a newer Tempora)");
        }
        name = json.nonEmptyString("name");
        version = json.nonEmptyString("version");
        license = json.nonEmptyString("license");
        source = json.nonEmptyString("source");
        width = multipleOf16(json, "width");
        height = multipleOf16(json, "height");
        latentChannels = json.integer("latent_channels", 1, 4096);
        spatialCompression = json.exactly("spatial_compression", 8);
        temporalCompression = json.exactly("temporal_compression", 4);
        scalingFactor = json.positiveNumber("scaling_factor");
        frames = json.exactly("frames", 16);
        dtype = json.oneOf("dtype", List.of("float32", "float16")).equals("float32") ? Dtype.FLOAT32 : Dtype.FLOAT16;
        guidanceScale = json.number("guidance_scale");
        if (guidanceScale < 1) throw json.reject("guidance_scale", "must be at least 1 (1 means no guidance)");
        defaultSteps = json.integer("default_steps", 1, 1000);
        scheduler = scheduler(json.object("scheduler"));
        if (defaultSteps > scheduler.numTrainTimesteps()) {
            throw json.problem("default_steps", "(" + defaultSteps + ") must not exceed scheduler.num_train_timesteps (" + scheduler.numTrainTimesteps() + ")");
        }
        BundleJson files = json.object("files");
        vaeEncoder = modelFile(files, "vae_encoder");
        transformer = modelFile(files, "transformer");
        vaeDecoder = modelFile(files, "vae_decoder");
        previewDecoder = files.has("preview_decoder") ? Optional.of(modelFile(files, "preview_decoder")) : Optional.empty();
    }

    /** Reads and checks {@code folder/bundle.json} and the presence of every file it lists (not their hashes). */
    public static ModelBundle open(Path folder) throws BundleException {
        Path abs = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new BundleException("model bundle folder " + abs + (Files.exists(abs) ? " is a file, not a folder" : " does not exist")
                    + "; give the folder that holds bundle.json");
        }
        return new ModelBundle(abs, BundleJson.read(abs.resolve(MANIFEST)));
    }

    /** The first folder that holds a {@code bundle.json} of this format: each models folder itself, then its subfolders by name. */
    public static Optional<Path> find(List<Path> modelsFolders) {
        for (Path models : modelsFolders) {
            if (looksLikeBundle(models)) return Optional.of(models.toAbsolutePath().normalize());
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(models, Files::isDirectory)) {
                dir.forEach(children::add);
            } catch (IOException | SecurityException e) {
                continue; // absent or unreadable models folder: the next one may have a bundle
            }
            children.sort(null);
            for (Path child : children) {
                if (looksLikeBundle(child)) return Optional.of(child.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** {@link #find(List)} over {@link #DEFAULT_MODELS_FOLDERS}. */
    public static Optional<Path> find() {
        return find(DEFAULT_MODELS_FOLDERS);
    }

    /**
     * Only the format is checked here so that a damaged bundle is still found and {@link #open} can say what is wrong,
     * rather than the engine silently falling back as if nothing were installed.
     */
    private static boolean looksLikeBundle(Path folder) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) return false;
        try {
            BundleJson json = BundleJson.read(manifest);
            return json.has("format") && FORMAT.equals(json.string("format"));
        } catch (BundleException e) {
            return false;
        }
    }

    /** Checks every file's SHA-256 against the manifest, hashing only files not verified before in their current state. */
    public void verifyChecksums() throws BundleException {
        verifyChecksums(file -> {});
    }

    /**
     * As {@link #verifyChecksums()}, calling {@code beforeHashing} with each file about to be hashed (hashing a
     * multi-gigabyte transformer takes seconds, worth telling the user). Results are kept in {@code .verified} in
     * the bundle folder, or only in this object when the folder cannot be written. The cache trusts a file whose
     * size and modification time are unchanged; see {@link BundleVerifiedCache}.
     */
    public synchronized void verifyChecksums(Consumer<Path> beforeHashing) throws BundleException {
        if (verified == null) verified = BundleVerifiedCache.load(folder);
        boolean changed = false;
        try {
            for (ModelFile file : files()) {
                changed |= verifyOne(file.path(), file.sha256(), beforeHashing);
                if (file.data().isPresent()) changed |= verifyOne(file.data().get().path(), file.data().get().sha256(), beforeHashing);
            }
        } finally {
            if (changed && !cacheUnwritable) {
                try {
                    BundleVerifiedCache.save(folder, verified);
                } catch (IOException e) {
                    cacheUnwritable = true; // read-only install: remember in memory for this session
                }
            }
        }
    }

    /** Returns whether the file was hashed (and so the cache changed). */
    private boolean verifyOne(Path file, String expected, Consumer<Path> beforeHashing) throws BundleException {
        String key = BundleVerifiedCache.relative(folder, file);
        BundleVerifiedCache.Stamp before;
        try {
            before = BundleVerifiedCache.Stamp.of(folder, file, expected);
        } catch (NoSuchFileException e) {
            verified.remove(key);
            throw missing(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (before.equals(verified.get(key))) return false;
        beforeHashing.accept(file);
        String actual;
        try {
            actual = Checksums.sha256(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (!actual.equals(expected)) {
            boolean wasCached = verified.remove(key) != null;
            if (wasCached) saveQuietly();
            throw new BundleException("model bundle in " + folder + ": " + key + " is damaged (its SHA-256 is " + actual
                    + ", bundle.json expects " + expected + "); the download is incomplete or corrupt, download this file again");
        }
        verified.put(key, before); // stamp taken before hashing: a change during hashing shows as a new time next run
        return true;
    }

    private void saveQuietly() {
        if (cacheUnwritable) return;
        try {
            BundleVerifiedCache.save(folder, verified);
        } catch (IOException e) {
            cacheUnwritable = true;
        }
    }

    private BundleException missing(Path file) {
        return new BundleException("model bundle in " + folder + ": file " + BundleVerifiedCache.relative(folder, file)
                + " listed in bundle.json is missing; download the bundle again or fix bundle.json");
    }

    private BundleException unreadable(Path file, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new BundleException("model bundle in " + folder + ": file " + BundleVerifiedCache.relative(folder, file)
                + " cannot be read (" + reason + "); check that it is a file you may read", e);
    }

    private static int multipleOf16(BundleJson json, String field) throws BundleException {
        int v = json.integer(field, 16, 16384);
        if (v % 16 != 0) throw json.problem(field, "must be a multiple of 16 (8x VAE compression, then 2x2 patches), found " + v);
        return v;
    }

    private static SchedulerConfig scheduler(BundleJson s) throws BundleException {
        int steps = s.integer("num_train_timesteps", 1, 100_000);
        double betaStart = s.positiveNumber("beta_start");
        double betaEnd = s.positiveNumber("beta_end");
        if (!(betaStart < betaEnd && betaEnd < 1)) {
            throw s.problem("beta_end", "must be greater than beta_start and less than 1, found beta_start " + betaStart + ", beta_end " + betaEnd);
        }
        String schedule = s.oneOf("beta_schedule", List.of("linear", "scaled_linear"));
        boolean zeroSnr = s.bool("rescale_betas_zero_snr");
        double shift = s.positiveNumber("snr_shift_scale");
        String spacing = s.oneOf("timestep_spacing", List.of("linspace", "leading", "trailing"));
        boolean alphaToOne = s.bool("set_alpha_to_one");
        String prediction = s.oneOf("prediction_type", List.of("v_prediction"));
        try {
            return new SchedulerConfig(steps, betaStart, betaEnd, schedule, zeroSnr, shift, spacing, alphaToOne, prediction);
        } catch (IllegalArgumentException e) {
            throw s.problem("beta_schedule", "and the other scheduler fields do not make a usable scheduler (" + e.getMessage() + ")");
        }
    }

    private ModelFile modelFile(BundleJson files, String role) throws BundleException {
        BundleJson entry = files.object(role);
        String relative = entry.string("path");
        Path path = BundlePaths.inside(folder, relative, entry, "path");
        String sha = sha256(entry);
        requireFile(path, entry.field("path"));
        Optional<DataFile> data = Optional.empty();
        if (entry.has("data")) {
            BundleJson d = entry.object("data");
            String dataRelative = d.has("path") ? d.string("path") : relative + ".data"; // the ONNX exporters' usual name
            Path dataPath = BundlePaths.inside(folder, dataRelative, d, "path");
            requireFile(dataPath, d.field("path"));
            data = Optional.of(new DataFile(dataPath, sha256(d)));
        }
        long size = size(path);
        if (size > SINGLE_FILE_LIMIT) {
            throw new BundleException("model bundle in " + folder + ": " + BundleVerifiedCache.relative(folder, path) + " is "
                    + String.format(Locale.ROOT, "%.1f GB", size / 1e9) + ", over ONNX's 2 GB single-file limit"
                    + (data.isEmpty() ? "; export it with external data and list that file under 'files." + role + ".data'"
                                      : "; its weights belong in the external-data file, export it again"));
        }
        return new ModelFile(role, path, sha, data);
    }

    private static String sha256(BundleJson entry) throws BundleException {
        String sha = entry.string("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw entry.reject("sha256", "must be 64 hexadecimal digits");
        }
        return sha.toLowerCase(Locale.ROOT);
    }

    private void requireFile(Path path, String field) throws BundleException {
        String rel = BundleVerifiedCache.relative(folder, path);
        if (Files.isDirectory(path)) {
            throw new BundleException("model bundle in " + folder + ": " + rel + " (" + field + ") is a folder, not a file; fix bundle.json");
        }
        if (!Files.isRegularFile(path)) {
            throw new BundleException("model bundle in " + folder + ": file " + rel + " (" + field
                    + ") is missing; download the bundle again or fix bundle.json");
        }
    }

    private long size(Path path) throws BundleException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The graphs in manifest order: encoder, transformer, decoder, then the preview decoder if present. */
    public List<ModelFile> files() {
        List<ModelFile> all = new ArrayList<>(List.of(vaeEncoder, transformer, vaeDecoder));
        previewDecoder.ifPresent(all::add);
        return List.copyOf(all);
    }

    public Path folder() { return folder; }
    public String name() { return name; }
    public String version() { return version; }
    public String license() { return license; }
    public String source() { return source; }
    /** Model resolution in pixels. */
    public int width() { return width; }
    public int height() { return height; }
    public int latentChannels() { return latentChannels; }
    public int spatialCompression() { return spatialCompression; }
    public int temporalCompression() { return temporalCompression; }
    public double scalingFactor() { return scalingFactor; }
    /** Frames kept per generation. */
    public int frames() { return frames; }
    public Dtype dtype() { return dtype; }
    public double guidanceScale() { return guidanceScale; }
    public int defaultSteps() { return defaultSteps; }
    public SchedulerConfig scheduler() { return scheduler; }
    public ModelFile vaeEncoder() { return vaeEncoder; }
    public ModelFile transformer() { return transformer; }
    public ModelFile vaeDecoder() { return vaeDecoder; }
    public Optional<ModelFile> previewDecoder() { return previewDecoder; }

    @Override public String toString() {
        return name + " " + version + " (" + folder + ")";
    }
}
