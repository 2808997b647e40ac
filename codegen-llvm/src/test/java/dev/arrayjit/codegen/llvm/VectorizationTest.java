package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.Arena;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Loop versioning keeps bounds checks on without blocking LLVM's vectorizer. */
class VectorizationTest {
    private static final Pattern DOUBLE_VECTOR = Pattern.compile("<(\\d+) x double>");
    private final Sites sites = new Sites();
    private final ErrorSite oob = sites.add(ExcKind.IndexError, "index {0} is out of bounds for axis {1} with size {2}");
    private static final Type VEC = array(F64, 1, Layout.C);

    private static boolean hasDoubleVectors(String ir) {
        var m = DOUBLE_VECTOR.matcher(ir);
        while (m.find()) if (Integer.parseInt(m.group(1)) >= 4) return true;
        return false;
    }

    /** saxpy(a, x, y, out, n): for i in range(n): out[i] = a * x[i] + y[i] (bounds checked). */
    private CompileUnit saxpy() {
        Fn f = new Fn("saxpy", NONE_TYPE);
        Var a = f.param("a", F64), x = f.param("x", VEC), y = f.param("y", VEC), outV = f.param("out", VEC), nV = f.param("n", I64);
        Var i = f.local("i", I64);
        return unit(sites, f.body(range(i, load(nV),
                store(load(outV), oob, add(mul(load(a), at(load(x), oob, load(i))), at(load(y), oob, load(i))), load(i)))));
    }

    private static final Type NONE_TYPE = dev.arrayjit.typeinfer.types.Types.NONE;

