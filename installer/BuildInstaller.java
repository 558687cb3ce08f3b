import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Tempora's installer for the operating system it runs on: a slimmed copy of the program (native libraries
 * of this platform only), a Java runtime made by jlink with the modules the program needs, and jpackage's .deb/.rpm,
 * .msi or .dmg with the icon, a menu entry and "Open with Tempora" for JPEG, PNG and TIFF.
 *
 * Run by {@code mvn -Pinstaller package} after the jar and target/lib are built; by hand:
 * {@code java installer/BuildInstaller.java --version 0.1.0 [--target target] [--types deb,rpm] [--cuda false]
 * [--ort-natives-jar PATH]} (or {@code --option=value}). A single-file source program, so that the same build runs on Linux, Windows and macOS
 * without a shell or extra tools.
 */
public final class BuildInstaller {
    public static void main(String[] args) {
        try {
            Options options = Options.parse(args);
            Platform platform = Platform.current();
            new BuildInstaller(options, platform).build();
        } catch (BuildFailure e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        }
    }

    private final Options options;
    private final Platform platform;
    private final Path work;

    BuildInstaller(Options options, Platform platform) {
        this.options = options;
        this.platform = platform;
        this.work = options.target().resolve("installer");
    }

    void build() throws IOException {
        Path jar = options.target().resolve("tempora.jar");
        Path lib = options.target().resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new BuildFailure("no " + jar + " with its lib/ folder; build it first (mvn package, which the installer profile does)");
        }
        Files.createDirectories(work);
        Path input = fresh(work.resolve("input"));
        Path runtime = work.resolve("runtime");
        Path dest = work.resolve("out");
        Files.createDirectories(dest);
        CudaMode cuda = options.cuda().resolve(platform);
        log("platform " + platform.describe() + ", version " + options.version() + ", CUDA provider: " + cuda.describe());
        Path cudaAddon = fresh(work.resolve("cuda-addon"));

        Files.copy(jar, input.resolve("tempora.jar"));
        Path inputLib = Files.createDirectories(input.resolve("lib"));
        Path natives = input.resolve("native");
        for (Path dependency : list(lib)) {
            String name = dependency.getFileName().toString();
            Path out = inputLib.resolve(name);
            if (name.startsWith("onnxruntime")) {
                NativeJars.slimOnnxRuntime(dependency, options.ortNativesJar(), platform, cuda, out, natives, cudaAddon);
            } else if (name.startsWith("opencv-")) {
                NativeJars.slimOpenCv(dependency, platform, out);
            } else {
                Files.copy(dependency, out);
            }
        }
        boolean linux = platform.os().equals("linux");
        if (linux) CommandScript.write(input);
        log("program staged in " + input + ": " + Sizes.megabytes(Sizes.of(input)));

        String modules = Modules.needed(input);
        log("jlink modules: " + modules);
        deleteTree(runtime); // jlink refuses an existing output folder
        List<String> jlink = new ArrayList<>(List.of("--add-modules", modules, "--output", runtime.toString(), "--strip-debug",
                "--no-header-files", "--no-man-pages", "--compress=2"));
        if (!linux) jlink.add("--strip-native-commands"); // Linux's command-line script runs the runtime's bin/java
        Tools.run("jlink", jlink.toArray(String[]::new));
        log("runtime " + Sizes.megabytes(Sizes.of(runtime)));

