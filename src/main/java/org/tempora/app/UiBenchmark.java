package org.tempora.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tempora.classical.ClassicalEngine;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.EngineOptions;
import org.tempora.engine.GenerationRequest;
import org.tempora.engine.GenerationResult;
import org.tempora.engine.ProgressListener;
import org.tempora.image.LinearImage;
import org.tempora.image.PhotoReader;
import org.tempora.timeline.FramePlans;
import org.tempora.timeline.PlanLimits;

/**
 * Measures the window against the desktop issue's targets and prints a table: window open to usable (fresh JVM),
 * Generate to the first frame on screen for a 640x360 photo (classical engine), and frame switches while scrubbing
 * 16 frames of 1280x720, without and with the motion overlay (colour wheel, arrows), whose optical flow per pair it also
 * times. Runs on a display (X11, Xvfb) or, without one, on Monocle's headless platform when it is
 * on the class path. Start it with {@code scripts/ui-benchmark.sh}.
 */
public final class UiBenchmark {
    private static final String USAGE = "usage: UiBenchmark [--images DIR] [--switches N] [--generate-runs N] [--startup-runs N]";
    /** System properties a child JVM must share to start the same toolkit. */
    private static final List<String> TOOLKIT_PROPERTIES = List.of("glass.platform", "monocle.platform", "prism.order",
            "prism.text", "prism.verbose", "javafx.pulseLogger");
    private static final double PULSE_MS = 1000.0 / 60; // JavaFX's default pulse rate is 60 Hz

    private UiBenchmark() {}

