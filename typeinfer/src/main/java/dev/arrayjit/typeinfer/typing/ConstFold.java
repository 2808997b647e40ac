package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.typeinfer.types.Type;

/** Arithmetic on compile-time constants with the same semantics as compiled code. */
final class ConstFold {
    private ConstFold() {}

    static double asDouble(ConstValue.Scalar s) {
        return switch (s.value()) {
            case Boolean b -> b ? 1 : 0;
            case Long l -> (s.type() instanceof Type.Int i && !i.signed() && l < 0) ? unsignedToDouble(l) : l;
            case Double d -> d;
            default -> throw new IllegalStateException();
        };
    }

    static long asLong(ConstValue.Scalar s) {
        return switch (s.value()) {
            case Boolean b -> b ? 1 : 0;
            case Long l -> l;
            case Double d -> (long) (double) d;
            default -> throw new IllegalStateException();
        };
    }

    private static double unsignedToDouble(long l) {
        return ((double) (l >>> 1)) * 2.0 + (l & 1);
    }

    /** The value of {@code l op r} in type {@code t}, or null where folding is not attempted. */
    static Object binary(BinaryOp op, ConstValue.Scalar l, ConstValue.Scalar r, Type t) {
        if (t instanceof Type.Float f) {
            double a = asDouble(l), b = asDouble(r);
            double v = switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> b == 0 ? Double.NaN : a / b;
                case POW -> Math.pow(a, b);
                default -> Double.NaN;
            };
            if (Double.isNaN(v) && !(Double.isNaN(a) || Double.isNaN(b))) return null;
            return f.bits() == 32 ? (double) (float) v : v;
        }
        if (t instanceof Type.Int i) {
            long a = asLong(l), b = asLong(r);
            long v = switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case FLOORDIV -> { if (b == 0) yield Long.MIN_VALUE; yield Math.floorDiv(a, b); }
                case MOD -> { if (b == 0) yield Long.MIN_VALUE; yield Math.floorMod(a, b); }
                case LSHIFT -> b >= 0 && b < 64 ? a << b : 0;
                case RSHIFT -> b >= 0 && b < 64 ? a >> b : (a < 0 ? -1 : 0);
                case BITAND -> a & b;
                case BITOR -> a | b;
                case BITXOR -> a ^ b;
                case POW -> { if (b < 0) yield Long.MIN_VALUE; long p = 1; for (long k = 0; k < b; k++) p *= a; yield p; }
                default -> Long.MIN_VALUE;
            };
            if (v == Long.MIN_VALUE || !i.signed() && (op == BinaryOp.FLOORDIV || op == BinaryOp.MOD)) return null;
            return v;
        }
        if (t instanceof Type.Bool) {
            boolean a = asLong(l) != 0, b = asLong(r) != 0;
            return switch (op) {
                case BITAND -> a & b;
                case BITOR -> a | b;
                case BITXOR -> a ^ b;
                default -> null;
            };
        }
        return null;
    }

    /** Converts a constant as {@code np.float32(x)} or {@code np.int8(x)} would. */
    static Object cast(ConstValue.Scalar s, Type target) {
        return switch (target) {
            case Type.Bool b -> ConstEvaluator.truthy(s);
            case Type.Float f -> f.bits() == 32 ? (double) (float) asDouble(s) : asDouble(s);
            case Type.Int i -> {
                long v = asLong(s);
                yield switch (i.bits()) {
                    case 8 -> i.signed() ? (long) (byte) v : v & 0xFF;
                    case 16 -> i.signed() ? (long) (short) v : v & 0xFFFF;
                    case 32 -> i.signed() ? (long) (int) v : v & 0xFFFFFFFFL;
                    default -> v;
                };
            }
            default -> s.value();
        };
    }
}
