package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class NDArrayTest {
    @Test
    void zerosInCAndFortranOrder() {
        NDArray c = NDArray.zeros(Types.FLOAT64, 2, 3);
        assertArrayEquals(new long[] {2, 3}, c.shape());
        assertArrayEquals(new long[] {24, 8}, c.strides());
        assertEquals(6, c.size());
        assertTrue(c.isCContiguous());
        assertFalse(c.isFContiguous());
        assertEquals(Layout.C, c.layout());
        NDArray f = NDArray.zeros(Types.INT32, NDArray.Order.F, 2, 3);
        assertArrayEquals(new long[] {4, 8}, f.strides());
        assertEquals(Layout.F, f.layout());
        assertEquals(new Type.Array(Types.INT32, 2, Layout.F, false), f.type());
        assertEquals(0.0, c.getDouble(1, 2));
    }

    @Test
    void layoutAsNumbaTypesIt() {
        assertEquals(Layout.C, NDArray.zeros(Types.FLOAT64).layout(), "0-d is C");
        assertEquals(Layout.C, NDArray.zeros(Types.FLOAT64, 5).layout(), "contiguous 1-D is C (and F)");
        assertTrue(NDArray.zeros(Types.FLOAT64, 5).isFContiguous());
        assertEquals(Layout.C, NDArray.zeros(Types.FLOAT64, NDArray.Order.F, 3, 0).layout(), "empty arrays are contiguous");
        NDArray m = NDArray.zeros(Types.FLOAT64, 1, 3);
        NDArray everyOther = NDArray.view(m.segment(), Types.FLOAT64, 0, new long[] {1, 2}, new long[] {24, 16});
        assertEquals(Layout.A, everyOther.layout());
        NDArray rowOfOne = NDArray.view(m.segment(), Types.FLOAT64, 0, new long[] {1, 3}, new long[] {999 * 8, 8});
        assertEquals(Layout.C, rowOfOne.layout(), "a stride of an axis of length 1 does not matter");
        assertEquals(Layout.F, NDArray.zeros(Types.FLOAT64, 2, 3).transpose().layout());
    }

    @Test
    void typedGetAndSetConvertLikeAstype() {
        NDArray a = NDArray.zeros(Types.INT8, 3);
        a.setDouble(-1.9, 0);
        a.setLong(300, 1);
        a.setBoolean(true, 2);
        assertArrayEquals(new long[] {-1, 44, 1}, a.toLongArray());
        assertEquals((byte) 44, a.get(1));
        NDArray u = NDArray.zeros(Types.UINT64, 1);
        u.setLong(-1, 0);
        assertEquals(Scalar.of(Types.UINT64, -1L), u.get(0));
        assertEquals(1.8446744073709552E19, u.getDouble(0));
        NDArray b = NDArray.zeros(Types.BOOL, 2);
        b.set(2.5, 0);
        assertTrue(b.getBoolean(0));
        assertFalse(b.getBoolean(1));
        NDArray z = NDArray.zeros(Types.COMPLEX64, 1);
        z.set(new Complex(1.5, -2), 0);
        assertEquals(new Complex(1.5, -2), z.getComplex(0));
    }

    @Test
    void negativeIndicesAndBounds() {
        NDArray a = NDArray.of(1L, 2L, 3L);
        assertEquals(3L, a.getLong(-1));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> a.getLong(3));
        assertEquals("index 3 is out of bounds for axis 0 with size 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.getLong(0, 0));
    }

    @Test
    void factoriesFromJavaArrays() {
        assertEquals(Types.FLOAT64, NDArray.of(1.0).dtype());
        assertEquals(Types.FLOAT32, NDArray.of(1f).dtype());
        assertEquals(Types.INT64, NDArray.of(1L).dtype());
        assertEquals(Types.INT32, NDArray.of(1).dtype());
        assertEquals(Types.BOOL, NDArray.of(true).dtype());
        NDArray m = NDArray.of(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(6, m.getLong(1, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[][] {{1}, {2, 3}}));
    }

    @Test
    void wrapViewsJavaArraysWithoutCopying() {
        double[] data = {1, 2, 3, 4, 5, 6};
        NDArray a = NDArray.wrap(data, 2, 3);
        assertFalse(a.isNative());
        a.setDouble(9, 1, 0);
        assertEquals(9.0, data[3]);
        data[0] = -1;
        assertEquals(-1.0, a.getDouble(0, 0));
        assertThrows(IllegalArgumentException.class, () -> NDArray.wrap(data, 4, 2));
    }

    @Test
    void viewsOverExistingSegments() {
        MemorySegment seg = Arena.ofAuto().allocate(48, 8);
        NDArray whole = NDArray.view(seg, Types.FLOAT64, NDArray.Order.C, 6);
        for (int i = 0; i < 6; i++) whole.setDouble(i, i);
        NDArray reversed = NDArray.view(seg, Types.FLOAT64, 40, new long[] {6}, new long[] {-8});
        assertArrayEquals(new double[] {5, 4, 3, 2, 1, 0}, reversed.toDoubleArray());
        assertEquals(Layout.A, reversed.layout());
        assertArrayEquals(new double[] {5, 4, 3, 2, 1, 0}, reversed.copy().toDoubleArray());
        assertThrows(IndexOutOfBoundsException.class,
                () -> NDArray.view(seg, Types.FLOAT64, 8, new long[] {6}, new long[] {8}), "must fit the segment");
    }

    @Test
    void copiesAndTranspose() {
        NDArray a = NDArray.of(new long[][] {{1, 2}, {3, 4}});
        NDArray f = a.copy(NDArray.Order.F);
        assertTrue(f.isFContiguous());
        assertEquals(3L, f.getLong(1, 0));
        assertArrayEquals(new long[] {1, 3, 2, 4}, a.transpose().toLongArray());
        assertArrayEquals(new long[] {1, 2, 3, 4}, f.toLongArray(), "toLongArray is C order whatever the layout");
    }

    @Test
    void readOnlyViewsRejectWrites() {
        NDArray r = NDArray.of(1.0).asReadOnly();
        assertTrue(r.type().readonly());
        var e = assertThrows(UnsupportedOperationException.class, () -> r.setDouble(2, 0));
        assertEquals("assignment destination is read-only", e.getMessage());
    }

    @Test
    void scalarArrays() {
        NDArray s = NDArray.scalar(Types.INT32, 7L);
        assertEquals(0, s.ndim());
        assertEquals(7, s.get());
        assertEquals("7", s.toString());
        assertEquals("array(7, dtype=int32)", s.repr());
    }
}
