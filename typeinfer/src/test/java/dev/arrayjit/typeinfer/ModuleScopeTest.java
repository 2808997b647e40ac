package dev.arrayjit.typeinfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module-level resolution: imports in every spelling, decorators, jit applied as a function, signatures. */
class ModuleScopeTest {
    private static Program load(String src) {
        return Program.load(new SourceFile("m.py", src));
    }

    @Test
    void findsKernelsInEveryDecoratorSpelling() {
        Program p = load("""
                import numba
                import numba as nb
                from numba import njit, jit
                import numpy as np

                @njit
                def a(x): return x
                @jit(nopython=True)
                def b(x): return x
                @numba.jit(nopython=True)
                def c(x): return x
                @nb.njit(cache=True, fastmath=True, parallel=False, nogil=True, boundscheck=False, error_model='numpy')
                def d(x): return x
                def plain(x): return x
                e = njit(plain)
                f = jit(nopython=True)(plain)
                g = nb.njit("float64(float64)")(plain)

                if __name__ == "__main__":
                    print(a(1))
                """);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), p.kernels().stream().map(KernelInfo::name).toList());
        KernelInfo d = p.kernel("d");
        assertTrue(d.flags().fastmath());
        assertFalse(d.flags().boundscheck());
        assertTrue(d.flags().numpyErrors());
        assertTrue(p.kernel("a").flags().boundscheck());
        assertNull(p.kernel("plain"));
        assertEquals(List.of(new KernelInfo.Signature(List.of(Types.FLOAT64), Types.FLOAT64)), p.kernel("g").signatures());
    }

    @Test
    void parsesSignaturesAsStringsAndTypeExpressions() {
        Program p = load("""
                import numba
                from numba import njit, float64, int64, void, types

                @njit("float64(float64[:], int64)")
                def s1(a, n): return a[0]
                @njit(["f8[:, ::1](f8[::1, :])", "void(i4[:, :, :])"])
                def s2(a): pass
                @njit(float64(float64[:]))
                def s3(a): return a[0]
                @njit(numba.void(numba.float64[:, :]))
                def s4(a): pass
                @njit(types.float64(types.int64))
                def s5(a): return 1.0
                @njit("(int64, UniTuple(float32, 2))")
                def s6(a, t): return a
                """);
        Type f8a = new Type.Array(Types.FLOAT64, 1, Layout.A, false);
        assertEquals(List.of(f8a, Types.INT64), p.kernel("s1").signatures().get(0).args());
        assertEquals(new Type.Array(Types.FLOAT64, 2, Layout.F, false), p.kernel("s2").signatures().get(0).args().get(0));
        assertEquals(new Type.Array(Types.FLOAT64, 2, Layout.C, false), p.kernel("s2").signatures().get(0).returnType());
        assertEquals(Types.NONE, p.kernel("s2").signatures().get(1).returnType());
        assertEquals(new Type.Array(Types.INT32, 3, Layout.A, false), p.kernel("s2").signatures().get(1).args().get(0));
        assertEquals(Types.FLOAT64, p.kernel("s3").signatures().get(0).returnType());
        assertEquals(Types.NONE, p.kernel("s4").signatures().get(0).returnType());
        assertEquals(List.of(Types.INT64), p.kernel("s5").signatures().get(0).args());
        assertNull(p.kernel("s6").signatures().get(0).returnType());
        assertEquals(new Type.Tuple(List.of(Types.FLOAT32, Types.FLOAT32)), p.kernel("s6").signatures().get(0).args().get(1));
    }

    @Test
    void badSignatureIsADiagnosticAtTheDecorator() {
        CompileException e = assertThrows(CompileException.class, () -> load("""
                from numba import njit
                @njit("float64(flaot64[:])")
                def k(a): return a[0]
                """));
        assertEquals("m.py:2:7: error: unknown type 'flaot64' in signature", e.diagnostics().get(0).headline());
    }

    @Test
    void moduleConstantsAreFrozen() {
        Program p = load("""
                import numpy as np
                import math
                from numba import njit
                N = 10
                EPS = np.float32(1e-6)
                SHAPE = (3, 4)
                TWO_PI = 2 * math.pi
                @njit
                def k():
                    return N, EPS, SHAPE, TWO_PI
                """);
        var unit = p.specialize("k", List.of());
        assertEquals(new Type.Tuple(List.of(Types.INT64, Types.FLOAT32, new Type.Tuple(List.of(Types.INT64, Types.INT64)), Types.FLOAT64)),
                unit.entry().returnType());
    }

    @Test
    void kernelsCallKernelsDefinedLater() {
        Program p = load("""
                from numba import njit
                @njit
                def outer(x):
                    return inner(x) + 1
                @njit
                def inner(y):
                    return y * 2.0
                """);
        var unit = p.specialize("outer", List.of(Types.INT64));
        assertEquals(Types.FLOAT64, unit.entry().returnType());
        assertEquals(2, unit.functions().size());
    }
}
