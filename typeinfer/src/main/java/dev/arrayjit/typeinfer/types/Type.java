package dev.arrayjit.typeinfer.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Value types of the kernel language, named as Numba names them ({@link #toString()}).
 * Records, so equal types are equal objects for the dispatcher's cache keys.
 */
public sealed interface Type {
    /** Python bool; stored as one byte in arrays. */
    record Bool() implements Type {
        @Override public String toString() { return "bool"; }
    }

    record Int(int bits, boolean signed) implements Type {
        public Int {
            if (bits != 8 && bits != 16 && bits != 32 && bits != 64) throw new IllegalArgumentException("int bits " + bits);
        }
        @Override public String toString() { return (signed ? "int" : "uint") + bits; }
    }

    record Float(int bits) implements Type {
        public Float {
            if (bits != 32 && bits != 64) throw new IllegalArgumentException("float bits " + bits);
        }
        @Override public String toString() { return "float" + bits; }
    }

    /** complex64 (two float32) or complex128 (two float64); {@code bits} is the whole width. */
    record Complex(int bits) implements Type {
        @Override public String toString() { return "complex" + bits; }
    }

    /** An array of a scalar dtype: ndim, memory layout and whether the kernel may write it. */
    record Array(Type dtype, int ndim, Layout layout, boolean readonly) implements Type {
        public Array {
            if (!dtype.isScalar()) throw new IllegalArgumentException("array of " + dtype);
            if (ndim < 0) throw new IllegalArgumentException("ndim " + ndim);
        }
        public Array withLayout(Layout l) { return new Array(dtype, ndim, l, readonly); }
        /** Numba's spelling: {@code float64[:, ::1]} (C), {@code float64[::1, :]} (F), {@code float64[:, :]} (A). */
        @Override public String toString() {
            String[] dims = new String[ndim];
            java.util.Arrays.fill(dims, ":");
            if (ndim > 0 && layout == Layout.C) dims[ndim - 1] = "::1";
            if (ndim > 0 && layout == Layout.F) dims[0] = "::1";
            return (readonly ? "readonly " : "") + dtype + "[" + String.join(", ", dims) + "]";
        }
    }

    /** A tuple; homogeneous ones print as Numba's {@code UniTuple(int64 x 2)}. */
    record Tuple(List<Type> elements) implements Type {
        public Tuple { elements = List.copyOf(elements); }
        public boolean homogeneous() {
            return !elements.isEmpty() && elements.stream().allMatch(e -> e.equals(elements.get(0)));
        }
        @Override public String toString() {
            if (homogeneous()) return "UniTuple(" + elements.get(0) + " x " + elements.size() + ")";
            return "Tuple(" + elements.stream().map(Type::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * A list built inside a kernel: growable, shared by every name that refers to it, of scalar
     * elements. {@code element} is null for an empty list display ({@code []}) whose element type a
     * later {@code append} decides, as Numba refines it.
     */
    record ListOf(Type element) implements Type {
        public ListOf {
            if (element != null && !element.isScalar()) throw new IllegalArgumentException("list of " + element);
        }
        public boolean known() { return element != null; }
        @Override public String toString() { return "list(" + (element == null ? "undefined" : element) + ")"; }
    }

    /** The type of {@code None}: the result of a function that returns nothing. */
    record None() implements Type {
        @Override public String toString() { return "none"; }
    }

    /** A value that may be {@code None}. */
    record Optional(Type type) implements Type {
        @Override public String toString() { return "OptionalType(" + type + ")"; }
    }

    default boolean isScalar() { return this instanceof Bool || this instanceof Int || this instanceof Float || this instanceof Complex; }
    default boolean isInteger() { return this instanceof Int; }
    default boolean isIntegerOrBool() { return this instanceof Int || this instanceof Bool; }
    default boolean isFloat() { return this instanceof Float; }
    default boolean isNumeric() { return isScalar(); }
}
