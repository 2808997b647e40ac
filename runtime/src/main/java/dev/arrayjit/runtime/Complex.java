package dev.arrayjit.runtime;

import dev.arrayjit.runtime.format.PyRepr;

/** A complex128 value, as kernels return Python {@code complex}; prints as Python does: {@code (1+2j)}. */
public record Complex(double re, double im) {
    @Override public String toString() { return PyRepr.complex(re, im, false); }
}
