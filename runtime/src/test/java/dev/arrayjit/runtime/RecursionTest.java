package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.diag.CompileException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recursion with a base case. Debian's Numba 0.56 aborts recursive kernels ("unresolved symbol"),
 * so these expected values are CPython's for the same functions.
 */
@Tag("needs-compiler")
class RecursionTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import njit

            @njit
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            @njit
            def fact(n):
                if n <= 1:
                    return 1.0
                return n * fact(n - 1)

            @njit
            def is_even(n):
                if n == 0:
                    return True
                return is_odd(n - 1)

            @njit
            def is_odd(n):
                if n == 0:
                    return False
                return is_even(n - 1)

            @njit
            def total(a, i):
                if i == a.shape[0]:
                    return 0.0
                return a[i] + total(a, i + 1)

            @njit
            def min_max(a, lo, hi):
                if hi - lo == 1:
                    return a[lo], a[lo]
                mid = (lo + hi) // 2
                l1, h1 = min_max(a, lo, mid)
                l2, h2 = min_max(a, mid, hi)
                return min(l1, l2), max(h1, h2)

            @njit
            def deep(n):
                if n == 0:
                    return 0
                return 1 + deep(n - 1)
            """;

    @Test
    void recursiveKernelsComputeWhatCPythonComputes() {
        KernelModule m = ArrayJit.compile(SOURCE, "rec.py");
        assertEquals(6765L, m.function("fib").call(20L));
        assertEquals(0L, m.function("fib").call(0L));
        assertEquals(3628800.0, m.function("fact").call(10L));
        assertEquals(false, m.function("is_even").call(7L));
        assertEquals(true, m.function("is_odd").call(7L));
        assertEquals(45.0, m.function("total").call(NDArray.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9.0), 0L));
        assertEquals(new PyTuple(List.of(-1.0, 7.5)), m.function("min_max").call(NDArray.of(3.0, -1.0, 7.5, 2.0, 0.5), 0L, 5L));
        assertEquals(2000L, m.function("deep").call(2000L));
    }

    @Test
    void runawayRecursionRaisesInsteadOfOverflowingTheStack() {
        KernelModule m = ArrayJit.compile(SOURCE, "rec.py");
        KernelException e = assertThrows(KernelException.class, () -> m.function("deep").call(1_000_000L));
        assertEquals("RecursionError", e.kind());
        assertTrue(e.message().contains("maximum recursion depth exceeded"), e.message());
        assertEquals(5L, m.function("deep").call(5L), "the depth count starts again at the next call");
    }

    @Test
    void recursionWithoutABaseCaseIsACompileError() {
        CompileException e = assertThrows(CompileException.class, () -> ArrayJit.compile(
                "from numba import njit\n\n@njit\ndef f(n):\n    return f(n - 1)\n", "f.py").function("f").call(3L));
        assertTrue(e.getMessage().contains("cannot infer the return type of recursive 'f'"), e.getMessage());
    }
}
