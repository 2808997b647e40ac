package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code print()} inside kernels writes what CPython (and NumPy, for arrays) prints for the same
 * values: the expected text below is CPython 3.11 / NumPy 1.24's output for these calls.
 */
@Tag("needs-compiler")
class KernelPrintTest {
    @RegisterExtension
    final PrintCapture out = new PrintCapture();

    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import njit

            @njit
            def show(a, n):
                print("n is", n, 0.1, n / 3, True, np.float32(0.1), -n)
                print(a)
                print(a[:2], (1, 2.5), (n,), None, sep=" | ")
                for i in range(2):
                    print(f"i={i} half={i / 2}", end=";")
                print()
                return n

            @njit
            def maybe(n):
                if n > 0:
                    return n
                return None

            @njit
            def show_optional(n):
                print(maybe(n), np.uint8(200), np.int32(-5))
            """;

    @Test
    void printsAsPythonDoes() {
        KernelModule m = ArrayJit.compile(SOURCE, "show.py");
        NDArray a = NDArray.of(new double[][] {{3, 1, 4}, {1, 5, 9}});
        assertEquals(7L, m.function("show").call(a, 7L));
        assertEquals("""
                n is 7 0.1 2.3333333333333335 True 0.1 -7
                [[3. 1. 4.]
                 [1. 5. 9.]]
                [[3. 1. 4.]
                 [1. 5. 9.]] | (1, 2.5) | (7,) | None
                i=0 half=0.0;i=1 half=0.5;
                """, out.text());
        out.clear();
        m.function("show_optional").call(3L);
        m.function("show_optional").call(-3L);
        assertEquals("3 200 -5\nNone 200 -5\n", out.text());
    }
}
