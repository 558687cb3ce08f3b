package org.tempora.diffusion.runtime;

import org.junit.jupiter.api.Test;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.EngineException;

import static org.junit.jupiter.api.Assertions.*;

class InferenceDeviceTest {
    static final DeviceProbe.Device NO_GPU = new DeviceProbe.Device(false, "CPU (2 cores)");

    @Test
    void autoWithoutAGpuRunsOnTheCpuAndSaysWhy() throws Exception {
        try (InferenceDevice d = InferenceDevice.select(DeviceChoice.AUTO, NO_GPU, 2)) {
            assertFalse(d.cuda());
            assertEquals("CPU (2 threads)", d.description());
            assertTrue(d.notice().orElseThrow().contains("no NVIDIA GPU was found"), d.notice().toString());
        }
    }

    @Test
    void cpuAsAskedNeedsNoNotice() throws Exception {
        try (InferenceDevice d = InferenceDevice.select(DeviceChoice.CPU, NO_GPU, 1)) {
            assertEquals("CPU (1 thread)", d.description());
            assertTrue(d.notice().isEmpty());
        }
    }

    @Test
    void cudaWithoutAGpuIsRefusedWithWhatToDo() {
        EngineException e = assertThrows(EngineException.class, () -> InferenceDevice.select(DeviceChoice.CUDA, NO_GPU, 2));
        assertTrue(e.getMessage().contains("no NVIDIA GPU was found") && e.getMessage().contains("--device cpu"), e.getMessage());
    }

    @Test
    void parsesTheCommandLineSpellings() {
        assertEquals(DeviceChoice.CUDA, DeviceChoice.parse("CUDA"));
        assertEquals(DeviceChoice.AUTO, DeviceChoice.parse(" auto "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
        assertTrue(e.getMessage().contains("auto, cpu or cuda"));
    }
}
