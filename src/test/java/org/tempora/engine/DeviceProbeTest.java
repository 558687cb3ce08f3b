package org.tempora.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProbeTest {
    @Test void noDriverAndNoToolMeansTheCpu(@TempDir Path proc) {
        DeviceProbe.Device d = new DeviceProbe(proc, "", 2).detect();
        assertFalse(d.gpu());
        assertEquals("CPU (2 cores)", d.description());
        assertEquals("CPU (1 core)", new DeviceProbe(proc, null, 1).detect().description());
    }

    @Test void readsTheModelOfEachGpuTheDriverLists(@TempDir Path proc) throws Exception {
        Path gpus = Files.createDirectories(proc.resolve("driver/nvidia/gpus"));
        Files.createDirectories(gpus.resolve("0000:01:00.0"));
        Files.writeString(gpus.resolve("0000:01:00.0/information"),
                "Model: \t\t NVIDIA GeForce RTX 3090\nIRQ:   130\nGPU UUID: GPU-1234\n");
        DeviceProbe.Device one = new DeviceProbe(proc, "", 4).detect();
        assertTrue(one.gpu());
        assertEquals("NVIDIA GeForce RTX 3090", one.description());

        Files.createDirectories(gpus.resolve("0000:02:00.0")); // no information file: still a GPU
        DeviceProbe.Device two = new DeviceProbe(proc, "", 4).detect();
        assertEquals("2 GPUs: NVIDIA GPU, NVIDIA GeForce RTX 3090", two.description());
    }

    @Test void nvidiaSmiOnThePathMeansAGpu(@TempDir Path proc, @TempDir Path bin) throws Exception {
        Path empty = Files.createDirectories(bin.resolve("empty"));
        Path tools = Files.createDirectories(bin.resolve("tools"));
        Path smi = Files.writeString(tools.resolve("nvidia-smi"), "#!/bin/sh\n");
        String path = empty + File.pathSeparator + File.pathSeparator + tools;
        assertFalse(new DeviceProbe(proc, path, 2).detect().gpu(), "not executable: not a tool");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        DeviceProbe.Device d = new DeviceProbe(proc, path, 2).detect();
        assertTrue(d.gpu());
        assertEquals("NVIDIA GPU (nvidia-smi found)", d.description());
    }
}
