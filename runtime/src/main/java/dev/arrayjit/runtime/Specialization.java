package dev.arrayjit.runtime;

import dev.arrayjit.runtime.call.EntryPoint;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * A kernel compiled for one argument-type tuple: its native entry, result type, error sites, and the
 * native code's owner (closed with the module). {@code compileNanos} covers typing, code generation
 * and binding the entry point.
 */
public final class Specialization implements AutoCloseable {
    private final List<Type> argTypes;
    private final Type returnType;
    private final List<ErrorSite> sites;
    private final EntryPoint entry;
    private final AutoCloseable code;
    private final long compileNanos;
    private final int argSlots;
    private final int retSlots;

    public Specialization(List<Type> argTypes, Type returnType, List<ErrorSite> sites, EntryPoint entry,
                          AutoCloseable code, long compileNanos) {
        this.argTypes = List.copyOf(argTypes);
        this.returnType = returnType;
        this.sites = List.copyOf(sites);
        this.entry = entry;
        this.code = code;
        this.compileNanos = compileNanos;
        this.argSlots = this.argTypes.stream().mapToInt(Abi::slots).sum();
        this.retSlots = Abi.slots(returnType);
    }

    public List<Type> argTypes() { return argTypes; }
    public Type returnType() { return returnType; }
    public List<ErrorSite> sites() { return sites; }
    public EntryPoint entry() { return entry; }
    public long compileNanos() { return compileNanos; }
    public int argSlots() { return argSlots; }
    public int retSlots() { return retSlots; }

    /** Frees the native code; calling afterwards is undefined. */
    @Override public void close() {
        if (code == null) return;
        try {
            code.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing compiled code failed", e);
        }
    }

    @Override public String toString() {
        return returnType + "(" + String.join(", ", argTypes.stream().map(Type::toString).toList()) + ")";
    }
}
