package org.tempora.app;

import javafx.scene.control.Label;

/** Under the progress bar: how long the running stage still needs, from the pace of its steps so far. */
public final class TimeLeftLabel extends Label {
    private final RemainingTime estimate = new RemainingTime();

    public TimeLeftLabel(FxTasks tasks) {
        setId("timeLeft");
        setAccessibleText("Time left in this stage");
        managedProperty().bind(visibleProperty());
        setVisible(false);
        tasks.stepProperty().addListener((o, was, step) -> {
            if (step == null) {
                estimate.reset();
                setText("");
            } else {
                String left = RemainingTime.describe(estimate.report(step.stage(), step.done(), step.total(), System.nanoTime()));
                setText(left.isEmpty() ? "" : PlanShaper.capitalised(left) + " in this stage");
            }
            setVisible(!getText().isEmpty());
        });
    }
}
