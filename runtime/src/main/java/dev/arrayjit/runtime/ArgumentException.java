package dev.arrayjit.runtime;

/**
 * Arguments a kernel cannot take: the wrong number, a Java type with no kernel type, or types no
 * eager signature accepts (Numba's {@code TypeError} at call time).
 */
public final class ArgumentException extends IllegalArgumentException {
    public ArgumentException(String message) { super(message); }
}