        List<String> types = options.types().isEmpty() ? platform.defaultTypes() : options.types();
        if (cuda == CudaMode.ADDON && types.stream().anyMatch(t -> !t.equals("deb"))) {
            throw new BuildFailure("the CUDA add-on is built as a .deb only: use --types deb with --cuda addon");
        }
        for (String type : types) {
            for (Path old : list(dest)) if (old.getFileName().toString().endsWith("." + type)) Files.delete(old);
            if (type.equals("app-image")) { // jpackage refuses to write over an earlier app image
                deleteTree(dest.resolve(Packaging.NAME));
                deleteTree(dest.resolve(Packaging.NAME + ".app"));
            }
            List<String> jpackage = Packaging.arguments(type, options, platform, input, runtime, dest);
            log("jpackage --type " + type);
            List<String> command = new ArrayList<>(List.of(Tools.jdkProgram("jpackage")));
            command.addAll(jpackage);
            // xz -9 (64 MiB window) finds the repeats of the CUDA provider's kernels that -6 misses: 142 to 118 MB
            Tools.exec(command, Map.of("DPKG_DEB_COMPRESSOR_LEVEL", "9"));
            if (cuda == CudaMode.ADDON && type.equals("deb")) CudaAddon.deb(cudaAddon, options.version(), platform, work, dest);
        }
        for (Path made : list(dest)) log("built " + made + " (" + Sizes.megabytes(Sizes.of(made)) + ")");
    }

    static void log(String line) {
        System.out.println("[installer] " + line);
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    static Path fresh(Path folder) throws IOException {
        deleteTree(folder);
        return Files.createDirectories(folder);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

/** A failure of the build explained in one line. */
final class BuildFailure extends RuntimeException {
    BuildFailure(String message) { super(message); }
}

/** The command line: {@code --version} is required; the rest have defaults. */
record Options(String version, Path target, List<String> types, CudaMode cuda, Path ortNativesJar) {
    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new BuildFailure("expected --option value, got '" + args[i] + "' (see installer/README.md)");
            int equals = args[i].indexOf('=');
            if (equals > 0) {
                values.put(args[i].substring(2, equals), args[i].substring(equals + 1)); // --option=value, which Maven passes even when empty
            } else if (i + 1 < args.length) {
                values.put(args[i].substring(2), args[++i]);
            } else {
                throw new BuildFailure("--" + args[i].substring(2) + " needs a value");
            }
        }
        String version = values.remove("version");
        if (version == null || version.isBlank()) throw new BuildFailure("--version is required (the pom's project.version)");
        // jpackage wants numbers only (1 to 3 dot-separated integers on macOS and Windows): 0.2.0-SNAPSHOT becomes 0.2.0
        String numeric = version.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", "");
        if (numeric.isEmpty()) throw new BuildFailure("version '" + version + "' does not start with a number");
        Path target = Path.of(values.getOrDefault("target", "target")).toAbsolutePath().normalize();
        String typeList = values.getOrDefault("types", "auto").trim();
        List<String> types = typeList.equals("auto") || typeList.isEmpty() ? List.of()
                : Arrays.stream(typeList.split("[,\\s]+")).filter(t -> !t.isEmpty()).toList();
        CudaMode cuda = CudaMode.parse(values.getOrDefault("cuda", "auto"));
        String ortJar = values.remove("ort-natives-jar");
        values.keySet().removeAll(List.of("target", "types", "cuda"));
        if (!values.isEmpty()) throw new BuildFailure("unknown option --" + values.keySet().iterator().next() + " (see installer/README.md)");
        return new Options(numeric, target, types, cuda, ortJar == null || ortJar.isBlank() ? null : Path.of(ortJar).toAbsolutePath());
    }
}

/**
 * Where ONNX Runtime's CUDA provider (369 MB on Linux, 334 MB on Windows) goes: inside the installer by default (the
 * .deb stays under 200 MB with xz -9), or as a separate .deb for a small CPU-only download.
 */
enum CudaMode {
    /** Linux and Windows: bundled; macOS: none (ONNX Runtime has no CUDA there). */
    AUTO,
    /** Inside the main installer. */
    BUNDLED,
    /** A second .deb, tempora-cuda, installing the provider into the main package's native folder (Linux). */
    ADDON,
    /** Left out: the diffusion engine runs on the CPU only. */
    NONE;

