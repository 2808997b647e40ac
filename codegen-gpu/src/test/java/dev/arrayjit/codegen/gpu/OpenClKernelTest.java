package dev.arrayjit.codegen.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code @cuda.jit} kernels of {@code opencl/kernels.py} launched on the machine's OpenCL
 * device through {@link GpuOffload}, against the same computations in Java. Skipped, saying what to
 * install, where there is no OpenCL device.
 */
class OpenClKernelTest {
    private static Map<String, OpenClGoldenTest.Loop> kernels;
    private static final GpuOffload GPU = new OpenClOffload();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void device() throws IOException {
        String why = OpenClDevices.unavailable();
        assumeTrue(why == null, why);
        kernels = OpenClGoldenTest.loops("kernels.py").stream().collect(Collectors.toMap(OpenClGoldenTest.Loop::kernel, l -> l));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private GpuOffload.Raised launch(String kernel, long[] grid, long[] block, Object... args) {
        GpuOffload.Kernel k = GPU.compileKernel(kernels.get(kernel).unit());
        open.add(k);
        return k.launch(grid, block, List.of(args));
    }

    private GpuOffload.ArrayArg array(MemorySegment data, long... shape) {
        GpuOffload.Buffer b = GPU.allocate(data.byteSize());
        open.add(b);
        b.write(data);
        return new GpuOffload.ArrayArg(b, shape);
    }

    private static double[] doubles(GpuOffload.ArrayArg a, int n) {
        double[] out = new double[n];
        a.buffer().read(MemorySegment.ofArray(out));
        return out;
    }

    @Test
    void vectorAddGuardsTheTail() {
        int n = 1000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i * 0.5; y[i] = Math.cos(i); }
        GpuOffload.ArrayArg out = array(MemorySegment.ofArray(new double[n]), n);
        assertNull(launch("vadd", new long[] {8}, new long[] {128}, array(MemorySegment.ofArray(x), n), array(MemorySegment.ofArray(y), n), out));
        double[] r = doubles(out, n);
        for (int i = 0; i < n; i++) assertEquals(x[i] + y[i], r[i], 0.0, "element " + i);
    }

    @Test
    void gridStrideLoopWithScalarArgument() {
        int n = 777;
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = 1; }
        GpuOffload.ArrayArg ya = array(MemorySegment.ofArray(y), n);
        assertNull(launch("saxpy_unchecked", new long[] {2}, new long[] {32}, 2.5, array(MemorySegment.ofArray(x), n), ya));
        float[] r = new float[n];
        ya.buffer().read(MemorySegment.ofArray(r));
        for (int i = 0; i < n; i++) assertEquals(2.5f * i + 1, r[i], 0f, "element " + i);
    }

    @Test
    void tiledMatmulMatchesTheTripleLoop() {
        int m = 13, k = 21, p = 10;
        double[] a = new double[m * k], b = new double[k * p];
        for (int i = 0; i < a.length; i++) a[i] = (i % 7) - 3.5;
        for (int i = 0; i < b.length; i++) b[i] = (i % 5) * 0.25;
        GpuOffload.ArrayArg c = array(MemorySegment.ofArray(new double[m * p]), m, p);
        // Tiles of 8: enough blocks to cover C and, along x, the shared extent k.
        assertNull(launch("matmul_tiled", new long[] {3, 3}, new long[] {8, 8}, array(MemorySegment.ofArray(a), m, k),
                array(MemorySegment.ofArray(b), k, p), c));
        double[] r = doubles(c, m * p);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) s += a[i * k + q] * b[q * p + j];
                assertEquals(s, r[i * p + j], 1e-12 * Math.max(1, Math.abs(s)), "C[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void blockReductionWithSharedMemoryAndAtomics() {
        int n = 300, blocks = 5;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i - 100;
        GpuOffload.ArrayArg partial = array(MemorySegment.ofArray(new double[blocks]), blocks);
        GpuOffload.ArrayArg total = array(MemorySegment.ofArray(new double[1]), 1);
        assertNull(launch("block_sum", new long[] {blocks}, new long[] {64}, array(MemorySegment.ofArray(x), n), partial, total));
        double[] parts = doubles(partial, blocks);
        double all = 0;
        for (int blk = 0; blk < blocks; blk++) {
            double s = 0;
            for (int i = blk * 64; i < Math.min(n, blk * 64 + 64); i++) s += Math.sqrt(Math.abs(x[i]));
            assertEquals(s, parts[blk], 1e-12 * s, "block " + blk);
            all += s;
        }
        assertEquals(all, doubles(total, 1)[0], 1e-12 * all);
    }

    @Test
    void histogramCountsWithInt64Atomics() {
        int n = 5000;
        float[] data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float) ((i * 37 % 1000) / 100.0);
        GpuOffload.ArrayArg bins = array(MemorySegment.ofArray(new long[10]), 10);
        assertNull(launch("histogram", new long[] {20}, new long[] {256}, array(MemorySegment.ofArray(data), n), 0.0, 1.0, bins));
        long[] expect = new long[10];
        for (float d : data) expect[(int) ((d - 0.0) / 1.0)]++;
        long[] r = new long[10];
        bins.buffer().read(MemorySegment.ofArray(r));
        assertArrayEquals(expect, r);
    }

    @Test
    void localArrayScratch() {
        int n = 50;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = i * i;
        GpuOffload.ArrayArg out = array(MemorySegment.ofArray(new double[n]), n);
        assertNull(launch("smooth_local", new long[] {2}, new long[] {32}, array(MemorySegment.ofArray(u), n), out));
        double[] r = doubles(out, n);
        for (int i = 1; i < n - 1; i++) assertEquals((u[i - 1] + 2 * u[i] + u[i + 1]) / 4, r[i], 0.0);
        assertEquals(0.0, r[0]);
    }

    @Test
    void anOutOfBoundsIndexIsReportedNotWritten() {
        // 256 threads over 100 elements with no guard in vadd's tail? vadd guards; read past a shorter input instead.
        int n = 100;
        GpuOffload.ArrayArg out = array(MemorySegment.ofArray(new double[n]), n);
        GpuOffload.Raised r = launch("vadd", new long[] {1}, new long[] {128}, array(MemorySegment.ofArray(new double[n]), n),
                array(MemorySegment.ofArray(new double[60]), 60), out);
        assertNotNull(r);
        assertEquals(60, r.payload()[2], "the extent of the short array");
        assertEquals(0, r.payload()[1], "axis");
        assertTrue(r.payload()[0] >= 60 && r.payload()[0] < 100, "the failing index " + r.payload()[0]);
        assertEquals("IndexError", kernels.get("vadd").unit().sites().get(r.site()).kind().name());
    }

    @Test
    void aBlockLargerThanTheDeviceAllowsIsRefused() {
        int n = 4;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> launch("vadd", new long[] {1}, new long[] {1 << 20},
                array(MemorySegment.ofArray(new double[n]), n), array(MemorySegment.ofArray(new double[n]), n),
                array(MemorySegment.ofArray(new double[n]), n)));
        assertTrue(e.getMessage().contains("smaller blocks"), e.getMessage());
    }
}
