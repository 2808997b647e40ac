package dev.arrayjit.codegen.gpu;

/** The device's OpenCL compiler rejected a generated program: its log and the source it saw. */
public final class GpuBuildError extends RuntimeException {
    private final String source;
    private final String log;

    public GpuBuildError(String message, String source, String log) {
        super(message, null, false, false);
        this.source = source;
        this.log = log;
    }

    public String source() { return source; }

    public String log() { return log; }
}
