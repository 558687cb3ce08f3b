package org.tempora.classical;

/**
 * One plane, edge-replicated and Fourier-transformed once, ready to be convolved with many kernels
 * (the engine renders each frame with a different partial kernel). Each {@link #convolve} costs one
 * forward and one inverse FFT. Safe to use from several threads at once.
 */
public final class PreparedImage {
    private final int w, h, maxKernelSize, pad;
    private final RealFft2d fft;
    private final float[] spectrum;
    /** Plane mean, removed before the transform so float rounding scales with the detail, not the brightness. */
    private final float mean;

    PreparedImage(float[] img, int w, int h, int maxKernelSize) {
        this.w = w;
        this.h = h;
        this.maxKernelSize = maxKernelSize;
        this.pad = maxKernelSize / 2;
        int[] plane = FftSize.plane(w + 2 * pad, h + 2 * pad);
        this.fft = new RealFft2d(plane[0], plane[1]);
        double sum = 0;
        for (float v : img) sum += v;
        this.mean = (float) (sum / img.length);
        float[] padded = new float[fft.width * fft.height];
        BorderPadding.replicate(img, w, h, padded, fft.width, fft.height, pad, pad);
        for (int i = 0; i < padded.length; i++) padded[i] -= mean;
        this.spectrum = fft.newSpectrum();
        fft.forward(padded, spectrum);
    }

    public int width() { return w; }
    public int height() { return h; }
    public int maxKernelSize() { return maxKernelSize; }

    /** 'Same'-size convolution with {@code k} (ks x ks, ks <= maxKernelSize), replicate border. */
    public float[] convolve(float[] k, int ks) {
        return convolve(kernelSpectrum(k, ks));
    }

    /**
     * The spectrum of {@code k} (ks x ks, ks <= maxKernelSize) on this image's FFT plane, for {@link #convolve(float[])}
     * here and on every image prepared with the same size and maximum kernel size: one transform for all channels.
     */
    float[] kernelSpectrum(float[] k, int ks) {
        if (ks < 1 || k.length != ks * ks) throw new IllegalArgumentException("kernel has " + k.length + " values, expected " + ks + "^2");
        if (ks > maxKernelSize) throw new IllegalArgumentException("kernel size " + ks + " exceeds the prepared maximum " + maxKernelSize);
        float[] spec = fft.newSpectrum();
        Spectra.ofKernel(fft, k, ks, new float[fft.width * fft.height], spec);
        return spec;
    }

    /** 'Same'-size convolution with a kernel given by its {@link #kernelSpectrum} (left untouched), replicate border. */
    float[] convolve(float[] kernelSpectrum) {
        if (kernelSpectrum.length != fft.spectrumLength()) {
            throw new IllegalArgumentException("kernel spectrum of " + kernelSpectrum.length + " values, expected " + fft.spectrumLength());
        }
        float[] spec = fft.newSpectrum();
        Spectra.multiply(kernelSpectrum, spectrum, spec);
        float[] plane = new float[fft.width * fft.height];
        fft.inverse(spec, plane);
        float[] out = new float[w * h];
        BorderPadding.crop(plane, fft.width, pad, pad, out, w, h);
        float offset = mean * kernelSpectrum[0]; // the kernel's DC term is its sum
        for (int i = 0; i < out.length; i++) out[i] += offset;
        return out;
    }
}
