package org.tempora.app;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tempora.image.Photo;

/** The open photo's facts ({@link PhotoFacts}) and the reader's notes and warnings. */
public final class PhotoInfoPanel extends VBox {
    private final GridPane facts = new GridPane();
    private final Label notes = new Label();

    public PhotoInfoPanel() {
        setSpacing(6);
        setPadding(new Insets(8));
        facts.setHgap(8);
        facts.setVgap(2);
        facts.setId("photoFacts");
        notes.setId("photoNotes");
        notes.setWrapText(true);
        notes.setTextFill(Color.rgb(140, 90, 0));
        notes.managedProperty().bind(notes.visibleProperty());
        Label title = new Label("Photo");
        title.setStyle("-fx-font-weight: bold");
        getChildren().addAll(title, facts, notes);
        show(null);
    }

    public void show(Photo photo) {
        facts.getChildren().clear();
        if (photo == null) {
            facts.add(new Label("No photo open"), 0, 0);
            notes.setVisible(false);
            return;
        }
        int row = 0;
        for (Map.Entry<String, String> e : PhotoFacts.rows(photo).entrySet()) {
            Label key = new Label(e.getKey());
            key.setTextFill(Color.rgb(90, 90, 90));
            Label value = new Label(e.getValue());
            value.setWrapText(true);
            facts.addRow(row++, key, value);
        }
        notes.setText(String.join("\n", photo.notes()));
        notes.setVisible(!photo.notes().isEmpty());
    }
}
