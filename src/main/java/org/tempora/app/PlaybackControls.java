package org.tempora.app;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.tempora.timeline.FramePlan;

/**
 * Play / Pause, the frame rate and what happens at the last frame (once, loop, ping-pong). Each tick selects the
 * next frame in the {@link SessionModel}, so the preview, caption and timeline follow as when scrubbing.
 */
public final class PlaybackControls extends HBox {
    private final SessionModel session;
    private final Timeline clock = new Timeline();
    private final ComboBox<PlaybackMode> mode = new ComboBox<>();
    private final Spinner<Integer> fps = new Spinner<>(1, 60, 8);
    private int direction = 1;

    public PlaybackControls(SessionModel session) {
        super(8);
        this.session = session;
        setAlignment(Pos.CENTER_LEFT);
        Button play = new Button("Play");
        play.setId("playButton");
        play.setTooltip(new Tooltip("Play or pause the frames (Ctrl+P)"));
        play.setAccessibleText("Play or pause");
        play.setOnAction(e -> togglePlay());
        fps.setId("fps");
        fps.setEditable(true);
        fps.setPrefWidth(80);
        fps.setAccessibleText("Playback frame rate");
        fps.setTooltip(new Tooltip("Frames per second (Ctrl+] faster, Ctrl+[ slower)"));
        mode.setId("playbackMode");
        mode.getItems().setAll(PlaybackMode.values());
        mode.setValue(PlaybackMode.LOOP);
        mode.setAccessibleText("At the last frame");
        mode.setTooltip(new Tooltip("At the last frame: stop (Once), start again (Loop) or play backwards (Ping-pong). Ctrl+L cycles."));
        mode.valueProperty().addListener((o, a, b) -> direction = 1);
        Label fpsLabel = new Label("fps");
        fpsLabel.setLabelFor(fps);
        // One key frame per second, sped up by the rate: the rate is the frame rate, changeable while playing.
        clock.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), e -> tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.rateProperty().bind(Bindings.createDoubleBinding(() -> (double) fps.getValue(), fps.valueProperty()));
        clock.statusProperty().addListener((o, a, b) -> play.setText(b == Animation.Status.RUNNING ? "Pause" : "Play"));
        getChildren().addAll(play, fpsLabel, fps, mode);
    }

    public ObjectProperty<PlaybackMode> modeProperty() { return mode.valueProperty(); }

    public boolean isPlaying() { return clock.getStatus() == Animation.Status.RUNNING; }

    public void togglePlay() {
        if (isPlaying()) clock.stop();
        else clock.play();
    }

    /** Changes the frame rate by {@code delta} frames per second, within the spinner's range. */
    public void changeRate(int delta) {
        if (delta >= 0) fps.getValueFactory().increment(delta);
        else fps.getValueFactory().decrement(-delta);
    }

    /** Stops playback (the window is closing, or the user paused). */
    public void stop() { clock.stop(); }

    /** Shows the next frame, as the clock does once per frame period. */
    void tick() {
        FramePlan plan = session.timelinePlanProperty().get();
        if (plan == null) { clock.stop(); return; }
        PlaybackMode.Step step = mode.getValue().next(session.selectedFrameProperty().get(), direction, plan.size());
        direction = step.direction();
        session.select(step.frame());
        if (step.stop()) clock.stop();
    }
}