    @Test void saxpyWithBoundsChecksVectorizesAndStillRaises() {
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(saxpy())) {
            assertTrue(hasDoubleVectors(k.optimizedIr()), "no <4 x double> or wider in:\n" + k.optimizedIr());
            int n = 1003;
            NdArray x = NdArray.c(arena, F64, n), y = NdArray.c(arena, F64, n), out = NdArray.c(arena, F64, n);
            for (int j = 0; j < n; j++) { x.set(j, j); y.set(1.0 / (j + 1), j); }
            k.call(2.0, x, y, out, (long) n);
            for (int j = 0; j < n; j++) assertEquals(2.0 * j + 1.0 / (j + 1), out.getDouble(j), "out[" + j + "]");
            // n beyond x: the checked loop raises at iteration len(x) after writing every earlier element.
            NdArray shortX = NdArray.c(arena, F64, 100);
            NdArray out2 = NdArray.c(arena, F64, n);
            for (int j = 0; j < 100; j++) shortX.set(1.0, j);
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> k.call(3.0, shortX, y, out2, 101L));
            assertEquals(oob.id(), r.site);
            assertArrayEquals(new long[] {100, 0, 100}, r.payload);
            for (int j = 0; j < 100; j++) assertEquals(3.0 + 1.0 / (j + 1), out2.getDouble(j));
            assertEquals(0.0, out2.getDouble(100));
        }
    }

    @Test void saxpyGolden() {
        try (Kernel k = Kernel.compile(saxpy())) {
            if (Boolean.getBoolean("arrayjit.printSaxpy")) System.out.println(k.optimizedIr());
            // Unoptimized: one pre-check of the index range, the unchecked clone, then the checked loop.
            FileCheck.check(k.ir(), """
                    CHECK: define internal i32 @"aj.k.saxpy$sig"(ptr noalias nocapture nonnull %0, double
                    CHECK: for.pre:
                    CHECK: @llvm.smin.i64
                    CHECK: @llvm.smax.i64
                    CHECK: for.unchecked:
                    CHECK-NOT: raise
                    CHECK: for.checked:
                    CHECK: raise:
                    CHECK: store i64 0, ptr
                    CHECK: ret i32 1
                    CHECK: define i32 @"saxpy$sig__entry_u
                    """);
            // Optimized: a vector body.
            FileCheck.check(k.optimizedIr(), """
                    CHECK: i32 @"saxpy$sig__entry_u
                    CHECK: vector.body:
                    CHECK: x double>
                    CHECK: fmul <
                    CHECK: fadd <
                    """);
        }
    }

    @Test void saxpyAtOptLevelZeroIsCorrectToo() {
        try (Arena arena = Arena.ofConfined();
             Kernel k = Kernel.compile(saxpy(), new CompileOptions(0, false, Set.of("llvm-opt")))) {
            assertFalse(hasDoubleVectors(k.optimizedIr()));
            NdArray x = NdArray.of(arena, 1, 2, 3), y = NdArray.of(arena, 10, 20, 30), out = NdArray.c(arena, F64, 3);
            k.call(2.0, x, y, out, 3L);
            assertEquals(36.0, out.getDouble(2));
        }
    }

    @Test void affineIndicesOfEveryShape() {
        // for i in range(1, n - 1): out[n - 1 - i] = x[2 * i + 1] - x[i - 1] + x[-1]
        Fn f = new Fn("aff", NONE_TYPE);
        Var x = f.param("x", VEC), outV = f.param("out", VEC), nV = f.param("n", I64);
        Var i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, i(1), sub(load(nV), i(1)), i(1), null,
                store(load(outV), oob,
                        add(sub(at(load(x), oob, add(mul(i(2), load(i)), i(1))), at(load(x), oob, sub(load(i), i(1)))),
                                at(load(x), oob, i(-1))),
                        sub(sub(load(nV), i(1)), load(i)))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            int n = 50;
            NdArray xs = NdArray.c(arena, F64, 2 * n), out = NdArray.c(arena, F64, n);
            for (int j = 0; j < 2 * n; j++) xs.set(j * j, j);
            k.call(xs, out, (long) n);
            double last = (2 * n - 1) * (2 * n - 1);
            for (int j = 1; j < n - 1; j++) {
                assertEquals((2.0 * j + 1) * (2 * j + 1) - (j - 1) * (j - 1) + last, out.getDouble(n - 1 - j), "i=" + j);
            }
            // x too short for 2i+1 at the end: raises at the first failing iteration with the exact index.
            NdArray shortX = NdArray.c(arena, F64, 20);
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> k.call(shortX, out, (long) n));
            assertArrayEquals(new long[] {21, 0, 20}, r.payload); // i = 10: 2*10 + 1
        }
    }

    @Test void negativeIndexInLoopFallsBackToTheCheckedLoopWithWrapping() {
        // for i in range(n): out[i] = x[i - 1]   (x[-1] at i = 0 is the last element)
        Fn f = new Fn("shift", NONE_TYPE);
        Var x = f.param("x", VEC), outV = f.param("out", VEC), nV = f.param("n", I64);
        Var i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, load(nV), store(load(outV), oob, at(load(x), oob, sub(load(i), i(1))), load(i))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            NdArray xs = NdArray.of(arena, 1, 2, 3, 4), out = NdArray.c(arena, F64, 4);
            k.call(xs, out, 4L);
            assertEquals(4.0, out.getDouble(0));
            assertEquals(1.0, out.getDouble(1));
            assertEquals(3.0, out.getDouble(3));
        }
    }

    @Test void negativeStepLoopsAreVersionedToo() {
        // for i in range(n - 1, -1, -1): out[i] = x[i] * 2
        Fn f = new Fn("rev", NONE_TYPE);
        Var x = f.param("x", VEC), outV = f.param("out", VEC), nV = f.param("n", I64);
        Var i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, sub(load(nV), i(1)), i(-1), i(-1), null,
                store(load(outV), oob, mul(at(load(x), oob, load(i)), f(2.0)), load(i))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            assertTrue(hasDoubleVectors(k.optimizedIr()), k.optimizedIr());
            int n = 101;
            NdArray xs = NdArray.c(arena, F64, n), out = NdArray.c(arena, F64, n);
            for (int j = 0; j < n; j++) xs.set(j, j);
            k.call(xs, out, (long) n);
            for (int j = 0; j < n; j++) assertEquals(2.0 * j, out.getDouble(j));
            assertThrows(Kernel.Raised.class, () -> k.call(xs, out, (long) n + 1));
        }
    }

    @Test void nestedLoopsVersionTheInnerLoop() {
        // for i in range(a.shape[0]): for j in range(a.shape[1]): c[i, j] = a[i, j] + b[i, j]
        Type mat = array(F64, 2, Layout.C);
        Fn f = new Fn("madd", NONE_TYPE);
        Var a = f.param("a", mat), b = f.param("b", mat), c = f.param("c", mat);
        Var i = f.local("i", I64), j = f.local("j", I64);
        TypedFunction fn = f.body(range(i, dim(load(a), 0), range(j, dim(load(a), 1),
                store(load(c), oob, add(at(load(a), oob, load(i), load(j)), at(load(b), oob, load(i), load(j))), load(i), load(j)))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            assertTrue(hasDoubleVectors(k.optimizedIr()), k.optimizedIr());
            NdArray as = NdArray.c(arena, F64, 7, 33), bs = NdArray.c(arena, F64, 7, 33), cs = NdArray.c(arena, F64, 7, 33);
            for (int p = 0; p < 7; p++) for (int q = 0; q < 33; q++) { as.set(p, p, q); bs.set(q, p, q); }
            k.call(as, bs, cs);
            for (int p = 0; p < 7; p++) for (int q = 0; q < 33; q++) assertEquals(p + q, cs.getDouble(p, q));
            NdArray small = NdArray.c(arena, F64, 7, 32);
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> k.call(as, small, cs));
            assertArrayEquals(new long[] {32, 1, 32}, r.payload);
        }
    }

    @Test void fastmathReductionVectorizes() {
        // s = 0.0; for i in range(x.shape[0]): s += x[i] * x[i]; return s
        Fn f = new Fn("dot", F64).fastmath();
        Var x = f.param("x", VEC), s = f.local("s", F64), i = f.local("i", I64);
        TypedFunction fn = f.body(assign(s, f(0.0)),
                range(i, dim(load(x), 0), assign(s, add(load(s), mul(at(load(x), oob, load(i)), at(load(x), oob, load(i)))))),
                ret(load(s)));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            FileCheck.check(k.optimizedIr(), """
                    CHECK: vector.body:
                    CHECK: fmul fast <
                    CHECK: fadd fast <
                    CHECK: middle.block:
                    """);
            NdArray xs = NdArray.c(arena, F64, 1000);
            double expected = 0;
            for (int j = 0; j < 1000; j++) { xs.set(j * 0.5, j); expected += j * 0.5 * j * 0.5; }
            assertEquals(expected, (Double) k.call(xs), 1e-9 * expected);
        }
    }

    @Test void loopsAssigningTheirArrayOrIndexAreNotVersioned() {
        // for i in range(n): x[i] = 1.0; i = 0   -> the index is assigned: no unchecked clone
        Fn f = new Fn("odd", NONE_TYPE);
        Var x = f.param("x", VEC), nV = f.param("n", I64), i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, load(nV), store(load(x), oob, f(1.0), load(i)), assign(i, i(0))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            assertFalse(k.ir().contains("for.unchecked"), k.ir());
            NdArray xs = NdArray.c(arena, F64, 3);
            k.call(xs, 3L);
            assertEquals(1.0, xs.getDouble(2));
        }
        // for i in range(n): x[y[i]] = 1.0  -> an index read from memory: not versioned, still checked
        Type ivec = array(I64, 1, Layout.C);
        Fn g = new Fn("scatter", NONE_TYPE);
        Var xs = g.param("x", VEC), ys = g.param("y", ivec), m = g.param("n", I64), j = g.local("j", I64);
        TypedFunction scatter = g.body(range(j, load(m), store(load(xs), oob, f(1.0), at(load(ys), oob, load(j)))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, scatter))) {
            assertFalse(k.ir().contains("for.unchecked"), k.ir());
            Kernel.Raised r = assertThrows(Kernel.Raised.class,
                    () -> k.call(NdArray.c(arena, F64, 3), NdArray.ofLongs(arena, 0, 7), 2L));
            assertArrayEquals(new long[] {7, 0, 3}, r.payload);
        }
    }

    @Test void vectorMathCallsLibmvec() {
        // for i in range(x.shape[0]): out[i] = sin(x[i]) * exp(x[i]) + tan(x[i])
        Fn f = new Fn("vm", NONE_TYPE);
        Var x = f.param("x", VEC), outV = f.param("out", VEC), i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, dim(load(x), 0), store(load(outV), oob,
                add(mul(math(MathFn.SIN, at(load(x), oob, load(i))), math(MathFn.EXP, at(load(x), oob, load(i)))),
                        math(MathFn.TAN, at(load(x), oob, load(i)))), load(i))));
        CompileUnit u = unit(sites, fn);
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(u);
             Kernel scalar = Kernel.compile(u, new CompileOptions(3, false, Set.of("llvm-opt")))) {
            assertTrue(k.optimizedIr().contains("@_ZGV"), k.optimizedIr());
            assertTrue(k.optimizedIr().contains("_tan("), "tan is vectorized too");
            assertFalse(scalar.optimizedIr().contains("@_ZGV"), scalar.optimizedIr());
            int n = 1001;
            NdArray xs = NdArray.c(arena, F64, n), out = NdArray.c(arena, F64, n), ref = NdArray.c(arena, F64, n);
            for (int j = 0; j < n; j++) xs.set(-1.5 + 3.0 * j / n, j);
            k.call(xs, out);
            scalar.call(xs, ref);
            for (int j = 0; j < n; j++) {
                double v = xs.getDouble(j), want = Math.sin(v) * Math.exp(v) + Math.tan(v);
                assertEquals(want, out.getDouble(j), 1e-14 * Math.max(1, Math.abs(want)), "libmvec x=" + v);
                assertEquals(want, ref.getDouble(j), 1e-15 * Math.max(1, Math.abs(want)), "libm x=" + v);
            }
        }
    }

    @Test void invariantNegativeIndexIsHoistedIntoThePrecheck() {
        // for i in range(n): out[i] = x[i] - x[-1]
        Fn f = new Fn("center", NONE_TYPE);
        Var x = f.param("x", VEC), outV = f.param("out", VEC), nV = f.param("n", I64), i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, load(nV),
                store(load(outV), oob, sub(at(load(x), oob, load(i)), at(load(x), oob, unary(UnOp.NEG, i(1)))), load(i))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            assertTrue(hasDoubleVectors(k.optimizedIr()), k.optimizedIr());
            NdArray xs = NdArray.c(arena, F64, 64), out = NdArray.c(arena, F64, 64);
            for (int j = 0; j < 64; j++) xs.set(j, j);
            k.call(xs, out, 64L);
            for (int j = 0; j < 64; j++) assertEquals(j - 63.0, out.getDouble(j));
        }
    }

    @Test void integerFloorDivisionByAConstantStaysCheap() {
        // for i in range(n): out[i] = x[i] // 4  (int64)
        Type ivec = array(I64, 1, Layout.C);
        Fn f = new Fn("q", NONE_TYPE);
        Var x = f.param("x", ivec), outV = f.param("out", ivec), nV = f.param("n", I64), i = f.local("i", I64);
        TypedFunction fn = f.body(range(i, load(nV),
                store(load(outV), oob, bin(ArithOp.FLOORDIV, at(load(x), oob, load(i)), i(4), oob), load(i))));
        try (Arena arena = Arena.ofConfined(); Kernel k = Kernel.compile(unit(sites, fn))) {
            assertTrue(k.optimizedIr().contains("x i64>"), k.optimizedIr());
            NdArray xs = NdArray.c(arena, I64, 40), out = NdArray.c(arena, I64, 40);
            for (int j = 0; j < 40; j++) xs.set((long) (j - 20), j);
            k.call(xs, out, 40L);
            for (int j = 0; j < 40; j++) assertEquals(Math.floorDiv(j - 20, 4), out.getLong(j));
        }
    }
}
