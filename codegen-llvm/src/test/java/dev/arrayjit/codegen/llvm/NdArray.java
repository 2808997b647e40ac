package dev.arrayjit.codegen.llvm;

import static java.lang.foreign.ValueLayout.*;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** An array as the ABI passes it: data with extents and byte strides (meminfo null unless kernel-owned). */
record NdArray(Type dtype, MemorySegment data, long[] shape, long[] strides, MemorySegment meminfo) {

    static NdArray c(Arena arena, Type dtype, long... shape) {
        long size = Types.sizeOf(dtype);
        long[] strides = new long[shape.length];
        long n = 1;
        for (int k = shape.length - 1; k >= 0; k--) { strides[k] = size * n; n *= shape[k]; }
        return new NdArray(dtype, arena.allocate(Math.max(1, n * size), 64), shape, strides, MemorySegment.NULL);
    }

    static NdArray fortran(Arena arena, Type dtype, long... shape) {
        long size = Types.sizeOf(dtype);
        long[] strides = new long[shape.length];
        long n = 1;
        for (int k = 0; k < shape.length; k++) { strides[k] = size * n; n *= shape[k]; }
        return new NdArray(dtype, arena.allocate(Math.max(1, n * size), 64), shape, strides, MemorySegment.NULL);
    }

    static NdArray of(Arena arena, double... values) {
        NdArray a = c(arena, Types.FLOAT64, values.length);
        for (int k = 0; k < values.length; k++) a.set(values[k], k);
        return a;
    }

    static NdArray ofLongs(Arena arena, long... values) {
        NdArray a = c(arena, Types.INT64, values.length);
        for (int k = 0; k < values.length; k++) a.set(values[k], k);
        return a;
    }

    /** A view with the given extents and byte strides over this array's data, starting at byte offset. */
    NdArray view(long offset, long[] shape, long[] strides) {
        return new NdArray(dtype, data.asSlice(offset), shape, strides, MemorySegment.NULL);
    }

    long offset(long... index) {
        long off = 0;
        for (int k = 0; k < index.length; k++) off += index[k] * strides[k];
        return off;
    }

    double getDouble(long... index) {
        return dtype.equals(Types.FLOAT32) ? data.get(JAVA_FLOAT_UNALIGNED, offset(index)) : data.get(JAVA_DOUBLE_UNALIGNED, offset(index));
    }

    long getLong(long... index) {
        return switch (Types.sizeOf(dtype)) {
            case 1 -> data.get(JAVA_BYTE, offset(index));
            case 2 -> data.get(JAVA_SHORT_UNALIGNED, offset(index));
            case 4 -> data.get(JAVA_INT_UNALIGNED, offset(index));
            default -> data.get(JAVA_LONG_UNALIGNED, offset(index));
        };
    }

    void set(double v, long... index) {
        if (dtype.equals(Types.FLOAT32)) data.set(JAVA_FLOAT_UNALIGNED, offset(index), (float) v);
        else if (dtype.isFloat()) data.set(JAVA_DOUBLE_UNALIGNED, offset(index), v);
        else setBits((long) v, index);
    }

    void set(long v, long... index) {
        if (dtype.isFloat()) set((double) v, index);
        else setBits(v, index);
    }

    private void setBits(long v, long... index) {
        switch (Types.sizeOf(dtype)) {
            case 1 -> data.set(JAVA_BYTE, offset(index), (byte) v);
            case 2 -> data.set(JAVA_SHORT_UNALIGNED, offset(index), (short) v);
            case 4 -> data.set(JAVA_INT_UNALIGNED, offset(index), (int) v);
            default -> data.set(JAVA_LONG_UNALIGNED, offset(index), v);
        }
    }
}
