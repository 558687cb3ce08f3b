package org.tempora.diffusion.runtime;

import java.util.Arrays;

/** A dense float32 tensor in row-major order; the engine's own currency between ONNX runs. */
public record Tensor(float[] data, long[] shape) {
    public Tensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
        shape = shape.clone();
    }

    public static Tensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return new Tensor(new float[Math.toIntExact(n)], shape);
    }

    public int rank() { return shape.length; }

    public int dim(int axis) { return (int) shape[axis]; }

    @Override public long[] shape() { return shape.clone(); }

    @Override public String toString() { return "Tensor" + Arrays.toString(shape); }
}
