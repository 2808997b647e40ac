package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code prange} loops of {@code parallel=True} kernels against the same loops run serially, under
 * several thread counts, including what Numba lacks: steps other than 1, bit-operator reductions and
 * bounds checks inside the loop. Float sums are compared within the tolerance of reassociation.
 */
@Tag("needs-compiler")
class ParallelTest {
    private int threads;

    @BeforeEach
    void setUp() {
        NeedsCompiler.assumeCompiler();
        threads = ArrayJit.numThreads();
    }

    @AfterEach
    void restore() { ArrayJit.setNumThreads(threads); }

    private static final String SOURCE = """
            import math
            import numpy as np
            from numba import njit, prange, vectorize

            @njit(parallel=True)
            def psum(a):
                s = 0.0
                for i in prange(a.shape[0]):
                    s += a[i] * a[i]
                return s

            @njit
            def ssum(a):
                s = 0.0
                for i in range(a.shape[0]):
                    s += a[i] * a[i]
                return s

            @njit(parallel=True)
            def pstep(n, start, step):
                s = 0
                x = 0
                for i in prange(start, n, step):
                    s += i * i
                    x ^= i
                return s, x

            @njit
            def sstep(n, start, step):
                s = 0
                x = 0
                for i in range(start, n, step):
                    s += i * i
                    x ^= i
                return s, x

            @njit(parallel=True)
            def bits(a):
                o = 0
                n = -1
                for i in prange(a.shape[0]):
                    o |= a[i]
                    n &= a[i]
                return o, n

            @njit(parallel=True)
            def fill(n):
                out = np.empty(n)
                for i in prange(n):
                    t = np.arange(3.0) + i
                    out[i] = t.sum()
                return out

            @njit(parallel=True)
            def raise_at(n, bad):
                s = 0
                for i in prange(n):
                    if i == bad:
                        raise ValueError("bad index")
                    s += i
                return s

            @njit(parallel=True)
            def pexpr(a, b):
                return np.sqrt(a * a + b * b) - a[::-1]

            @njit
            def sexpr(a, b):
                return np.sqrt(a * a + b * b) - a[::-1]

            @njit(parallel=True)
            def pcols(m):
                s = np.zeros(m.shape[1])
                p = np.ones(m.shape[1])
                for i in prange(m.shape[0]):
                    s += m[i, :]
                    p *= 1.0 + m[i, :] * 1e-6
                return s, p

            @njit
            def scols(m):
                s = np.zeros(m.shape[1])
                p = np.ones(m.shape[1])
                for i in range(m.shape[0]):
                    s += m[i, :]
                    p *= 1.0 + m[i, :] * 1e-6
                return s, p

            @njit(parallel=True)
            def preduce(a):
                return (a * 2.0).sum(), (a > -0.49).all(), (a > 0.4999).any(), np.sum(a.reshape(a.shape[0] // 3, 3)[:, 1:]), a.max(), np.min(a * 3.0)

            @njit
            def sreduce(a):
                return (a * 2.0).sum(), (a > -0.49).all(), (a > 0.4999).any(), np.sum(a.reshape(a.shape[0] // 3, 3)[:, 1:]), a.max(), np.min(a * 3.0)

            @vectorize(["float64(float64, float64)"], target="parallel")
            def pvec(x, y):
                return math.hypot(x, y) * 0.5

            @vectorize(["float64(float64, float64)"])
            def svec(x, y):
                return math.hypot(x, y) * 0.5

            @njit(parallel=True)
            def shifted(a, k):
                s = 0.0
                for i in prange(a.shape[0]):
                    s += a[i + k]
                return s
            """;

    private static NDArray random(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() - 0.5;
        return NDArray.of(v);
    }

