package dev.arrayjit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI behaviour that is decided before any kernel compiles (usage errors, exit code 2). */
class MainTest {
    private static void assertUsage(Cli r, String message) {
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(message), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertEquals("", r.out(), r.toString());
    }

    @Test
    void missingCommandAndParameters() {
        assertUsage(Cli.run(), "missing command");
        assertUsage(Cli.run("run"), "Missing required parameters");
        assertUsage(Cli.run("frobnicate"), "error:");
    }

    @Test
    void helpExitsZero() {
        Cli r = Cli.run("run", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("--repeat"), r.out());
    }

    @Test
    void missingFile() {
        assertUsage(Cli.run("run", "no/such/file.py", "f"), "error: cannot read 'no/such/file.py': no such file");
    }

    @Test
    void openclRunsUfuncsAndGpuKernelsOnly() {
        String why = dev.arrayjit.runtime.Ufunc.offloadUnavailable();
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "--target", "opencl"),
                why != null ? "error: --target opencl: " + why
                        : "error: --target opencl runs @vectorize functions and @cuda.jit kernels; 'saxpy' is neither");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "--target", "gpu"), "unknown target 'gpu'");
    }

    @Test
    void launchConfigurationsAreForGpuKernelsOnly() {
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy[4,32]"),
                "'saxpy' is not a @cuda.jit kernel, so it takes no launch configuration; run it as 'saxpy'");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy[4]"), "bad launch configuration 'saxpy[4]': give two parts");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy[(2,2,2,2),32]"), "a launch has 1 to 3 dimensions");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy[4,x]"), "'x' is not an integer");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy[0,32]"), "extents must be at least 1");
    }

    @Test
    void badArgumentSyntaxNamesTheArgument() {
        // -3, -inf and -1e-3 are values, not options: the error is about 'bogus' alone.
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "-3", "-inf", "-1e-3", "bogus"),
                "error: bad argument 'bogus': expected an integer, a float, True or False, TYPE:VALUE");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "uint8:256"), "256 is out of range for uint8");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "saxpy", "--repeat", "-1"), "--repeat must be 0 or more");
    }

    @Test
    void missingAndMalformedNpyArguments(@TempDir Path dir) throws IOException {
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "dot", dir.resolve("x.npy").toString(), "1"),
                "x.npy': no such file");
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "not numpy at all");
        assertUsage(Cli.run("run", Cli.example("saxpy.py"), "dot", bad.toString(), bad.toString()),
                "bad.npy: not a .npy file (bad magic string");
        Path good = dir.resolve("good.npy");
        Npy.write(good, NDArray.of(1.0, 2.0));
        Cli r = Cli.run("run", Cli.example("saxpy.py"), "dot", good.toString(), "nonsense");
        assertUsage(r, "bad argument 'nonsense'");
    }

    @Test
    void timingLineFormat() {
        String line = new Timing(12.3456, 40.5, new double[] {0.5, 0.1, 0.3}).line();
        assertEquals("timing: compile_ms=12.346 first_call_ms=40.500 median_call_ms=0.300000 calls=3", line);
        assertTrue(new Timing(1, 2, new double[] {}).line().endsWith("median_call_ms=nan calls=0"));
        assertEquals(0.25, new Timing(0, 0, new double[] {0.1, 0.4, 0.2, 0.3}).median(), 1e-12);
    }

    @Test
    void internalErrorsSaySoWithTheStackTrace() {
        var bytes = new java.io.ByteArrayOutputStream();
        var err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(70, Main.internalError(new IllegalStateException("boom"), err));
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("internal compiler error: java.lang.IllegalStateException: boom\n"), text);
        assertTrue(text.contains("\tat dev.arrayjit.runtime.cli.MainTest"), text);
    }

    @Test
    void suggestionsForMisspeltKernels() {
        var names = java.util.List.of("saxpy", "saxpy_inplace", "dot");
        assertEquals("saxpy", Suggestions.closeTo("saxyp", names).get(0));
        assertEquals("dot", Suggestions.closeTo("Dot", names).get(0));
        assertTrue(Suggestions.closeTo("mandelbrot", names).isEmpty());
    }
}
