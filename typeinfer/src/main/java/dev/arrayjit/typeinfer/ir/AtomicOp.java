package dev.arrayjit.typeinfer.ir;

/** The update of a {@link TExpr.GpuAtomic}, as {@code cuda.atomic.<name>}. */
public enum AtomicOp {
    ADD, SUB, MIN, MAX, EXCH,
    /** Integers only: bitwise and, or, xor. */
    AND, OR, XOR,
    /** Integers only, CUDA's wrapping counters: {@code inc} gives 0 past {@code value}, {@code dec} gives {@code value} below 0 or above it. */
    INC, DEC,
    /** Writes {@code value} where the element equals the comparand. */
    CAS;

    /** Numba's name: {@code add}, {@code and_}, {@code cas} ... */
    public String pythonName() {
        return switch (this) {
            case AND -> "and_";
            case OR -> "or_";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Whether only integer arrays take it. */
    public boolean integerOnly() { return this == AND || this == OR || this == XOR || this == INC || this == DEC; }
}
