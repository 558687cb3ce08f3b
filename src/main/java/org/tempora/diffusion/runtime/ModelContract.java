package org.tempora.diffusion.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.tempora.diffusion.BundleException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inputs and outputs one ONNX file of a bundle must have (tempora-bundle/1, issue 4 section 1), checked against
 * what the loaded session declares so that a mismatched export fails at load with a message naming the file, not
 * deep inside a run.
 */
public record ModelContract(String role, List<Port> inputs, List<Port> outputs) {
    /** Any size along this axis (a symbolic or dynamic dimension). */
    public static final long ANY = -1;

    /** One named tensor: element type and dimensions, {@link #ANY} where the size may vary. */
    public record Port(String name, OnnxJavaType type, long... dims) {}

    public static ModelContract encoder(int channels) {
        return new ModelContract("vae_encoder",
                List.of(new Port("image", OnnxJavaType.FLOAT, 1, 3, 1, ANY, ANY)),
                List.of(new Port("latent_mean", OnnxJavaType.FLOAT, 1, channels, 1, ANY, ANY),
                        new Port("latent_logvar", OnnxJavaType.FLOAT, 1, channels, 1, ANY, ANY)));
    }

    public static ModelContract transformer(int channels, int latentFrames, OnnxJavaType dtype) {
        return new ModelContract("transformer",
                List.of(new Port("hidden_states", dtype, ANY, latentFrames, channels, ANY, ANY),
                        new Port("timestep", OnnxJavaType.INT64, ANY),
                        new Port("intervals", OnnxJavaType.FLOAT, ANY, latentFrames, 8)),
                List.of(new Port("sample", dtype, ANY, latentFrames, channels, ANY, ANY)));
    }

    /** The video decoder and the optional preview decoder share this contract. */
    public static ModelContract decoder(String role, int channels) {
        return new ModelContract(role,
                List.of(new Port("latents", OnnxJavaType.FLOAT, 1, channels, ANY, ANY, ANY)),
                List.of(new Port("frames", OnnxJavaType.FLOAT, 1, 3, ANY, ANY, ANY)));
    }

    /** Every problem with the session's declared inputs and outputs, or nothing when it follows the contract. */
    public List<String> problems(OrtSession session) throws OrtException {
        List<String> problems = new ArrayList<>();
        Map<String, NodeInfo> declaredInputs = session.getInputInfo();
        Map<String, NodeInfo> declaredOutputs = session.getOutputInfo();
        for (Port port : inputs) check("input", port, declaredInputs, problems);
        for (String name : declaredInputs.keySet()) {
            if (inputs.stream().noneMatch(p -> p.name().equals(name))) {
                problems.add("it has an input '" + name + "' that the contract does not have");
            }
        }
        for (Port port : outputs) check("output", port, declaredOutputs, problems);
        return problems;
    }

    /** Throws naming {@code file} and every problem when the session does not follow the contract. */
    public void check(OrtSession session, String file) throws BundleException {
        List<String> problems;
        try {
            problems = problems(session);
        } catch (OrtException e) {
            throw new BundleException(file + " (" + role + "): ONNX Runtime could not list its inputs and outputs: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new BundleException(file + " (" + role + ") does not follow the " + org.tempora.diffusion.ModelBundle.FORMAT
                    + " contract: " + String.join("; ", problems) + ". Re-export the bundle with models/export.");
        }
    }

    private static void check(String kind, Port port, Map<String, NodeInfo> declared, List<String> problems) {
        NodeInfo node = declared.get(port.name());
        if (node == null) {
            problems.add(kind + " '" + port.name() + "' is missing (its " + kind + "s are " + String.join(", ", declared.keySet()) + ")");
            return;
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            problems.add(kind + " '" + port.name() + "' is not a tensor");
            return;
        }
        if (info.type != port.type()) {
            problems.add(String.format(Locale.ROOT, "%s '%s' is %s, expected %s", kind, port.name(), typeName(info.type), typeName(port.type())));
        }
        long[] shape = info.getShape();
        if (shape.length != port.dims().length) {
            problems.add(String.format(Locale.ROOT, "%s '%s' has rank %d %s, expected rank %d %s", kind, port.name(),
                    shape.length, Arrays.toString(shape), port.dims().length, Arrays.toString(port.dims())));
            return;
        }
        for (int axis = 0; axis < shape.length; axis++) {
            long want = port.dims()[axis];
            // ONNX Runtime reports symbolic dimensions as -1; only two fixed sizes can disagree.
            if (want != ANY && shape[axis] > 0 && shape[axis] != want) {
                problems.add(String.format(Locale.ROOT, "%s '%s' has size %d on axis %d, expected %d", kind, port.name(),
                        shape[axis], axis, want));
            }
        }
    }

    private static String typeName(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case FLOAT16 -> "float16";
            case INT64 -> "int64";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
