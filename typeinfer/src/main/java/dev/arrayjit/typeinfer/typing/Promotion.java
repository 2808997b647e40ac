package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;

/**
 * Numba's result types for scalar operators, reproduced by the five rules in
 * numba-facts/promotion.md (checked there against all 3094 cells), and NumPy's
 * {@code promote_types}, which Numba uses to unify two types of one variable and for min/max.
 */
public final class Promotion {
    private Promotion() {}

    /** Integer types Numba converts safely to float32: bool, int8, int16, uint8. */
    static boolean small(Type t) {
        return t instanceof Type.Bool || (t instanceof Type.Int i && (i.bits() == 8 || (i.bits() == 16 && i.signed())));
    }

    static boolean unsigned(Type t) { return t instanceof Type.Int i && !i.signed(); }

    /** Result type of {@code l op r} for scalars, or null when Numba rejects the pair. */
    public static Type binary(BinaryOp op, Type l, Type r) {
        if (!l.isScalar() || !r.isScalar()) return null;
        boolean anyComplex = l instanceof Type.Complex || r instanceof Type.Complex;
        boolean anyFloat = l instanceof Type.Float || r instanceof Type.Float;
        switch (op) {
            case BITAND, BITOR, BITXOR, LSHIFT, RSHIFT -> {
                if (anyFloat || anyComplex) return null;
                if (op == BinaryOp.LSHIFT || op == BinaryOp.RSHIFT) return unsigned(l) ? Types.UINT64 : Types.INT64;
                if (l instanceof Type.Bool && r instanceof Type.Bool) return Types.BOOL;
                return unsigned(l) && unsigned(r) ? Types.UINT64 : Types.INT64;
            }
            case MATMUL -> { return null; }
            default -> { }
        }
        if (anyComplex) {
            if (op == BinaryOp.FLOORDIV || op == BinaryOp.MOD) return null;
            boolean narrow = (small(l) || l.equals(Types.FLOAT32) || l.equals(Types.COMPLEX64))
                    && (small(r) || r.equals(Types.FLOAT32) || r.equals(Types.COMPLEX64));
            return narrow ? Types.COMPLEX64 : Types.COMPLEX128;
        }
        if (anyFloat) {
            if (op == BinaryOp.POW && l.equals(Types.FLOAT32) && r.isIntegerOrBool()) return Types.FLOAT32;
            boolean narrow = (small(l) || l.equals(Types.FLOAT32)) && (small(r) || r.equals(Types.FLOAT32));
            return narrow ? Types.FLOAT32 : Types.FLOAT64;
        }
        if (op == BinaryOp.DIV) return Types.FLOAT64;
        if (op == BinaryOp.POW && l instanceof Type.Bool && r.equals(Types.INT32)) return Types.FLOAT32; // Numba's quirk
        return unsigned(l) && unsigned(r) ? Types.UINT64 : Types.INT64;
    }

    /** The type both operands of a comparison are converted to. */
    public static Type comparison(Type l, Type r) {
        if (l.equals(r)) return l;
        if (l instanceof Type.Bool && r instanceof Type.Bool) return Types.BOOL;
        // Mixed signedness compares in NumPy's common type (int64 with uint64: float64), so the
        // result is right for values beyond either range.
        if (l instanceof Type.Int a && r instanceof Type.Int b && a.signed() != b.signed()) return promote(l, r);
        Type t = binary(BinaryOp.ADD, l, r);
        return t;
    }

    /**
     * NumPy's {@code promote_types} for two scalar types: the smallest type both convert to safely
     * (int64 with uint64 gives float64). Used to unify a variable's types and for min/max.
     */
    public static Type promote(Type a, Type b) {
        if (a.equals(b)) return a;
        if (a instanceof Type.Bool) return b;
        if (b instanceof Type.Bool) return a;
        if (a instanceof Type.Complex || b instanceof Type.Complex) {
            int need = Math.max(floatBits(a), floatBits(b));
            return need <= 32 ? Types.COMPLEX64 : Types.COMPLEX128;
        }
        if (a instanceof Type.Float || b instanceof Type.Float) {
            return Math.max(floatBits(a), floatBits(b)) <= 32 ? Types.FLOAT32 : Types.FLOAT64;
        }
        Type.Int x = (Type.Int) a, y = (Type.Int) b;
        if (x.signed() == y.signed()) return x.bits() >= y.bits() ? x : y;
        Type.Int s = x.signed() ? x : y, u = x.signed() ? y : x;
        if (s.bits() > u.bits()) return s;
        if (u.bits() == 64) return Types.FLOAT64;
        return new Type.Int(u.bits() * 2, true);
    }

    /** Bits of float precision a type needs to be represented exactly (NumPy's safe casting). */
    private static int floatBits(Type t) {
        return switch (t) {
            case Type.Bool b -> 32;
            case Type.Int i -> (i.bits() <= 16) ? 32 : 64;
            case Type.Float f -> f.bits();
            case Type.Complex c -> c.bits() / 2;
            default -> 64;
        };
    }
}
