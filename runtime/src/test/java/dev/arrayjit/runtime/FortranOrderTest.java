package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code np.empty/zeros/ones(shape, order='F')} inside kernels, which Numba lacks. */
@Tag("needs-compiler")
class FortranOrderTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    @Test
    void fortranArraysHaveColumnMajorStridesAndNumPysValues() {
        KernelModule m = ArrayJit.compile("""
                import numpy as np
                from numba import njit

                @njit
                def grid(n, k):
                    a = np.zeros((n, k), order='F')
                    for i in range(n):
                        for j in range(k):
                            a[i, j] = i * 10 + j
                    return a

                @njit
                def ones(n, k):
                    return np.ones((n, k), dtype=np.int32, order='F')
                """, "fortran.py");
        NDArray a = (NDArray) m.function("grid").call(2L, 3L);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(new long[] {8, 16}, a.strides(), "column-major strides in bytes");
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, a.toDoubleArray(), "elements in C order");
        NDArray o = (NDArray) m.function("ones").call(3L, 2L);
        assertArrayEquals(new long[] {4, 12}, o.strides());
        assertEquals(6L, java.util.Arrays.stream(o.toLongArray()).sum());
    }
}
