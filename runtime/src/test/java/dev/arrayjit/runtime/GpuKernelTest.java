package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.typeinfer.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code @cuda.jit} kernels through the Java API on the machine's OpenCL device (PoCL in CI):
 * launches over host arrays, Java arrays and device arrays, what a kernel raises, and the
 * mistakes a caller can make. Skipped, saying what to install, without a device.
 */
@Tag("needs-compiler")
class GpuKernelTest {
    @BeforeEach
    void device() {
        NeedsCompiler.assumeCompiler();
        String why = Ufunc.offloadUnavailable();
        assumeTrue(why == null, why);
    }

    private static final String SOURCE = """
            import math
            import numpy as np
            from numba import cuda, vectorize

            @cuda.jit
            def scale(x, factor):
                i = cuda.grid(1)
                if i < x.shape[0]:
                    x[i] *= factor

            @cuda.jit
            def transpose(a, out):
                i, j = cuda.grid(2)
                if i < a.shape[0] and j < a.shape[1]:
                    out[j, i] = a[i, j]

            @cuda.jit
            def past_the_end(x):
                i = cuda.grid(1)
                x[i] = 1.0

            @cuda.jit
            def checks(x):
                i = cuda.grid(1)
                if x[i] < 0:
                    raise ValueError("negative input")

            @cuda.jit
            def window_sums(a, width, out):
                i = cuda.grid(1)
                if i < out.size:
                    s = 0.0
                    for k in range(i, i + width):
                        s += a[k]
                    out[i] = s

            @cuda.jit
            def count_or(c, flag):
                if cuda.atomic.add(c, 0, 1) or flag:
                    pass
                if 0 <= cuda.atomic.add(c, 1, 1) < 100:
                    pass

            @cuda.jit
            def guarded_reverse(a, out):
                buf = cuda.shared.array(8, np.float64)
                t = cuda.threadIdx.x
                if a[t] < 0:
                    raise ValueError("negative element")
                buf[t] = a[t]
                cuda.syncthreads()
                out[t] = buf[7 - t]

            @cuda.jit(device=True)
            def helper(v):
                return v + 1

            @vectorize(["float64(float64)"], target="opencl")
            def twice(v):
                return 2.0 * v
            """;

    private static KernelModule module() { return ArrayJit.compile(SOURCE, "kernels.py"); }

