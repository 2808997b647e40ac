package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arrayjit.frontend.diag.CompileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Java API end to end. DEPENDS ON typeinfer's Program and the cpu backend (see {@link NeedsCompiler}). */
@Tag("needs-compiler")
class ArrayJitTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    static Path example(String name) { return dev.arrayjit.runtime.cli.CliPaths.example(name); }

    @Test
    void loadAndCall() throws Exception {
        KernelModule m = ArrayJit.load(example("saxpy.py"));
        NDArray x = NDArray.of(0.0, 1.0, 2.0), y = NDArray.of(1.0, 1.0, 1.0);
        NDArray r = (NDArray) m.function("saxpy").call(2.0, x, y);
        assertArrayEquals(new double[] {1, 3, 5}, r.toDoubleArray());
        assertEquals(9.0, m.function("dot").call(r, y));
        double[] javaY = {1, 1, 1};
        m.function("saxpy_inplace").call(2L, new double[] {0, 1, 2}, javaY);
        assertArrayEquals(new double[] {1, 3, 5}, javaY, "a Java array argument is updated in place");
        assertEquals(1, m.function("saxpy_inplace").dispatcher().compileCount());
    }

    @Test
    void compileFromSource() {
        KernelModule m = ArrayJit.compile("from numba import njit\n\n@njit\ndef add(a, b):\n    return a + b\n", "add.py");
        assertEquals(5L, m.function("add").call(2L, 3L));
        assertEquals(5.5, m.function("add").call(2.5, 3L));
        assertEquals(2, m.function("add").dispatcher().compileCount());
    }

    @Test
    void errorsAreTyped() throws Exception {
        KernelModule m = ArrayJit.load(example("errors.py"));
        KernelException e = assertThrows(KernelException.class, () -> m.function("element").call(10L));
        assertEquals("IndexError", e.kind());
        assertThrows(NoSuchKernelException.class, () -> m.function("nope"));
        assertThrows(ArgumentException.class, () -> m.function("element").call());
        assertThrows(CompileException.class,
                () -> ArrayJit.compile("from numba import njit\n\n@njit\ndef f(a):\n    return a +\n", "bad.py"));
    }

    @Test
    void concurrentFirstCallsCompileOnce() throws Exception {
        KernelFunction inside = ArrayJit.load(example("mandelbrot.py")).function("inside_count");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new java.util.ArrayList<java.util.concurrent.Future<Object>>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return inside.call(200L, 150L, 100L);
            }));
        }
        start.countDown();
        for (var r : results) assertEquals(5169L, r.get());
        pool.shutdown();
        assertEquals(1, inside.dispatcher().compileCount());
    }

    @Test
    void manyCallsReturningArraysDoNotLeak() throws Exception {
        KernelModule m = ArrayJit.load(example("saxpy.py"));
        KernelFunction saxpy = m.function("saxpy");
        NDArray x = NDArray.of(new double[64]), y = NDArray.of(new double[64]);
        for (int i = 0; i < 200_000; i++) saxpy.call(1.0, x, y);
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(true, NativeMemory.liveBlocks() < 50_000, "live blocks " + NativeMemory.liveBlocks());
    }
}
