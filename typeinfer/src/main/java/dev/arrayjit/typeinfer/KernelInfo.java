package dev.arrayjit.typeinfer;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * What the decorator says about a kernel. {@code signatures} are the eager signatures (argument
 * types, then an optional declared return type; empty when compiled lazily per call).
 */
public record KernelInfo(String name, Kind kind, List<String> params, Flags flags, List<Signature> signatures,
                         Span span) {
    public enum Kind { JIT, VECTORIZE, GUVECTORIZE }

    /** One eager signature: {@code returnType} is null when the string gave none. */
    public record Signature(List<Type> args, Type returnType) {}
}