    static CudaMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "true", "" -> AUTO;
            case "bundled" -> BUNDLED;
            case "addon", "add-on" -> ADDON;
            case "none", "false" -> NONE;
            default -> throw new BuildFailure("--cuda takes auto, bundled, addon or none, not '" + text + "'");
        };
    }

    CudaMode resolve(Platform platform) {
        if (platform.os().equals("mac")) return NONE;
        if (this == ADDON && !platform.os().equals("linux")) throw new BuildFailure("the CUDA add-on package is built on Linux only; use --cuda bundled or none");
        return this == AUTO ? BUNDLED : this;
    }

    String describe() {
        return switch (this) {
            case BUNDLED -> "in the installer";
            case ADDON -> "separate tempora-cuda package";
            default -> "left out (CPU only)";
        };
    }
}

/** The operating system and processor this build is for, and where each native-library jar keeps their files. */
record Platform(String os, String arch) {
    static Platform current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os = name.startsWith("windows") ? "windows" : name.startsWith("mac") ? "mac" : name.startsWith("linux") ? "linux" : null;
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String arch = a.equals("amd64") || a.equals("x86_64") ? "x64" : a.equals("aarch64") || a.equals("arm64") ? "aarch64" : null;
        if (os == null || arch == null) throw new BuildFailure("no installer for " + name + " on " + a + " (Linux, Windows or macOS on x64 or aarch64)");
        return new Platform(os, arch);
    }

    String describe() { return os + "-" + arch; }

    /** ONNX Runtime's folder under ai/onnxruntime/native/. */
    String onnxRuntimeFolder() {
        return (os.equals("mac") ? "osx" : os.equals("windows") ? "win" : "linux") + "-" + arch;
    }

    /** OpenCV's folder under nu/pattern/opencv/ (org.openpnp naming). */
    String openCvFolder() {
        return (os.equals("mac") ? "osx" : os) + "/" + (arch.equals("x64") ? "x86_64" : "ARMv8");
    }

    List<String> defaultTypes() {
        return switch (os) {
            case "windows" -> List.of("msi");
            case "mac" -> List.of("dmg");
            default -> Tools.onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
        };
    }
}

/** Copies of the native-library jars holding only this platform's libraries. */
final class NativeJars {
    private NativeJars() {}

    static final String ORT_NATIVE = "ai/onnxruntime/native/";
    static final String OPENCV_NATIVE = "nu/pattern/opencv/";

    /**
     * The ONNX Runtime jar without its native folder; this platform's libraries go loose into {@code natives}, which the
     * launcher names in {@code -Donnxruntime.native.path}, so the 369 MB CUDA provider is never copied to a temporary
     * folder at start. TensorRT's provider is left out: it needs a TensorRT install no user has by chance. The CUDA
     * provider goes beside the others, into {@code cudaAddon}, or nowhere, as {@code cuda} says.
     */
    static void slimOnnxRuntime(Path jar, Path nativesJar, Platform platform, CudaMode cuda, Path out, Path natives, Path cudaAddon) throws IOException {
        rewrite(jar, out, name -> !name.startsWith(ORT_NATIVE));
        String folder = ORT_NATIVE + platform.onnxRuntimeFolder() + "/";
        Path source = nativesJar != null ? nativesJar : jar;
        Files.createDirectories(natives);
        int extracted = 0;
        try (ZipFile zip = new ZipFile(source.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(folder)) continue;
                String file = name.substring(folder.length());
                if (file.contains("/") || file.contains("providers_tensorrt")) continue;
                Path to = natives.resolve(file);
                if (file.contains("providers_cuda")) {
                    if (cuda == CudaMode.NONE) continue;
                    if (cuda == CudaMode.ADDON) to = cudaAddon.resolve(file);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
                extracted++;
            }
        }
        if (extracted == 0) {
            throw new BuildFailure(source.getFileName() + " has no native libraries for " + platform.onnxRuntimeFolder()
                    + "; pass --ort-natives-jar with the CPU jar com.microsoft.onnxruntime:onnxruntime of the same version (macOS: see installer/README.md)");
        }
        BuildInstaller.log("ONNX Runtime: " + extracted + " native libraries for " + platform.onnxRuntimeFolder() + " in " + natives);
    }