    /** What to run; parsed from the command line. */
    record Options(Path images, int switches, int generateRuns, int startupRuns) {
        static Options parse(String[] args) {
            Path images = Path.of("..", "shared", "dev-images");
            int switches = 300, generateRuns = 3, startupRuns = 3;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) throw new IllegalArgumentException(USAGE);
                switch (args[i]) {
                    case "--images" -> images = Path.of(value);
                    case "--switches" -> switches = positive(args[i], value);
                    case "--generate-runs" -> generateRuns = positive(args[i], value);
                    case "--startup-runs" -> startupRuns = positive(args[i], value);
                    default -> throw new IllegalArgumentException(USAGE);
                }
                i++;
            }
            return new Options(images, switches, generateRuns, startupRuns);
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " needs a positive whole number, not " + value);
        }
    }

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
            System.exit(0);
        } catch (IllegalArgumentException | IllegalStateException | IOException | TimeoutException e) {
            System.err.println("ui-benchmark: " + e.getMessage());
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options o) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String platform = chooseToolkit();
        Path rocket = o.images().resolve("rocket.jpg"), hubble = o.images().resolve("hubble_deep_field.jpg");
        for (Path p : List.of(rocket, hubble)) {
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("development image " + p + " is missing: pass --images DIR");
        }
        List<Row> rows = new ArrayList<>();
        // Fresh JVMs first, while this one is still idle.
        rows.add(Row.of("window open to usable, fresh JVM", "s", 3.0, startupSeconds(o.startupRuns())));

        Path tmp = Files.createTempDirectory("tempora-uibench");
        try {
            Path small = BenchmarkPhotos.blurred(rocket, 640, 360, 16, tmp.resolve("rocket-640x360.png"));
            Path large = BenchmarkPhotos.blurred(hubble, 1280, 720, 24, tmp.resolve("hubble-1280x720.png"));
            Platform.startup(() -> {});
            Bench bench = onFx(Bench::show);
            String pipeline = onFx(UiBenchmark::pipelineName);

            bench.open(small, 640);
            double[][] firstAndAll = bench.generateRuns(o.generateRuns());
            rows.add(Row.of("Generate -> first frame shown, 640x360, 1st run", "s", 2.0, Arrays.copyOf(firstAndAll[0], 1)));
            if (firstAndAll[0].length > 1) {
                rows.add(Row.of("Generate -> first frame shown, 640x360, later", "s", 2.0,
                        Arrays.copyOfRange(firstAndAll[0], 1, firstAndAll[0].length)));
            }
            rows.add(Row.of("Generate -> all 16 frames, 640x360", "s", Double.NaN, firstAndAll[1]));
            String engineAlone = engineBreakdown(small);

            bench.open(large, 1280);
            rows.add(Row.of("Generate -> all 16 frames, 1280x720", "s", Double.NaN, bench.generateRuns(1)[1]));
            Scrub scrub = bench.scrub(o.switches(), 60);
            rows.add(Row.of("switch 1280x720: select listeners", "ms", Double.NaN, scrub.listenersMs()));
            rows.add(Row.of("switch 1280x720: select -> laid out", "ms", 16.0, scrub.laidOutMs()));
            rows.add(Row.of("switch 1280x720: pulse period, 1 switch/pulse", "ms", Double.NaN, scrub.periodMs()));
            List<String> motionLines = new ArrayList<>();
            for (MotionKind kind : List.of(MotionKind.WHEEL, MotionKind.ARROWS)) {
                double seconds = bench.motion(kind);
                String name = kind.label().toLowerCase(Locale.ROOT);
                if (kind == MotionKind.WHEEL) {
                    rows.add(Row.of("motion 1280x720: flow per pair (fwd+bwd+check)", "ms", Double.NaN,
                            onFx(() -> bench.view.motion().flows().pairMillis().stream().mapToDouble(Double::doubleValue).toArray())));
                }
                rows.add(Row.of("motion 1280x720: " + name + " chosen -> 16 drawn", "s", Double.NaN, new double[] {seconds}));
                Scrub over = bench.scrub(o.switches(), 60);
                rows.add(Row.of("switch 1280x720 + " + name + ": select -> laid out", "ms", 16.0, over.laidOutMs()));
                motionLines.add(String.format(Locale.ROOT, "CPU per switch with the %s overlay: FX thread %.2f ms, render thread %.2f ms; late pulses %d of %d; wrong frame %d",
                        name, over.fxCpuMs(), over.renderCpuMs(), Arrays.stream(over.periodMs()).filter(ms -> ms > 1.5 * PULSE_MS).count(),
                        over.periodMs().length, over.wrongFrames()));
            }
            onFx(() -> { bench.close(); return null; });

            System.out.printf(Locale.ROOT, "Tempora window benchmark: %s, Prism %s, %d CPUs, Java %s%n", platform, pipeline,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Row.printAll(rows);
            long missed = Arrays.stream(scrub.periodMs()).filter(ms -> ms > 1.5 * PULSE_MS).count();
            System.out.printf(Locale.ROOT, "scrubbing at one switch per pulse: %d of %d pulses came late (> %.0f ms); wrong frame on screen: %d%n",
                    missed, scrub.periodMs().length, 1.5 * PULSE_MS, scrub.wrongFrames());
            System.out.printf(Locale.ROOT, "CPU per switch, 1280x720: FX thread %.2f ms, render thread %.2f ms (mean over %d switches)%n",
                    scrub.fxCpuMs(), scrub.renderCpuMs(), o.switches());
            motionLines.forEach(System.out::println);
            System.out.println(engineAlone);
            System.out.printf(Locale.ROOT, "system load average %.2f at the start, %.2f at the end (%d CPUs): above 1 per CPU, wall times include waiting for other processes%n",
                    loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.println("first frame shown: the pulse that lays out the frame's image after the engine delivered it;");
            System.out.println("select -> laid out: from setting the timeline's selection at a pulse's start to the end of that pulse's layout.");
        } finally {
            Platform.exit();
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** Without a display, Monocle's headless platform and software rendering, as the window tests use. */
    private static String chooseToolkit() {
        String display = System.getenv("DISPLAY");
        if (System.getProperty("glass.platform") == null && (display == null || display.isEmpty())) {
            try {
                Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no DISPLAY and no Monocle on the class path: run scripts/ui-benchmark.sh (Xvfb) or add openjfx-monocle");
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        return "Monocle".equals(System.getProperty("glass.platform")) ? "Monocle headless" : "display " + display;
    }

    /** The Prism pipeline in use (software, OpenGL ES2, ...); internal API, read only for the report. */
    private static String pipelineName() {
        try {
            Object pipeline = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return pipeline == null ? "none" : pipeline.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Where Generate's time goes: the classical engine alone on the photo, without the window, in this warm JVM. */
    private static String engineBreakdown(Path photo) throws Exception {
        GenerationRequest request = new GenerationRequest(PhotoReader.read(photo).pixels(), FramePlans.present(16), 0L, EngineOptions.defaults());
        long[] firstFrame = {-1};
        long t0 = System.nanoTime();
        GenerationResult result = new ClassicalEngine().generate(request, new ProgressListener() {
            @Override public void progress(String stage, int done, int total) {}
            @Override public boolean wantsFrames() { return true; }
            @Override public void frame(int index, LinearImage frame, boolean preview) {
                if (firstFrame[0] < 0) firstFrame[0] = System.nanoTime();
            }
        }, new CancellationToken());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "engine alone, 640x360, 16 frames: first frame delivered at %.2f s; engine timings (ms):", (firstFrame[0] - t0) / 1e9));
        result.timingsMs().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        return line.toString();
    }

    /** Seconds from starting {@code java} to the window being usable, over fresh JVMs, timed from this side. */
    private static double[] startupSeconds(int runs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String p : TOOLKIT_PROPERTIES) if (System.getProperty(p) != null) command.add("-D" + p + "=" + System.getProperty(p));
        command.add(WindowStartupProbe.class.getName());
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(child::destroyForcibly);
            List<String> said = new ArrayList<>();
            double s = Double.NaN;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(WindowStartupProbe.USABLE) && Double.isNaN(s)) s = (System.nanoTime() - t0) / 1e9;
                    else said.add(line);
                }
            }
            child.waitFor();
            if (Double.isNaN(s)) {
                throw new IllegalStateException("the window never became usable (exit " + child.exitValue() + "): "
                        + String.join(" | ", said.subList(Math.max(0, said.size() - 3), said.size())));
            }
            seconds[r] = s;
        }
        return seconds;
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    static void waitFor(String what, int seconds, BooleanSupplier conditionOnFx) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(conditionOnFx::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new TimeoutException("timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(5);
        }
    }

    /**
     * Frame switch timings, ms: per switch on the FX thread and between pulses; and the CPU time per switch of the FX
     * thread and of Prism's render thread, which, unlike wall times, other processes on the machine do not inflate.
     */
    record Scrub(double[] listenersMs, double[] laidOutMs, double[] periodMs, int wrongFrames, double fxCpuMs, double renderCpuMs) {}

    /** CPU time of a thread in ns, or -1 where the JVM cannot tell. */
    private static long cpuNanos(long threadId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threadId < 0 || !threads.isThreadCpuTimeSupported() ? -1 : threads.getThreadCpuTime(threadId);
    }

    /** Prism's render thread ("QuantumRenderer-0"), or -1. */
    private static long renderThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** The main window as {@link TemporaWindow} builds it, with hooks to time pulses. */
    private static final class Bench {
        private final Stage stage;
        private final SessionModel session;
        private final MainView view;
        private final Scene scene;
        private LongConsumer afterLayout; // called once, with the time, after the next pulse's layout

        private Bench(Stage stage, SessionModel session, MainView view) {
            this.stage = stage;
            this.session = session;
            this.view = view;
            this.scene = stage.getScene();
            scene.addPostLayoutPulseListener(() -> {
                LongConsumer c = afterLayout;
                afterLayout = null;
                if (c != null) c.accept(System.nanoTime());
            });
        }

        static Bench show() {
            SessionModel session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
            MainView view = new MainView(session);
            Stage stage = new Stage();
            stage.setTitle("Tempora benchmark");
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(view, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight())));
            stage.show();
            return new Bench(stage, session, view);
        }

        void close() {
            view.dispose();
            session.close();
            stage.hide();
        }

        void open(Path photo, int width) throws Exception {
            onFx(() -> { session.open(photo); return null; });
            waitFor("opening " + photo.getFileName(), 60, () -> !session.tasks().busyProperty().get()
                    && session.photoProperty().get() != null && session.photoProperty().get().pixels().width() == width);
        }

        /** Presses Generate {@code runs} times; seconds to the first frame laid out on screen, and to the end of each run. */
        double[][] generateRuns(int runs) throws Exception {
            double[] first = new double[runs], all = new double[runs];
            for (int r = 0; r < runs; r++) {
                CompletableFuture<Long> shown = new CompletableFuture<>(), finished = new CompletableFuture<>();
                long t0 = onFx(() -> {
                    session.select(0);
                    once(session.shownFrameProperty(), i -> i.intValue() >= 0, () -> afterLayout = shown::complete);
                    once(session.tasks().busyProperty(), busy -> !busy, () -> finished.complete(System.nanoTime()));
                    long start = System.nanoTime();
                    ((Button) scene.lookup("#generateButton")).fire();
                    if (!session.tasks().busyProperty().get()) throw new IllegalStateException("Generate did not start: " + session.errorProperty().get());
                    return start;
                });
                first[r] = (shown.get(300, TimeUnit.SECONDS) - t0) / 1e9;
                all[r] = (finished.get(300, TimeUnit.SECONDS) - t0) / 1e9;
                int n = onFx(() -> session.framesReadyProperty().get());
                if (n != 16) throw new IllegalStateException("the run ended with " + n + " of 16 frames: " + onFx(() -> session.errorProperty().get()));
            }
            return new double[][] {first, all};
        }

        /** Turns the motion overlay to {@code kind}; seconds until the flows are measured and every frame's picture drawn. */
        double motion(MotionKind kind) throws Exception {
            long t0 = onFx(() -> {
                session.select(0);
                view.motion().kindProperty().set(kind);
                return System.nanoTime();
            });
            waitFor("the " + kind.label() + " overlay", 300, () -> view.motion().readyProperty().get());
            double seconds = (System.nanoTime() - t0) / 1e9;
            String problem = onFx(() -> view.motion().availableProperty().get() ? "" : view.motion().unavailableReasonProperty().get());
            if (!problem.isEmpty()) throw new IllegalStateException(problem);
            return seconds;
        }

        /** Switches frames at the start of every pulse, back and forth through the clip, as a fast drag on the timeline does. */
        Scrub scrub(int switches, int warmup) throws Exception {
            double[] listeners = new double[switches], laidOut = new double[switches], period = new double[switches];
            int[] wrong = new int[1];
            long fx = onFx(() -> Thread.currentThread().getId()), render = renderThreadId();
            long[] cpu = new long[4]; // FX and render thread CPU time at the first and after the last measured switch
            CompletableFuture<Void> done = new CompletableFuture<>();
            onFx(() -> {
                TimelineBand band = (TimelineBand) scene.lookup("#timeline");
                int frames = session.timelinePlanProperty().get().size();
                new AnimationTimer() {
                    private int pulse, frame = session.selectedFrameProperty().get(), step = 1;
                    private long lastStart;

                    @Override public void handle(long now) {
                        long start = System.nanoTime();
                        int s = pulse - warmup;
                        if (s >= 1 && s <= switches) period[s - 1] = (start - lastStart) / 1e6;
                        if (s == 0) {
                            cpu[0] = cpuNanos(fx);
                            cpu[1] = cpuNanos(render);
                        }
                        if (s == switches) {
                            cpu[2] = cpuNanos(fx);
                            cpu[3] = cpuNanos(render);
                            stop();
                            done.complete(null);
                            return;
                        }
                        if (frame + step < 0 || frame + step >= frames) step = -step;
                        frame += step;
                        int target = frame;
                        band.selectedProperty().set(target); // the band's listener selects the frame in the session
                        if (s >= 0) {
                            listeners[s] = (System.nanoTime() - start) / 1e6;
                            afterLayout = t -> {
                                laidOut[s] = (t - start) / 1e6;
                                if (session.shownFrameProperty().get() != target) wrong[0]++;
                            };
                        }
                        lastStart = start;
                        pulse++;
                    }
                }.start();
                return null;
            });
            done.get(300, TimeUnit.SECONDS);
            return new Scrub(listeners, laidOut, period, wrong[0], (cpu[2] - cpu[0]) / 1e6 / switches, (cpu[3] - cpu[1]) / 1e6 / switches);
        }

        /** Runs {@code then} the first time {@code value} satisfies {@code test}, and stops listening. */
        private static <T> void once(ObservableValue<T> value, java.util.function.Predicate<T> test, Runnable then) {
            value.addListener(new ChangeListener<T>() {
                @Override public void changed(ObservableValue<? extends T> o, T was, T now) {
                    if (!test.test(now)) return;
                    o.removeListener(this);
                    then.run();
                }
            });
        }
    }

    /** One line of the table: a measured quantity over some runs, and the target for it (NaN for none). */
    record Row(String name, String unit, double target, double[] values) {
        static Row of(String name, String unit, double target, double[] values) { return new Row(name, unit, target, values); }

        /** Nearest-rank percentile of the values. */
        double percentile(double p) {
            double[] v = values.clone();
            Arrays.sort(v);
            return v[Math.max(0, (int) Math.ceil(p / 100 * v.length) - 1)];
        }

        static void printAll(List<Row> rows) {
            System.out.printf(Locale.ROOT, "%-48s %5s %9s %9s %9s %8s %4s%n", "measure", "n", "median", "p95", "max", "target", "met");
            for (Row r : rows) {
                boolean hasTarget = !Double.isNaN(r.target());
                // Scrubbing must hold its target nearly always (p95); the one-off waits are judged by the median.
                double judged = r.unit().equals("ms") ? r.percentile(95) : r.percentile(50);
                System.out.printf(Locale.ROOT, "%-48s %5d %9s %9s %9s %8s %4s%n", r.name(), r.values().length,
                        r.format(r.percentile(50)), r.format(r.percentile(95)), r.format(r.percentile(100)),
                        hasTarget ? "<= " + r.format(r.target()) : "", hasTarget ? (judged <= r.target() ? "yes" : "NO") : "");
            }
        }

        private String format(double v) {
            return String.format(Locale.ROOT, "%.2f %s", v, unit);
        }
    }
}
