package org.tempora.diffusion.runtime;

import java.util.Locale;

/** Where the user asked the diffusion engine to run: {@code auto} prefers an NVIDIA GPU and falls back to the CPU. */
public enum DeviceChoice {
    AUTO, CPU, CUDA;

    /** Parses the command-line spelling ({@code auto}, {@code cpu}, {@code cuda}), case-insensitively. */
    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or cuda");
        }
    }

    public String spelling() { return name().toLowerCase(Locale.ROOT); }
}