    /** The OpenCV jar with only this platform's library, which OpenCV itself unpacks when optical flow is first used. */
    static void slimOpenCv(Path jar, Platform platform, Path out) throws IOException {
        String keep = OPENCV_NATIVE + platform.openCvFolder() + "/";
        rewrite(jar, out, name -> !name.startsWith(OPENCV_NATIVE) || name.startsWith(keep) || keep.startsWith(name));
        try (ZipFile zip = new ZipFile(out.toFile())) {
            boolean found = zip.stream().anyMatch(e -> e.getName().startsWith(keep) && !e.isDirectory() && !e.getName().endsWith(".md"));
            if (!found) throw new BuildFailure(jar.getFileName() + " has no OpenCV library for " + platform.openCvFolder());
        }
        BuildInstaller.log("OpenCV: kept " + keep + " (" + Sizes.megabytes(Sizes.of(out)) + " jar)");
    }

    /**
     * Copies the entries {@code keep} accepts. Native libraries are stored without compression: the installer
     * compresses its whole content again, and compresses raw libraries far better than deflated ones.
     */
    static void rewrite(Path jar, Path out, Predicate<String> keep) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(out); ZipOutputStream copy = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!keep.test(entry.getName())) continue;
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                boolean nativeLibrary = lower.endsWith(".so") || lower.endsWith(".dll") || lower.endsWith(".dylib");
                copy.setLevel(nativeLibrary ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
                ZipEntry fresh = new ZipEntry(entry.getName());
                fresh.setTime(entry.getTime());
                copy.putNextEntry(fresh);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
    }
}

/**
 * The tempora-cuda add-on: ONNX Runtime's CUDA provider alone, installed into the main package's native folder and
 * tied to the exact same version, so both are always upgraded and removed together.
 */
final class CudaAddon {
    private CudaAddon() {}

    static final String NAME = "tempora-cuda";
    static final String SUMMARY = "NVIDIA GPU support for Tempora";
    static final String DETAILS = "ONNX Runtime's CUDA execution provider, which lets Tempora's diffusion engine run on an NVIDIA GPU. "
            + "It needs the NVIDIA driver with CUDA 12 and cuDNN 9, which this package does not install.";
    static final String NATIVE_FOLDER = "opt/tempora/lib/app/native";

    /** Needs dpkg-deb; compresses with xz -9 like the main package. */
    static void deb(Path provider, String version, Platform platform, Path work, Path dest) throws IOException {
        Path root = BuildInstaller.fresh(work.resolve("cuda-deb"));
        Path folder = Files.createDirectories(root.resolve(NATIVE_FOLDER));
        long bytes = copyProvider(provider, folder);
        String arch = platform.arch().equals("x64") ? "amd64" : "arm64";
        String full = version + "-1"; // jpackage's release number for the main package
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(root.resolve("DEBIAN").resolve("control"), String.join("\n",
                "Package: " + NAME,
                "Version: " + full,
                "Section: graphics",
                "Priority: optional",
                "Architecture: " + arch,
                "Depends: tempora (= " + full + ")",
                "Maintainer: tempora@users.noreply.github.com",
                "Installed-Size: " + (bytes + 1023) / 1024,
                "Description: " + SUMMARY,
                " " + DETAILS,
                ""));
        Path deb = dest.resolve(NAME + "_" + full + "_" + arch + ".deb");
        Files.deleteIfExists(deb);
        BuildInstaller.log("dpkg-deb " + deb.getFileName());
        Tools.exec(List.of("dpkg-deb", "-Zxz", "-z9", "--root-owner-group", "--build", root.toString(), deb.toString()), Map.of());
    }

