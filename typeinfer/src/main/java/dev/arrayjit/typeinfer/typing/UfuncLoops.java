package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;

/**
 * Which inner loop NumPy's ufunc machinery picks for an element-wise operation, with Numba's rule:
 * the first loop of the ufunc (in NumPy's order) that every input casts to safely, where an integer
 * may cast to any float or complex type when the inputs mix integers and floats
 * ({@code numba.np.numpy_support.ufunc_can_cast}). Scalars take part with their own types, never
 * their values: an int32 array plus a Python int is int64, unlike NumPy's value-based casting.
 */
final class UfuncLoops {
    private UfuncLoops() {}

    /** The loop types of a ufunc, in NumPy's order (float16 and long double are not Numba's). */
    enum Kind {
        /** add, multiply, minimum, maximum, absolute: every type including bool. */
        ALL(Types.BOOL, Types.INT8, Types.UINT8, Types.INT16, Types.UINT16, Types.INT32, Types.UINT32, Types.INT64,
                Types.UINT64, Types.FLOAT32, Types.FLOAT64, Types.COMPLEX64, Types.COMPLEX128),
        /** subtract, negative, sign: numbers without bool. */
        NUMERIC(Types.INT8, Types.UINT8, Types.INT16, Types.UINT16, Types.INT32, Types.UINT32, Types.INT64, Types.UINT64,
                Types.FLOAT32, Types.FLOAT64, Types.COMPLEX64, Types.COMPLEX128),
        /** floor_divide, remainder, power, fmod: real numbers without bool. */
        REAL(Types.INT8, Types.UINT8, Types.INT16, Types.UINT16, Types.INT32, Types.UINT32, Types.INT64, Types.UINT64,
                Types.FLOAT32, Types.FLOAT64),
        /** true_divide, sqrt, exp, sin, ...: floats and complex. */
        INEXACT(Types.FLOAT32, Types.FLOAT64, Types.COMPLEX64, Types.COMPLEX128),
        /** floor, ceil, trunc, arctan2, hypot: real floats. */
        FLOAT(Types.FLOAT32, Types.FLOAT64),
        /** bitwise_and/or/xor, invert: bool and integers. */
        BITWISE(Types.BOOL, Types.INT8, Types.UINT8, Types.INT16, Types.UINT16, Types.INT32, Types.UINT32, Types.INT64, Types.UINT64),
        /** left_shift, right_shift: integers. */
        INTEGER(Types.INT8, Types.UINT8, Types.INT16, Types.UINT16, Types.INT32, Types.UINT32, Types.INT64, Types.UINT64);

        final List<Type> loops;

        Kind(Type... loops) { this.loops = List.of(loops); }
    }

    /** The loop type for these input dtypes, or null when the ufunc has no loop for them. */
    static Type select(Kind kind, List<Type> inputs) {
        boolean anyInt = inputs.stream().anyMatch(t -> t instanceof Type.Int);
        boolean anyInexact = inputs.stream().anyMatch(t -> t instanceof Type.Float || t instanceof Type.Complex);
        boolean mixed = anyInt && anyInexact;
        for (Type loop : kind.loops) {
            if (inputs.stream().allMatch(in -> canCast(in, loop, mixed))) return loop;
        }
        return null;
    }

    /** {@code np.can_cast(from, to, 'safe')}, widened by Numba's mixed-input rule. */
    static boolean canCast(Type from, Type to, boolean mixedInputs) {
        if (mixedInputs && from instanceof Type.Int && (to instanceof Type.Float || to instanceof Type.Complex)) return true;
        return Types.canCast(from, to);
    }
}
