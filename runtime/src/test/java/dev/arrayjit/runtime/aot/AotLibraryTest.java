package dev.arrayjit.runtime.aot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.runtime.ArgumentException;
import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.KernelException;
import dev.arrayjit.runtime.KernelLibrary;
import dev.arrayjit.runtime.KernelModule;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyTuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Libraries built by {@link AotCompiler} from a Numba pycc module (scalar, 1-D, 2-D,
 * tuple-returning, raising and prange kernels): a C program compiled against the generated header
 * with the system's {@code cc} prints what the JIT computes, {@link ArrayJit#loadLibrary} calls
 * them through the JIT's API, the baseline build holds no AVX instructions, and bad requests fail
 * with nothing written. Skipped where there is no C compiler.
 */
@Tag("needs-compiler")
class AotLibraryTest {
    static final String SOURCE = """
            import numpy as np
            from numba import njit, prange
            from numba.pycc import CC

            cc = CC('kernels')


            @cc.export('mult', 'f8(f8, f8)')
            @cc.export('multi', 'i8(i8, i8)')
            def mult(a, b):
                return a * b


            @cc.export('total', 'f8(f8[:])')
            def total(x):
                s = 0.0
                for i in range(x.shape[0]):
                    s += x[i]
                return s


            @cc.export('scaled', 'f8[:, :](f8[:, :], f8)')
            def scaled(m, k):
                return m * k + 1.0


            @cc.export('stats', 'UniTuple(f8, 2)(f8[:])')
            def stats(x):
                return x.min(), x.max()


            @cc.export('at', 'f8(f8[:], i8)')
            def at(x, i):
                return x[i]


            @cc.export('sumsq', 'f8(f8[:])')
            def sumsq(x):
                s = 0.0
                for i in prange(x.shape[0]):
                    s += x[i] * x[i]
                return s


            @cc.export('checked', 'i8(i8)')
            def checked(n):
                if n < 0:
                    raise ValueError(f"n must be non-negative, got {n}")
                return n * 2
            """;

    private static final String PROGRAM = """
            #include <stdio.h>
            #include "kernels.h"

            static aj_array vector(double *d, int64_t n) {
                aj_array a = {0};
                a.data = d; a.ndim = 1; a.shape[0] = n; a.strides[0] = sizeof(double);
                return a;
            }

            int main(void) {
                double r, lo, hi;
                int64_t i;
                double d[6] = {0.5, -1.5, 2.25, 4.0, -3.0, 8.5};
                aj_array x = vector(d, 6);
                aj_array every_other = vector(d, 3);
                every_other.strides[0] = 2 * sizeof(double);
                if (mult(2.5, 4.0, &r)) return 1;
                printf("mult %.17g\\n", r);
                if (multi(-6, 7, &i)) return 1;
                printf("multi %lld\\n", (long long) i);
                if (total(&x, &r)) return 1;
                printf("total %.17g\\n", r);
                if (total(&every_other, &r)) return 1;
                printf("total_strided %.17g\\n", r);
                if (stats(&x, &lo, &hi)) return 1;
                printf("stats %.17g %.17g\\n", lo, hi);
                if (sumsq(&x, &r)) return 1;
                printf("sumsq %.17g\\n", r);
                aj_array m = {0}, out;
                m.data = d; m.ndim = 2; m.shape[0] = 2; m.shape[1] = 3; m.strides[0] = 3 * sizeof(double); m.strides[1] = sizeof(double);
                if (scaled(&m, 10.0, &out)) return 1;
                printf("scaled %lld %lld", (long long) out.shape[0], (long long) out.shape[1]);
                for (int k = 0; k < 6; k++) printf(" %.17g", ((double *) out.data)[(k / 3) * out.strides[0] / 8 + (k % 3) * out.strides[1] / 8]);
                printf("\\n");
                arrayjit_array_free(&out);
                printf("at %d %s\\n", at(&x, 6, &r), arrayjit_error());
                printf("checked %d %s\\n", checked(-3, &i), arrayjit_error());
                printf("rank %d %s\\n", total(&m, &r), arrayjit_error());
                return 0;
            }
            """;

    @TempDir static Path dir;
    static Path library;
    static AotCompiler.Result built;

