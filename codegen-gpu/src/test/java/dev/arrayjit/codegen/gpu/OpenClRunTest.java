package dev.arrayjit.codegen.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated programs built and run on the machine's OpenCL device (PoCL's CPU device in CI),
 * against the same loops computed in Java with Python's semantics. Skipped, saying what to install,
 * where there is no OpenCL device.
 */
class OpenClRunTest {
    private static Map<String, OpenClGoldenTest.Loop> loops;

    @BeforeAll
    static void device() throws IOException {
        String why = OpenClDevices.unavailable();
        assumeTrue(why == null, why);
        loops = OpenClGoldenTest.loops().stream().collect(Collectors.toMap(OpenClGoldenTest.Loop::kernel, l -> l));
    }

    private static final int N = 1000;

    private static double[] run(String kernel, List<double[]> doubles, List<long[]> longs) {
        try (Arena arena = Arena.ofConfined();
             OpenClUfunc f = OpenClUfunc.build(OpenClGenerator.ufunc(loops.get(kernel).unit(), kernel + "_loop"), OpenClDevices.chosen())) {
            List<MemorySegment> in = new java.util.ArrayList<>();
            for (double[] d : doubles) in.add(arena.allocateFrom(ValueLayout.JAVA_DOUBLE, d));
            for (long[] l : longs) in.add(arena.allocateFrom(ValueLayout.JAVA_LONG, l));
            MemorySegment out = arena.allocate(8L * N, 8);
            f.run(in, out, N);
            boolean integer = loops.get(kernel).unit().entry().returnType().isInteger();
            double[] r = new double[N];
            for (int i = 0; i < N; i++) r[i] = integer ? out.getAtIndex(ValueLayout.JAVA_LONG, i) : out.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            return r;
        }
    }

    private static double[] values(Function<Integer, Double> f) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) v[i] = f.apply(i);
        return v;
    }

    @Test
    void floatArithmeticAndLoops() {
        double[] x = values(i -> (i - 500) * 0.37), y = values(i -> Math.sin(i) * 10);
        double[] axpy = run("axpy", List.of(x, y), List.of());
        for (int i = 0; i < N; i++) assertEquals(2.0 * x[i] + y[i], axpy[i], 0.0);
        double[] pos = values(i -> i * 0.25 + 0.5);
        long[] steps = new long[N];
        java.util.Arrays.fill(steps, 40);
        double[] cbrt = run("newton_cbrt", List.of(pos), List.of(steps));
        for (int i = 0; i < N; i++) assertEquals(Math.cbrt(pos[i]), cbrt[i], 1e-12 * Math.max(1, cbrt[i]));
        double[] noisy = values(i -> i % 7 == 0 ? Double.NaN : (i - 500) * 0.004);
        double[] clipped = run("clipped", List.of(noisy), List.of());
        for (int i = 0; i < N; i++) {
            double want = Double.isNaN(noisy[i]) ? 0.0 : Math.abs(noisy[i]) > 1 ? Math.copySign(1.0, noisy[i]) : noisy[i];
            assertEquals(want, clipped[i], 0.0);
        }
    }

    @Test
    void integerDivisionFloorsAsInPython() {
        long[] a = new long[N], b = new long[N];
        for (int i = 0; i < N; i++) {
            a[i] = (i * 7919L) % 201 - 100;
            b[i] = (i % 13) - 6 == 0 ? 3 : (i % 13) - 6;
        }
        double[] r = run("python_division", List.of(), List.of(a, b));
        for (int i = 0; i < N; i++) {
            long want = Math.floorDiv(a[i], b[i]) + Math.floorMod(a[i], b[i]) * 100 + a[i] * a[i];
            assertEquals((double) want, r[i], 0.0, a[i] + " // " + b[i]);
        }
        double[] g = run("gcd", List.of(), List.of(a, b)); // a tuple swap in a loop, with Python's %
        for (int i = 0; i < N; i++) {
            long x = a[i], y = b[i];
            while (y != 0) { long t = Math.floorMod(x, y); x = y; y = t; }
            assertEquals((double) x, g[i], 0.0, "gcd(" + a[i] + ", " + b[i] + ")");
        }
    }

    @Test
    void float64OnADeviceWithoutItIsRefusedByName() {
        OpenClDevices.Device noFp64 = new OpenClDevices.Device(0, "Example", "Tiny GPU", true, false, 1L << 30);
        OpenClProgram p = OpenClGenerator.ufunc(loops.get("axpy").unit(), "axpy_loop");
        assertTrue(p.needsFp64());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OpenClUfunc.build(p, noFp64));
        assertTrue(e.getMessage().contains("Tiny GPU has no double precision"), e.getMessage());
    }

    @Test
    void buildMessagesNameThePythonLine() {
        OpenClProgram good = OpenClGenerator.ufunc(loops.get("clipped").unit(), "clipped_loop");
        // The generated source with one statement broken the way a generator bug would break it.
        String broken = good.source().replaceFirst("return copysign\\(", "return copysign_missing(");
        GpuBuildError e = assertThrows(GpuBuildError.class,
                () -> OpenClUfunc.build(new OpenClProgram(broken, good.kernelName(), good.needsFp64()), OpenClDevices.chosen()));
        assertTrue(e.log().contains("ufuncs.py:36:"), e.log()); // return math.copysign(1.0, x)
        var d = e.diagnostics(loops.get("clipped").unit().entry().span().file());
        assertEquals(1, d.size(), e.log());
        assertEquals(36, d.get(0).span().line());
        assertEquals("return math.copysign(1.0, x)", d.get(0).span().text());
        assertTrue(d.get(0).message().contains("copysign_missing"), d.get(0).message());
    }

    @Test
    void aProgramTheCompilerRejectsComesBackWithItsLog() {
        OpenClProgram bad = new OpenClProgram("__kernel void broken(__global double* out) { out[0] = undefined_name; }", "broken", false);
        GpuBuildError e = assertThrows(GpuBuildError.class, () -> OpenClUfunc.build(bad, OpenClDevices.chosen()));
        assertTrue(e.log().contains("undefined_name"), e.log());
    }
}
