package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exception messages formatted at run time (f-strings of integers in raise and assert), which go
 * beyond Numba 0.56 (it needs constant messages) and so have no Numba golden data.
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
            def literal_braces(n):
                if n < 0:
                    raise ValueError("a {literal} message")
                return n
            """;

    @Test
    void integerFieldsAreFormattedAndBracesKept() {
        KernelModule m = ArrayJit.compile(SOURCE, "raise.py");
        assertEquals(2.0, m.function("checked_get").call(NDArray.of(0.0, 1.0, 2.0), 2L));
        KernelException e = assertThrows(KernelException.class, () -> m.function("checked_get").call(NDArray.of(0.0, 1.0), -3L));
        assertEquals("IndexError", e.kind());
        assertEquals("position -3 is outside 0..1 {braces}", e.message());
        KernelException a = assertThrows(KernelException.class,
                () -> m.function("same_length").call(NDArray.of(1.0), NDArray.of(1.0, 2.0, 3.0)));
        assertEquals("AssertionError", a.kind());
        assertEquals("lengths differ: 1 and 3", a.message());
        KernelException v = assertThrows(KernelException.class, () -> m.function("literal_braces").call(-1L));
        assertEquals("a {literal} message", v.message());
    }
}
