package dev.arrayjit.typeinfer.ir;

/** The update of a {@link TExpr.GpuAtomic}, as {@code cuda.atomic.<name>}. */
public enum AtomicOp {
    ADD, SUB, MIN, MAX, EXCH;

    /** Numba's name: {@code add}, {@code sub}, {@code min}, {@code max}, {@code exch}. */
    public String pythonName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
