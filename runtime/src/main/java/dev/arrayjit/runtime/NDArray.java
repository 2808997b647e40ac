package dev.arrayjit.runtime;

import dev.arrayjit.runtime.format.ArrayPrinter;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * An n-dimensional array as NumPy lays it out: a scalar dtype, a shape, byte strides and the byte
 * offset of element {@code [0, ..., 0]} in a {@link MemorySegment}. Many arrays may view one segment.
 *
 * <p>Memory: arrays made here live in native memory freed when no array views it any more (see
 * {@link NativeMemory}); arrays a kernel returns own the block the kernel allocated in the same way.
 * {@link #wrap(double[], long...)} and its siblings view a Java array without copying: such a heap
 * array is copied to native memory for a kernel call and back afterwards.
 *
 * <p>Not thread-safe for concurrent writes, like NumPy arrays.
 */
public final class NDArray {
    /** Element order of new arrays: row-major (C) or column-major (Fortran). */
    public enum Order { C, F }

    private final Type dtype;
    private final long[] shape;
    private final long[] strides;
    private final MemorySegment segment;
    private final long offset;
    private final boolean readOnly;
    private Type.Array type; // computed on first use: calls type every array argument

    private NDArray(Type dtype, long[] shape, long[] strides, MemorySegment segment, long offset, boolean readOnly) {
        if (!dtype.isScalar()) throw new IllegalArgumentException("not a dtype: " + dtype);
        if (shape.length != strides.length) throw new IllegalArgumentException("shape and strides differ in length");
        for (long d : shape) if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.segment = segment;
        this.offset = offset;
        this.readOnly = readOnly;
        checkInside();
    }

    private void checkInside() {
        long lo = offset, hi = offset;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) return; // no element: any pointer is fine
            long far = Math.multiplyExact(shape[i] - 1, strides[i]);
            if (far < 0) lo += far; else hi += far;
        }
        if (lo < 0 || hi + Types.sizeOf(dtype) > segment.byteSize()) {
            throw new IndexOutOfBoundsException("array of shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " at offset " + offset + " does not fit a segment of " + segment.byteSize() + " bytes");
        }
    }

    // ---------------------------------------------------------------- factories

    /** A new zero-filled C-order array. */
    public static NDArray zeros(Type dtype, long... shape) { return zeros(dtype, Order.C, shape); }

    public static NDArray zeros(Type dtype, Order order, long... shape) {
        long[] s = shape.clone();
        long bytes = Types.sizeOf(dtype);
        for (long d : s) {
            if (d < 0) throw new IllegalArgumentException("negative dimensions are not allowed: " + Arrays.toString(s));
            bytes = Math.multiplyExact(bytes, d);
        }
        return new NDArray(dtype, s, contiguousStrides(Types.sizeOf(dtype), s, order), NativeMemory.allocateZeroed(bytes), 0, false);
    }

    /** A 0-d array holding one value, converted to {@code dtype}. */
    public static NDArray scalar(Type dtype, Object value) {
        NDArray a = zeros(dtype);
        a.set(value);
        return a;
    }

    /** A view of existing memory; strides and offset in bytes. */
    public static NDArray view(MemorySegment segment, Type dtype, long offset, long[] shape, long[] strides) {
        return new NDArray(dtype, shape.clone(), strides.clone(), segment, offset, segment.isReadOnly());
    }

    /** A contiguous view of existing memory, from its start. */
    public static NDArray view(MemorySegment segment, Type dtype, Order order, long... shape) {
        return view(segment, dtype, 0, shape, contiguousStrides(Types.sizeOf(dtype), shape, order));
    }

    /** Byte strides of a contiguous array of this shape. */
    public static long[] contiguousStrides(int itemSize, long[] shape, Order order) {
        long[] st = new long[shape.length];
        long step = itemSize;
        for (int k = 0; k < shape.length; k++) {
            int i = order == Order.C ? shape.length - 1 - k : k;
            st[i] = step;
            step *= Math.max(shape[i], 1);
        }
        return st;
    }

    public static NDArray of(double... v) { return copyOf(MemorySegment.ofArray(v), Types.FLOAT64, v.length); }
    public static NDArray of(float... v) { return copyOf(MemorySegment.ofArray(v), Types.FLOAT32, v.length); }
    public static NDArray of(long... v) { return copyOf(MemorySegment.ofArray(v), Types.INT64, v.length); }
    public static NDArray of(int... v) { return copyOf(MemorySegment.ofArray(v), Types.INT32, v.length); }
    public static NDArray of(short... v) { return copyOf(MemorySegment.ofArray(v), Types.INT16, v.length); }
    public static NDArray of(byte... v) { return copyOf(MemorySegment.ofArray(v), Types.INT8, v.length); }

    public static NDArray of(boolean... v) {
        NDArray a = zeros(Types.BOOL, v.length);
        for (int i = 0; i < v.length; i++) a.segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) (v[i] ? 1 : 0));
        return a;
    }

    public static NDArray of(double[][] rows) { return of2d(Types.FLOAT64, rows, r -> MemorySegment.ofArray((double[]) r), r -> ((double[]) r).length); }
    public static NDArray of(float[][] rows) { return of2d(Types.FLOAT32, rows, r -> MemorySegment.ofArray((float[]) r), r -> ((float[]) r).length); }
    public static NDArray of(long[][] rows) { return of2d(Types.INT64, rows, r -> MemorySegment.ofArray((long[]) r), r -> ((long[]) r).length); }
    public static NDArray of(int[][] rows) { return of2d(Types.INT32, rows, r -> MemorySegment.ofArray((int[]) r), r -> ((int[]) r).length); }

    public static NDArray of(boolean[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        NDArray a = zeros(Types.BOOL, rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("ragged rows: row " + i + " has " + rows[i].length + " elements, not " + cols);
            for (int j = 0; j < cols; j++) a.setBoolean(rows[i][j], i, j);
        }
        return a;
    }

    private static NDArray copyOf(MemorySegment src, Type dtype, long n) {
        NDArray a = zeros(dtype, n);
        MemorySegment.copy(src, 0, a.segment, 0, src.byteSize());
        return a;
    }

    private static NDArray of2d(Type dtype, Object[] rows, java.util.function.Function<Object, MemorySegment> seg,
                                java.util.function.ToIntFunction<Object> len) {
        int cols = rows.length == 0 ? 0 : len.applyAsInt(rows[0]);
        NDArray a = zeros(dtype, rows.length, cols);
        long rowBytes = (long) cols * Types.sizeOf(dtype);
        for (int i = 0; i < rows.length; i++) {
            if (len.applyAsInt(rows[i]) != cols) {
                throw new IllegalArgumentException("ragged rows: row " + i + " has " + len.applyAsInt(rows[i]) + " elements, not " + cols);
            }
            MemorySegment.copy(seg.apply(rows[i]), 0, a.segment, i * rowBytes, rowBytes);
        }
        return a;
    }

    /** A C-order view of a Java array without copying; no shape means 1-D. Writes go to the Java array. */
    public static NDArray wrap(double[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.FLOAT64, data.length, shape); }
    public static NDArray wrap(float[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.FLOAT32, data.length, shape); }
    public static NDArray wrap(long[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.INT64, data.length, shape); }
    public static NDArray wrap(int[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.INT32, data.length, shape); }
    public static NDArray wrap(short[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.INT16, data.length, shape); }
    public static NDArray wrap(byte[] data, long... shape) { return wrapHeap(MemorySegment.ofArray(data), Types.INT8, data.length, shape); }

    private static NDArray wrapHeap(MemorySegment seg, Type dtype, long length, long[] shape) {
        long[] s = shape.length == 0 ? new long[] {length} : shape.clone();
        long n = 1;
        for (long d : s) n *= d;
        if (n != length) throw new IllegalArgumentException("cannot view " + length + " elements as shape " + Arrays.toString(s));
        return view(seg, dtype, Order.C, s);
    }

    // ---------------------------------------------------------------- properties

    public Type dtype() { return dtype; }
    public int ndim() { return shape.length; }
    public long[] shape() { return shape.clone(); }
    public long shape(int axis) { return shape[axis]; }
    /** Byte strides. */
    public long[] strides() { return strides.clone(); }
    public long stride(int axis) { return strides[axis]; }
    /** Byte offset of element [0, ..., 0] in {@link #segment()}. */
    public long offset() { return offset; }
    public MemorySegment segment() { return segment; }
    public int itemSize() { return Types.sizeOf(dtype); }
    public boolean readOnly() { return readOnly; }

    public long size() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Whether the data is in native memory, so a kernel can use it in place. */
    public boolean isNative() { return segment.isNative(); }

    /** NumPy's C_CONTIGUOUS flag: extents of 1 impose no stride; an empty array is contiguous. */
    public boolean isCContiguous() { return contiguous(Order.C); }

    /** NumPy's F_CONTIGUOUS flag. */
    public boolean isFContiguous() { return contiguous(Order.F); }

    private boolean contiguous(Order order) {
        long sd = itemSize();
        for (int k = 0; k < shape.length; k++) {
            int i = order == Order.C ? shape.length - 1 - k : k;
            if (shape[i] == 0) return true;
            if (shape[i] != 1) {
                if (strides[i] != sd) return false;
                sd *= shape[i];
            }
        }
        return true;
    }

    /** The layout Numba's {@code typeof} gives: C if C-contiguous (so 0-d and contiguous 1-D are C), else F, else A. */
    public Layout layout() {
        return isCContiguous() ? Layout.C : isFContiguous() ? Layout.F : Layout.A;
    }

    /** This array's type as a kernel argument. */
    public Type.Array type() {
        Type.Array t = type;
        if (t == null) type = t = new Type.Array(dtype, ndim(), layout(), readOnly);
        return t;
    }

    // ---------------------------------------------------------------- views

    /** A view that kernels and setters may not write. */
    public NDArray asReadOnly() { return readOnly ? this : new NDArray(dtype, shape, strides, segment, offset, true); }

    /** The transposed view (axes reversed): a C array viewed as F and back. */
    public NDArray transpose() {
        long[] s = new long[shape.length], st = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[shape.length - 1 - i];
            st[i] = strides[shape.length - 1 - i];
        }
        return new NDArray(dtype, s, st, segment, offset, readOnly);
    }

    /** A new array with the same view of the data (for results that alias an argument). */
    NDArray withGeometry(long offset, long[] shape, long[] strides) {
        return new NDArray(dtype, shape, strides, segment, offset, readOnly);
    }

    /** A contiguous copy in native memory. */
    public NDArray copy(Order order) {
        NDArray c = zeros(dtype, order, shape);
        if (order == Order.C ? isCContiguous() : isFContiguous()) {
            long bytes = size() * itemSize();
            if (bytes > 0) MemorySegment.copy(segment, minOffset(), c.segment, 0, bytes);
            return c;
        }
        int item = itemSize();
        long[] idx = new long[shape.length];
        forEachIndex(idx, 0, () -> MemorySegment.copy(segment, byteOffset(idx), c.segment, c.byteOffset(idx), item));
        return c;
    }

    public NDArray copy() { return copy(Order.C); }

    /** Lowest byte offset any element occupies (the start of a contiguous array's data). */
    long minOffset() {
        long lo = offset;
        for (int i = 0; i < shape.length; i++) if (strides[i] < 0 && shape[i] > 0) lo += (shape[i] - 1) * strides[i];
        return lo;
    }

    // ---------------------------------------------------------------- elements

    /** Byte offset of an element; negative indices count from the end, as in NumPy. */
    long byteOffset(long... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices for a " + shape.length + "-d array, got " + idx.length);
        }
        long off = offset;
        for (int i = 0; i < idx.length; i++) {
            long k = idx[i] < 0 ? idx[i] + shape[i] : idx[i];
            if (k < 0 || k >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + idx[i] + " is out of bounds for axis " + i + " with size " + shape[i]);
            }
            off += k * strides[i];
        }
        return off;
    }

    public double getDouble(long... idx) { return Elements.getDouble(segment, byteOffset(idx), dtype); }
    public long getLong(long... idx) { return Elements.getLong(segment, byteOffset(idx), dtype); }
    public boolean getBoolean(long... idx) { return Elements.getBoolean(segment, byteOffset(idx), dtype); }

    public Complex getComplex(long... idx) {
        long off = byteOffset(idx);
        return new Complex(Elements.getDouble(segment, off, dtype), Elements.getImag(segment, off, dtype));
    }

    /** The element boxed as kernel results are ({@link Long} for int64, {@link Scalar} for uint8 ...). */
    public Object get(long... idx) { return Elements.get(segment, byteOffset(idx), dtype); }

    public void setDouble(double v, long... idx) { Elements.setDouble(writable(), byteOffset(idx), dtype, v); }
    public void setLong(long v, long... idx) { Elements.setLong(writable(), byteOffset(idx), dtype, v); }
    public void setBoolean(boolean v, long... idx) { Elements.setLong(writable(), byteOffset(idx), dtype, v ? 1 : 0); }

    /** Stores a boxed number, Boolean, {@link Scalar} or {@link Complex}, converting as NumPy's astype does. */
    public void set(Object v, long... idx) { Elements.set(writable(), byteOffset(idx), dtype, v); }

    private MemorySegment writable() {
        if (readOnly) throw new UnsupportedOperationException("assignment destination is read-only");
        return segment;
    }

    /** All elements in C order, converted to double. */
    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(size())];
        int[] k = {0};
        forEachOffset(off -> out[k[0]++] = Elements.getDouble(segment, off, dtype));
        return out;
    }

    /** All elements in C order, converted to long. */
    public long[] toLongArray() {
        long[] out = new long[Math.toIntExact(size())];
        int[] k = {0};
        forEachOffset(off -> out[k[0]++] = Elements.getLong(segment, off, dtype));
        return out;
    }

    /** Visits the byte offset of every element in C order. */
    public void forEachOffset(LongConsumer action) {
        if (size() == 0) return;
        long[] idx = new long[shape.length];
        forEachIndex(idx, 0, () -> action.accept(byteOffset(idx)));
    }

    private void forEachIndex(long[] idx, int axis, Runnable action) {
        if (axis == shape.length) {
            action.run();
            return;
        }
        for (long i = 0; i < shape[axis]; i++) {
            idx[axis] = i;
            forEachIndex(idx, axis + 1, action);
        }
    }

    /** NumPy's {@code str(a)}: {@code [1. 2. 3.]}, {@code [[1 2]\n [3 4]]}, {@code [ True False]}. */
    @Override public String toString() { return ArrayPrinter.str(this); }

    /** NumPy's {@code repr(a)}: {@code array([1., 2.])}. */
    public String repr() { return ArrayPrinter.repr(this); }
}
