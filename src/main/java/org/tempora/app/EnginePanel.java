package org.tempora.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tempora.engine.Engine;

/**
 * Engine choice, seed, samples and steps: the engines of {@link WindowEngines}, unavailable ones greyed with their
 * reason under the list; a seed field with a "New sample" button; for a sampling engine the number of samples, and
 * for the diffusion engine its sampling steps; the classical engine's full-resolution detail pass. Choosing an engine switches the session to it (not while work runs)
 * and is remembered in the preferences.
 */
public final class EnginePanel extends GridPane {
    /** What the detail checkbox does, shown in its tooltip when it can be ticked. */
    static final String FULL_DETAIL_HELP = "For photos over 1 megapixel the classical engine estimates the blur at reduced"
            + " resolution. Ticked, it removes the blur again at the photo's full size, drawing the camera path thin there:"
            + " finer frames, a slower run.";

    /** The Steps spinner's range: fewer than 1 is no sampling, more than 200 is hours on most machines for little gain. */
    public static final int MIN_STEPS = 1, MAX_STEPS = 200;

    private final SessionModel session;
    private final WindowEngines engines;
    private final AppPreferences prefs;
    private final ComboBox<EngineChoice> engine = new ComboBox<>();
    private final Label detail = new Label();
    private final Spinner<Integer> steps = new Spinner<>();
    private final Label stepsLabel = new Label("Steps");

