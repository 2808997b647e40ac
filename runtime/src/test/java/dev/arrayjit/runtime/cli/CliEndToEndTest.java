package dev.arrayjit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.NeedsCompiler;
import dev.arrayjit.runtime.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, FILE.py to stdout, on examples/. DEPENDS ON typeinfer's Program and the cpu backend:
 * skipped (with the reason) until both exist, see {@link NeedsCompiler}. Expected values are what
 * {@code /usr/bin/python3 examples/X.py} prints under Numba.
 */
@Tag("needs-compiler")
class CliEndToEndTest {
    @TempDir Path dir;

    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static void assertOk(Cli r, String stdout) {
        assertEquals(0, r.exit(), r.toString());
        assertEquals(stdout, r.out(), r.toString());
    }

    @Test
    void mandelbrotPrintsAnInt() {
        assertOk(Cli.run("run", Cli.example("mandelbrot.py"), "inside_count", "200", "150", "100"), "5169\n");
    }

    @Test
    void saxpyReturnsANewArray() throws IOException {
        Path x = dir.resolve("x.npy"), y = dir.resolve("y.npy");
        Npy.write(x, NDArray.of(0.0, 1.0, 2.0, 3.0, 4.0));
        Npy.write(y, NDArray.of(1.0, 1.0, 1.0, 1.0, 1.0));
        assertOk(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "2.0", x.toString(), y.toString()), "[1. 3. 5. 7. 9.]\n");
        assertOk(Cli.run("run", Cli.example("saxpy.py"), "dot", x.toString(), y.toString()), "10.0\n");
    }

    @Test
    void outWritesTheResultAndArgumentsAfterTheCall() throws IOException {
        Path x = dir.resolve("x.npy"), y = dir.resolve("y.npy"), out = dir.resolve("out");
        Npy.write(x, NDArray.of(0.0, 1.0, 2.0));
        Npy.write(y, NDArray.of(1.0, 1.0, 1.0));
        assertOk(Cli.run("run", Cli.example("saxpy.py"), "saxpy_inplace", "2", x.toString(), y.toString(),
                "--out", out.toString()), "None\n");
        assertFalse(Files.exists(out.resolve("return.npy")), "nothing for None");
        assertArrayEquals(new double[] {1, 3, 5}, Npy.read(out.resolve("arg2.npy")).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 2}, Npy.read(out.resolve("arg1.npy")).toDoubleArray());
        assertFalse(Files.exists(out.resolve("arg0.npy")), "scalars are not written");

        assertOk(Cli.run("run", Cli.example("saxpy.py"), "dot", x.toString(), x.toString(), "--out", out.toString()), "5.0\n");
        NDArray r = Npy.read(out.resolve("return.npy"));
        assertEquals(0, r.ndim());
        assertEquals(5.0, r.getDouble());
    }

    @Test
    void sortInPlaceAndBools() throws IOException {
        Path a = dir.resolve("a.npy"), out = dir.resolve("out");
        Npy.write(a, NDArray.of(5L, 3L, 9L, 1L, 7L, 2L));
        assertOk(Cli.run("run", Cli.example("sort.py"), "is_sorted", a.toString()), "False\n");
        assertOk(Cli.run("run", Cli.example("sort.py"), "sorted_copy", a.toString()), "[1 2 3 5 7 9]\n");
        assertOk(Cli.run("run", Cli.example("sort.py"), "bubble_sort", a.toString(), "--out", out.toString()), "None\n");
        assertEquals("[1 2 3 5 7 9]", Npy.read(out.resolve("arg0.npy")).toString());
    }

    @Test
    void stencilPrintsLikeNumpy() throws IOException {
        Path img = dir.resolve("img.npy");
        double[] v = new double[25];
        for (int i = 0; i < 25; i++) v[i] = i;
        Npy.write(img, NDArray.wrap(v, 5, 5));
        assertOk(Cli.run("run", Cli.example("stencil.py"), "blur", img.toString()), """
                [[ 0.  0.  0.  0.  0.]
                 [ 0.  6.  7.  8.  0.]
                 [ 0. 11. 12. 13.  0.]
                 [ 0. 16. 17. 18.  0.]
                 [ 0.  0.  0.  0.  0.]]
                """);
    }

    @Test
    void tuplesPrintAndWriteElementByElement() throws IOException {
        Path a = dir.resolve("a.npy"), out = dir.resolve("out");
        Npy.write(a, NDArray.of(0.1, 0.4, 0.35, 0.8, 1.5, -0.2, 0.95));
        assertOk(Cli.run("run", Cli.example("stats.py"), "mean_std", a.toString()), "(0.557142857142857, 0.5280885825507007)\n");
        assertOk(Cli.run("run", Cli.example("stats.py"), "histogram", a.toString(), "0.0", "1.0", "4", "--out", out.toString()),
                "(array([1, 2, 0, 2]), 2)\n");
        assertArrayEquals(new long[] {1, 2, 0, 2}, Npy.read(out.resolve("return.0.npy")).toLongArray());
        NDArray outside = Npy.read(out.resolve("return.1.npy"));
        assertEquals(0, outside.ndim());
        assertEquals(2L, outside.get());
        assertFalse(Files.exists(out.resolve("return.npy")));
    }

    @Test
    void repeatPrintsOneTimingLine() {
        Cli r = Cli.run("run", Cli.example("mandelbrot.py"), "inside_count", "20", "15", "50", "--repeat", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().matches("timing: compile_ms=\\d+\\.\\d+ first_call_ms=\\d+\\.\\d+ median_call_ms=\\d+\\.\\d+ calls=5\n"),
                r.err());
    }

    @Test
    void kernelErrorsExitThreeWithTheSourceLine() {
        Cli r = Cli.run("run", Cli.example("errors.py"), "element", "10");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith(Cli.example("errors.py") + ":13:12: IndexError: index 10 is out of bounds"), r.err());
        assertTrue(r.err().contains("    return a[i]\n"), r.err());
        assertTrue(r.err().contains("^"), r.err());
        Cli z = Cli.run("run", Cli.example("errors.py"), "ratio", "1", "0");
        assertEquals(3, z.exit(), z.toString());
        assertTrue(z.err().contains("ZeroDivisionError"), z.err());
        Cli v = Cli.run("run", Cli.example("errors.py"), "checked_sqrt", "-1.0");
        assertEquals(3, v.exit(), v.toString());
        assertTrue(v.err().contains(": ValueError: negative input\n"), v.err());
        assertFalse(r.err().contains("\tat ") || z.err().contains("\tat ") || v.err().contains("\tat "));
    }

    @Test
    void typedScalarsAndFloatPrinting() {
        assertOk(Cli.run("run", Cli.example("errors.py"), "checked_sqrt", "float32:2.25"), "1.5\n");
        assertOk(Cli.run("run", Cli.example("errors.py"), "ratio", "-7", "2"), "-4\n");
        assertOk(Cli.run("run", Cli.example("errors.py"), "ratio", "7.5", "2"), "3.0\n");
    }

    @Test
    void unknownKernelSuggestsCloseNames() {
        Cli r = Cli.run("run", Cli.example("saxpy.py"), "saxyp", "1");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("no kernel named 'saxyp'") && r.err().contains("did you mean 'saxpy'?"), r.err());
    }

    @Test
    void wrongArgumentCount() {
        Cli r = Cli.run("run", Cli.example("mandelbrot.py"), "inside_count", "1", "2");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("inside_count() takes 3 positional arguments but 2 were given"), r.err());
    }

    @Test
    void compileErrorsExitOneWithDiagnostics() throws IOException {
        Path bad = dir.resolve("bad.py");
        Files.writeString(bad, "from numba import njit\n\n@njit\ndef f(a):\n    return a + undefined_name\n");
        Cli r = Cli.run("run", bad.toString(), "f", "1");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith(bad + ":5:"), r.err());
        assertTrue(r.err().contains(": error: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
