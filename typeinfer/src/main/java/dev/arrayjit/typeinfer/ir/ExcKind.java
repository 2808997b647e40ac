package dev.arrayjit.typeinfer.ir;

/** Python exception classes a kernel can raise; the runtime maps each to a Java exception. */
public enum ExcKind {
    ZeroDivisionError, IndexError, ValueError, AssertionError, TypeError, OverflowError,
    RuntimeError, ArithmeticError, KeyError, NotImplementedError, MemoryError, Exception;

    public static ExcKind byName(String name) {
        for (ExcKind k : values()) if (k.name().equals(name)) return k;
        return null;
    }
}
