package org.tempora.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tempora.timeline.FramePlan;
import org.tempora.timeline.PlanLimits;
import org.tempora.timeline.SliderSettings;

/**
 * The frame-plan controls as properties: mode, the six slider values, reverse time and the engine's limits in; the
 * plan (null while invalid) and the reason it is invalid out, recomputed on every change. The logic lives in {@link PlanShaper}.
 */
public final class PlanViewModel {
    private final ObjectProperty<PlanLimits> limits = new SimpleObjectProperty<>(this, "limits");
    private final ObjectProperty<PlanMode> mode = new SimpleObjectProperty<>(this, "mode", PlanMode.PRESENT);
    private final IntegerProperty frameCount = new SimpleIntegerProperty(this, "frameCount", 16);
    private final DoubleProperty frameDuration = new SimpleDoubleProperty(this, "frameDuration");
    private final DoubleProperty firstStart = new SimpleDoubleProperty(this, "firstStart");
    private final DoubleProperty deadTime = new SimpleDoubleProperty(this, "deadTime");
    private final DoubleProperty pastSpan = new SimpleDoubleProperty(this, "pastSpan", 0.5);
    private final DoubleProperty futureSpan = new SimpleDoubleProperty(this, "futureSpan", 0.5);
    private final BooleanProperty reverseTime = new SimpleBooleanProperty(this, "reverseTime");
    private final BooleanProperty reverseTimeAvailable = new SimpleBooleanProperty(this, "reverseTimeAvailable", true);
    private final ReadOnlyObjectWrapper<FramePlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private boolean updating;

    public PlanViewModel(PlanLimits limits) {
        this.limits.set(limits);
        this.limits.addListener((o, a, b) -> recompute());
        mode.addListener((o, a, b) -> recompute());
        frameCount.addListener((o, a, b) -> recompute());
        for (DoubleProperty p : new DoubleProperty[] {frameDuration, firstStart, deadTime, pastSpan, futureSpan}) {
            p.addListener((o, a, b) -> recompute());
        }
        recompute();
    }

    public ObjectProperty<PlanMode> modeProperty() { return mode; }
    public IntegerProperty frameCountProperty() { return frameCount; }
    public DoubleProperty frameDurationProperty() { return frameDuration; }
    public DoubleProperty firstStartProperty() { return firstStart; }
    public DoubleProperty deadTimeProperty() { return deadTime; }
    public DoubleProperty pastSpanProperty() { return pastSpan; }
    public DoubleProperty futureSpanProperty() { return futureSpan; }
    public BooleanProperty reverseTimeProperty() { return reverseTime; }
    /** Whether the engine can reverse time (the classical one plays its camera path either way); the window greys the control. */
    public BooleanProperty reverseTimeAvailableProperty() { return reverseTimeAvailable; }
    /** What the engine can render; setting it (on switching engines) re-checks the plan and explains what no longer fits. */
    public ObjectProperty<PlanLimits> limitsProperty() { return limits; }
    public ReadOnlyObjectProperty<FramePlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public FramePlan plan() { return plan.get(); }
    public PlanLimits limits() { return limits.get(); }

    /** The value behind one slider. */
    public double value(PlanField field) {
        return switch (field) {
            case FRAME_COUNT -> frameCount.get();
            case FRAME_DURATION -> frameDuration.get();
            case FIRST_START -> firstStart.get();
            case DEAD_TIME -> deadTime.get();
            case PAST_SPAN -> pastSpan.get();
            case FUTURE_SPAN -> futureSpan.get();
        };
    }

    /** Sets one slider's value (frame counts are rounded to whole frames). */
    public void set(PlanField field, double value) {
        switch (field) {
            case FRAME_COUNT -> frameCount.set((int) Math.round(value));
            case FRAME_DURATION -> frameDuration.set(value);
            case FIRST_START -> firstStart.set(value);
            case DEAD_TIME -> deadTime.set(value);
            case PAST_SPAN -> pastSpan.set(value);
            case FUTURE_SPAN -> futureSpan.set(value);
        }
    }

    /**
     * Moves one edge of a bar on the timeline to {@code time} (Custom mode only): frame duration and first start
     * change so the edge lands there, clamped to the sliders' ranges, the past and future spans and the engine's
     * limits. Both values change at once, so the plan never passes through an invalid state.
     */
    public void moveEdge(TimelineScale.Edge edge, double time) {
        if (mode.get() != PlanMode.CUSTOM || plan.get() == null) return;
        TimelineScale.EdgeLimits reach = new TimelineScale.EdgeLimits(PlanField.FRAME_DURATION.min(), PlanField.FRAME_DURATION.max(),
                Math.max(PlanField.FIRST_START.min(), Math.max(-0.5 - pastSpan.get(), limits().earliestStart())),
                PlanField.FIRST_START.max(), Math.min(0.5 + futureSpan.get(), limits().latestEnd()));
        SliderSettings now = new SliderSettings(frameCount.get(), frameDuration.get(), firstStart.get(), deadTime.get(),
                pastSpan.get(), futureSpan.get());
        SliderSettings moved = TimelineScale.movedEdge(now, edge, time, reach);
        if (moved.equals(now)) return;
        updating = true;
        try {
            frameDuration.set(moved.frameDuration());
            firstStart.set(moved.firstStart());
        } finally {
            updating = false;
        }
        recompute();
    }

    /** The property behind one slider, for listening. */
    public javafx.beans.value.ObservableNumberValue observable(PlanField field) {
        return switch (field) {
            case FRAME_COUNT -> frameCount;
            case FRAME_DURATION -> frameDuration;
            case FIRST_START -> firstStart;
            case DEAD_TIME -> deadTime;
            case PAST_SPAN -> pastSpan;
            case FUTURE_SPAN -> futureSpan;
        };
    }

    private void recompute() {
        if (updating) return; // writing back derived values must not start another round
        updating = true;
        try {
            SliderSettings given = new SliderSettings(frameCount.get(), frameDuration.get(), firstStart.get(), deadTime.get(),
                    pastSpan.get(), futureSpan.get());
            PlanShaper.Shaped shaped = PlanShaper.shape(mode.get(), given, limits.get());
            SliderSettings s = shaped.settings();
            frameDuration.set(s.frameDuration());
            firstStart.set(s.firstStart());
            deadTime.set(s.deadTime());
            pastSpan.set(s.pastSpan());
            futureSpan.set(s.futureSpan());
            plan.set(shaped.plan());
            problem.set(shaped.problem());
        } finally {
            updating = false;
        }
    }
}
