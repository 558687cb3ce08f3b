package org.tempora.diffusion.testmodels;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One ONNX graph (opset 17, IR version 8) built directly with the ONNX protobuf classes: inputs and outputs
 * are declared with fixed or symbolic dimensions, weights become initializers, intermediate values get
 * generated names.
 */
final class OnnxGraph {
    static final int OPSET = 17;
    static final long IR_VERSION = 8;

    private final GraphProto.Builder graph;
    private int nextId;

    OnnxGraph(String name) {
        graph = GraphProto.newBuilder().setName(name);
    }

    /** Declares a graph input; each dim is a Number (fixed size) or a String (symbolic name). */
    void input(String name, DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    /** Declares a graph output; the node producing it must use {@link #opTo} with this name. */
    void output(String name, DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** A float32 initializer of the given shape (no dims: a scalar). */
    String floats(float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN); // ONNX raw_data is little-endian
        raw.asFloatBuffer().put(values);
        return initializer(DataType.FLOAT, raw, dims);
    }

    /** An int64 initializer of the given shape, for shapes, axes and slice bounds. */
    String longs(long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(DataType.INT64, raw, dims);
    }

    /** A 1-D int64 initializer. */
    String longs(long... values) {
        return longs(values, values.length);
    }

    /** A float32 scalar initializer, broadcast by the elementwise ops. */
    String scalar(float value) {
        return floats(new float[] {value});
    }

    private String initializer(DataType type, ByteBuffer raw, long... dims) {
        String name = fresh("w");
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) t.addDims(d);
        graph.addInitializer(t);
        return name;
    }

    /** Adds a node with one output and returns that output's generated name. */
    String op(String opType, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(opType.toLowerCase());
        opTo(out, opType, inputs, attributes);
        return out;
    }

    /** Adds a node whose single output has the given name (a graph output, usually). */
    void opTo(String output, String opType, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(fresh("n_" + opType)).addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) n.addAttribute(a);
        graph.addNode(n);
    }

    /** The finished model; its producer name says where it came from. */
    ModelProto model() {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("tempora-testmodels")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    static void write(ModelProto model, Path file) throws IOException {
        Files.write(file, model.toByteArray());
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(value)).build();
    }

    static ValueInfoProto valueInfo(String name, DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            if (d instanceof Number n) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(n.longValue()));
            else if (d instanceof String s) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(s));
            else throw new IllegalArgumentException("a dimension is a number or a symbolic name, got " + d);
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    private String fresh(String prefix) {
        return prefix + "_" + nextId++;
    }
}
