package dev.arrayjit.codegen.gpu;

/** Code the OpenCL backend cannot express (yet); the message names what and why. */
public final class GpuUnsupported extends RuntimeException {
    public GpuUnsupported(String message) {
        super(message, null, false, false);
    }
}
