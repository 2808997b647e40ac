package dev.arrayjit.typeinfer.types;

import java.util.Map;

/** The scalar types by name, and parsing of NumPy / Numba dtype names. */
public final class Types {
    private Types() {}

    public static final Type.Bool BOOL = new Type.Bool();
    public static final Type.Int INT8 = new Type.Int(8, true);
    public static final Type.Int INT16 = new Type.Int(16, true);
    public static final Type.Int INT32 = new Type.Int(32, true);
    public static final Type.Int INT64 = new Type.Int(64, true);
    public static final Type.Int UINT8 = new Type.Int(8, false);
    public static final Type.Int UINT16 = new Type.Int(16, false);
    public static final Type.Int UINT32 = new Type.Int(32, false);
    public static final Type.Int UINT64 = new Type.Int(64, false);
    public static final Type.Float FLOAT32 = new Type.Float(32);
    public static final Type.Float FLOAT64 = new Type.Float(64);
    public static final Type.Complex COMPLEX64 = new Type.Complex(64);
    public static final Type.Complex COMPLEX128 = new Type.Complex(128);
    public static final Type.None NONE = new Type.None();

    private static final Map<String, Type> BY_NAME = Map.ofEntries(
            Map.entry("bool", BOOL), Map.entry("bool_", BOOL), Map.entry("boolean", BOOL), Map.entry("b1", BOOL),
            Map.entry("int8", INT8), Map.entry("i1", INT8), Map.entry("byte", INT8),
            Map.entry("int16", INT16), Map.entry("i2", INT16),
            Map.entry("int32", INT32), Map.entry("i4", INT32), Map.entry("intc", INT32),
            Map.entry("int64", INT64), Map.entry("i8", INT64), Map.entry("intp", INT64), Map.entry("int_", INT64),
            Map.entry("ssize_t", INT64), Map.entry("int", INT64),
            Map.entry("uint8", UINT8), Map.entry("u1", UINT8), Map.entry("uint16", UINT16), Map.entry("u2", UINT16),
            Map.entry("uint32", UINT32), Map.entry("u4", UINT32), Map.entry("uintc", UINT32),
            Map.entry("uint64", UINT64), Map.entry("u8", UINT64), Map.entry("uintp", UINT64), Map.entry("size_t", UINT64),
            Map.entry("float32", FLOAT32), Map.entry("f4", FLOAT32), Map.entry("single", FLOAT32),
            Map.entry("float64", FLOAT64), Map.entry("f8", FLOAT64), Map.entry("double", FLOAT64),
            Map.entry("float_", FLOAT64), Map.entry("float", FLOAT64),
            Map.entry("complex64", COMPLEX64), Map.entry("c8", COMPLEX64),
            Map.entry("complex128", COMPLEX128), Map.entry("c16", COMPLEX128), Map.entry("complex_", COMPLEX128),
            Map.entry("complex", COMPLEX128));

    /** A scalar type by Numba or NumPy name ({@code float64}, {@code f8}, {@code intp} ...), or null. */
    public static Type scalar(String name) { return BY_NAME.get(name); }

    /** Byte size of a scalar in memory (bool is one byte). */
    public static int sizeOf(Type t) {
        return switch (t) {
            case Type.Bool b -> 1;
            case Type.Int i -> i.bits() / 8;
            case Type.Float f -> f.bits() / 8;
            case Type.Complex c -> c.bits() / 8;
            default -> throw new IllegalArgumentException("not a scalar: " + t);
        };
    }

    /** NumPy's dtype name for a scalar type: {@code float64}, {@code bool} ... */
    public static String numpyName(Type t) { return t.toString(); }

    /** NumPy's {@code np.can_cast(from, to, 'safe')} between scalar types: no value is lost. */
    public static boolean canCast(Type from, Type to) {
        if (from.equals(to) || from instanceof Type.Bool) return true;
        return switch (from) {
            case Type.Int f -> switch (to) {
                case Type.Int t -> f.signed() == t.signed() ? t.bits() >= f.bits() : !f.signed() && t.bits() > f.bits();
                case Type.Float t -> t.bits() == 64 || f.bits() <= 16;
                case Type.Complex t -> t.bits() == 128 || f.bits() <= 16;
                default -> false;
            };
            case Type.Float f -> to instanceof Type.Float t ? t.bits() >= f.bits() : to instanceof Type.Complex c && c.bits() >= 2 * f.bits();
            case Type.Complex f -> to instanceof Type.Complex t && t.bits() >= f.bits();
            default -> false;
        };
    }

    /**
     * NumPy's {@code np.can_cast(from, to, 'same_kind')}: safe, or to a kind no lower in NumPy's order
     * bool, unsigned, signed, float, complex (float64 to float32 yes, float to int no).
     */
    public static boolean canCastSameKind(Type from, Type to) {
        return canCast(from, to) || kindOrder(to) >= kindOrder(from);
    }

    private static int kindOrder(Type t) {
        return switch (t) {
            case Type.Bool b -> 0;
            case Type.Int i -> i.signed() ? 2 : 1;
            case Type.Float f -> 3;
            case Type.Complex c -> 4;
            default -> -1;
        };
    }

    /** NumPy's kind categories for value-based casting: bool 0, integers 1, floats 2, complex 3. */
    public static int kind(Type t) {
        return switch (t) {
            case Type.Bool b -> 0;
            case Type.Int i -> 1;
            case Type.Float f -> 2;
            case Type.Complex c -> 3;
            default -> -1;
        };
    }

    /** The dtype of a scalar or the element type of an array. */
    public static Type dtypeOf(Type t) { return t instanceof Type.Array a ? a.dtype() : t; }

    /** The number of dimensions: an array's, 0 for a scalar. */
    public static int ndimOf(Type t) { return t instanceof Type.Array a ? a.ndim() : 0; }
}
