package org.tempora.app;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Motion group of the side panel, bound to a {@link MotionOverlay}: which view (off, colour wheel, arrows, speed,
 * tracks), over the frame or the photo, opacity, consecutive frames or two chosen ones, grid spacing and arrow length,
 * and what was measured. Greyed with the reason where optical flow cannot run. Also the View menu's Motion submenu.
 */
public final class MotionPanel extends TitledPane {
    private final MotionOverlay motion;

    public MotionPanel(MotionOverlay motion) {
        this.motion = motion;
        setText("Motion");
        setId("motionPanel");
        setExpanded(false); // most runs do not need it: the side panel stays short
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(6, 0, 6, 0));
        ColumnConstraints names = new ColumnConstraints(), fields = new ColumnConstraints(), values = new ColumnConstraints(52);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, fields, values);

        ComboBox<MotionKind> kind = new ComboBox<>();
        kind.setId("motionKind");
        kind.getItems().setAll(MotionKind.values());
        kind.valueProperty().bindBidirectional(motion.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setAccessibleText("Motion view");
        kind.setTooltip(new Tooltip("Optical flow between the frames, over the picture: colours (hue = direction, saturation = speed),"
                + " arrows, speed as a heat map, or points followed through the clip (Ctrl+M steps through them)"));
        row(grid, 0, "View", kind, null);

        CheckBox overPhoto = new CheckBox("Over the photo");
        overPhoto.setId("motionOverPhoto");
        overPhoto.selectedProperty().bindBidirectional(motion.overPhotoProperty());
        overPhoto.setAccessibleText("Motion over the photo instead of the frame");
        overPhoto.setTooltip(new Tooltip("Draw the motion over the blurred photo instead of over the frame on the timeline"));
        grid.add(overPhoto, 1, 1, 2, 1);

        Slider opacity = new Slider(0, 1, motion.opacityProperty().get());
        opacity.setId("motionOpacity");
        opacity.valueProperty().bindBidirectional(motion.opacityProperty());
        opacity.setBlockIncrement(0.05);
        opacity.setAccessibleText("Motion overlay opacity");
        opacity.setTooltip(new Tooltip("How strongly the overlay covers the picture under it"));
        Label opacityValue = new Label();
        opacityValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f %%", 100 * motion.opacityProperty().get()), motion.opacityProperty()));
        row(grid, 2, "Opacity", opacity, opacityValue);

        CheckBox twoFrames = new CheckBox("Between two frames");
        twoFrames.setId("motionTwoFrames");
        twoFrames.selectedProperty().bindBidirectional(motion.twoFramesProperty());
        twoFrames.setAccessibleText("Motion between two chosen frames");
        twoFrames.setTooltip(new Tooltip("Off: each frame shows its motion to the next one and follows the playhead."
                + " On: the motion from one chosen frame to another, first to last by default"));
        grid.add(twoFrames, 1, 3, 2, 1);
        Spinner<Integer> from = frameSpinner("motionPairFrom", motion.pairFromProperty(), "First frame of the pair");
        Spinner<Integer> to = frameSpinner("motionPairTo", motion.pairToProperty(), "Second frame of the pair");
        HBox pair = new HBox(6, from, new Label("to"), to);
        row(grid, 4, "Frames", pair, null);

        Slider spacing = new Slider(MotionSettings.MIN_SPACING, MotionSettings.MAX_SPACING, motion.spacingProperty().get());
        spacing.setId("motionSpacing");
        spacing.setBlockIncrement(2);
        spacing.setAccessibleText("Spacing of arrows and tracked points");
        spacing.setTooltip(new Tooltip("Distance between arrows and between tracked grid points, in pixels of the measured flow"));
        // Whole pixels only, and set on release too: each value draws every frame's picture again.
        spacing.valueProperty().addListener((o, a, b) -> { if (!spacing.isValueChanging()) motion.spacingProperty().set((int) Math.round(b.doubleValue())); });
        spacing.valueChangingProperty().addListener((o, a, changing) -> { if (!changing) motion.spacingProperty().set((int) Math.round(spacing.getValue())); });
        motion.spacingProperty().addListener((o, a, b) -> { if (!spacing.isValueChanging()) spacing.setValue(b.intValue()); });
        Label spacingValue = new Label();
        spacingValue.textProperty().bind(Bindings.createStringBinding(() -> (int) Math.round(spacing.getValue()) + " px", spacing.valueProperty()));
        row(grid, 5, "Spacing", spacing, spacingValue);

        // The slider works in log2 of the factor, so halving and doubling are equal steps.
        Slider length = new Slider(log2(MotionSettings.MIN_LENGTH), log2(MotionSettings.MAX_LENGTH), log2(motion.lengthProperty().get()));
        length.setId("motionLength");
        length.setBlockIncrement(0.25);
        length.setAccessibleText("Arrow length");
        length.setTooltip(new Tooltip("Arrow length: at 1x the fastest reliable motion (bar the top 1%) is one grid cell long"));
        length.valueProperty().addListener((o, a, b) -> { if (!length.isValueChanging()) motion.lengthProperty().set(Math.pow(2, b.doubleValue())); });
        length.valueChangingProperty().addListener((o, a, changing) -> { if (!changing) motion.lengthProperty().set(Math.pow(2, length.getValue())); });
        Label lengthValue = new Label();
        lengthValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2fx", Math.pow(2, length.getValue())), length.valueProperty()));
        row(grid, 6, "Arrows", length, lengthValue);

        Button clear = new Button("Clear points");
        clear.setId("motionClearPoints");
        clear.setAccessibleText("Clear the picked points");
        clear.setTooltip(new Tooltip("Forget the clicked points and track a grid again"));
        clear.setOnAction(e -> motion.picked().clear());
        clear.disableProperty().bind(Bindings.isEmpty(motion.picked()));
        Label pickedCount = new Label();
        pickedCount.getStyleClass().add("note");
        pickedCount.textProperty().bind(Bindings.createStringBinding(
                () -> motion.picked().isEmpty() ? "tracking a grid; click the picture to pick points" : motion.picked().size() + " picked",
                motion.picked()));
        pickedCount.setWrapText(true);
        HBox points = new HBox(8, clear, pickedCount);
        row(grid, 7, "Tracks", points, null);

        BooleanBinding off = motion.availableProperty().not(), none = motion.kindProperty().isEqualTo(MotionKind.OFF);
        for (Node n : List.of(overPhoto, opacity, twoFrames, spacing, length, points)) n.disableProperty().bind(none);
        pair.disableProperty().bind(motion.twoFramesProperty().not().or(none));
        motion.kindProperty().addListener((o, a, b) -> { if (b != MotionKind.OFF) setExpanded(true); }); // chosen from the menu: show its settings
        grid.disableProperty().bind(off);

        Label status = new Label();
        status.setId("motionStatus");
        status.setWrapText(true);
        status.getStyleClass().add("note");
        status.textProperty().bind(Bindings.when(motion.work().busyProperty()).then(motion.work().stageProperty()).otherwise(motion.statusProperty()));
        Label reason = new Label();
        reason.setId("motionUnavailable");
        reason.setWrapText(true);
        reason.textProperty().bind(motion.unavailableReasonProperty());
        reason.visibleProperty().bind(off);
        reason.managedProperty().bind(off);
        VBox box = new VBox(6, grid, status, reason);
        box.setPadding(new Insets(0, 8, 0, 8));
        setContent(box);
    }

    private static double log2(double v) { return Math.log(v) / Math.log(2); }

    private static void row(GridPane grid, int row, String name, Node field, Node value) {
        Label label = new Label(name);
        label.setLabelFor(field);
        grid.add(label, 0, row);
        if (value == null) grid.add(field, 1, row, 2, 1);
        else {
            grid.add(field, 1, row);
            grid.add(value, 2, row);
        }
    }

    private static Spinner<Integer> frameSpinner(String id, javafx.beans.property.IntegerProperty frame, String help) {
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 999, frame.get());
        Spinner<Integer> spinner = new Spinner<>(values);
        spinner.setId(id);
        spinner.setPrefWidth(80);
        spinner.setTooltip(new Tooltip(help + ", numbered from 1 as in the caption"));
        spinner.setAccessibleText(help);
        values.valueProperty().addListener((o, a, b) -> { if (b != null) frame.set(b); });
        frame.addListener((o, a, b) -> values.setValue(b.intValue()));
        return spinner;
    }

    /** The View menu's Motion submenu: one item per view, and Ctrl+M steps to the next. */
    public static Menu menu(MotionOverlay motion) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("Motion overlay");
        menu.setId("motionMenu");
        for (MotionKind k : MotionKind.values()) {
            RadioMenuItem item = new RadioMenuItem(k.label());
            item.setId("motion_" + k.name());
            item.setToggleGroup(group);
            item.setSelected(motion.kindProperty().get() == k);
            item.setOnAction(e -> motion.kindProperty().set(k));
            motion.kindProperty().addListener((o, a, b) -> item.setSelected(b == k));
            if (k != MotionKind.OFF) item.disableProperty().bind(motion.availableProperty().not());
            menu.getItems().add(item);
        }
        MenuItem next = new MenuItem("Next motion view");
        next.setId("motionNextItem");
        next.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        next.setOnAction(e -> motion.kindProperty().set(motion.kindProperty().get().following()));
        next.disableProperty().bind(motion.availableProperty().not());
        menu.getItems().addAll(new SeparatorMenuItem(), next);
        return menu;
    }
}
