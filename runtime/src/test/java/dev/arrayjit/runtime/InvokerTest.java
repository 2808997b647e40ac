package dev.arrayjit.runtime;

import static dev.arrayjit.runtime.FakeKernel.setSlot;
import static dev.arrayjit.runtime.FakeKernel.slot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.runtime.call.Invoker;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Marshalling, unboxing, ownership and raising, through fake native kernels. */
class InvokerTest {
    static final Type.Array F8_1D = new Type.Array(Types.FLOAT64, 1, Layout.C, false);

    @AfterEach
    void noFailureInsideKernels() {
        Throwable t = FakeKernel.FAILURE.getAndSet(null);
        if (t != null) throw new AssertionError("fake kernel failed", t);
    }

    private static Object call(Specialization s, Object... args) { return Invoker.call(s, args); }

    @Test
    void int64AndFloat64() {
        var add = FakeKernel.spec(List.of(Types.INT64, Types.INT64), Types.INT64, (ctx, a, r) -> {
            setSlot(r, 0, slot(a, 0) + slot(a, 1));
            return 0;
        });
        assertEquals(5L, call(add, 2L, 3L));
        var half = FakeKernel.spec(List.of(Types.FLOAT64), Types.FLOAT64, (ctx, a, r) -> {
            r.set(ValueLayout.JAVA_DOUBLE, 0, a.get(ValueLayout.JAVA_DOUBLE, 0) / 2);
            return 0;
        });
        assertEquals(1.25, call(half, 2.5));
        assertEquals(1.5, call(half, 3L), "a Long converts to the declared float64");
    }

    @Test
    void narrowScalarsBoxFaithfully() {
        var f32 = FakeKernel.spec(List.of(Types.FLOAT32), Types.FLOAT32, (ctx, a, r) -> {
            r.set(ValueLayout.JAVA_FLOAT, 0, a.get(ValueLayout.JAVA_FLOAT, 0) * 2);
            return 0;
        });
        assertEquals(3.0f, call(f32, 1.5f));
        var i32 = FakeKernel.spec(List.of(Types.INT32), Types.INT32, (ctx, a, r) -> {
            r.set(ValueLayout.JAVA_INT, 0, a.get(ValueLayout.JAVA_INT, 0) - 1);
            return 0;
        });
        assertEquals(6, call(i32, Scalar.of(Types.INT32, 7)));
        var u8 = FakeKernel.spec(List.of(Types.UINT8), Types.UINT8, (ctx, a, r) -> {
            r.set(ValueLayout.JAVA_BYTE, 0, (byte) (a.get(ValueLayout.JAVA_BYTE, 0) + 100));
            return 0;
        });
        assertEquals(Scalar.of(Types.UINT8, 250), call(u8, Scalar.of(Types.UINT8, 150)));
        var not = FakeKernel.spec(List.of(Types.BOOL), Types.BOOL, (ctx, a, r) -> {
            r.set(ValueLayout.JAVA_BYTE, 0, (byte) (a.get(ValueLayout.JAVA_BYTE, 0) ^ 1));
            return 0;
        });
        assertEquals(false, call(not, true));
        var conj = FakeKernel.spec(List.of(Types.COMPLEX128), Types.COMPLEX128, (ctx, a, r) -> {
            setSlot(r, 0, slot(a, 0));
            r.set(ValueLayout.JAVA_DOUBLE, 8, -a.get(ValueLayout.JAVA_DOUBLE, 8));
            return 0;
        });
        assertEquals(new Complex(1, -2), call(conj, new Complex(1, 2)));
        var none = FakeKernel.spec(List.of(), Types.NONE, (ctx, a, r) -> 0);
        assertNull(call(none));
    }

    private static final FakeKernel.Body DOUBLE_IN_PLACE = (ctx, a, r) -> {
        long n = slot(a, 2), stride = slot(a, 3);
        MemorySegment d = MemorySegment.ofAddress(slot(a, 1)).reinterpret(n * stride);
        for (long i = 0; i < n; i++) d.set(ValueLayout.JAVA_DOUBLE, i * stride, d.get(ValueLayout.JAVA_DOUBLE, i * stride) * 2);
        return 0;
    };

    @Test
    void arraysPassInPlace() {
        var k = FakeKernel.spec(List.of(F8_1D), Types.NONE, DOUBLE_IN_PLACE);
        NDArray a = NDArray.of(1.0, 2.0, 3.0);
        call(k, a);
        assertArrayEquals(new double[] {2, 4, 6}, a.toDoubleArray());
    }

    @Test
    void heapArraysAreCopiedInAndBack() {
        var k = FakeKernel.spec(List.of(F8_1D), Types.NONE, DOUBLE_IN_PLACE);
        double[] java = {1, 2, 3};
        call(k, NDArray.wrap(java));
        assertArrayEquals(new double[] {2, 4, 6}, java);
        call(k, NDArray.wrap(java).asReadOnly());
        assertArrayEquals(new double[] {2, 4, 6}, java, "a read-only view is not copied back");
    }