    private static long copyProvider(Path provider, Path folder) throws IOException {
        long bytes = 0;
        for (Path file : BuildInstaller.list(provider)) {
            Files.copy(file, folder.resolve(file.getFileName()));
            bytes += Files.size(file);
        }
        if (bytes == 0) throw new BuildFailure("no CUDA provider was found in the ONNX Runtime jar for the add-on");
        return bytes;
    }
}

/** The Java modules the runtime image needs. */
final class Modules {
    private Modules() {}

    /**
     * Found by jdeps over the program and its libraries, plus modules only reached by reflection or service loading:
     * jdk.unsupported.desktop (JavaFX-Swing interop, which javafx.swing requires), jdk.charsets (photo metadata
     * in legacy encodings), jdk.localedata (number and date formats of the user's language).
     */
    static final List<String> REFLECTIVE = List.of("jdk.unsupported.desktop", "jdk.charsets", "jdk.localedata");

    static String needed(Path input) throws IOException {
        // each jar named: only jdeps' own launcher expands a "lib/*" wildcard, not jdeps run in this process
        String classPath = String.join(java.io.File.pathSeparator, BuildInstaller.list(input.resolve("lib")).stream().map(Path::toString).toList());
        String found = Tools.output("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--class-path", classPath, input.resolve("tempora.jar").toString()).trim();
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(found.split(",")));
        modules.removeIf(String::isBlank);
        if (modules.isEmpty() || !modules.contains("java.base")) throw new BuildFailure("jdeps found no modules (it printed: " + found + ")");
        modules.addAll(REFLECTIVE);
        return String.join(",", modules);
    }
}

/**
 * Linux's {@code tempora} command: a shell script in lib/app that runs the bundled runtime's java with the launcher's
 * options and class path. jpackage's Linux launcher asks rpm and dpkg for its own package at every start (0.4 s
 * here), which a command run for each photo of a batch should not pay; the menu entry keeps the launcher.
 */
final class CommandScript {
    private CommandScript() {}

    static final String NAME = "tempora";

    /**
     * Options on top of the launcher's for the commands that handle one photo and exit (README, "Measuring"): the serial
     * collector, with no window to keep from pausing and fewer fresh pages than G1 (640x360 generate 3.1-3.4 -> 2.6-2.8 s,
     * 24 MP 22-24 -> 16-17 s, peak memory 3.8 -> 1.9 GB), and the quick compiler only, as the optimising one spends more
     * time compiling than such a run has left (640x360 2.6-2.8 -> 2.3-2.5 s; 24 MP 1-2 s slower).
     */
    static final List<String> ONE_PHOTO_COMMANDS = List.of("generate", "export", "flow", "score", "simulate");
    static final List<String> ONE_PHOTO_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** benchmark's warm loop is what the optimising compiler is for; the window (no command) keeps the launcher's options. */
    static final List<String> BENCHMARK_OPTIONS = List.of("-XX:+UseSerialGC");
    /**
     * Added for those commands where the kernel lends transparent huge pages on request ("madvise" or "always"): the FFTs
     * sweep planes of megabytes, and 2 MB pages spare them most TLB misses (640x360 generate 2.60-2.61 -> 2.35-2.41 s).
     * Elsewhere the JVM could not use them, so the script does not ask.
     */
    static final String HUGE_PAGES_OPTION = "-XX:+UseTransparentHugePages";
    static final String HUGE_PAGES_SETTING = "/sys/kernel/mm/transparent_hugepage/enabled";

