package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import org.junit.jupiter.api.Test;

class KernelExceptionTest {
    private static final ErrorSite INDEX = new ErrorSite(3, ExcKind.IndexError,
            "index {0} is out of bounds for axis {1} with size {2}", FakeKernel.INDEX_SPAN);

    @Test
    void messageFillsThePayload() {
        KernelException e = KernelException.of(INDEX, 10, 0, 10);
        assertEquals("IndexError", e.kind());
        assertEquals("index 10 is out of bounds for axis 0 with size 10", e.message());
        assertEquals("kernels.py:5:12", e.where());
        assertEquals("IndexError: index 10 is out of bounds for axis 0 with size 10 (at kernels.py:5:12)", e.getMessage());
    }

    @Test
    void renderShowsTheSourceLineAndACaret() {
        assertEquals("""
                kernels.py:5:12: IndexError: index -11 is out of bounds for axis 0 with size 10
                        return a[i] // 0
                               ^~~~
                """, KernelException.of(INDEX, -11, 0, 10).render());
    }

    @Test
    void withoutMessageOrSpan() {
        KernelException e = new KernelException("AssertionError", "", null);
        assertEquals("AssertionError", e.getMessage());
        assertEquals("AssertionError\n", e.render());
        assertEquals("ZeroDivisionError: division by zero",
                KernelException.of(new ErrorSite(0, ExcKind.ZeroDivisionError, "division by zero", null)).getMessage());
    }

    @Test
    void noJavaStackTrace() {
        assertEquals(0, KernelException.of(INDEX, 1, 2, 3).getStackTrace().length);
    }
}
