package dev.arrayjit.runtime;

import dev.arrayjit.runtime.format.PyRepr;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;

/**
 * A typed NumPy scalar such as {@code np.float32(1.5)} or {@code np.uint8(3)}: passes to a kernel as
 * exactly that type, where a plain {@link Long} would be an int64 and a {@link Double} a float64.
 * Kernels also return unsigned integers and complex64 as scalars, since Java has no box for them.
 *
 * <p>{@code value} is normalised by {@link #of}: a {@link Long} for every integer type (wrapped to
 * the type's width, uint64 as its bit pattern), a {@link Double} for floats (float32 rounded), a
 * {@link Boolean} for bool, a {@link Complex} for complex types.
 */
public record Scalar(Type type, Object value) {
    public Scalar {
        if (!type.isScalar()) throw new IllegalArgumentException("not a scalar type: " + type);
        value = normalise(type, value);
    }

    /** {@code Scalar.of(Types.INT32, 7)}, {@code Scalar.of(Types.FLOAT32, 1.5)}: converts as NumPy's astype does. */
    public static Scalar of(Type type, Object value) { return new Scalar(type, value); }

    private static Object normalise(Type t, Object v) {
        if (v instanceof Scalar s) v = s.value;
        return switch (t) {
            case Type.Bool b -> switch (v) {
                case Boolean x -> x;
                case Complex c -> c.re() != 0 || c.im() != 0;
                case Number n -> isFloating(n) ? n.doubleValue() != 0 : n.longValue() != 0;
                default -> throw bad(t, v);
            };
            case Type.Int i -> wrap(i, switch (v) {
                case Boolean x -> x ? 1L : 0L;
                case Complex c -> toLong(i, c.re());
                case Number n -> isFloating(n) ? toLong(i, n.doubleValue()) : n.longValue();
                default -> throw bad(t, v);
            });
            case Type.Float f -> {
                double d = switch (v) {
                    case Boolean x -> x ? 1 : 0;
                    case Complex c -> c.re();
                    case Number n -> isFloating(n) ? n.doubleValue() : (double) n.longValue();
                    default -> throw bad(t, v);
                };
                yield f.bits() == 32 ? (double) (float) d : d;
            }
            case Type.Complex c -> {
                Complex z = switch (v) {
                    case Complex x -> x;
                    case Boolean x -> new Complex(x ? 1 : 0, 0);
                    case Number n -> new Complex(isFloating(n) ? n.doubleValue() : n.longValue(), 0);
                    default -> throw bad(t, v);
                };
                yield c.bits() == 64 ? new Complex((float) z.re(), (float) z.im()) : z;
            }
            default -> throw bad(t, v);
        };
    }

    private static boolean isFloating(Number n) { return n instanceof Double || n instanceof Float; }

    private static long toLong(Type.Int t, double d) {
        return t.bits() == 64 && !t.signed() ? Elements.doubleToUnsigned(d) : (long) d;
    }

    private static long wrap(Type.Int t, long v) {
        if (t.bits() == 64) return v;
        int shift = 64 - t.bits();
        return t.signed() ? (v << shift) >> shift : (v << shift) >>> shift;
    }

    private static IllegalArgumentException bad(Type t, Object v) {
        return new IllegalArgumentException("cannot make a " + Types.numpyName(t) + " scalar from " + v);
    }

    /**
     * A scalar as the CLI writes it: an integer literal ({@code -3}, {@code 0x1f}) is a {@link Long}
     * (a uint64 {@code Scalar} beyond int64), a float literal ({@code 2.5}, {@code 1e-3}, {@code inf},
     * {@code nan}) a {@link Double}, {@code True}/{@code False} a {@link Boolean}, {@code TYPE:VALUE}
     * ({@code float32:1.5}, {@code uint8:3}, {@code complex128:1+2j}) a range-checked {@code Scalar}.
     * @throws ArgumentException naming what is wrong with a bad token
     */
    public static Object parse(String token) { return ScalarSyntax.parse(token); }

    /** The value as a long: integers (uint64 as bit pattern), floats truncated, bool 0/1. */
    public long longValue() {
        return switch (value) {
            case Long l -> l;
            case Double d -> (long) d.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case Complex c -> (long) c.re();
            default -> throw new IllegalStateException();
        };
    }

    /** The value as a double (uint64 read unsigned; complex: the real part). */
    public double doubleValue() {
        return switch (value) {
            case Long l -> type.equals(Types.UINT64) ? Elements.unsignedToDouble(l) : l;
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case Complex c -> c.re();
            default -> throw new IllegalStateException();
        };
    }

    public boolean booleanValue() {
        return switch (value) {
            case Boolean b -> b;
            case Complex c -> c.re() != 0 || c.im() != 0;
            default -> doubleValue() != 0;
        };
    }

    /** As NumPy prints the scalar: {@code 7}, {@code 1.5} (shortest float32 digits), {@code True}, {@code (1+2j)}. */
    @Override public String toString() { return PyRepr.numpyScalar(this); }
}
