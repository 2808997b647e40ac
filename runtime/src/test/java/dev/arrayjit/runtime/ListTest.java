package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists through the Java API, where arrayjit goes beyond what the run corpus can compare with
 * Numba: the {@link PyList} a kernel returns, lists printed inside kernels (CPython's text), and
 * min()/max() of an empty list, where Debian's Numba 0.56 leaks a StopIteration and CPython raises
 * ValueError (the expected messages are CPython 3.11's).
 */
@Tag("needs-compiler")
class ListTest {
    @RegisterExtension
    final PrintCapture out = new PrintCapture();

    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import numpy as np
            from numba import njit

            @njit
            def evens(n):
                return [k for k in range(n) if k % 2 == 0]

            @njit
            def show(n):
                a = [k * 0.5 for k in range(n)]
                print(a, [True, False], [np.float32(0.1)], [1j, 2], [])
                print([k for k in range(n)])

            @njit
            def smallest(n):
                return min([k for k in range(n)])

            @njit
            def largest(n):
                return max([k * 1.5 for k in range(n)])

            @njit
            def position(v):
                l = [1, 2, 3]
                return l.index(v)

            @njit
            def grow(n):
                l = [0.0]
                for i in range(n):
                    l.append(i)
                return len(l), l[n]
            """;

    private static final String SHOW_EMPTY = """
            from numba import njit

            @njit
            def show():
                l = [1]
                l.pop()
                print(l)
            """;

    @Test
    void returnedListsAreJavaLists() {
        KernelModule m = ArrayJit.compile(SOURCE, "lists.py");
        Object r = m.function("evens").call(7L);
        PyList l = assertInstanceOf(PyList.class, r);
        assertEquals(List.of(0L, 2L, 4L, 6L), l);
        assertEquals(Types.INT64, l.dtype());
        assertEquals("[0, 2, 4, 6]", l.toString());
        l.set(1, 5L);
        assertEquals(5L, l.array().getLong(1)); // the list writes through to its elements
        assertThrows(UnsupportedOperationException.class, () -> l.add(8L));
        assertEquals(List.of(), m.function("evens").call(0L));
    }

    @Test
    void printsListsAsPythonDoes() {
        KernelModule m = ArrayJit.compile(SOURCE, "lists.py");
        m.function("show").call(3L);
        assertEquals("[0.0, 0.5, 1.0] [True, False] [0.10000000149011612] [1j, (2+0j)] []\n[0, 1, 2]\n", out.text());
    }

    @Test
    void printsAnEmptiedList() {
        KernelModule m = ArrayJit.compile(SHOW_EMPTY, "empty.py");
        m.function("show").call();
        assertEquals("[]\n", out.text());
    }

    @Test
    void minAndMaxOfAnEmptyListRaiseValueError() {
        KernelModule m = ArrayJit.compile(SOURCE, "lists.py");
        assertEquals(0L, m.function("smallest").call(5L));
        KernelException e = assertThrows(KernelException.class, () -> m.function("smallest").call(0L));
        assertEquals("ValueError", e.kind());
        assertEquals("min() arg is an empty sequence", e.message());
        e = assertThrows(KernelException.class, () -> m.function("largest").call(0L));
        assertEquals("max() arg is an empty sequence", e.message());
    }

    @Test
    void anExceptionFromInsideAListMethodNamesTheUsersCall() {
        KernelModule m = ArrayJit.compile(SOURCE, "lists.py");
        KernelException e = assertThrows(KernelException.class, () -> m.function("position").call(5L));
        assertEquals("value not in list", e.message());
        assertEquals("lists.py", e.span().file().name());
        assertEquals(25, e.span().line()); // return l.index(v)
    }

    @Test
    void appendsGrowPastManyReallocations() {
        KernelModule m = ArrayJit.compile(SOURCE, "lists.py");
        assertEquals(PyTuple.of(100_001L, 99_999.0), m.function("grow").call(100_000L));
    }
}