    public EnginePanel(SessionModel session, WindowEngines engines, AppPreferences prefs) {
        this.session = session;
        this.engines = engines;
        this.prefs = prefs;
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(0, 8, 0, 8));
        ColumnConstraints names = new ColumnConstraints(), fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, fields);
        List<EngineChoice> choices = engines.choices();

        engine.setId("engine");
        engine.getItems().setAll(choices);
        engine.setCellFactory(list -> new ChoiceCell());
        engine.setButtonCell(new ChoiceCell());
        engine.setMaxWidth(Double.MAX_VALUE);
        engine.setAccessibleText("Engine");
        engine.setTooltip(new Tooltip("The engine that makes the frames. Classical: built in, runs on the CPU."
                + " Diffusion: a generative model, from an installed model bundle. Not while work runs."));
        engine.disableProperty().bind(session.tasks().busyProperty()); // the running engine must not change under it
        Label engineLabel = new Label("Engine");
        engineLabel.setLabelFor(engine);
        add(engineLabel, 0, 0);
        add(engine, 1, 0, 2, 1);

        detail.setId("engineDetail");
        detail.setWrapText(true);
        detail.getStyleClass().add("note");
        detail.managedProperty().bind(detail.visibleProperty());
        Label why = new Label(String.join("\n", choices.stream().filter(c -> !c.available()).map(EngineChoice::reason).toList()));
        why.setId("engineReason");
        why.setWrapText(true);
        why.getStyleClass().add("note");
        why.setVisible(!why.getText().isEmpty());
        why.managedProperty().bind(why.visibleProperty());
        // One row for both notes: a hidden note in a row of its own would still leave the row's gap.
        VBox notes = new VBox(4, detail, why);
        add(notes, 0, 1, 3, 1);

        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPrefColumnCount(10);
        seed.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,18}") ? change : null));
        seed.setText(Long.toString(session.seedProperty().get()));
        // Every keystroke counts (no Enter needed); an emptied field keeps the last seed until a number is typed.
        seed.textProperty().addListener((o, was, now) -> { if (!now.isEmpty()) session.seedProperty().set(Long.parseLong(now)); });
        session.seedProperty().addListener((o, was, now) -> {
            String text = Long.toString(now.longValue());
            if (!text.equals(seed.getText())) seed.setText(text);
        });
        String deterministic = "The classical engine is deterministic: every seed gives the same frames; the seed is still"
                + " recorded with the run. A sampling engine (diffusion) makes a different sample for each seed.";
        seed.setTooltip(new Tooltip("Seed of the sample. " + deterministic));
        seed.setAccessibleText("Seed");
        Button newSample = new Button("New sample");
        newSample.setId("newSample");
        newSample.setOnAction(e -> newSample(session));
        newSample.setTooltip(new Tooltip("Pick a new random seed (Ctrl+N). " + deterministic));
        newSample.setAccessibleText("New sample: pick a new random seed");
        Label seedLabel = new Label("Seed");
        seedLabel.setLabelFor(seed);
        add(seedLabel, 0, 2);
        add(seed, 1, 2);
        add(newSample, 2, 2);

        // Shown only for a sampling engine: a deterministic one gives the same frames for every seed.
        BooleanBinding sampling = Bindings.createBooleanBinding(() -> session.engine().samples(), session.engineProperty());
        addSampleCount(sampling);
        int defaultSteps = choices.stream().mapToInt(EngineChoice::defaultSteps).filter(s -> s > 0).findFirst().orElse(50);
        addSteps(Math.max(MIN_STEPS, Math.min(MAX_STEPS, defaultSteps)));
        addFullDetail();
        addBlurSource();

        EngineChoice first = choices.stream().filter(EngineChoice::available).findFirst().orElseThrow();
        Optional<EngineChoice> remembered = prefs.engine().flatMap(engines::choice).filter(EngineChoice::available);
        EngineChoice current = engines.choice(session.engine().id()).orElse(first);
        engine.setValue(remembered.orElse(current));
        if (remembered.isPresent() && !remembered.get().id().equals(session.engine().id()) && !choose(remembered.get())) {
            engine.setValue(current);
        }
        showChosen();
        // Keys can still step onto a greyed entry, and a switch can be refused: step back to the engine that was chosen.
        engine.valueProperty().addListener((o, was, now) -> {
            if (now == null || now == was) return;
            if (!now.available() || !choose(now)) {
                Platform.runLater(() -> engine.setValue(was != null && was.available() ? was : first));
                return;
            }
            showChosen();
        });
    }

    /** Switches the session to the entry's engine; false (with the reason in the error banner) if it cannot. */
    private boolean choose(EngineChoice choice) {
        Engine next;
        try {
            next = engines.engineFor(choice);
        } catch (RuntimeException e) {
            session.errorProperty().set("The " + choice.label() + " engine cannot start: " + UserMessages.describe(e));
            return false;
        }
        if (!session.switchEngine(next)) return false;
        prefs.setEngine(choice.id());
        return true;
    }

    private void showChosen() {
        EngineChoice chosen = engine.getValue();
        detail.setText(chosen == null ? "" : chosen.detail());
        detail.setVisible(!detail.getText().isEmpty());
        detail.setTooltip(chosen == null || detail.getText().isEmpty() ? null : new Tooltip(chosen.tooltip()));
        boolean diffusion = chosen != null && chosen.bundle().isPresent(); // only the diffusion engine has steps
        steps.setVisible(diffusion);
        stepsLabel.setVisible(diffusion);
    }

    private void addSampleCount(BooleanBinding shown) {
        Spinner<Integer> count = new Spinner<>(1, SessionModel.MAX_SAMPLES, session.sampleCountProperty().get());
        count.setId("sampleCount");
        count.setPrefWidth(90); // as wide as the Steps spinner below it
        count.valueProperty().addListener((o, was, now) -> session.sampleCountProperty().set(now));
        count.setTooltip(new Tooltip("How many samples Generate makes, with seeds seed, seed+1, ...; pick one from their thumbnails"));
        count.setAccessibleText("Number of samples");
        Label label = new Label("Samples");
        label.setLabelFor(count);
        for (javafx.scene.Node n : new javafx.scene.Node[] {count, label}) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
        add(label, 0, 3);
        add(count, 1, 3);
    }

    private void addSteps(int initial) {
        Spinner<Integer> spinner = steps;
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(MIN_STEPS, MAX_STEPS, initial));
        spinner.setId("steps");
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.getEditor().setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        // A typed number counts when the field loses focus too, not only on Enter.
        spinner.focusedProperty().addListener((o, was, now) -> { if (!now) commit(spinner); });
        session.stepsProperty().set(initial);
        spinner.valueProperty().addListener((o, was, now) -> session.stepsProperty().set(now));
        spinner.setTooltip(new Tooltip("Sampling steps of the diffusion model (" + MIN_STEPS + " to " + MAX_STEPS
                + "): more steps, finer frames, longer runs; the model's default is where it starts"));
        spinner.setAccessibleText("Sampling steps");
        stepsLabel.setLabelFor(spinner);
        spinner.managedProperty().bind(spinner.visibleProperty());
        stepsLabel.managedProperty().bind(stepsLabel.visibleProperty());
        add(stepsLabel, 0, 4);
        add(spinner, 1, 4);
    }

    /**
     * The full-resolution detail checkbox: greyed unless the classical engine runs on a photo over 1.44 megapixels, its
     * tooltip then saying why. The tooltip sits on a label holding it too, as a disabled control shows no tooltip of its own.
     */
    private void addFullDetail() {
        CheckBox box = new CheckBox("Full-resolution detail (slower)");
        box.setId("fullDetail");
        box.selectedProperty().bindBidirectional(session.fullDetailProperty());
        javafx.beans.binding.StringBinding why = Bindings.createStringBinding(
                () -> SessionModel.whyNoFullDetail(session.engine(), session.photoProperty().get()),
                session.engineProperty(), session.photoProperty());
        box.disableProperty().bind(why.isNotEmpty());
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> why.get().isEmpty() ? FULL_DETAIL_HELP : "Unavailable. " + why.get(), why));
        box.setTooltip(tip); // shown while it can be ticked; the label around it shows the same tooltip while greyed
        box.accessibleHelpProperty().bind(tip.textProperty());
        box.setAccessibleText("Full-resolution detail");
        Label holder = new Label(null, box);
        holder.setId("fullDetailHolder");
        holder.setTooltip(tip);
        add(holder, 0, 5, 3, 1);
    }

    /**
     * Where the classical engine's blur comes from (the whole photo, a blur region, or a known kernel), with a button to
     * load a known kernel (as {@code generate --kernel} takes it) and one to estimate from the whole photo again.
     */
    private void addBlurSource() {
        Label source = new Label();
        source.setId("blurSource");
        source.setWrapText(true);
        source.textProperty().bind(Bindings.createStringBinding(session::blurSource, session.blurRegionProperty(), session.knownKernelProperty()));
        Button known = new Button("Known kernel\u2026");
        known.setId("knownKernelButton");
        known.setTooltip(new Tooltip("Use a blur you know instead of estimating one: a greyscale picture whose pixel values are"
                + " the weights, a .csv/.txt matrix, or the kernel.png (or a part's kernel_A.png ...) of an earlier run (odd square side, photo pixels)"));
        known.setOnAction(e -> chooseKnownKernel());
        known.setAccessibleText("Use a known blur kernel from a file");
        Button estimate = new Button("Estimate");
        estimate.setId("estimateBlurButton");
        estimate.setTooltip(new Tooltip("Estimate the blur from the whole photo again"));
        estimate.setOnAction(e -> session.estimateBlur());
        estimate.setAccessibleText("Estimate the blur from the whole photo");
        estimate.visibleProperty().bind(session.blurRegionProperty().isNotNull().or(session.knownKernelProperty().isNotNull()));
        estimate.managedProperty().bind(estimate.visibleProperty());
        known.disableProperty().bind(session.tasks().busyProperty().or(session.photoProperty().isNull()));
        Label label = new Label("Blur");
        label.setLabelFor(source);
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6, known, estimate);
        BooleanBinding classical = Bindings.createBooleanBinding(() -> SessionModel.whyNoBlurRegion(session.engine()).isEmpty(),
                session.engineProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {label, source, buttons}) {
            n.visibleProperty().bind(classical);
            n.managedProperty().bind(classical);
        }
        add(label, 0, 6);
        add(source, 1, 6, 2, 1);
        add(buttons, 1, 7, 2, 1);
    }

    private void chooseKnownKernel() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Use a known blur kernel");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Kernels", "*.png", "*.tif", "*.tiff", "*.csv", "*.txt", "*.PNG", "*.TIF", "*.TIFF", "*.CSV", "*.TXT"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        prefs.lastFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) session.loadKnownKernel(file.toPath());
    }

    /** Takes the editor's text as the value, or puts the value back when the text is empty or out of range. */
    private static void commit(Spinner<Integer> spinner) {
        String text = spinner.getEditor().getText();
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        if (!text.isEmpty()) {
            int typed = Integer.parseInt(text);
            factory.setValue(Math.max(MIN_STEPS, Math.min(MAX_STEPS, typed)));
        }
        spinner.getEditor().setText(Integer.toString(factory.getValue()));
    }

    /** The engine chosen in the list. */
    public EngineChoice chosen() { return engine.getValue(); }

    /** Picks a fresh random seed for the next run. */
    public static void newSample(SessionModel session) {
        session.seedProperty().set(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L)); // 9 digits: easy to read and type
    }

    /** An engine entry, greyed (and not choosable) when the engine cannot run here; its tooltip says what it is or why not. */
    private static final class ChoiceCell extends ListCell<EngineChoice> {
        @Override protected void updateItem(EngineChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.available() ? item.label() : item.label() + " (unavailable)");
            setDisable(!empty && item != null && !item.available());
            setTooltip(empty || item == null ? null : new Tooltip(item.tooltip()));
        }
    }
}
