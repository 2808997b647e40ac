package dev.arrayjit.typeinfer.backend;

import java.util.Set;

/**
 * Backend options. {@code dumps} names the stages whose text the backend keeps in
 * {@link CompiledUnit#dump(String)} (for the LLVM backend: {@code llvm}, {@code llvm-opt}, {@code asm}).
 * {@code vectorMath} lets loops over math functions call a vector math library.
 */
public record CompileOptions(int optLevel, boolean vectorMath, Set<String> dumps) {
    public static final CompileOptions DEFAULT = new CompileOptions(3, true, Set.of());

    public CompileOptions withDumps(Set<String> d) { return new CompileOptions(optLevel, vectorMath, d); }
}
