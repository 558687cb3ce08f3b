package org.tempora.app;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tempora.export.ExportFormat;

/**
 * A small window playing an exported clip: an MP4 through JavaFX media, a GIF as an animated image. Where media cannot
 * play (no media support on this platform, a codec the player lacks) it says why and offers the containing folder.
 */
public final class ExportPlayer {
    private final Stage stage = new Stage();
    private final Path file;
    private final BorderPane root = new BorderPane();
    private final Label problem = new Label();
    private MediaPlayer player;

    private ExportPlayer(Window owner, Path file, ExportFormat format) {
        this.file = file;
        stage.initOwner(owner);
        stage.setTitle(file.getFileName().toString());
        problem.setId("playerProblem");
        problem.setWrapText(true);
        root.setPadding(new Insets(8));
        root.setCenter(format == ExportFormat.MP4 ? video() : animation());
        stage.setScene(new Scene(root, 720, 540));
        stage.setOnHidden(e -> dispose());
    }

    /** Opens a player window on {@code file}; never throws for a file that cannot be played. */
    public static ExportPlayer show(Window owner, Path file, ExportFormat format) {
        ExportPlayer p = new ExportPlayer(owner, file, format);
        p.stage.show();
        return p;
    }

    public Stage stage() { return stage; }

    /** Why the clip cannot be shown here, "" while it plays. */
    public String problem() { return problem.getText(); }

    private Node video() {
        try {
            Media media = new Media(file.toUri().toString());
            MediaPlayer p = new MediaPlayer(media);
            player = p;
            p.setCycleCount(MediaPlayer.INDEFINITE);
            p.setOnError(() -> cannotPlay(p.getError() == null ? "unknown media error" : p.getError().getMessage()));
            media.setOnError(() -> cannotPlay(media.getError() == null ? "unknown media error" : media.getError().getMessage()));
            MediaView view = new MediaView(p);
            view.setId("mediaView");
            view.setPreserveRatio(true);
            view.fitWidthProperty().bind(root.widthProperty().subtract(16));
            view.fitHeightProperty().bind(root.heightProperty().subtract(64));
            Button toggle = new Button("Pause");
            toggle.setId("playPauseButton");
            toggle.setOnAction(e -> {
                if (p.getStatus() == MediaPlayer.Status.PLAYING) {
                    p.pause();
                    toggle.setText("Play");
                } else {
                    p.play();
                    toggle.setText("Pause");
                }
            });
            HBox controls = new HBox(8, toggle);
            controls.setAlignment(Pos.CENTER);
            root.setBottom(controls);
            p.setAutoPlay(true);
            return view;
        } catch (MediaException | UnsupportedOperationException | IllegalStateException | LinkageError e) {
            // Headless platforms and some Linux installs lack the native media layer: the file is fine, this player is not.
            return cannotPlayView(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Node animation() {
        Image image = new Image(file.toUri().toString());
        if (image.isError()) {
            return cannotPlayView(image.getException() == null ? "the image could not be read" : image.getException().getMessage());
        }
        ImageView view = new ImageView(image);
        view.setId("gifView");
        view.setPreserveRatio(true);
        view.fitWidthProperty().bind(root.widthProperty().subtract(16));
        view.fitHeightProperty().bind(root.heightProperty().subtract(16));
        return view;
    }

    private void cannotPlay(String why) {
        if (Platform.isFxApplicationThread()) root.setCenter(cannotPlayView(why));
        else Platform.runLater(() -> root.setCenter(cannotPlayView(why)));
    }

    private Node cannotPlayView(String why) {
        dispose();
        root.setBottom(null);
        problem.setText("This window cannot play " + file.getFileName() + " (" + why + "). The file itself is complete: "
                + "open it in a video player.");
        Label result = new Label();
        result.setId("openFolderResult");
        result.setWrapText(true);
        Button open = new Button("Open the containing folder");
        open.setId("openFolderButton");
        open.setOnAction(e -> result.setText(openFolder(file.toAbsolutePath().getParent())));
        VBox box = new VBox(12, problem, open, result);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        return box;
    }

    /** Opens {@code folder} in the system's file manager; returns what the user should know ("" when it opened). */
    public static String openFolder(Path folder) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return "This system cannot open folders from Tempora: the file is in " + folder;
        }
        // Desktop.open may block while the file manager starts: never on the UI thread.
        Thread t = new Thread(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot open " + folder + ": " + e.getMessage());
            }
        }, "tempora-open-folder");
        t.setDaemon(true);
        t.start();
        return "Opening " + folder + "...";
    }

    private void dispose() {
        if (player != null) {
            player.dispose();
            player = null;
        }
    }
}
