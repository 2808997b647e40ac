package dev.arrayjit.runtime.format;

import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyList;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.StringJoiner;

/**
 * Text of kernel values as Python shows them. Numba boxes every integer result as a Python {@code int}
 * and every float (float32 included, widened) as a Python {@code float}, so {@link #print} follows
 * Python; NumPy's own scalar and array printing is in {@link #numpyScalar} and {@link ArrayPrinter}.
 */
public final class PyRepr {
    private PyRepr() {}

    /** What {@code print(value)} writes for a kernel's result: {@code None}, {@code 3}, {@code 0.1}, arrays as NumPy's str. */
    public static String print(Object value) {
        return value instanceof NDArray a ? ArrayPrinter.str(a) : repr(value);
    }

    /** Python's {@code repr} of a kernel result (tuple elements print this way). */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case Double d -> FloatRepr.repr(d);
            case Float f -> FloatRepr.repr((double) f); // Numba returns float32 as a Python float
            case Complex c -> complex(c.re(), c.im(), false);
            case Scalar s -> switch (s.type()) {
                case Type.Int i -> i.bits() == 64 && !i.signed() ? Long.toUnsignedString(s.longValue()) : Long.toString(s.longValue());
                case Type.Float f -> FloatRepr.repr(s.doubleValue());
                case Type.Complex c -> complex(((Complex) s.value()).re(), ((Complex) s.value()).im(), false);
                default -> s.booleanValue() ? "True" : "False";
            };
            case PyTuple t -> tuple(t);
            case PyList l -> list(l);
            case NDArray a -> ArrayPrinter.repr(a);
            default -> String.valueOf(value);
        };
    }

    /** Python's repr of a list: elements as Python boxes them (float32 widened to a Python float). */
    private static String list(PyList l) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Object o : l) j.add(repr(o));
        return j.toString();
    }

    private static String tuple(PyTuple t) {
        if (t.size() == 1) return "(" + repr(t.get(0)) + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object o : t.items()) j.add(repr(o));
        return j.toString();
    }

    /** NumPy's str of a scalar of its own type: float32 with float32's shortest digits. */
    public static String numpyScalar(Object value) {
        return switch (value) {
            case Float f -> FloatRepr.repr(f);
            case Scalar s when s.type().equals(Types.FLOAT32) -> FloatRepr.repr((float) s.doubleValue());
            case Scalar s when s.type().equals(Types.COMPLEX64) ->
                    complex(((Complex) s.value()).re(), ((Complex) s.value()).im(), true);
            default -> repr(value);
        };
    }

    /** Python's {@code repr(complex)}: {@code 2j}, {@code (1+2j)}, {@code (-0-1j)}, {@code (1+nanj)}. */
    public static String complex(double re, double im, boolean f32) {
        String imText = FloatRepr.repr(im, f32, false);
        if (re == 0 && 1 / re > 0) return imText + "j";
        String sign = imText.startsWith("-") ? "" : "+";
        return "(" + FloatRepr.repr(re, f32, false) + sign + imText + "j)";
    }
}
