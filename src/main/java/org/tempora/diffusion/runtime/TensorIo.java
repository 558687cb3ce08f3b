package org.tempora.diffusion.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/** Converts between {@link Tensor} and ONNX Runtime tensors, in float32 or float16 (IEEE half, as ONNX defines it). */
public final class TensorIo {
    private TensorIo() {}

    /** A new ONNX tensor holding {@code t} as {@code type} (FLOAT or FLOAT16); the caller closes it. */
    public static OnnxTensor toOnnx(OrtEnvironment env, Tensor t, OnnxJavaType type) throws OrtException {
        return switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), t.shape());
            case FLOAT16 -> {
                float[] src = t.data();
                short[] half = new short[src.length];
                for (int i = 0; i < src.length; i++) half[i] = Fp16Conversions.floatToFp16(src[i]);
                yield OnnxTensor.createTensor(env, ShortBuffer.wrap(half), t.shape(), OnnxJavaType.FLOAT16);
            }
            default -> throw new IllegalArgumentException("tensors are float32 or float16, not " + type);
        };
    }

    /** A new int64 ONNX tensor of shape [values.length]; the caller closes it. */
    public static OnnxTensor longs(OrtEnvironment env, long[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {values.length});
    }

    /** Copies a float32 or float16 ONNX output into a {@link Tensor}. */
    public static Tensor fromOnnx(OnnxValue value, String name) throws OrtException {
        if (!(value instanceof OnnxTensor tensor)) throw new OrtException("output " + name + " is not a tensor");
        TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        int n = Math.toIntExact(info.getNumElements());
        float[] out = new float[n];
        if (info.type != OnnxJavaType.FLOAT && info.type != OnnxJavaType.FLOAT16) {
            throw new OrtException("output " + name + " is " + info.type + ", expected float32 or float16");
        }
        tensor.getFloatBuffer().get(out); // ONNX Runtime widens float16 to float32 here

        return new Tensor(out, shape);
    }
}
