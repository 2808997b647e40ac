package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.types.Type;

/**
 * How scalars cross into Java, from kernel results and array elements: the Java box of the same
 * width where Java has one (int64 → {@link Long}, int32 → {@link Integer}, int16 → {@link Short},
 * int8 → {@link Byte}, float64 → {@link Double}, float32 → {@link Float}, bool → {@link Boolean},
 * complex128 → {@link Complex}); unsigned integers and complex64, which Java cannot box faithfully,
 * come back as a {@link Scalar} carrying their type.
 */
public final class Boxing {
    private Boxing() {}

    /** {@code raw} is a Long (integers, bool), Double (floats) or Complex. */
    public static Object box(Type t, Object raw) {
        return switch (t) {
            case Type.Bool b -> ((Number) raw).longValue() != 0;
            case Type.Int i when !i.signed() -> Scalar.of(t, raw);
            case Type.Int i -> {
                long v = ((Number) raw).longValue();
                yield switch (i.bits()) {
                    case 8 -> (Object) (byte) v;
                    case 16 -> (Object) (short) v;
                    case 32 -> (Object) (int) v;
                    default -> (Object) v;
                };
            }
            case Type.Float f -> f.bits() == 32 ? (Object) (float) ((Number) raw).doubleValue() : (Object) ((Number) raw).doubleValue();
            case Type.Complex c -> c.bits() == 128 ? raw : Scalar.of(t, raw);
            default -> throw new IllegalArgumentException("not a scalar type: " + t);
        };
    }
}
