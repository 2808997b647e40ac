package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.typeinfer.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * @vectorize kernels with target='opencl' (or Numba's 'cuda') run on the machine's OpenCL device
 * (PoCL in CI), against the same ufunc on the CPU. Skipped, saying what to install, without a device.
 */
@Tag("needs-compiler")
class OpenClUfuncTest {
    @BeforeEach
    void device() {
        NeedsCompiler.assumeCompiler();
        String why = Ufunc.offloadUnavailable();
        assumeTrue(why == null, why);
    }

    private static final String SOURCE = """
            import math
            from numba import vectorize

            @vectorize(["float64(float64, float64)", "float32(float32, float32)"], target="cuda")
            def wave(x, y):
                return math.sqrt(x * x + y * y) * math.exp(-x) + math.sin(y)

            @vectorize(["int64(int64, int64)"], target="opencl")
            def floor_div(a, b):
                return a // b + a % b

            @vectorize(["float64(float64, float64)", "float32(float32, float32)"])
            def cpu_wave(x, y):
                return math.sqrt(x * x + y * y) * math.exp(-x) + math.sin(y)
            """;

    @Test
    void theDeviceGivesWhatTheCpuGives() {
        KernelModule m = ArrayJit.compile(SOURCE, "gpu.py");
        double[][] rows = new double[40][50];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 50; j++) rows[i][j] = (i - 20) * 0.1 + j * 0.01;
        NDArray a = NDArray.of(rows);
        NDArray b = NDArray.of(new double[50]).copy();
        for (int j = 0; j < 50; j++) b.setDouble(j * 0.3 - 7, j);
        NDArray gpu = (NDArray) m.function("wave").call(a, b), cpu = (NDArray) m.function("cpu_wave").call(a, b);
        assertArrayEquals(cpu.shape(), gpu.shape());
        double[] g = gpu.toDoubleArray(), c = cpu.toDoubleArray();
        for (int k = 0; k < g.length; k++) assertEquals(c[k], g[k], 1e-12 * Math.max(1, Math.abs(c[k])));
        NDArray single = (NDArray) m.function("wave").call(NDArray.of(0.5f, 1f), 2.0); // NumPy's rules choose the loop, as on the CPU
        NDArray singleCpu = (NDArray) m.function("cpu_wave").call(NDArray.of(0.5f, 1f), 2.0);
        assertEquals(singleCpu.dtype(), single.dtype());
        assertEquals(Types.FLOAT64, single.dtype());
        assertArrayEquals(singleCpu.toDoubleArray(), single.toDoubleArray(), 1e-12);
        assertTrue(m.function("wave").ufunc().deviceSources().stream().anyMatch(s -> s.contains("__kernel")));
        assertEquals(Math.floorDiv(7L, -2L) + Math.floorMod(7L, -2L), m.function("floor_div").call(7L, -2L)); // Python's // and %
    }

    @Test
    void shapesThatDoNotBroadcastAreAValueError() {
        KernelModule m = ArrayJit.compile(SOURCE, "gpu.py");
        KernelException e = assertThrows(KernelException.class, () -> m.function("wave").call(NDArray.of(1.0, 2.0), NDArray.of(1.0, 2.0, 3.0)));
        assertEquals("ValueError", e.kind());
        assertEquals("operands could not be broadcast together with shapes (2,) (3,) ", e.message());
    }

    private static final String GUFUNCS = """
            from numba import guvectorize, vectorize

            @guvectorize(["void(float64[:], float64[:])"], "(n)->(n)", target="opencl")
            def accumulate_into(a, out):
                for i in range(a.shape[0]):
                    out[i] += a[i]

            @vectorize(["float64(int64)"], target="opencl")
            def half(x):
                return x / 2

            @guvectorize(["void(float64[:, :], float64[:, :], float64[:, :])"], "(m,n),(n,p)->(m,p)", target="cuda")
            def matmul(a, b, out):
                for i in range(a.shape[0]):
                    for j in range(b.shape[1]):
                        s = 0.0
                        for k in range(a.shape[1]):
                            s += a[i, k] * b[k, j]
                        out[i, j] = s

            """;

    @Test
    void gufuncsRunOnTheDeviceOverBroadcastOuterDimensions() {
        KernelModule m = ArrayJit.compile(GUFUNCS, "gu.py");
        NDArray a = NDArray.zeros(Types.FLOAT64, 4, 2, 3), b = NDArray.zeros(Types.FLOAT64, 3, 5);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 3; k++) a.setDouble(i * 1.5 - j + k * 0.25, i, j, k);
        for (int k = 0; k < 3; k++) for (int p = 0; p < 5; p++) b.setDouble(k - p * 0.5, k, p);
        KernelModule onCpu = ArrayJit.compile(GUFUNCS, "gu.py", ArrayJit.Options.DEFAULT.withTarget("cpu")); // overrides the decorator
        NDArray gpu = (NDArray) m.function("matmul").call(a, b), cpu = (NDArray) onCpu.function("matmul").call(a, b);
        assertArrayEquals(new long[] {4, 2, 5}, gpu.shape());
        assertArrayEquals(cpu.toDoubleArray(), gpu.toDoubleArray(), 1e-12);
        NDArray out = NDArray.zeros(Types.FLOAT64, 4, 2, 5);
        assertSame(out, m.function("matmul").call(a, b, out), "a given output is written and returned");
        assertArrayEquals(cpu.toDoubleArray(), out.toDoubleArray(), 1e-12);
        KernelException e = assertThrows(KernelException.class, () -> m.function("matmul").call(a, NDArray.zeros(Types.FLOAT64, 4, 5)));
        assertEquals("ValueError", e.kind());
        assertEquals("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,n),(n,p)->(m,p)"
                + " (size 4 is different from 3)", e.message());
    }

    @Test
    void outArraysOnTheHostAndOnTheDevice() {
        KernelModule m = ArrayJit.compile(SOURCE, "gpu.py");
        Ufunc wave = m.function("wave").ufunc();
        NDArray x = NDArray.of(0.5, 1.0, 1.5), y = NDArray.of(2.0, 2.5, 3.0);
        NDArray expect = (NDArray) wave.call(x, y);
        NDArray single = NDArray.zeros(Types.FLOAT32, 3);
        assertSame(single, wave.callInto(single, x, y));
        for (int i = 0; i < 3; i++) assertEquals((float) expect.getDouble(i), single.getDouble(i), 0.0, "cast into float32 on the host");
        ArgumentException e = assertThrows(ArgumentException.class, () -> wave.callInto(NDArray.zeros(Types.INT64, 3), x, y));
        assertTrue(e.getMessage().contains("with casting rule 'same_kind'"), e.getMessage());
        try (DeviceArray out = ArrayJit.deviceArray(Types.FLOAT64, 3); DeviceArray dx = ArrayJit.toDevice(x)) {
            assertSame(out, wave.callInto(out, dx, y));
            assertArrayEquals(expect.toDoubleArray(), out.copyToHost().toDoubleArray(), 0.0);
            ArgumentException shape = assertThrows(ArgumentException.class, () -> wave.callInto(out, NDArray.of(1.0, 2.0), NDArray.of(1.0, 2.0)));
            assertTrue(shape.getMessage().contains("give one of that dtype and shape"), shape.getMessage());
        }
    }

    @Test
    void givenGufuncOutputsAreReadAndMustMatchTheOuterShape() {
        KernelModule m = ArrayJit.compile(GUFUNCS, "gu.py");
        NDArray out = NDArray.of(new double[][] {{100, 100}, {100, 100}});
        m.function("accumulate_into").call(NDArray.of(new double[][] {{1, 2}, {3, 4}}), out);
        assertArrayEquals(new double[] {101, 102, 103, 104}, out.toDoubleArray());
        KernelException e = assertThrows(KernelException.class,
                () -> m.function("accumulate_into").call(NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}), NDArray.zeros(Types.FLOAT64, 2)));
        assertEquals("ValueError", e.kind());
        assertTrue(e.message().contains("output operand 0 has the outer shape () but the inputs broadcast to (3,)"), e.message());
    }

    @Test
    void intoArraysGetTheLoopsResultTypeForNumbers() {
        KernelModule m = ArrayJit.compile(GUFUNCS, "gu.py");
        NDArray out = NDArray.zeros(Types.FLOAT64, 3);
        m.function("half").ufunc().callInto(out, 3L);
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, out.toDoubleArray());
    }
}
