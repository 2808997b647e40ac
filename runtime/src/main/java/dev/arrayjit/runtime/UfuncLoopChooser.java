package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which loop of a ufunc a call uses, by NumPy 1.24's rules: the first loop, in the order of the
 * decorator's signatures, that every input casts to safely. When arrays take part, scalars of a kind
 * no higher than the arrays' (bool, integer, float, complex) count by value, as
 * {@code np.min_scalar_type} types them, so {@code f(float32_array, 2.0)} can take a float32 loop and
 * {@code f(int8_array, 1000)} an int16 one.
 */
final class UfuncLoopChooser {
    private UfuncLoopChooser() {}

    /**
     * The loop's input types for these operands (values: for the scalars): the first of {@code loops}
     * they cast to, or ArgumentException naming the loops.
     */
    static List<Type> choose(KernelInfo info, Object[] values, List<Type> types) {
        List<Type> loop = info.flags().parallel() ? exact(info.signatures(), values, types) : null;
        if (loop == null) loop = first(info.signatures(), values, types);
        if (loop != null) return loop;
        throw new ArgumentException("ufunc '" + info.name() + "' has no loop for the input types (" + types.stream()
                .map(t -> Types.dtypeOf(t).toString()).collect(Collectors.joining(", ")) + "); its loops are " + info.loops()
                + ". Pass arrays of one of these types or add a signature to @vectorize");
    }

    /**
     * The loop whose types the operands have exactly (scalars next to arrays by their smallest type),
     * or null: a {@code target='parallel'} ufunc of Numba looks for one before any cast.
     */
    static List<Type> exact(List<KernelInfo.Signature> loops, Object[] values, List<Type> types) {
        boolean byValue = scalarsByValue(types);
        for (KernelInfo.Signature sig : loops) {
            if (sig.args().size() != types.size()) continue;
            boolean all = true;
            for (int i = 0; i < types.size() && all; i++) {
                Type t = types.get(i);
                all = sig.args().get(i).equals(t instanceof Type.Array a ? a.dtype() : byValue ? minScalarType(values[i], t) : t);
            }
            if (all) return sig.args();
        }
        return null;
    }

    /** {@code np.min_scalar_type} of a scalar; null for a float16 (no loop has that type). */
    static Type minScalarType(Object value, Type type) {
        return switch (type) {
            case Type.Int i -> {
                long v = value instanceof Scalar s ? s.longValue() : ((Number) value).longValue();
                if (!i.signed() && i.bits() == 64 && v < 0) yield Types.UINT64;
                yield v >= 0 ? (v < 256 ? Types.UINT8 : v < 65536 ? Types.UINT16 : v < (1L << 32) ? Types.UINT32 : Types.UINT64)
                        : v >= Byte.MIN_VALUE ? Types.INT8 : v >= Short.MIN_VALUE ? Types.INT16 : v >= Integer.MIN_VALUE ? Types.INT32 : Types.INT64;
            }
            case Type.Float f -> {
                double v = Math.abs(value instanceof Scalar s ? s.doubleValue() : ((Number) value).doubleValue());
                yield !Double.isFinite(v) || v <= 65504 ? null : v <= Float.MAX_VALUE ? Types.FLOAT32 : Types.FLOAT64;
            }
            default -> type;
        };
    }

    /** The first loop every operand casts to by NumPy's rules, or null. */
    static List<Type> first(List<KernelInfo.Signature> loops, Object[] values, List<Type> types) {
        boolean byValue = scalarsByValue(types);
        for (KernelInfo.Signature sig : loops) {
            if (sig.args().size() != types.size()) continue;
            boolean all = true;
            for (int i = 0; i < types.size() && all; i++) {
                Type t = types.get(i), to = sig.args().get(i);
                all = t instanceof Type.Array a ? Types.canCast(a.dtype(), to) : byValue ? fits(values[i], t, to) : Types.canCast(t, to);
            }
            if (all) return sig.args();
        }
        return null;
    }

    /** Whether scalars count by value: arrays take part and no scalar is of a higher kind than they are. */
    private static boolean scalarsByValue(List<Type> types) {
        int arrayKind = -1, scalarKind = -1;
        for (Type t : types) {
            if (t instanceof Type.Array a) arrayKind = Math.max(arrayKind, Types.kind(a.dtype()));
            else scalarKind = Math.max(scalarKind, Types.kind(t));
        }
        return arrayKind >= 0 && scalarKind <= arrayKind;
    }

    /**
     * NumPy's value-based {@code can_cast(scalar, to)}: an integer fits an integer type that holds it,
     * a float type when it needs at most 16 bits (float32) or always (float64); a float fits float32
     * when it is within float32's range (or not finite); a complex number likewise per part.
     */
    static boolean fits(Object value, Type type, Type to) {
        if (type instanceof Type.Bool) return true;
        if (type instanceof Type.Int it) {
            long v = value instanceof Scalar s ? s.longValue() : ((Number) value).longValue();
            boolean huge = !it.signed() && it.bits() == 64 && v < 0; // a uint64 above 2**63
            return switch (to) {
                case Type.Int t when huge -> !t.signed() && t.bits() == 64;
                case Type.Int t -> t.signed() ? t.bits() == 64 || v >= -(1L << (t.bits() - 1)) && v < (1L << (t.bits() - 1))
                        : v >= 0 && (t.bits() == 64 || v < (1L << t.bits()));
                case Type.Float t -> t.bits() == 64 || !huge && v >= Short.MIN_VALUE && v < 65536;
                case Type.Complex t -> t.bits() == 128 || !huge && v >= Short.MIN_VALUE && v < 65536;
                default -> false;
            };
        }
        if (type instanceof Type.Float) {
            double v = value instanceof Scalar s ? s.doubleValue() : ((Number) value).doubleValue();
            return switch (to) {
                case Type.Float t -> t.bits() == 64 || floatRange(v);
                case Type.Complex t -> t.bits() == 128 || floatRange(v);
                default -> false;
            };
        }
        if (type instanceof Type.Complex) {
            Complex z = value instanceof Scalar s ? (Complex) s.value() : (Complex) value;
            return to instanceof Type.Complex t && (t.bits() == 128 || floatRange(z.re()) && floatRange(z.im()));
        }
        return Types.canCast(type, to);
    }

    private static boolean floatRange(double v) { return !Double.isFinite(v) || Math.abs(v) <= Float.MAX_VALUE; }
}