    @BeforeAll
    static void build() throws IOException {
        assumeCompiler();
        Files.writeString(dir.resolve("kernels.py"), SOURCE);
        library = dir.resolve("libkernels.so");
        built = AotCompiler.build(dir.resolve("kernels.py"), List.of(), "baseline", library, dir.resolve("kernels.h"));
    }

    static void assumeCompiler() {
        String why = null;
        try {
            AotCompiler.findCompiler();
        } catch (AotException e) {
            why = e.getMessage();
        }
        assumeTrue(why == null, why);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + ":\n" + out);
        return out;
    }

    @Test
    void theExportsAreThePyccOnesInOrder() {
        assertEquals(List.of("multi", "mult", "total", "scaled", "stats", "at", "sumsq", "checked"), built.exports());
        assertTrue(Files.exists(library) && Files.exists(dir.resolve("kernels.h")));
    }

    @Test
    void aCProgramAgainstTheHeaderGetsWhatTheJitComputes() throws Exception {
        Files.writeString(dir.resolve("main.c"), PROGRAM);
        run(List.of(AotCompiler.findCompiler().toString(), "-std=c11", "-Wall", "-Werror", "-o", "main", "main.c", "-L.", "-lkernels",
                "-Wl,-rpath," + dir));
        List<String> lines = run(List.of(dir.resolve("main").toString())).lines().toList();

        KernelModule jit = ArrayJit.compile(SOURCE, "kernels.py");
        NDArray x = NDArray.of(0.5, -1.5, 2.25, 4.0, -3.0, 8.5);
        assertEquals("mult " + (double) jit.function("mult").call(2.5, 4.0), lines.get(0).replace("mult 10", "mult 10.0"));
        assertEquals("multi " + jit.function("mult").call(-6L, 7L), lines.get(1));
        assertEquals((double) jit.function("total").call(x), Double.parseDouble(lines.get(2).split(" ")[1]));
        assertEquals((double) jit.function("total").call(NDArray.of(0.5, 2.25, -3.0)), Double.parseDouble(lines.get(3).split(" ")[1]));
        PyTuple stats = (PyTuple) jit.function("stats").call(x);
        assertEquals("stats " + fmt((double) stats.items().get(0)) + " " + fmt((double) stats.items().get(1)), lines.get(4));
        assertEquals((double) jit.function("sumsq").call(x), Double.parseDouble(lines.get(5).split(" ")[1]), 1e-12);
        NDArray scaled = (NDArray) jit.function("scaled").call(NDArray.of(new double[][] {{0.5, -1.5, 2.25}, {4.0, -3.0, 8.5}}), 10.0);
        StringBuilder expect = new StringBuilder("scaled 2 3");
        for (double v : scaled.toDoubleArray()) expect.append(' ').append(fmt(v));
        assertEquals(expect.toString(), lines.get(6));
        assertEquals("at 1 IndexError: index 6 is out of bounds for axis 0 with size 6 (at " + where("return x[i]", 12) + ")", lines.get(7));
        assertEquals("checked 1 ValueError: n must be non-negative, got -3 (at " + where("raise ValueError", 9) + ")", lines.get(8));
        assertEquals("rank 1 TypeError: argument 'x' must have 1 dimension(s), not 2", lines.get(9));
    }

    /** {@code file:line:col} of the source line holding {@code text}, as the build names the file. */
    private static String where(String text, int col) {
        List<String> lines = SOURCE.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return dir.resolve("kernels.py") + ":" + (i + 1) + ":" + col;
        throw new AssertionError(text);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void loadLibraryCallsTheExportsWithTheJitApi() {
        KernelLibrary lib = ArrayJit.loadLibrary(library);
        assertEquals(built.exports(), lib.names());
        KernelModule jit = ArrayJit.compile(SOURCE, "kernels.py");
        NDArray x = NDArray.of(3.0, 1.0, 4.0, 1.0, 5.0);
        assertEquals(jit.function("mult").call(1.5, 2.0), lib.function("mult").call(1.5, 2.0));
        assertEquals(jit.function("mult").call(6L, 7L), lib.function("multi").call(6L, 7L));
        assertEquals(jit.function("total").call(x), lib.function("total").call(x));
        assertEquals(jit.function("stats").call(x), lib.function("stats").call(x));
        assertEquals(jit.function("sumsq").call(x), lib.function("sumsq").call(x));
        NDArray m = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(((NDArray) jit.function("scaled").call(m, 2.0)).toDoubleArray(), ((NDArray) lib.function("scaled").call(m, 2.0)).toDoubleArray());
        assertEquals(5.0, lib.function("total").call(new double[] {2, 3}), "Java arrays too");
        KernelException e = assertThrows(KernelException.class, () -> lib.function("at").call(x, 7L));
        assertEquals("IndexError", e.kind());
        assertEquals(where("return x[i]", 12), e.where());
        assertTrue(e.render().contains("    return x[i]"), e.render());
        KernelException v = assertThrows(KernelException.class, () -> lib.function("checked").call(-1L));
        assertEquals("n must be non-negative, got -1", v.message());
        assertThrows(ArgumentException.class, () -> lib.function("total").call(m));
    }

    @Test
    void theBaselineLibraryHasNoAvx() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/objdump")), "objdump is not installed (binutils)");
        String asm = run(List.of("/usr/bin/objdump", "-d", "--no-show-raw-insn", library.toString()));
        assertTrue(asm.contains("<arrayjit_entry_sumsq>:"), "disassembly lists the entry points");
        assertFalse(asm.matches("(?s).*%[yz]mm\\d.*"), "AVX or AVX-512 registers in a baseline library");
    }

    @Test
    void badRequestsWriteNothing() throws IOException {
        Path out = dir.resolve("bad/libbad.so"), h = dir.resolve("bad/libbad.h");
        Path src = dir.resolve("kernels.py");
        CompileException type = assertThrows(CompileException.class,
                () -> AotCompiler.build(src, List.of("total:f8(i8)"), "baseline", out, h));
        assertTrue(type.getMessage().contains("cannot index int64"), type.getMessage());
        CompileException clash = assertThrows(CompileException.class,
                () -> AotCompiler.build(src, List.of("mult:f8(f8,f8)", "mult:i8(i8,i8)", "mult:float64(float64, float64)"), "baseline", out, h));
        assertTrue(clash.getMessage().contains("two exports are named 'mult__dd' (--export mult:f8(f8,f8) and --export mult:float64(float64, float64))"),
                clash.getMessage());
        AotException unknown = assertThrows(AotException.class, () -> AotCompiler.build(src, List.of("nope:f8(f8)"), "baseline", out, h));
        assertTrue(unknown.getMessage().contains("has no kernel 'nope'"), unknown.getMessage());
        String before = System.getProperty("arrayjit.cc");
        System.setProperty("arrayjit.cc", dir.resolve("no-such-cc").toString());
        try {
            AotException noLinker = assertThrows(AotException.class, () -> AotCompiler.build(src, List.of(), "baseline", out, h));
            assertTrue(noLinker.getMessage().contains("no C compiler"), noLinker.getMessage());
        } finally {
            if (before == null) System.clearProperty("arrayjit.cc"); else System.setProperty("arrayjit.cc", before);
        }
        assertFalse(Files.exists(out) || Files.exists(h), "nothing written");
    }

    @Test
    void eagerSignaturesExportUnderDistinctNames() throws IOException {
        Path src = dir.resolve("eager.py");
        Files.writeString(src, """
                from numba import njit

                @njit(["f8(f8, f8)", "i8(i8, i8)"])
                def add(a, b):
                    return a + b

                @njit("f4(f4[:])")
                def first(x):
                    return x[0]
                """);
        AotCompiler.Result r = AotCompiler.build(src, List.of(), "baseline", dir.resolve("libeager.so"), dir.resolve("eager.h"));
        assertEquals(List.of("add__dd", "add__ll", "first"), r.exports());
        String header = Files.readString(dir.resolve("eager.h"));
        assertTrue(header.contains("int add__dd(double a, double b, double *result);"), header);
        assertTrue(header.contains("int first(const aj_array *x, float *result);"), header);
        KernelLibrary lib = ArrayJit.loadLibrary(dir.resolve("libeager.so"));
        assertEquals(5L, lib.function("add__ll").call(2L, 3L));
        assertEquals(1.5f, lib.function("first").call(new float[] {1.5f, 2f}));
    }

    @Test
    void aJvmWithoutTheCompilerLoadsTheLibrary() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        List<String> path = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> !p.contains("codegen-llvm") && !p.contains("bytedeco") && !p.contains("codegen-gpu") && !p.contains("jocl"))
                .toList();
        String out = run(List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", String.join(java.io.File.pathSeparator, path),
                LoadLibraryMain.class.getName(), library.toString()));
        assertEquals("6.0 6.5", out.strip());
    }

    @Test
    void ufuncsExportAsStridedArrayLoops() throws Exception {
        Files.writeString(dir.resolve("uf.py"), """
                import math
                from numba import vectorize

                @vectorize(["float64(float64, float64)", "float32(float32, float32)"])
                def hyp(x, y):
                    return math.sqrt(x * x + y * y)
                """);
        AotCompiler.Result r = AotCompiler.build(dir.resolve("uf.py"), List.of(), "baseline", dir.resolve("libuf.so"), dir.resolve("uf.h"));
        assertEquals(List.of("hyp__dd", "hyp__ff"), r.exports());
        assertTrue(Files.readString(dir.resolve("uf.h")).contains(
                "int hyp__ff(int64_t n, const float *x, int64_t x_stride, const float *y, int64_t y_stride, float *out, int64_t out_stride);"));
        Files.writeString(dir.resolve("uf.c"), """
                #include <stdio.h>
                #include "uf.h"
                int main(void) {
                    double x[4] = {3, 5, 8, 7}, y[4] = {4, 12, 15, 24}, out[4];
                    float xf[2] = {3, 6}, yf[4] = {4, 0, 8, 0}, of[2];
                    if (hyp__dd(4, x, 8, y, 8, out, 8) || hyp__ff(2, xf, 4, yf, 8, of, 4)) return 1;
                    printf("%g %g %g %g %g %g\\n", out[0], out[1], out[2], out[3], of[0], of[1]);
                    return 0;
                }
                """);
        run(List.of(AotCompiler.findCompiler().toString(), "-Wall", "-Werror", "-o", "uf", "uf.c", "-L.", "-luf", "-Wl,-rpath," + dir));
        assertEquals("5 13 17 25 5 10", run(List.of(dir.resolve("uf").toString())).strip(), "y read with a stride of two floats");
        NDArray out = NDArray.zeros(dev.arrayjit.typeinfer.types.Types.FLOAT64, 2);
        ArrayJit.loadLibrary(dir.resolve("libuf.so")).function("hyp__dd").call(NDArray.of(6.0, 9.0), NDArray.of(8.0, 40.0), out);
        assertArrayEquals(new double[] {10, 41}, out.toDoubleArray());
    }

    @Test
    void wrapperEdgeCases() throws Exception {
        Files.writeString(dir.resolve("edge.py"), """
                import numpy as np
                from numba import njit, vectorize

                TABLE = np.array([1.5, 2.5, 3.5])

                @njit("i8(b1)")
                def flag(v):
                    return 7 if v else 3

                @njit("Tuple((f8[:], f8[:]))(i8)")
                def halves(n):
                    x = np.arange(n) * 1.0
                    return x, x[1:]

                @njit("f8[:]()")
                def table():
                    return TABLE

                @njit("f8()")
                def draw():
                    return np.random.random()

                @vectorize(["float64(float64, int64)"])
                def powi(x, n):
                    return x ** n
                """);
        AotCompiler.build(dir.resolve("edge.py"), List.of(), "baseline", dir.resolve("3d-edge.so"), dir.resolve("3d-edge.h"));
        Files.writeString(dir.resolve("edge.c"), """
                #include <stdio.h>
                #include "3d-edge.h"
                int main(void) {
                    int64_t r;
                    double d[2] = {2, 3}, out[2], x;
                    int64_t n[2] = {3, 2};
                    aj_array a, b, t;
                    if (flag(true, &r)) return 1;
                    printf("%lld ", (long long) r);
                    if (flag(false, &r)) return 1;
                    printf("%lld\\n", (long long) r);
                    if (halves(4, &a, &b)) return 1;
                    printf("%g %g %d %d\\n", ((double *) a.data)[3], ((double *) b.data)[0], a.owner != NULL, b.owner == NULL);
                    arrayjit_array_free(&a);
                    arrayjit_array_free(&b);
                    if (table(&t)) return 1;
                    ((double *) t.data)[0] = 9; /* a copy of its own, not the library's constant */
                    printf("%g %d\\n", ((double *) t.data)[0], t.owner != NULL);
                    arrayjit_array_free(&t);
                    if (powi(2, d, 8, n, 8, out, 8)) return 1;
                    printf("%g %g\\n", out[0], out[1]);
                    if (draw(&x)) return 1;
                    printf("%.17g\\n", x);
                    return 0;
                }
                """);
        run(List.of(AotCompiler.findCompiler().toString(), "-Wall", "-Werror", "-o", "edge", "edge.c", "-L.", "-l:3d-edge.so", "-Wl,-rpath," + dir));
        List<String> first = run(List.of(dir.resolve("edge").toString())).lines().toList();
        assertEquals(List.of("7 3", "3 1 1 1", "9 1", "8 9"), first.subList(0, 4));
        String second = run(List.of(dir.resolve("edge").toString())).lines().toList().get(4);
        assertFalse(first.get(4).equals(second), "unseeded draws differ from run to run: " + second);
        String header = Files.readString(dir.resolve("3d-edge.h"));
        assertTrue(header.contains("#ifndef ARRAYJIT_3D_EDGE_H"), header);
        assertTrue(header.contains("int powi(int64_t n, const double *x, int64_t x_stride, const int64_t *n_, int64_t n__stride, double *out, int64_t out_stride);"), header);
        Files.writeString(dir.resolve("named.py"), "from numba import njit\n\n@njit(\"f8(f8)\")\ndef sqrt(x):\n    return x ** 0.5\n");
        CompileException libc = assertThrows(CompileException.class,
                () -> AotCompiler.build(dir.resolve("named.py"), List.of(), "baseline", dir.resolve("libnamed.so"), dir.resolve("named.h")));
        assertTrue(libc.getMessage().contains("'sqrt' is a C library function"), libc.getMessage());
    }

    @Test
    void complexNumbersAndArraysCrossAsNumPyLaysThemOut() throws Exception {
        Files.writeString(dir.resolve("cplx.py"), """
                import cmath
                import numpy as np
                from numba import njit

                @njit("c16(c16, f8)")
                def rotate(z, angle):
                    return z * cmath.exp(1j * angle)

                @njit("c8(c8[:])")
                def total(zs):
                    return zs.sum()

                @njit("c16(f8)")
                def lift(x):
                    return x
                """);
        AotCompiler.build(dir.resolve("cplx.py"), List.of(), "baseline", dir.resolve("libcplx.so"), dir.resolve("cplx.h"));
        Files.writeString(dir.resolve("cplx.c"), """
                #include <stdio.h>
                #include "cplx.h"
                int main(void) {
                    aj_complex128 z = {0, 2}, r;
                    aj_complex64 zs[3] = {{1, 1}, {2, -3}, {0.5f, 0.25f}}, t;
                    aj_array a = {0};
                    a.data = zs; a.ndim = 1; a.shape[0] = 3; a.strides[0] = sizeof(aj_complex64);
                    if (rotate(z, 1.5707963267948966, &r) || total(&a, &t) || lift(2.5, &z)) return 1;
                    printf("%.6f %.6f %g %g %g %g\\n", r.re, r.im, t.re, t.im, z.re, z.im);
                    return 0;
                }
                """);
        run(List.of(AotCompiler.findCompiler().toString(), "-Wall", "-Werror", "-o", "cplx", "cplx.c", "-L.", "-lcplx", "-Wl,-rpath," + dir));
        assertEquals("-2.000000 0.000000 3.5 -1.75 2.5 0", run(List.of(dir.resolve("cplx").toString())).strip());
        KernelLibrary lib = ArrayJit.loadLibrary(dir.resolve("libcplx.so"));
        assertEquals(new dev.arrayjit.runtime.Complex(2.5, 0), lib.function("lift").call(2.5));
    }
}