    @Test
    void hostArraysAreCopiedInAndBack() {
        KernelModule m = module();
        NDArray x = NDArray.of(1.0, 2.0, 3.0, 4.0, 5.0);
        m.function("scale").configure(2, 4).call(x, 3.0);
        assertArrayEquals(new double[] {3, 6, 9, 12, 15}, x.toDoubleArray());
        double[] java = {1, -1};
        m.function("scale").configure(1, 32).call(java, 0.5);
        assertArrayEquals(new double[] {0.5, -0.5}, java, "a Java array is written back");
        NDArray strided = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}).transpose(); // F order: copied C-contiguous and back
        NDArray t = NDArray.zeros(Types.FLOAT64, 3, 2);
        m.function("transpose").configure(new long[] {1, 1}, new long[] {4, 4}).call(strided, t);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.toDoubleArray());
    }

    @Test
    void deviceArraysStayOnTheDeviceBetweenLaunches() {
        KernelModule m = module();
        try (DeviceArray d = ArrayJit.toDevice(NDArray.of(1.0, 2.0, 3.0))) {
            KernelFunction.Launch launch = m.function("scale").configure(1, 8);
            launch.call(d, 2.0);
            launch.call(d, 10.0);
            assertArrayEquals(new double[] {20, 40, 60}, d.copyToHost().toDoubleArray());
            // A device ufunc over a device array leaves its result on the device.
            Object r = m.function("twice").call(d);
            assertTrue(r instanceof DeviceArray, "result " + r);
            try (DeviceArray twice = (DeviceArray) r) {
                assertArrayEquals(new double[] {40, 80, 120}, twice.copyToHost().toDoubleArray());
            }
        }
        try (DeviceArray empty = ArrayJit.deviceArray(Types.INT32, 2, 3)) {
            assertArrayEquals(new long[] {2, 3}, empty.shape());
            assertEquals(Types.INT32, empty.dtype());
        }
    }

    @Test
    void aWorkItemOutOfBoundsRaisesIndexErrorAtItsLine() {
        KernelModule m = module();
        NDArray x = NDArray.zeros(Types.FLOAT64, 10);
        KernelException e = assertThrows(KernelException.class, () -> m.function("past_the_end").configure(1, 16).call(x));
        assertEquals("IndexError", e.kind());
        assertTrue(e.message().matches("index 1[0-5] is out of bounds for axis 0 with size 10"), e.message());
        assertEquals("kernels.py:20:5", e.where());
        for (double v : x.toDoubleArray()) assertEquals(0.0, v, "as in Numba, a launch that raised copies nothing back");
    }

    @Test
    void aRaiseInAKernelReachesTheHost() {
        KernelModule m = module();
        KernelException e = assertThrows(KernelException.class, () -> m.function("checks").configure(1, 3).call(NDArray.of(1.0, -2.0, 3.0)));
        assertEquals("ValueError", e.kind());
        assertEquals("negative input", e.message());
        m.function("checks").configure(1, 3).call(NDArray.of(1.0, 2.0, 3.0)); // nothing raised
    }

    @Test
    void callerMistakesAreNamed() {
        KernelModule m = module();
        ArgumentException call = assertThrows(ArgumentException.class, () -> m.function("scale").call(NDArray.of(1.0), 2.0));
        assertTrue(call.getMessage().contains("launch it over a grid"), call.getMessage());
        ArgumentException device = assertThrows(ArgumentException.class, () -> m.function("helper").call(1.0));
        assertTrue(device.getMessage().contains("GPU device function"), device.getMessage());
        ArgumentException arity = assertThrows(ArgumentException.class, () -> m.function("scale").configure(1, 1).call(NDArray.of(1.0)));
        assertTrue(arity.getMessage().contains("takes 2 arguments"), arity.getMessage());
        ArgumentException block = assertThrows(ArgumentException.class,
                () -> m.function("scale").configure(1, 1 << 20).call(NDArray.of(1.0), 2.0));
        assertTrue(block.getMessage().contains("use smaller blocks"), block.getMessage());
        assertThrows(IllegalStateException.class, () -> m.function("twice").configure(1, 1));
        assertFalse(m.function("twice").isGpuKernel());
        try (DeviceArray d = ArrayJit.toDevice(NDArray.of(1.0))) {
            KernelModule cpu = ArrayJit.compile("from numba import vectorize\n@vectorize\ndef f(x):\n    return x\n", "cpu.py");
            ArgumentException onCpu = assertThrows(ArgumentException.class, () -> cpu.function("f").call(d));
            assertTrue(onCpu.getMessage().contains("copyToHost"), onCpu.getMessage());
        }
    }

    @Test
    void typeErrorsInKernelsAreCompileErrors() {
        KernelModule m = ArrayJit.compile("""
                from numba import cuda

                @cuda.jit
                def k(x):
                    return x[0]
                """, "bad.py");
        CompileException e = assertThrows(CompileException.class, () -> m.function("k").configure(1, 1).call(NDArray.of(1.0)));
        assertTrue(e.getMessage().contains("a @cuda.jit kernel cannot return a value"), e.getMessage());
    }

    @Test
    void devicesAreListedAndChosenByNumberOrName() {
        java.util.List<String> devices = ArrayJit.gpuDevices();
        assertFalse(devices.isEmpty());
        assertTrue(devices.get(0).startsWith("0: "), devices.get(0));
        try {
            ArrayJit.selectGpuDevice("0");
            NDArray x = NDArray.of(1.0, 2.0);
            module().function("scale").configure(1, 2).call(x, 4.0);
            assertArrayEquals(new double[] {4, 8}, x.toDoubleArray());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArrayJit.selectGpuDevice("no such device"));
            assertTrue(e.getMessage().contains("names no device; the devices are"), e.getMessage());
        } finally {
            ArrayJit.selectGpuDevice(null);
        }
    }

    @Test
    void unreachableDeviceArraysAreFreed() throws InterruptedException {
        long before = DeviceArray.live();
        for (int i = 0; i < 200; i++) ArrayJit.deviceArray(Types.FLOAT64, 1 << 17); // 1 MiB each, never closed
        for (int tries = 0; tries < 100 && DeviceArray.live() > before; tries++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, DeviceArray.live(), "the cleaner frees the memory of device arrays nobody holds");
        DeviceArray d = ArrayJit.deviceArray(Types.INT32, 4);
        d.close();
        d.close(); // closing twice is harmless
        assertEquals(before, DeviceArray.live());
    }

    @Test
    void aLoopProvenInBoundsRunsUncheckedAndOneThatIsNotRaisesAtTheFirstBadIndex() {
        KernelModule m = module();
        NDArray a = NDArray.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), out = NDArray.zeros(Types.FLOAT64, 4);
        m.function("window_sums").configure(1, 8).call(a, 3L, out); // windows end at 5: the pre-check passes
        assertArrayEquals(new double[] {6, 9, 12, 15}, out.toDoubleArray());
        assertTrue(m.function("window_sums").gpuSources().get(0).contains("aj_fits("), "the loop is versioned");
        KernelException e = assertThrows(KernelException.class,
                () -> m.function("window_sums").configure(1, 8).call(a, 4L, NDArray.zeros(Types.FLOAT64, 4)));
        assertEquals("index 6 is out of bounds for axis 0 with size 6", e.message(), "the checked loop raises at k = 6");
    }

    @Test
    void operandsOfAndOrAndChainedComparisonsAreEvaluatedOnce() {
        NDArray c = NDArray.zeros(Types.INT64, 2);
        module().function("count_or").configure(1, 8).call(c, false);
        assertEquals(8L, c.getLong(0));
        assertEquals(8L, c.getLong(1), "the middle of a chained comparison, once per work-item");
    }

    @Test
    void aRaiseBeforeABarrierStillReachesTheHost() {
        KernelModule m = module();
        NDArray out = NDArray.zeros(Types.FLOAT64, 8);
        m.function("guarded_reverse").configure(1, 8).call(NDArray.of(1.0, 2, 3, 4, 5, 6, 7, 8), out);
        assertArrayEquals(new double[] {8, 7, 6, 5, 4, 3, 2, 1}, out.toDoubleArray());
        NDArray untouched = NDArray.zeros(Types.FLOAT64, 8);
        KernelException e = assertThrows(KernelException.class,
                () -> m.function("guarded_reverse").configure(1, 8).call(NDArray.of(1.0, 2, 3, -4, 5, 6, 7, 8), untouched));
        assertEquals("negative element", e.message());
        assertArrayEquals(new double[8], untouched.toDoubleArray(), "nothing copied back after a raise");
    }

    @Test
    void aClosedDeviceArrayIsAnErrorNotACrash() {
        DeviceArray d = ArrayJit.toDevice(NDArray.of(1.0, 2.0));
        d.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, d::copyToHost);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> module().function("scale").configure(1, 2).call(d, 2.0));
    }

    @Test
    void whatTheGpuCannotRunIsACompileErrorAtItsLine() {
        KernelModule m = ArrayJit.compile("""
                from numba import cuda

                @cuda.jit
                def k(a):
                    i = cuda.grid(1)
                    b = a[1:3]
                    a[i] = b[0]
                """, "slices.py");
        CompileException e = assertThrows(CompileException.class, () -> m.function("k").configure(1, 4).call(NDArray.of(1.0, 2.0, 3.0, 4.0)));
        String text = e.diagnostics().get(0).render();
        assertTrue(text.startsWith("slices.py:6:5: error: k cannot run on an OpenCL device: assigning an array to 'b'"), text);
        assertTrue(text.contains("        b = a[1:3]\n        ^~~~~~~~~~"), text);
    }
}