    /** Writes input/tempora (mode 755) for the jars staged in {@code input}, in jpackage's class-path order. */
    static void write(Path input) throws IOException {
        List<String> classPath = new ArrayList<>(List.of("$app/tempora.jar"));
        for (Path jar : BuildInstaller.list(input.resolve("lib"))) classPath.add("$app/lib/" + requirePlain(jar.getFileName().toString()));
        for (String option : Packaging.JAVA_OPTIONS) requirePlain(option.replace("$APPDIR", ""));
        List<String> lines = new ArrayList<>(List.of(
                "#!/bin/sh",
                "# Tempora's command line, written by installer/BuildInstaller.java: the bundled Java run directly, as",
                "# jpackage's launcher (bin/Tempora, the menu entry's) asks rpm and dpkg for its package at every start.",
                "# A command that handles one photo and exits runs the serial collector and the quick compiler; benchmark's",
                "# warm loop keeps the optimising compiler, and the window (no command, or a photo) the launcher's options.",
                "# Both ask for transparent huge pages where the kernel lends them on request: fewer TLB misses in the FFTs.",
                "app=$(dirname \"$(readlink -f \"$0\")\")",
                "case \"$1\" in",
                "    " + String.join("|", ONE_PHOTO_COMMANDS) + ") options=\"" + words(ONE_PHOTO_OPTIONS) + "\" ;;",
                "    benchmark) options=\"" + words(BENCHMARK_OPTIONS) + "\" ;;",
                "    *) options= ;;",
                "esac",
                "if [ -n \"$options\" ]; then",
                "    case \"$(cat " + HUGE_PAGES_SETTING + " 2>/dev/null)\" in",
                "        *\"[madvise]\"*|*\"[always]\"*) options=\"$options " + words(List.of(HUGE_PAGES_OPTION)) + "\" ;;",
                "    esac",
                "fi",
                "exec \"$app/../runtime/bin/java\" \\"));
        for (String option : Packaging.JAVA_OPTIONS) lines.add("    \"" + option.replace("$APPDIR", "$app") + "\" \\");
        lines.add("    $options \\");
        lines.add("    -cp \"" + String.join(":", classPath) + "\" \\");
        lines.add("    org.tempora.cli.Main \"$@\"");
        String script = String.join("\n", lines) + "\n";
        Path file = input.resolve(NAME);
        Files.writeString(file, script);
        file.toFile().setExecutable(true, false);
    }

    /** Options the script splits on spaces ($options, unquoted): each a plain word the shell neither splits nor globs. */
    private static String words(List<String> options) {
        for (String o : options) {
            if (!o.matches("[-+:=.A-Za-z0-9]+")) throw new BuildFailure("cannot put " + o + " in the command-line script's options: not a plain word");
        }
        return String.join(" ", options);
    }

    /** The script puts options and jar names inside double quotes: they must hold nothing the shell expands there. */
    private static String requirePlain(String text) {
        if (text.matches(".*[\"$`\\\\].*")) throw new BuildFailure("cannot put " + text + " in the command-line script: it holds a shell character");
        return text;
    }
}

/** jpackage's arguments for one installer type. */
final class Packaging {
    private Packaging() {}

    static final String NAME = "Tempora";
    static final String DESCRIPTION = "Shows what a motion-blurred photograph saw: the frames of its exposure, before and after.";
    // Windows upgrades replace an installed Tempora only when every version shares this code.
    static final String WINDOWS_UPGRADE_UUID = "5b0f3f3e-6f0c-4f7e-9a55-2d5a3c1e7b21";

    /** The program's Java options, for jpackage's launchers and Linux's command-line script ($APPDIR: lib/app). */
    static final List<String> JAVA_OPTIONS = List.of(
            // ONNX Runtime loads its libraries, CUDA provider included, from the installed folder, not a temporary copy
            "-Donnxruntime.native.path=$APPDIR/native",
            // photos of tens of megapixels need more than Java's default quarter of the memory
            "-XX:MaxRAMPercentage=70",
            // G1 grows its young generation over fresh pages; capped, it reuses warm ones (README, "Measuring")
            "-XX:MaxNewSize=96m");