    @Test
    void reductionsMatchTheSerialLoop() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        NDArray a = random(100_003, 7);
        double serial = (Double) m.function("ssum").call(a);
        for (int n : new int[] {1, 2, 3, 8}) {
            ArrayJit.setNumThreads(n);
            double parallel = (Double) m.function("psum").call(a);
            assertEquals(serial, parallel, Math.abs(serial) * 1e-12, n + " threads");
        }
    }

    @Test
    void anyStepAndBitReductions() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(4);
        long[][] ranges = {{1000, 3, 7}, {-50, 100, -3}, {10, 10, 1}, {5, 0, 1}, {3, 0, 2}};
        for (long[] r : ranges) {
            assertEquals(m.function("sstep").call(r[0], r[1], r[2]), m.function("pstep").call(r[0], r[1], r[2]),
                    "range(" + r[1] + ", " + r[0] + ", " + r[2] + ")");
        }
        assertEquals(PyTuple.of(7L | 12L | 33L, 7L & 12L & 33L), m.function("bits").call(NDArray.of(7L, 12L, 33L)));
        KernelException e = assertThrows(KernelException.class, () -> m.function("pstep").call(10L, 0L, 0L));
        assertEquals("ValueError", e.kind());
    }

    @Test
    void temporariesInTheBodyAreKeptOrFreed() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(3);
        for (int round = 0; round < 20; round++) {
            NDArray out = (NDArray) m.function("fill").call(1000L);
            assertEquals(3.0 + 3 * 999, out.getDouble(999));
            assertEquals(3.0, out.getDouble(0));
        }
    }

    @Test
    void anExceptionInAnyThreadReachesTheCallerOnce() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(4);
        for (long bad : new long[] {0, 999, 500, 1}) {
            KernelException e = assertThrows(KernelException.class, () -> m.function("raise_at").call(1000L, bad));
            assertEquals("ValueError", e.kind());
            assertEquals("bad index", e.message());
        }
        assertEquals(499500L, m.function("raise_at").call(1000L, -1L)); // and the module still works
        KernelException e = assertThrows(KernelException.class, () -> m.function("shifted").call(NDArray.of(1.0, 2.0, 3.0, 4.0), 2L));
        assertEquals("IndexError", e.kind());
    }

    @Test
    void arrayExpressionsAndParallelUfuncsSplitTheirLoops() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(3);
        NDArray a = random(200_001, 3), b = random(200_001, 4);
        assertArrayEquals(((NDArray) m.function("sexpr").call(a, b)).toDoubleArray(), ((NDArray) m.function("pexpr").call(a, b)).toDoubleArray());
        NDArray grid = NDArray.view(random(600_000, 5).segment(), dev.arrayjit.typeinfer.types.Types.FLOAT64, 0,
                new long[] {3000, 200}, new long[] {1600, 8});
        NDArray row = random(200, 6);
        assertArrayEquals(((NDArray) m.function("svec").call(grid, row)).toDoubleArray(), ((NDArray) m.function("pvec").call(grid, row)).toDoubleArray());
    }

    @Test
    void wholeArrayReductionsSplitTooWithinReassociation() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(3);
        NDArray a = random(600_000, 12);
        PyTuple serial = (PyTuple) m.function("sreduce").call(a), parallel = (PyTuple) m.function("preduce").call(a);
        assertEquals((Double) serial.get(0), (Double) parallel.get(0), Math.abs((Double) serial.get(0)) * 1e-12 + 1e-9);
        assertEquals(serial.get(1), parallel.get(1));
        assertEquals(serial.get(2), parallel.get(2));
        assertEquals((Double) serial.get(3), (Double) parallel.get(3), Math.abs((Double) serial.get(3)) * 1e-12 + 1e-9);
        assertEquals(serial.get(4), parallel.get(4));
        assertEquals(serial.get(5), parallel.get(5));
        a.setDouble(Double.NaN, 400_000);
        PyTuple withNan = (PyTuple) m.function("preduce").call(a);
        assertEquals(Double.NaN, withNan.get(4));
        assertEquals(Double.NaN, withNan.get(5));
        assertEquals(true, compiledIr(m, "preduce", a).contains("parallel chunks"));
    }

    @Test
    void arraysAsReductionVariables() {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        NDArray grid = NDArray.view(random(300_000, 13).segment(), dev.arrayjit.typeinfer.types.Types.FLOAT64, 0,
                new long[] {60_000, 5}, new long[] {40, 8});
        PyTuple serial = (PyTuple) m.function("scols").call(grid);
        for (int n : new int[] {1, 2, 5}) {
            ArrayJit.setNumThreads(n);
            PyTuple parallel = (PyTuple) m.function("pcols").call(grid);
            for (int j = 0; j < 2; j++) {
                double[] want = ((NDArray) serial.get(j)).toDoubleArray(), got = ((NDArray) parallel.get(j)).toDoubleArray();
                for (int k = 0; k < want.length; k++) assertEquals(want[k], got[k], Math.abs(want[k]) * 1e-12, n + " threads");
            }
        }
    }

    @Test
    void theTargetOptionOverridesTheDecorator() throws Exception {
        KernelModule serial = ArrayJit.compile(SOURCE, "par.py", ArrayJit.Options.DEFAULT.withTarget("cpu"));
        ArrayJit.setNumThreads(2);
        NDArray a = random(100_000, 8), b = random(100_000, 9);
        assertArrayEquals(((NDArray) serial.function("svec").call(a, b)).toDoubleArray(), ((NDArray) serial.function("pvec").call(a, b)).toDoubleArray());
        String ir = compiledIr(serial, "pvec", a, b);
        assertEquals(false, ir.contains("parallel chunks"), "--target cpu runs a target='parallel' ufunc serially");
        KernelModule parallel = ArrayJit.compile(SOURCE, "par.py", ArrayJit.Options.DEFAULT.withTarget("parallel"));
        assertEquals(true, compiledIr(parallel, "svec", a, b).contains("parallel chunks"), "--target parallel parallelizes any ufunc");
    }

    /** The lowered IR a ufunc call compiles to (the module's dump of pass 'lowered'). */
    private static String compiledIr(KernelModule base, String fn, Object... args) {
        StringBuilder dump = new StringBuilder();
        ArrayJit.Options o = base.options().withDiagnostics(java.util.Set.of("lowered"), false, dump::append);
        KernelModule m = ArrayJit.compile(base.program().file().text(), "par.py", o);
        m.function(fn).call(args);
        return dump.toString();
    }

    @Test
    void manyJavaThreadsCallOneParallelKernel() throws Exception {
        KernelModule m = ArrayJit.compile(SOURCE, "par.py");
        ArrayJit.setNumThreads(3);
        NDArray a = random(20_000, 11);
        double expected = (Double) m.function("ssum").call(a);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[] got = new double[25];
                    for (int k = 0; k < got.length; k++) got[k] = (Double) m.function("psum").call(a);
                    return got;
                }));
            }
            for (Future<double[]> f : results) {
                double[] got = f.get();
                double[] want = new double[got.length];
                java.util.Arrays.fill(want, expected);
                assertArrayEquals(want, got, Math.abs(expected) * 1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
