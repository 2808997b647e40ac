package dev.arrayjit.codegen.gpu;

import dev.arrayjit.frontend.Span;

/**
 * Code the OpenCL backend cannot express (yet); the message names what and why, and the span
 * (once the statement being generated is known) where.
 */
public final class GpuUnsupported extends RuntimeException {
    private final transient Span span;

    public GpuUnsupported(String message) { this(message, null); }

    private GpuUnsupported(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    /** The source place, or null. */
    public Span span() { return span; }

    /** This refusal placed at {@code where}, unless it has a place already. */
    GpuUnsupported at(Span where) { return span != null || where == null ? this : new GpuUnsupported(getMessage(), where); }
}
