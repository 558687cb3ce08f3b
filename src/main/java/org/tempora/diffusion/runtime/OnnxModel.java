package org.tempora.diffusion.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.tempora.diffusion.BundleException;
import org.tempora.diffusion.ModelBundle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One loaded ONNX file of a bundle, checked against its {@link ModelContract}; closing it frees the session. */
public final class OnnxModel implements AutoCloseable {
    private final OrtSession session;
    private final ModelContract contract;
    private final String fileName;

    private OnnxModel(OrtSession session, ModelContract contract, String fileName) {
        this.session = session;
        this.contract = contract;
        this.fileName = fileName;
    }

    /**
     * Loads {@code file} (its external data, if any, is read from beside it by ONNX Runtime) and checks its inputs
     * and outputs.
     */
    public static OnnxModel open(OrtEnvironment env, OrtSession.SessionOptions options, ModelBundle.ModelFile file,
                                 ModelContract contract) throws BundleException {
        String name = file.path().getFileName().toString();
        OrtSession session;
        try {
            session = env.createSession(file.path().toString(), options);
        } catch (OrtException e) {
            throw new BundleException(name + " (" + file.role() + ") could not be loaded by ONNX Runtime: " + firstLine(e.getMessage())
                    + ". The file may be incomplete or damaged: copy or re-export the bundle.");
        }
        try {
            contract.check(session, name);
        } catch (BundleException e) {
            closeQuietly(session);
            throw e;
        }
        return new OnnxModel(session, contract, name);
    }

    /** Runs the model; returns the contract's outputs as float32 tensors. The inputs stay owned by the caller. */
    public Map<String, Tensor> run(Map<String, OnnxTensor> inputs, OrtSession.RunOptions runOptions) throws OrtException {
        try (OrtSession.Result result = session.run(inputs, runOptions)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (ModelContract.Port port : contract.outputs()) {
                Optional<OnnxValue> value = result.get(port.name());
                if (value.isEmpty()) throw new OrtException(fileName + " returned no output '" + port.name() + "'");
                out.put(port.name(), TensorIo.fromOnnx(value.get(), port.name()));
            }
            return out;
        }
    }

    public String fileName() { return fileName; }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing a caller could do about a session that fails to free itself
        }
    }

    static String firstLine(String message) {
        if (message == null) return "no details";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
