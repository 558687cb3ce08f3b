package org.tempora.classical;

/**
 * A blurred plane set up for circular (FFT) deconvolution: embedded in an FFT-friendly plane with a
 * smooth periodic border (see {@link BorderPadding#smoothPeriodic}) that is then blurred by the kernel
 * itself, so the border looks like blurred data and the solver has no reason to ring at the picture edges
 * (the wrap-around smoothing of Liu & Jia 2008, with MATLAB-edgetaper-style blending).
 */
final class DeconvolutionProblem {
    final int w, h, offsetX, offsetY;
    final RealFft2d fft;
    /** Spectrum of the padded blurred plane. */
    final float[] blurred;
    /** Spectrum of the kernel, centred at the origin. */
    final float[] kernel;
    /** |K|^2 and |Dx|^2 + |Dy|^2 per frequency. */
    final float[] kernelPower, gradientPower;

    DeconvolutionProblem(float[] plane, int w, int h, float[] k, int ks) {
        FftConvolution.checkArgs(plane, w, h, k, ks);
        this.w = w;
        this.h = h;
        int gap = Math.max(2 * ks, 16);
        int[] size = FftSize.plane(w + gap, h + gap);
        this.fft = new RealFft2d(size[0], size[1]);
        this.offsetX = (fft.width - w) / 2;
        this.offsetY = (fft.height - h) / 2;
        int n = fft.width * fft.height;
        float[] padded = new float[n];
        float[] scratch = new float[n];
        BorderPadding.smoothPeriodic(plane, w, h, padded, fft.width, fft.height, offsetX, offsetY);

        kernel = fft.newSpectrum();
        Spectra.ofKernel(fft, k, ks, scratch, kernel);
        blurred = fft.newSpectrum();
        fft.forward(padded, blurred);
        float[] spec = blurred.clone();
        Spectra.multiply(spec, kernel, spec);
        fft.inverse(spec, scratch);
        for (int y = 0; y < fft.height; y++) {
            for (int x = 0; x < fft.width; x++) {
                if (!BorderPadding.inside(x, y, w, h, offsetX, offsetY)) padded[y * fft.width + x] = scratch[y * fft.width + x];
            }
        }
        fft.forward(padded, blurred);

        kernelPower = new float[fft.spectrumLength() / 2];
        Spectra.magnitudeSquared(kernel, kernelPower);
        gradientPower = Spectra.gradientPower(fft);
    }

    int paddedLength() { return fft.width * fft.height; }

    float[] crop(float[] padded) {
        float[] out = new float[w * h];
        BorderPadding.crop(padded, fft.width, offsetX, offsetY, out, w, h);
        return out;
    }
}
