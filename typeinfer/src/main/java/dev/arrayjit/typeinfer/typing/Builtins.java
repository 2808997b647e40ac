package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.Set;

/** Names the kernel language knows without an import, and constants and scalar types of the libraries. */
public final class Builtins {
    private Builtins() {}

    private static final Set<String> NAMES = Set.of("abs", "min", "max", "int", "float", "bool", "len", "range",
            "print", "round", "sum", "complex", "enumerate", "zip", "divmod", "pow", "isinstance", "tuple", "list", "sorted",
            "ValueError", "IndexError", "ZeroDivisionError", "AssertionError", "TypeError", "RuntimeError",
            "OverflowError", "ArithmeticError", "KeyError", "NotImplementedError", "MemoryError", "Exception");

    public static boolean isBuiltin(String name) { return NAMES.contains(name); }

    /** {@code math.pi}, {@code np.inf} ...; null when {@code q} is not such a constant. */
    public static ConstValue libraryConstant(String q) {
        return switch (q) {
            case "math.pi", "numpy.pi" -> new ConstValue.Scalar(Types.FLOAT64, Math.PI);
            case "math.e", "numpy.e" -> new ConstValue.Scalar(Types.FLOAT64, Math.E);
            case "math.tau" -> new ConstValue.Scalar(Types.FLOAT64, 2 * Math.PI);
            case "math.inf", "numpy.inf", "numpy.Inf", "numpy.PINF" -> new ConstValue.Scalar(Types.FLOAT64, Double.POSITIVE_INFINITY);
            case "numpy.NINF" -> new ConstValue.Scalar(Types.FLOAT64, Double.NEGATIVE_INFINITY);
            case "math.nan", "numpy.nan", "numpy.NaN", "numpy.NAN" -> new ConstValue.Scalar(Types.FLOAT64, Double.NaN);
            case "numpy.euler_gamma" -> new ConstValue.Scalar(Types.FLOAT64, 0.5772156649015329);
            case "numpy.newaxis" -> new ConstValue.None();
            default -> null;
        };
    }

    /**
     * The scalar type a library name constructs or names: {@code numpy.float32}, {@code numba.int64},
     * {@code numba.types.f8}, {@code numpy.bool_}; null if it is none.
     */
    public static Type scalarConstructor(String q) {
        String name;
        if (q.startsWith("numpy.")) name = q.substring(6);
        else if (q.startsWith("numba.types.")) name = q.substring(12);
        else if (q.startsWith("numba.")) name = q.substring(6);
        else return null;
        if (name.equals("int") || name.equals("float") || name.equals("bool") || name.equals("complex")) return null;
        return Types.scalar(name);
    }

    /** A dtype written as a type object ({@code np.float64}, {@code float}, {@code np.bool_}, {@code numba.int32}). */
    public static Type dtype(String q) {
        return switch (q) {
            case "builtins.float" -> Types.FLOAT64;
            case "builtins.int" -> Types.INT64;
            case "builtins.bool" -> Types.BOOL;
            case "builtins.complex" -> Types.COMPLEX128;
            default -> scalarConstructor(q);
        };
    }

    /** A dtype written as a string: {@code 'float64'}, {@code 'f8'}, {@code '<f4'}, {@code 'int32'}. */
    public static Type dtypeString(String s) {
        String n = s.startsWith("<") || s.startsWith("=") || s.startsWith("|") ? s.substring(1) : s;
        Type t = Types.scalar(n);
        if (t != null) return t;
        return switch (n) {
            case "f" -> Types.FLOAT32;
            case "d" -> Types.FLOAT64;
            case "i" -> Types.INT32;
            case "l", "q" -> Types.INT64;
            case "?" -> Types.BOOL;
            case "B" -> Types.UINT8;
            case "b" -> Types.INT8;
            default -> null;
        };
    }
}
