package dev.arrayjit.runtime.aot;

/**
 * A library that cannot be built for a reason outside the kernels' source: nothing to export, no C
 * compiler, a failed link; {@code usage} when the command line itself is wrong.
 */
public final class AotException extends RuntimeException {
    private final boolean usage;

    public AotException(String message, boolean usage) {
        super(message, null, false, false);
        this.usage = usage;
    }

    /** Whether the command line was wrong (exit 2) rather than the build failing (exit 1). */
    public boolean usage() { return usage; }
}
