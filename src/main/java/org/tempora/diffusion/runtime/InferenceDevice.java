package org.tempora.diffusion.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.tempora.engine.DeviceProbe;
import org.tempora.engine.EngineException;

import java.util.Optional;

/**
 * The device the diffusion engine runs on and the ONNX Runtime session options for it. CUDA is only tried when the
 * probe sees an NVIDIA GPU, because asking ONNX Runtime for CUDA elsewhere first unpacks a 369 MB library only to fail.
 */
public final class InferenceDevice implements AutoCloseable {
    private final boolean cuda;
    private final String description;
    private final Optional<String> notice;
    private final OrtSession.SessionOptions options;

    private InferenceDevice(boolean cuda, String description, Optional<String> notice, OrtSession.SessionOptions options) {
        this.cuda = cuda;
        this.description = description;
        this.notice = notice;
        this.options = options;
    }

    /**
     * Picks the device for {@code choice} given what the probe found.
     *
     * @throws EngineException when CUDA was asked for explicitly and cannot be used
     */
    public static InferenceDevice select(DeviceChoice choice, DeviceProbe.Device probed, int cpuThreads) throws EngineException {
        if (choice == DeviceChoice.CPU) return cpu(cpuThreads, probed.gpu() ? Optional.of("running on the CPU as asked, although " + probed.description() + " is present") : Optional.empty());
        if (!probed.gpu()) {
            if (choice == DeviceChoice.CUDA) {
                throw new EngineException("--device cuda was asked for, but no NVIDIA GPU was found (no driver under /proc/driver/nvidia and no nvidia-smi): use --device cpu or auto");
            }
            return cpu(cpuThreads, Optional.of("no NVIDIA GPU was found, so the diffusion model runs on the CPU, which takes minutes per step at full size"));
        }
        OrtSession.SessionOptions options = null;
        try {
            options = baseOptions(cpuThreads);
            options.addCUDA(0);
            return new InferenceDevice(true, "CUDA on " + probed.description(), Optional.empty(), options);
        } catch (OrtException | UnsatisfiedLinkError | RuntimeException e) {
            if (options != null) options.close();
            String why = OnnxModel.firstLine(e.getMessage());
            if (why.contains("providers_cuda")) {
                // the Linux packages can ship the 369 MB CUDA provider as a separate package
                why += " (ONNX Runtime's CUDA provider is not installed: with Tempora's Linux packages, install tempora-cuda)";
            }
            if (choice == DeviceChoice.CUDA) {
                throw new EngineException("--device cuda was asked for, but ONNX Runtime cannot use CUDA on " + probed.description() + ": " + why
                        + ". Install the NVIDIA driver with CUDA 12 and cuDNN 9, or use --device cpu");
            }
            return cpu(cpuThreads, Optional.of("ONNX Runtime cannot use CUDA on " + probed.description() + " (" + why
                    + "), so the diffusion model runs on the CPU; install CUDA 12 and cuDNN 9 to use the GPU"));
        }
    }

    private static InferenceDevice cpu(int threads, Optional<String> notice) throws EngineException {
        try {
            return new InferenceDevice(false, "CPU (" + threads + (threads == 1 ? " thread)" : " threads)"), notice, baseOptions(threads));
        } catch (OrtException e) {
            throw new EngineException("ONNX Runtime could not start on the CPU: " + e.getMessage());
        }
    }

    private static OrtSession.SessionOptions baseOptions(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(Math.max(1, threads));
        return options;
    }

    public boolean cuda() { return cuda; }

    /** One line for the user: "CPU (2 threads)" or "CUDA on NVIDIA H100". */
    public String description() { return description; }

    /** Why the device is not the one the user might expect, when that is so. */
    public Optional<String> notice() { return notice; }

    /** Shared by every session of this device; valid until {@link #close()}. */
    public OrtSession.SessionOptions sessionOptions() { return options; }

    @Override
    public void close() {
        options.close();
    }
}
