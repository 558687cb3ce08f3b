package org.tempora.diffusion.testmodels;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import org.tempora.diffusion.ModelBundle;
import org.tempora.export.Checksums;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Oracle bundles (default settings) with exactly one defect each, written into a subfolder of {@code dir} named
 * for the defect. The first three are refused by {@link ModelBundle}; the last three have a valid manifest with
 * correct hashes, so only loading the ONNX files can tell that they are wrong.
 */
public final class BrokenBundles {
    /** The name given to the transformer's hidden_states input by {@link #wrongInputName}. */
    public static final String WRONG_INPUT_NAME = "latents_in";

    private BrokenBundles() {}

    /** bundle.json's transformer sha256 has its last hex digit changed: verifyChecksums must refuse it. */
    public static Path wrongHash(Path dir) throws IOException {
        Path bundle = valid(dir, "wrong-hash");
        JsonObject m = manifest(bundle);
        JsonObject transformer = m.getAsJsonObject("files").getAsJsonObject("transformer");
        String sha = transformer.get("sha256").getAsString();
        char last = sha.charAt(sha.length() - 1);
        transformer.addProperty("sha256", sha.substring(0, sha.length() - 1) + (last == '0' ? '1' : '0'));
        writeManifest(bundle, m);
        return bundle;
    }

    /** vae_decoder.onnx, listed in bundle.json, is deleted: open must refuse it. */
    public static Path missingFile(Path dir) throws IOException {
        Path bundle = valid(dir, "missing-file");
        Files.delete(bundle.resolve("vae_decoder.onnx"));
        return bundle;
    }

    /** The transformer's hidden_states input is called {@value #WRONG_INPUT_NAME}; the sha256 matches the changed file. */
    public static Path wrongInputName(Path dir) throws IOException {
        Path bundle = valid(dir, "wrong-input-name");
        Path file = bundle.resolve("transformer.onnx");
        GraphProto.Builder g = ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().toBuilder();
        for (ValueInfoProto.Builder input : g.getInputBuilderList()) {
            if (input.getName().equals("hidden_states")) input.setName(WRONG_INPUT_NAME);
        }
        for (NodeProto.Builder node : g.getNodeBuilderList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals("hidden_states")) node.setInput(i, WRONG_INPUT_NAME);
            }
        }
        rewrite(bundle, "transformer", file, g);
        return bundle;
    }

    /**
     * The encoder's image input is declared rank 4, [1,3,H,W], and unsqueezed to rank 5 inside, so the graph still
     * loads and only the declared input is wrong; the sha256 matches the changed file.
     */
    public static Path wrongRank(Path dir) throws IOException {
        Path bundle = valid(dir, "wrong-rank");
        Path file = bundle.resolve("vae_encoder.onnx");
        GraphProto.Builder g = ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().toBuilder();
        String inner = "image_rank5";
        for (NodeProto.Builder node : g.getNodeBuilderList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals("image")) node.setInput(i, inner);
            }
        }
        long[] dims = g.getInput(0).getType().getTensorType().getShape().getDimList().stream().mapToLong(d -> d.getDimValue()).toArray();
        g.setInput(0, OnnxGraph.valueInfo("image", DataType.FLOAT, 1, 3, dims[3], dims[4])); // [1,3,1,H,W] -> [1,3,H,W]
        ByteBuffer axis = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 2);
        g.addInitializer(TensorProto.newBuilder().setName("unsqueeze_axes").setDataType(DataType.INT64.getNumber())
                .addDims(1).setRawData(ByteString.copyFrom(axis.array())));
        g.addNode(0, NodeProto.newBuilder().setOpType("Unsqueeze").setName("to_rank5")
                .addInput("image").addInput("unsqueeze_axes").addOutput(inner)); // nodes must stay in topological order
        rewrite(bundle, "vae_encoder", file, g);
        return bundle;
    }

    /** transformer.onnx is cut to its first half (an interrupted download); the sha256 matches the cut file. */
    public static Path truncatedOnnx(Path dir) throws IOException {
        Path bundle = valid(dir, "truncated-onnx");
        Path file = bundle.resolve("transformer.onnx");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        updateHash(bundle, "transformer", file);
        return bundle;
    }

    /** bundle.json lacks the required "scaling_factor": open must refuse it. */
    public static Path missingJsonField(Path dir) throws IOException {
        Path bundle = valid(dir, "missing-json-field");
        JsonObject m = manifest(bundle);
        m.remove("scaling_factor");
        writeManifest(bundle, m);
        return bundle;
    }

    private static Path valid(Path dir, String name) throws IOException {
        return OracleBundle.builder().name(name).write(dir.resolve(name));
    }

    private static void rewrite(Path bundle, String role, Path file, GraphProto.Builder graph) throws IOException {
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file)).toBuilder().setGraph(graph).build();
        OnnxGraph.write(model, file);
        updateHash(bundle, role, file);
    }

    private static void updateHash(Path bundle, String role, Path file) throws IOException {
        JsonObject m = manifest(bundle);
        m.getAsJsonObject("files").getAsJsonObject(role).addProperty("sha256", Checksums.sha256(file));
        writeManifest(bundle, m);
    }

    private static JsonObject manifest(Path bundle) throws IOException {
        return JsonParser.parseString(Files.readString(bundle.resolve(ModelBundle.MANIFEST), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void writeManifest(Path bundle, JsonObject m) throws IOException {
        Files.writeString(bundle.resolve(ModelBundle.MANIFEST), new GsonBuilder().setPrettyPrinting().create().toJson(m));
    }
}
