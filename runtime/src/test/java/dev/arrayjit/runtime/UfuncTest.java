package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code @vectorize} kernels as ufuncs through the Java API. The expected values and dtypes are what
 * Numba 0.56 with NumPy 1.24 gives for the same calls (loop choice by NumPy's casting rules, with
 * scalars counted by value next to arrays).
 */
@Tag("needs-compiler")
class UfuncTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import guvectorize, vectorize

            @vectorize(["float64(float64, float64)", "float32(float32, float32)", "int64(int64, int64)"])
            def add3(x, y):
                return x + y + 3

            @vectorize
            def rel(x, y):
                if x > y:
                    return x - y
                return y - x

            @vectorize(["float64(float64, float64)"], identity=1)
            def times(x, y):
                return x * y

            @vectorize(["float64(float64)"])
            def half(x):
                return x / 2

            @guvectorize(["void(float64[:], float64[:], float64[:])"], "(n)->(),()")
            def min_max(a, lo, hi):
                lo[0] = a[0]
                hi[0] = a[0]
                for x in a:
                    lo[0] = min(lo[0], x)
                    hi[0] = max(hi[0], x)

            @guvectorize(["void(float64[:], float64, float64[:])"], "(n),()->(n)", target="parallel")
            def shift(a, d, out):
                for i in range(a.shape[0]):
                    out[i] = a[i] + d
            """;

    private static KernelModule module() { return ArrayJit.compile(SOURCE, "ufuncs.py"); }

    @Test
    void numbersGiveNumbersAndArraysBroadcast() {
        KernelFunction fn = module().function("add3");
        Ufunc add3 = fn.ufunc();
        assertEquals(List.of("dd->d", "ff->f", "ll->l"), add3.types());
        assertEquals(6.0, add3.call(1L, 2L));
        assertTrue(fn.compileNanos() > 0, "the ufunc's compile time counts (the CLI's timing line reports it)");
        NDArray a = NDArray.of(new double[][] {{0, 1, 2}, {3, 4, 5}});
        NDArray r = (NDArray) add3.call(a, NDArray.of(1.0, 10.0, 100.0));
        assertArrayEquals(new long[] {2, 3}, r.shape());
        assertArrayEquals(new double[] {4, 14, 105, 7, 17, 108}, r.toDoubleArray());
        NDArray column = NDArray.view(NDArray.of(1.0, 2.0).segment(), Types.FLOAT64, 0, new long[] {2, 1}, new long[] {8, 8});
        NDArray grid = (NDArray) add3.call(column, NDArray.of(10.0, 20.0, 30.0, 40.0));
        assertArrayEquals(new long[] {2, 4}, grid.shape());
        assertArrayEquals(new double[] {14, 24, 34, 44, 15, 25, 35, 45}, grid.toDoubleArray());
        assertEquals(Types.FLOAT64, ((NDArray) add3.call(new float[] {0, 1, 2}, 2.0)).dtype()); // dd->d comes first
        assertEquals(Types.FLOAT64, ((NDArray) add3.call(NDArray.of((byte) 0, (byte) 1, (byte) 2), 5L)).dtype());
        assertEquals(Types.FLOAT64, ((NDArray) module().function("add3").call(NDArray.of(1L, 2L), NDArray.of(1L, 2L))).dtype());
    }

    @Test
    void withoutSignaturesALoopPerInputTypes() {
        KernelFunction rel = module().function("rel");
        assertEquals(2L, rel.call(3L, 5L));
        NDArray r = (NDArray) rel.call(NDArray.of(new double[][] {{0, 1, 2}, {3, 4, 5}}), 2.5);
        assertArrayEquals(new double[] {2.5, 1.5, 0.5, 0.5, 1.5, 2.5}, r.toDoubleArray());
        NDArray ints = (NDArray) rel.call(new int[] {1, 9}, new int[] {4, 4});
        assertEquals(Types.INT64, ints.dtype()); // int32 - int32 is int64 in a kernel, as in Numba
        assertArrayEquals(new long[] {3, 5}, ints.toLongArray());
    }

    @Test
    void outArraysAreFilledAndReturned() {
        Ufunc add3 = module().function("add3").ufunc();
        NDArray f = NDArray.of(0f, 1f, 2f);
        NDArray out = NDArray.zeros(Types.FLOAT32, 3);
        assertSame(out, add3.callInto(out, f, f));
        assertArrayEquals(new double[] {3, 5, 7}, out.toDoubleArray());
        NDArray wide = NDArray.zeros(Types.FLOAT64, 2, 3);
        add3.callInto(wide, NDArray.of(1.0, 2.0, 3.0), 0.5);
        assertArrayEquals(new double[] {4.5, 5.5, 6.5, 4.5, 5.5, 6.5}, wide.toDoubleArray());
        CompileException e = assertThrows(CompileException.class, () -> add3.callInto(NDArray.zeros(Types.INT64, 3), NDArray.of(1.0, 2.0, 3.0), 1L));
        assertTrue(e.getMessage().contains("cannot cast ufunc 'add3' output from float64 to int64 with casting rule 'same_kind'"), e.getMessage());
        KernelException k = assertThrows(KernelException.class, () -> add3.callInto(NDArray.zeros(Types.FLOAT64, 2), NDArray.of(1.0, 2.0, 3.0), 1.0));
        assertEquals("non-broadcastable output operand with shape (2,) doesn't match the broadcast shape (3,)", k.message());
    }

    @Test
    void reduceAccumulateOuter() {
        Ufunc add3 = module().function("add3").ufunc();
        assertEquals(22.0, add3.reduce(NDArray.of(0.0, 1.0, 2.0, 3.0, 4.0)));
        NDArray m = NDArray.of(new double[][] {{0, 1, 2}, {3, 4, 5}});
        assertArrayEquals(new double[] {9, 18}, ((NDArray) add3.reduce(m, 1)).toDoubleArray());
        assertArrayEquals(new double[] {6, 8, 10}, ((NDArray) add3.reduce(m, 0)).toDoubleArray());
        assertArrayEquals(new double[] {0, 4, 9, 15}, add3.accumulate(NDArray.of(0L, 1L, 2L, 3L)).toDoubleArray());
        NDArray acc = add3.accumulate(m, 1);
        assertArrayEquals(new long[] {2, 3}, acc.shape());
        assertArrayEquals(new double[] {0, 4, 9, 3, 10, 18}, acc.toDoubleArray());
        NDArray o = add3.outer(NDArray.of(0L, 1L), NDArray.of(0.0, 1.0, 2.0));
        assertArrayEquals(new long[] {2, 3}, o.shape());
        assertArrayEquals(new double[] {3, 4, 5, 4, 5, 6}, o.toDoubleArray());
        KernelException e = assertThrows(KernelException.class, () -> add3.reduce(NDArray.zeros(Types.FLOAT64, 0)));
        assertEquals("zero-size array to reduction operation add3 which has no identity", e.message());
        assertThrows(ArgumentException.class, () -> module().function("half").ufunc().reduce(NDArray.of(1.0)));
        // With identity=1 an empty axis reduces to 1, as NumPy's multiply.reduce does.
        Ufunc times = module().function("times").ufunc();
        assertEquals(1.0, times.reduce(NDArray.zeros(Types.FLOAT64, 0)));
        assertArrayEquals(new double[] {1, 1, 1}, ((NDArray) times.reduce(NDArray.zeros(Types.FLOAT64, 0, 3), 0)).toDoubleArray());
        assertEquals(24.0, times.reduce(NDArray.of(1.0, 2.0, 3.0, 4.0)));
    }

    @Test
    void gufuncsAllocateOrFillTheirOutputs() {
        KernelModule m = module();
        NDArray a = NDArray.of(new double[][] {{3, -1, 2}, {0.5, 7, 7.5}});
        PyTuple both = (PyTuple) m.function("min_max").call(a);
        assertArrayEquals(new double[] {-1, 0.5}, ((NDArray) both.get(0)).toDoubleArray());
        assertArrayEquals(new double[] {3, 7.5}, ((NDArray) both.get(1)).toDoubleArray());
        NDArray lo = NDArray.zeros(Types.FLOAT64, 2), hi = NDArray.zeros(Types.FLOAT64, 2);
        PyTuple given = (PyTuple) m.function("min_max").call(a, lo, hi);
        assertSame(lo, given.get(0));
        assertArrayEquals(new double[] {3, 7.5}, hi.toDoubleArray());
        ArgumentException e = assertThrows(ArgumentException.class, () -> m.function("min_max").call(a, lo));
        assertTrue(e.getMessage().contains("takes 1 input (and optionally its 2 outputs) but 2 were given"), e.getMessage());
        // target='parallel' over many rows: the same as adding row by row.
        int rows = 4000;
        double[][] data = new double[rows][];
        for (int r = 0; r < rows; r++) data[r] = new double[] {r, r + 0.5, -r};
        NDArray shifted = (NDArray) m.function("shift").call(NDArray.of(data), 1.5);
        assertArrayEquals(new long[] {rows, 3}, shifted.shape());
        for (int r = 0; r < rows; r += 997) {
            assertEquals(r + 1.5, shifted.getDouble(r, 0));
            assertEquals(-r + 1.5, shifted.getDouble(r, 2));
        }
    }

    @Test
    void impossibleCallsSayWhatExists() {
        KernelModule m = module();
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> m.function("add3").call(NDArray.zeros(Types.COMPLEX128, 2), 1L));
        assertTrue(e.getMessage().contains("its loops are dd->d, ff->f, ll->l"), e.getMessage());
        e = assertThrows(ArgumentException.class, () -> m.function("add3").call(1.0));
        assertTrue(e.getMessage().contains("takes 2 inputs but 1 was given"), e.getMessage());
        KernelException k = assertThrows(KernelException.class, () -> m.function("add3").call(NDArray.of(1.0, 2.0), NDArray.of(1.0, 2.0, 3.0)));
        assertEquals("ValueError", k.kind());
        assertTrue(k.message().contains("could not be broadcast together with shapes (2,) (3,)"), k.message());
    }
}