    @Test
    void stridedViewsPassTheirStrides() {
        var k = FakeKernel.spec(List.of(new Type.Array(Types.FLOAT64, 1, Layout.A, false)), Types.NONE, DOUBLE_IN_PLACE);
        NDArray m = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        NDArray column = NDArray.view(m.segment(), Types.FLOAT64, 8, new long[] {2}, new long[] {16});
        call(k, column);
        assertArrayEquals(new double[] {1, 4, 3, 8}, m.toDoubleArray());
    }

    /** Returns a new float64 array [0, 1, ..., n-1] after allocating (and dropping) a scratch block. */
    static final FakeKernel.Body ARANGE = (ctx, a, r) -> {
        long n = slot(a, 0);
        long scratch = FakeKernel.malloc(ctx, 4096);
        MemorySegment.ofAddress(scratch).reinterpret(4096).fill((byte) 1); // touch it, so a leak would show in RSS
        long block = FakeKernel.malloc(ctx, n * 8);
        MemorySegment d = MemorySegment.ofAddress(block).reinterpret(n * 8);
        for (long i = 0; i < n; i++) d.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
        setSlot(r, 0, block);
        setSlot(r, 1, block);
        setSlot(r, 2, n);
        setSlot(r, 3, 8);
        return 0;
    };

    @Test
    void returnedArraysOwnTheKernelsBlock() {
        var k = FakeKernel.spec(List.of(Types.INT64), F8_1D, ARANGE);
        NDArray a = (NDArray) call(k, 4L);
        assertArrayEquals(new double[] {0, 1, 2, 3}, a.toDoubleArray());
        assertTrue(a.isNative() && a.isCContiguous());
        a.setDouble(9, 0);
        assertEquals(9.0, a.getDouble(0));
    }

    @Test
    void returningAnArgumentGivesAViewOfIt() {
        var identity = FakeKernel.spec(List.of(F8_1D), F8_1D, (ctx, a, r) -> {
            for (int i = 0; i < 4; i++) setSlot(r, i, slot(a, i));
            return 0;
        });
        NDArray x = NDArray.of(1.0, 2.0);
        NDArray y = (NDArray) call(identity, x);
        y.setDouble(5, 1);
        assertEquals(5.0, x.getDouble(1));

        double[] java = {1, 2};
        NDArray h = (NDArray) call(identity, NDArray.wrap(java));
        h.setDouble(7, 0);
        assertEquals(7.0, java[0], "the view maps back to the Java array, not the temporary copy");
    }

    @Test
    void tuplesBoxAsPyTuple() {
        var k = FakeKernel.spec(List.of(Types.INT64), new Type.Tuple(List.of(Types.INT64, F8_1D, Types.FLOAT64)), (ctx, a, r) -> {
            setSlot(r, 0, slot(a, 0) * 10);
            MemorySegment sub = r.asSlice(8);
            FakeKernel.setSlot(a, 0, 2);
            ARANGE.run(ctx, a, sub);
            r.set(ValueLayout.JAVA_DOUBLE, 40, 0.5);
            return 0;
        });
        PyTuple t = (PyTuple) call(k, 3L);
        assertEquals(30L, t.get(0));
        assertArrayEquals(new double[] {0, 1}, ((NDArray) t.get(1)).toDoubleArray());
        assertEquals(0.5, t.get(2));
        assertEquals("(30, array([0., 1.]), 0.5)", t.toString());
    }

    @Test
    void raisingThrowsKernelExceptionAndFreesAllocations() {
        ErrorSite site = new ErrorSite(0, ExcKind.IndexError, "index {0} is out of bounds for axis {1} with size {2}",
                FakeKernel.INDEX_SPAN);
        var k = FakeKernel.spec(List.of(Types.INT64), F8_1D, List.of(site), (ctx, a, r) -> {
            FakeKernel.malloc(ctx, 64);
            return FakeKernel.raise(ctx, 0, slot(a, 0), 0, 10);
        });
        KernelException e = assertThrows(KernelException.class, () -> call(k, 10L));
        assertEquals("IndexError", e.kind());
        assertEquals("index 10 is out of bounds for axis 0 with size 10", e.message());
        assertEquals("IndexError: index 10 is out of bounds for axis 0 with size 10 (at kernels.py:5:12)", e.getMessage());
    }

    @Test
    void failedAllocationsRaiseMemoryError() {
        var k = FakeKernel.spec(List.of(Types.INT64), F8_1D, (ctx, a, r) -> FakeKernel.raise(ctx, Abi.SITE_NO_MEMORY, slot(a, 0)));
        KernelException e = assertThrows(KernelException.class, () -> call(k, 1L << 50));
        assertEquals("MemoryError: unable to allocate 1125899906842624 bytes for an array", e.getMessage());
        assertEquals("array is too big (its size in bytes overflows int64)",
                assertThrows(KernelException.class, () -> call(k, -1L)).message());
    }

    @Test
    void anUnknownSiteIsAnInternalError() {
        var k = FakeKernel.spec(List.of(), Types.NONE, (ctx, a, r) -> FakeKernel.raise(ctx, 5));
        assertThrows(IllegalStateException.class, () -> call(k));
    }
}
