package org.tempora.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulerConfigTest {

    @Test
    void cogVideoX2bMatchesThePublishedSchedulerConfig() {
        SchedulerConfig c = SchedulerConfig.cogVideoX2b();
        assertEquals(1000, c.numTrainTimesteps());
        assertEquals(0.00085, c.betaStart());
        assertEquals(0.012, c.betaEnd());
        assertEquals("scaled_linear", c.betaSchedule());
        assertTrue(c.rescaleBetasZeroSnr());
        assertEquals(3.0, c.snrShiftScale());
        assertEquals("trailing", c.timestepSpacing());
        assertTrue(c.setAlphaToOne());
        assertEquals("v_prediction", c.predictionType());
    }

    @Test
    void unknownChoicesAreRefusedNamingTheFieldAndTheAlternatives() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "squaredcos_cap_v2", true, 3.0, "trailing", true, "v_prediction"));
        assertTrue(e.getMessage().contains("beta_schedule \"squaredcos_cap_v2\""), e.getMessage());
        assertTrue(e.getMessage().contains("scaled_linear"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", true, 3.0, "karras", true, "v_prediction"));
        assertTrue(e.getMessage().contains("timestep_spacing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", true, 3.0, "trailing", true, "sample"));
        assertTrue(e.getMessage().contains("prediction_type"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", true, 3.0, "trailing", true, null));
        assertTrue(e.getMessage().contains("prediction_type"), e.getMessage());
    }

    @Test
    void impossibleNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1, 0.00085, 0.012,
                "scaled_linear", true, 3.0, "trailing", true, "v_prediction"));
        assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.0, 0.012,
                "scaled_linear", true, 3.0, "trailing", true, "v_prediction"));
        assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, Double.NaN,
                "scaled_linear", true, 3.0, "trailing", true, "v_prediction"));
        assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", true, -1.0, "trailing", true, "v_prediction"));
        var e = assertThrows(IllegalArgumentException.class, () -> new SchedulerConfig(1000, 0.00085, 0.012,
                "scaled_linear", true, 3.0, "trailing", true, "epsilon"));
        assertTrue(e.getMessage().contains("rescale_betas_zero_snr"), e.getMessage());
    }
}
