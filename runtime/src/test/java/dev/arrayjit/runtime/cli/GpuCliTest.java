package dev.arrayjit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.Npy;
import dev.arrayjit.runtime.Ufunc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arrayjit run FILE.py 'kernel[BLOCKS,THREADS]' ... --out DIR} on the machine's OpenCL
 * device: the arrays as the kernel left them, a raise as exit 3 with a caret, and the launch
 * configuration's mistakes as usage errors. Skipped, saying what to install, without a device.
 */
@Tag("needs-compiler")
class GpuCliTest {
    private static final String KERNELS = """
            from numba import cuda

            @cuda.jit
            def add_rows(a, out):
                i, j = cuda.grid(2)
                if i < a.shape[0] and j < a.shape[1]:
                    out[i, j] = a[i, j] + i * 100 + j

            @cuda.jit
            def overrun(a):
                a[cuda.grid(1)] = 1.0
            """;

    @TempDir Path dir;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        String why = Ufunc.offloadUnavailable();
        assumeTrue(why == null, why);
        file = dir.resolve("kernels.py");
        Files.writeString(file, KERNELS);
    }

    @Test
    void aTwoDimensionalLaunchWritesItsArraysBack() throws IOException {
        NDArray a = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Npy.write(dir.resolve("a.npy"), a);
        Npy.write(dir.resolve("out.npy"), NDArray.of(new double[2][3]));
        Cli r = Cli.run("run", file.toString(), "add_rows[(1,1),(4, 4)]", dir.resolve("a.npy").toString(),
                dir.resolve("out.npy").toString(), "--out", dir.resolve("res").toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("None\n", r.out());
        NDArray out = Npy.read(dir.resolve("res/arg1.npy"));
        assertArrayEquals(new double[] {1, 3, 5, 104, 106, 108}, out.toDoubleArray());
        assertArrayEquals(a.toDoubleArray(), Npy.read(dir.resolve("res/arg0.npy")).toDoubleArray());
        assertFalse(Files.exists(dir.resolve("res/return.npy")), "a kernel returns nothing");
    }

    @Test
    void anOutOfBoundsWorkItemExitsThreeWithACaret() throws IOException {
        Npy.write(dir.resolve("a.npy"), NDArray.of(new double[4]));
        Cli r = Cli.run("run", file.toString(), "overrun[1,8]", dir.resolve("a.npy").toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().matches("(?s).*kernels\\.py:11:5: IndexError: index [4-7] is out of bounds for axis 0 with size 4\n"
                + "        a\\[cuda\\.grid\\(1\\)\\] = 1\\.0\n        \\^.*"), r.err());
    }

    @Test
    void launchMistakesAreUsageErrors() throws IOException {
        Npy.write(dir.resolve("a.npy"), NDArray.of(new double[4]));
        Cli missing = Cli.run("run", file.toString(), "overrun", dir.resolve("a.npy").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("'overrun' is a @cuda.jit kernel: give its launch configuration, e.g. 'overrun[4,256]'"),
                missing.err());
        Cli cpu = Cli.run("run", file.toString(), "overrun[1,4]", dir.resolve("a.npy").toString(), "--target", "cpu");
        assertEquals(2, cpu.exit(), cpu.toString());
        assertTrue(cpu.err().contains("@cuda.jit kernels run on the OpenCL device, not --target cpu"), cpu.err());
        Cli big = Cli.run("run", file.toString(), "overrun[1,100000000]", dir.resolve("a.npy").toString());
        assertEquals(2, big.exit(), big.toString());
        assertTrue(big.err().contains("use smaller blocks"), big.err());
    }
}
