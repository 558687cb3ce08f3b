package org.tempora.app;

import static org.tempora.app.FxTestSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tempora.classical.ClassicalEngine;
import org.tempora.flow.FlowUnavailableException;
import org.tempora.timeline.PlanLimits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Where OpenCV cannot load, choosing a motion view greys the controls with the reason, and nothing fails. */
@ExtendWith(ApplicationExtension.class)
class MotionUnavailableTest {
    private static final String WHY = "optical flow needs OpenCV's native library, which could not be loaded here";
    private SessionModel session;
    private MotionOverlay motion;
    private Menu menu;

    @Start void start(Stage stage) {
        session = new SessionModel(new ClassicalEngine(), new PlanViewModel(PlanLimits.CLASSICAL));
        motion = new MotionOverlay(session, () -> { throw new FlowUnavailableException(WHY); });
        menu = MotionPanel.menu(motion);
        MotionPanel panel = new MotionPanel(motion);
        panel.setExpanded(true);
        stage.setScene(new Scene(new VBox(new MenuBar(menu), panel), 400, 500));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) { robot.interact(() -> { motion.close(); session.close(); }); }

    @Test void controlsGreyWithTheReason(FxRobot robot) throws Exception {
        ComboBox<?> kind = robot.lookup("#motionKind").queryAs(ComboBox.class);
        assertEquals("Generate frames to see their motion.", robot.lookup("#motionStatus").queryAs(Label.class).getText());
        robot.interact(() -> motion.kindProperty().set(MotionKind.ARROWS));
        waitFor(20, "the failed load", () -> !motion.availableProperty().get());
        Label reason = robot.lookup("#motionUnavailable").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("Motion view unavailable: " + WHY, reason.getText());
        assertTrue(kind.isDisabled(), "the view cannot be chosen");
        assertEquals(MotionKind.OFF, motion.kindProperty().get(), "back to off");
        for (MenuItem item : menu.getItems()) {
            if (item.getText() != null && !item.getText().equals(MotionKind.OFF.label())) assertTrue(item.isDisable(), item.getText() + " greyed");
        }
        assertEquals("", session.errorProperty().get(), "not an error: a missing feature");
    }
}
