package org.tempora.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.tempora.timeline.FramePlan;

/**
 * Mode, the six plan sliders and reverse time, bound to a {@link PlanViewModel}. Sliders of values that follow
 * from the mode are disabled but keep showing the value; a slider shows its value clamped to its range, while the
 * number beside it shows the exact one. The plan's problem, if any, is shown under the sliders, live.
 */
public final class PlanControls extends GridPane {
    private final PlanViewModel model;
    private final Label summary = new Label();
    private final Label problem = new Label();

    public PlanControls(PlanViewModel model) {
        this.model = model;
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(8));
        ColumnConstraints names = new ColumnConstraints(), sliders = new ColumnConstraints(), values = new ColumnConstraints(52);
        sliders.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, sliders, values);

        ComboBox<PlanMode> mode = new ComboBox<>();
        mode.getItems().addAll(PlanMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setId("mode");
        mode.setAccessibleText("Frame layout mode");
        mode.setTooltip(new Tooltip("Present (Ctrl+1): frames tile the exposure. Past-Present-Future (Ctrl+2): also before and after it."
                + " Custom (Ctrl+3): every slider free, and the bars' edges on the timeline can be dragged."));
        add(new Label("Mode"), 0, 0);
        add(mode, 1, 0, 2, 1);

        int row = 1;
        row = slider(row, PlanField.FRAME_COUNT, "Frames", "%.0f", "Number of frames to generate");
        row = slider(row, PlanField.FRAME_DURATION, "Frame exposure", "%.3f", "Each frame's exposure, in photo exposures");
        row = slider(row, PlanField.FIRST_START, "First start", "%.3f", "Start of the first frame (the photo's exposure is -0.5 to 0.5)");
        row = slider(row, PlanField.DEAD_TIME, "Dead time", "%.3f", "Gap between frames, in photo exposures; negative overlaps them");
        row = slider(row, PlanField.PAST_SPAN, "Past span", "%.2f", "How far before the exposure frames may reach, in exposures");
        row = slider(row, PlanField.FUTURE_SPAN, "Future span", "%.2f", "How far after the exposure frames may reach, in exposures");

        CheckBox reverse = new CheckBox("Reverse time");
        reverse.setId("reverseTime");
        reverse.selectedProperty().bindBidirectional(model.reverseTimeProperty());
        reverse.setTooltip(new Tooltip("Play the camera's path the other way: a blur does not show which end came first (Ctrl+Shift+R)."
                + " Classical engine only: the diffusion model decides the direction itself."));
        reverse.disableProperty().bind(model.reverseTimeAvailableProperty().not());
        reverse.setAccessibleText("Reverse time");
        add(reverse, 0, row++, 3, 1);

        summary.setId("planSummary");
        summary.setWrapText(true);
        add(summary, 0, row++, 3, 1);
        problem.setId("planProblem");
        problem.setWrapText(true);
        problem.setTextFill(Color.rgb(170, 20, 20));
        problem.managedProperty().bind(problem.visibleProperty());
        add(problem, 0, row, 3, 1);

        model.planProperty().addListener((o, a, b) -> refresh());
        model.problemProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private int slider(int row, PlanField field, String name, String format, String help) {
        double min = field.min(), max = field.max(), step = field.step();
        Slider slider = new Slider(min, max, clamp(model.value(field), min, max));
        slider.setId(field.name());
        slider.setBlockIncrement(step);
        slider.setAccessibleText(name);
        slider.setTooltip(new Tooltip(help));
        Label value = new Label();
        value.setId(field.name() + "_value");
        Label label = new Label(name);
        label.setLabelFor(slider);
        boolean[] syncing = {false};
        Runnable show = () -> {
            syncing[0] = true;
            slider.setValue(clamp(model.value(field), min, max));
            syncing[0] = false;
            value.setText(String.format(Locale.ROOT, format, model.value(field)));
        };
        slider.valueProperty().addListener((o, a, b) -> {
            if (syncing[0] || !field.isFreeIn(model.modeProperty().get())) return;
            double v = Math.round(b.doubleValue() / step) * step; // values on the slider's grid read as typed numbers
            model.set(field, field == PlanField.FRAME_COUNT ? Math.round(v) : Math.round(v * 1e6) / 1e6);
        });
        model.observable(field).addListener((o, a, b) -> show.run());
        slider.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !field.isFreeIn(model.modeProperty().get()), model.modeProperty()));
        show.run();
        add(label, 0, row);
        add(slider, 1, row);
        add(value, 2, row);
        return row + 1;
    }

    private void refresh() {
        FramePlan plan = model.plan();
        summary.setText(plan == null ? "No valid plan" : String.format(Locale.ROOT, "%d frames over [%.3f, %.3f]",
                plan.size(), plan.span().start(), plan.span().end()));
        problem.setText(model.problemProperty().get());
        problem.setVisible(!model.problemProperty().get().isEmpty());
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
