package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Arrays a kernel allocates in a loop are freed when their variable gets a fresh array, unless the
 * old value may still be referred to (an alias, a view, a call argument).
 */
@Tag("needs-compiler")
class ReleaseTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import njit

            @njit
            def iterate(x, y, n):
                for _ in range(n):
                    x = x * 0.5 + y
                return x

            @njit
            def aliased(n):
                x = np.zeros(4)
                keep = x
                for i in range(n):
                    x = x + 1.0
                return keep.sum() + x.sum()

            @njit
            def viewed(n):
                x = np.ones(4)
                v = x[1:]
                for i in range(n):
                    x = x * 2.0
                return v.sum() + x.sum()
            """;

    private static String lowered(String kernel, Object... args) {
        StringBuilder dump = new StringBuilder();
        ArrayJit.Options options = ArrayJit.Options.DEFAULT.withDiagnostics(Set.of("lowered"), false, dump::append);
        KernelModule m = ArrayJit.compile(SOURCE, "release.py", options);
        m.function(kernel).call(args);
        return dump.toString();
    }

    @Test
    void loopTemporariesAreReleasedAndValuesStayRight() {
        KernelModule m = ArrayJit.compile(SOURCE, "release.py");
        NDArray x = NDArray.of(1.0, 2.0), y = NDArray.of(1.0, 1.0);
        NDArray r = (NDArray) m.function("iterate").call(x, y, 3L);
        assertArrayEquals(new double[] {1.875, 2.0}, r.toDoubleArray());
        assertArrayEquals(new double[] {1.0, 2.0}, x.toDoubleArray(), "the argument is untouched");
        // 20000 iterations over 1 MB arrays would hold 20 GB if nothing were released.
        NDArray big = NDArray.zeros(dev.arrayjit.typeinfer.types.Types.FLOAT64, 131072);
        NDArray out = (NDArray) m.function("iterate").call(big, big, 20000L);
        assertEquals(0.0, out.toDoubleArray()[0]);
        assertTrue(lowered("iterate", x, y, 1L).contains("release x"), "iterate releases x's old block");
    }

    @Test
    void aliasedOrViewedValuesAreNotReleased() {
        KernelModule m = ArrayJit.compile(SOURCE, "release.py");
        assertEquals(0.0 + 4 * 3.0, m.function("aliased").call(3L));
        assertEquals(3.0 + 4 * 8.0, m.function("viewed").call(3L));
        assertFalse(lowered("aliased", 3L).contains("release"), "an aliased value is kept");
        assertFalse(lowered("viewed", 3L).contains("release"), "a viewed value is kept");
    }
}
