package dev.arrayjit.typeinfer.backend;

import dev.arrayjit.typeinfer.ir.CompileUnit;

/**
 * A code generator. The runtime finds backends through this interface (and {@link java.util.ServiceLoader});
 * no backend type leaves its module.
 */
public interface Backend {
    /** Short name: {@code cpu}, {@code opencl} ... */
    String name();

    /** Compiles one unit to native code that follows {@link Abi}. */
    CompiledUnit compile(CompileUnit unit, CompileOptions options);
}
