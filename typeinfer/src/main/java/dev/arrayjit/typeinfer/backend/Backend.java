package dev.arrayjit.typeinfer.backend;

import java.util.List;

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

    /**
     * Compiles units ahead of time into one relocatable object file (ELF on Linux) for {@code cpu}
     * ({@code baseline}: the portable level of the architecture, {@code native}: this machine, or a
     * CPU name of the code generator): unit {@code i}'s entry point, following {@link Abi}, is the
     * global symbol {@code entryNames.get(i)}; everything else is local to the object. The code
     * calls nothing but the C library, libm and pthreads.
     * @throws UnsupportedOperationException when this backend cannot
     */
    default byte[] compileObject(List<CompileUnit> units, List<String> entryNames, CompileOptions options, String cpu) {
        throw new UnsupportedOperationException(name() + " cannot compile ahead of time");
    }
}
