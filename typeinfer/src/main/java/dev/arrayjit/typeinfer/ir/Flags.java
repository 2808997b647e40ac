package dev.arrayjit.typeinfer.ir;

/**
 * Per-function compile options from the decorator. {@code numpyErrors} is Numba's
 * {@code error_model='numpy'}: division by zero gives inf/nan instead of raising.
 */
public record Flags(boolean fastmath, boolean boundscheck, boolean numpyErrors, boolean parallel) {
    public static final Flags DEFAULT = new Flags(false, true, false, false);
}
