package org.tempora.app;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The samples (seeds) of the last Generate side by side, each as its middle frame; clicking one puts its frames on
 * the timeline. Shown only while there is more than one sample to compare.
 */
final class SampleStrip extends VBox {
    private static final double THUMB_WIDTH = 96;
    private final FlowPane thumbs = new FlowPane(6, 6);
    private final ToggleGroup group = new ToggleGroup();

    SampleStrip(SessionModel session) {
        super(4);
        setId("sampleStrip");
        setPadding(new Insets(0, 8, 0, 8));
        Label title = new Label("Samples: middle frame of each seed; click to pick");
        title.getStyleClass().add("note");
        getChildren().addAll(title, thumbs);
        session.sampleThumbnailsProperty().addListener((ListChangeListener<Image>) change -> rebuild(session));
        session.chosenSampleProperty().addListener((o, was, now) -> select(now.intValue()));
        visibleProperty().bind(session.sampleThumbnailsProperty().emptyProperty().not());
        managedProperty().bind(visibleProperty());
    }

    private void rebuild(SessionModel session) {
        thumbs.getChildren().clear();
        group.getToggles().clear();
        long first = session.seedProperty().get();
        for (int i = 0; i < session.sampleThumbnailsProperty().size(); i++) {
            int sample = i;
            ImageView view = new ImageView(session.sampleThumbnailsProperty().get(i));
            view.setFitWidth(THUMB_WIDTH);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            ToggleButton button = new ToggleButton(Integer.toString(i + 1), view);
            button.setId("sampleThumb" + i);
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip("Sample " + (i + 1) + " (seed " + (first + i) + "): show its frames on the timeline"));
            button.setAccessibleText("Sample " + (i + 1) + ", seed " + (first + i));
            button.setOnAction(e -> {
                session.pickSample(sample);
                button.setSelected(true); // a second click keeps it picked rather than leaving none
            });
            thumbs.getChildren().add(button);
        }
        select(session.chosenSampleProperty().get());
    }

    private void select(int sample) {
        if (sample >= 0 && sample < group.getToggles().size()) group.selectToggle(group.getToggles().get(sample));
    }
}
