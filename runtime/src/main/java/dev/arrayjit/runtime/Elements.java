package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes one element of a scalar dtype at a byte offset, converting as NumPy's
 * {@code astype} does: integers wrap, floats truncate toward zero into integers, anything to bool is
 * {@code != 0}. Memory is little-endian (the native order here); access is unaligned-safe because
 * views and {@code .npy} data need not be aligned.
 */
final class Elements {
    private Elements() {}

    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** The element as a long: integers (uint64 as its bit pattern), floats truncated, bool 0/1, complex its real part. */
    static long getLong(MemorySegment s, long off, Type t) {
        return switch (t) {
            case Type.Bool b -> s.get(ValueLayout.JAVA_BYTE, off) != 0 ? 1 : 0;
            case Type.Int i -> switch (i.bits()) {
                case 8 -> i.signed() ? s.get(ValueLayout.JAVA_BYTE, off) : Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, off));
                case 16 -> i.signed() ? s.get(I16, off) : Short.toUnsignedLong(s.get(I16, off));
                case 32 -> i.signed() ? s.get(I32, off) : Integer.toUnsignedLong(s.get(I32, off));
                default -> s.get(I64, off);
            };
            case Type.Float f -> (long) getDouble(s, off, t);
            case Type.Complex c -> (long) getDouble(s, off, t);
            default -> throw new IllegalArgumentException("not a dtype: " + t);
        };
    }

    /** The element as a double (uint64 converted unsigned; complex: its real part). */
    static double getDouble(MemorySegment s, long off, Type t) {
        return switch (t) {
            case Type.Float f -> f.bits() == 32 ? s.get(F32, off) : s.get(F64, off);
            case Type.Complex c -> c.bits() == 64 ? s.get(F32, off) : s.get(F64, off);
            case Type.Int i when i.bits() == 64 && !i.signed() -> unsignedToDouble(s.get(I64, off));
            default -> getLong(s, off, t);
        };
    }

    /** Imaginary part of a complex element, 0 for other dtypes. */
    static double getImag(MemorySegment s, long off, Type t) {
        if (!(t instanceof Type.Complex c)) return 0;
        return c.bits() == 64 ? s.get(F32, off + 4) : s.get(F64, off + 8);
    }

    static boolean getBoolean(MemorySegment s, long off, Type t) {
        return switch (t) {
            case Type.Float f -> getDouble(s, off, t) != 0;
            case Type.Complex c -> getDouble(s, off, t) != 0 || getImag(s, off, t) != 0;
            default -> getLong(s, off, t) != 0;
        };
    }

    static void setLong(MemorySegment s, long off, Type t, long v) {
        switch (t) {
            case Type.Bool b -> s.set(ValueLayout.JAVA_BYTE, off, (byte) (v != 0 ? 1 : 0));
            case Type.Int i -> {
                switch (i.bits()) {
                    case 8 -> s.set(ValueLayout.JAVA_BYTE, off, (byte) v);
                    case 16 -> s.set(I16, off, (short) v);
                    case 32 -> s.set(I32, off, (int) v);
                    default -> s.set(I64, off, v);
                }
            }
            case Type.Float f -> setDouble(s, off, t, v);
            case Type.Complex c -> setComplex(s, off, t, v, 0);
            default -> throw new IllegalArgumentException("not a dtype: " + t);
        }
    }

    static void setDouble(MemorySegment s, long off, Type t, double v) {
        switch (t) {
            case Type.Float f -> {
                if (f.bits() == 32) s.set(F32, off, (float) v);
                else s.set(F64, off, v);
            }
            case Type.Complex c -> setComplex(s, off, t, v, 0);
            case Type.Bool b -> s.set(ValueLayout.JAVA_BYTE, off, (byte) (v != 0 ? 1 : 0));
            case Type.Int i when i.bits() == 64 && !i.signed() -> s.set(I64, off, doubleToUnsigned(v));
            default -> setLong(s, off, t, (long) v);
        }
    }

    static void setComplex(MemorySegment s, long off, Type t, double re, double im) {
        if (t instanceof Type.Complex c) {
            if (c.bits() == 64) {
                s.set(F32, off, (float) re);
                s.set(F32, off + 4, (float) im);
            } else {
                s.set(F64, off, re);
                s.set(F64, off + 8, im);
            }
        } else {
            setDouble(s, off, t, re);
        }
    }

    /** The element boxed as kernels' results are: see {@link Boxing}. */
    static Object get(MemorySegment s, long off, Type t) {
        return switch (t) {
            case Type.Complex c -> Boxing.box(t, new Complex(getDouble(s, off, t), getImag(s, off, t)));
            case Type.Float f -> Boxing.box(t, getDouble(s, off, t));
            default -> Boxing.box(t, getLong(s, off, t));
        };
    }

    /** Stores a Java number, Boolean, {@link Scalar} or {@link Complex}, converting to the dtype. */
    static void set(MemorySegment s, long off, Type t, Object v) {
        switch (v) {
            case Scalar sc -> set(s, off, t, sc.value());
            case Complex c -> setComplex(s, off, t, c.re(), c.im());
            case Boolean b -> setLong(s, off, t, b ? 1 : 0);
            case Double d -> setDouble(s, off, t, d);
            case Float f -> setDouble(s, off, t, f);
            case Long l -> setLong(s, off, t, l);
            case Integer i -> setLong(s, off, t, i);
            case Short sh -> setLong(s, off, t, sh);
            case Byte by -> setLong(s, off, t, by);
            case null, default -> throw new IllegalArgumentException("cannot store " + v + " in a " + Types.numpyName(t) + " array");
        }
    }

    static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    static long doubleToUnsigned(double v) {
        if (v < 0x1p63) return (long) v;
        return (long) (v - 0x1p63) + Long.MIN_VALUE;
    }
}
