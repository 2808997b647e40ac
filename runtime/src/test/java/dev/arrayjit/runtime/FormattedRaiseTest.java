package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exception messages formatted at run time (f-strings of numbers and bools in raise and assert),
 * which go beyond Numba 0.56 (it needs constant messages) and so have no Numba golden data; the
 * expected texts are what CPython 3.11 prints for the same f-strings.
 */
@Tag("needs-compiler")
class FormattedRaiseTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import njit

            @njit
            def checked_get(a, i):
                if i < 0 or i >= a.shape[0]:
                    raise IndexError(f"position {i} is outside 0..{a.shape[0] - 1} {{braces}}")
                return a[i]

            @njit
            def same_length(a, b):
                assert a.shape[0] == b.shape[0], f"lengths differ: {a.shape[0]} and {b.shape[0]}"
                return a.shape[0]

            @njit
            def positive(x, scale):
                if x <= 0:
                    raise ValueError(f"x must be positive, got {x} (scale {scale}, flag {x > -1.0}, half {np.float32(x) / 2}, single {np.float32(x)})")
                return x

            @njit
            def literal_braces(n):
                if n < 0:
                    raise ValueError("a {literal} message")
                return n
            """;

    @Test
    void numbersAndBoolsAreFormattedAndBracesKept() {
        KernelModule m = ArrayJit.compile(SOURCE, "raise.py");
        assertEquals(2.0, m.function("checked_get").call(NDArray.of(0.0, 1.0, 2.0), 2L));
        KernelException e = assertThrows(KernelException.class, () -> m.function("checked_get").call(NDArray.of(0.0, 1.0), -3L));
        assertEquals("IndexError", e.kind());
        assertEquals("position -3 is outside 0..1 {braces}", e.message());
        KernelException a = assertThrows(KernelException.class,
                () -> m.function("same_length").call(NDArray.of(1.0), NDArray.of(1.0, 2.0, 3.0)));
        assertEquals("AssertionError", a.kind());
        assertEquals("lengths differ: 1 and 3", a.message());
        KernelException f = assertThrows(KernelException.class, () -> m.function("positive").call(-0.1, 3L));
        assertEquals("x must be positive, got -0.1 (scale 3, flag True, half -0.05000000074505806, single -0.1)", f.message()); // float32 / int is float64
        f = assertThrows(KernelException.class, () -> m.function("positive").call(Double.NEGATIVE_INFINITY, 0L));
        assertEquals("x must be positive, got -inf (scale 0, flag False, half -inf, single -inf)", f.message());
        KernelException v = assertThrows(KernelException.class, () -> m.function("literal_braces").call(-1L));
        assertEquals("a {literal} message", v.message());
    }
}
