package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Stmt;

/** What a module-level name stands for. */
public sealed interface Binding {
    /** An imported module, by its canonical dotted name ({@code numpy}, {@code math}, {@code numba.types}). */
    record ModuleRef(String module) implements Binding {}

    /** A library object by canonical dotted name: {@code numba.njit}, {@code math.sqrt}, {@code numpy.float32}. */
    record Library(String qualifiedName) implements Binding {}

    /** A module-level constant, frozen at compile time as Numba freezes globals. */
    record Constant(ConstValue value, Span span) implements Binding {}

    /** A jit-compiled function. */
    record Kernel(KernelDecl decl) implements Binding {}

    /** A plain Python function: kernels cannot call it. */
    record PlainFunction(Stmt.FunctionDef def) implements Binding {}

    /** A global whose value is not a compile-time constant (why says what it is). */
    record Opaque(String why, Span span) implements Binding {}
}