    static List<String> arguments(String type, Options options, Platform platform, Path input, Path runtime, Path dest) {
        Path installerDir = Path.of("installer").toAbsolutePath();
        Path icons = Path.of("icons").toAbsolutePath();
        List<String> a = new ArrayList<>(List.of(
                "--type", type,
                "--name", NAME,
                "--app-version", options.version(),
                "--vendor", "Tempora",
                "--description", DESCRIPTION,
                "--copyright", "Tempora contributors",
                "--input", input.toString(),
                "--main-jar", "tempora.jar",
                "--main-class", "org.tempora.cli.Main",
                "--runtime-image", runtime.toString(),
                "--dest", dest.toString()));
        for (String option : JAVA_OPTIONS) a.addAll(List.of("--java-options", option));
        boolean installer = !type.equals("app-image"); // an app image is the installed folder alone: no package options
        if (installer) {
            for (String kind : List.of("jpeg", "png", "tiff")) {
                a.add("--file-associations");
                a.add(installerDir.resolve("associations").resolve(kind + ".properties").toString());
            }
        }
        switch (platform.os()) {
            case "linux" -> {
                a.addAll(List.of("--icon", icons.resolve("png").resolve("tempora-512.png").toString()));
                if (installer) {
                    a.addAll(List.of(
                            "--install-dir", "/opt",
                            "--linux-package-name", "tempora",
                            "--linux-app-category", "graphics",
                            "--linux-menu-group", "Graphics;Photography;",
                            "--linux-shortcut",
                            "--linux-package-deps", type.equals("rpm") ? "gtk3" : "libgtk-3-0",
                            "--resource-dir", installerDir.resolve("linux").toString()));
                }
                if (type.equals("deb")) a.addAll(List.of("--linux-deb-maintainer", "tempora@users.noreply.github.com"));
            }
            case "windows" -> {
                a.addAll(List.of(
                        "--icon", icons.resolve("tempora.ico").toString(),
                        // Tempora.exe is a window program with no console; tempora-cli.exe prints to the terminal
                        "--add-launcher", "tempora-cli=" + installerDir.resolve("windows").resolve("tempora-cli.properties")));
                if (installer) {
                    a.addAll(List.of(
                            "--win-menu", "--win-menu-group", NAME,
                            "--win-shortcut",
                            "--win-dir-chooser",
                            "--win-per-user-install",
                            "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
                }
            }
            case "mac" -> a.addAll(List.of(
                    "--icon", icons.resolve("tempora.icns").toString(),
                    "--mac-package-name", NAME,
                    "--mac-package-identifier", "org.tempora.app"));
            default -> throw new BuildFailure("unknown platform " + platform.os());
        }
        return a;
    }
}

/** The JDK's tools, run in this process, and programs looked up on the PATH. */
final class Tools {
    private Tools() {}

    static void run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new BuildFailure(
                tool + " is not in this Java (" + System.getProperty("java.home") + "); run Maven with a full JDK 17 or later"));
        int code = provider.run(System.out, System.err, args);
        if (code != 0) throw new BuildFailure(tool + " failed with exit code " + code + " (its messages are above)");
    }

    static String output(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new BuildFailure(tool + " is not in this Java"));
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        int code;
        try (PrintWriter out = new PrintWriter(text); PrintWriter err = new PrintWriter(errors)) {
            code = provider.run(out, err, args);
        }
        if (code != 0) throw new BuildFailure(tool + " failed with exit code " + code + ": " + errors.toString().strip());
        return text.toString();
    }

    /** Runs a program of this machine with {@code environment} added, its output passed through. */
    static void exec(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        try {
            int code = builder.start().waitFor();
            String name = Path.of(command.get(0)).getFileName().toString();
            if (code != 0) throw new BuildFailure(name + " failed with exit code " + code + " (its messages are above)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure(command.get(0) + " was interrupted");
        }
    }

    /** A program of the JDK running this build, such as jpackage. */
    static String jdkProgram(String name) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String candidate : List.of(name, name + ".exe")) {
            if (Files.isExecutable(bin.resolve(candidate))) return bin.resolve(candidate).toString();
        }
        throw new BuildFailure(name + " is not in " + bin + "; run Maven with a full JDK 17 or later");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}

/** Sizes of files and folders for the build log. */
final class Sizes {
    private Sizes() {}

    static long of(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
