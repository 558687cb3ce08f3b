package org.tempora.app;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Engine choice and seed: the engines of {@link EngineChoice#catalog}, unavailable ones greyed with their reason
 * under the list, and a seed field with a "New sample" button. The seed goes into every generation request.
 */
public final class EnginePanel extends GridPane {
    private final ComboBox<EngineChoice> engine = new ComboBox<>();

    public EnginePanel(SessionModel session, List<EngineChoice> choices) {
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(0, 8, 0, 8));
        ColumnConstraints names = new ColumnConstraints(), fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, fields);

        engine.setId("engine");
        engine.getItems().setAll(choices);
        engine.setCellFactory(list -> new ChoiceCell());
        engine.setButtonCell(new ChoiceCell());
        EngineChoice first = choices.stream().filter(EngineChoice::available).findFirst().orElseThrow();
        engine.setValue(first);
        engine.setMaxWidth(Double.MAX_VALUE);
        engine.setAccessibleText("Engine");
        engine.setTooltip(new Tooltip("The engine that makes the frames. Classical: built in, runs on the CPU."));
        // Keys can still step onto a greyed entry: step back to the engine that was chosen.
        engine.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.available()) Platform.runLater(() -> engine.setValue(was != null && was.available() ? was : first));
        });
        Label engineLabel = new Label("Engine");
        engineLabel.setLabelFor(engine);
        add(engineLabel, 0, 0);
        add(engine, 1, 0, 2, 1);

        Label why = new Label(String.join("\n", choices.stream().filter(c -> !c.available()).map(EngineChoice::reason).toList()));
        why.setId("engineReason");
        why.setWrapText(true);
        why.getStyleClass().add("note");
        why.setVisible(!why.getText().isEmpty());
        why.managedProperty().bind(why.visibleProperty());
        add(why, 0, 1, 3, 1);

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
        // Absent for a deterministic engine: every seed would give the same frames.
        if (session.engineSamples()) addSampleCount(session);
    }

    private void addSampleCount(SessionModel session) {
        Spinner<Integer> count = new Spinner<>(1, SessionModel.MAX_SAMPLES, session.sampleCountProperty().get());
        count.setId("sampleCount");
        count.setPrefWidth(80);
        count.valueProperty().addListener((o, was, now) -> session.sampleCountProperty().set(now));
        count.setTooltip(new Tooltip("How many samples Generate makes, with seeds seed, seed+1, ...; pick one from their thumbnails"));
        count.setAccessibleText("Number of samples");
        Label label = new Label("Samples");
        label.setLabelFor(count);
        add(label, 0, 3);
        add(count, 1, 3);
    }

    /** The engine chosen in the list. */
    public EngineChoice chosen() { return engine.getValue(); }

    /** Picks a fresh random seed for the next run. */
    public static void newSample(SessionModel session) {
        session.seedProperty().set(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L)); // 9 digits: easy to read and type
    }

    /** An engine entry, greyed (and not choosable) when the engine cannot run here. */
    private static final class ChoiceCell extends ListCell<EngineChoice> {
        @Override protected void updateItem(EngineChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.available() ? item.label() : item.label() + " (unavailable)");
            setDisable(!empty && item != null && !item.available());
            setTooltip(empty || item == null || item.available() ? null : new Tooltip(item.reason()));
        }
    }
}
