package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFlowTest {

    @Test void whileWithBreakAndContinue() {
        // s = 0; i = 0
        // while True:
        //     i += 1
        //     if i > n: break
        //     if i % 3 == 0: continue
        //     s += i
        // return s
        Fn f = new Fn("w", I64);
        Var n = f.param("n", I64);
        Var s = f.local("s", I64), i = f.local("i", I64);
        TypedFunction fn = f.body(
                assign(s, i(0)), assign(i, i(0)),
                loop(bool(true),
                        assign(i, add(load(i), i(1))),
                        ifThen(cmp(CmpOp.GT, load(i), load(n)), brk()),
                        ifThen(cmp(CmpOp.EQ, bin(ArithOp.MOD, load(i), i(3)), i(0)), cont()),
                        assign(s, add(load(s), load(i)))),
                ret(load(s)));
        try (Kernel k = Kernel.compile(unit(null, fn))) {
            assertEquals(1L + 2 + 4 + 5 + 7 + 8 + 10, k.call(10L));
            assertEquals(0L, k.call(0L));
        }
    }

    /** t = 0; for i in range(start, stop, step): t += i;  return (t, i) with i preset to -99. */
    private static Kernel rangeKernel(Sites sites, ErrorSite zeroStep) {
        Fn f = new Fn("r", new Type.Tuple(List.of(I64, I64)));
        Var start = f.param("start", I64), stop = f.param("stop", I64), step = f.param("step", I64);
        Var t = f.local("t", I64), i = f.local("i", I64);
        return Kernel.compile(unit(sites, f.body(
                assign(t, i(0)), assign(i, i(-99)),
                range(i, load(start), load(stop), load(step), zeroStep, assign(t, add(load(t), load(i)))),
                ret(tuple(load(t), load(i))))));
    }

    @Test void rangeWithAnyStepKeepsTheLastIndex() {
        Sites sites = new Sites();
        ErrorSite zeroStep = sites.add(ExcKind.ValueError, "range() arg 3 must not be zero");
        try (Kernel k = rangeKernel(sites, zeroStep)) {
            assertEquals(List.of(45L, 9L), k.call(0L, 10L, 1L));
            assertEquals(List.of(0L + 3 + 6 + 9, 9L), k.call(0L, 10L, 3L));
            assertEquals(List.of(0L + 3 + 6 + 9, 9L), k.call(0L, 11L, 3L));
            assertEquals(List.of(-6L, -4L), k.call(0L, -5L, -2L)); // Numba: range(0, -5, -2) sums to -6
            assertEquals(List.of(10L + 9 + 8, 8L), k.call(10L, 7L, -1L));
            assertEquals(List.of(0L, -99L), k.call(5L, 5L, 1L)); // empty: the index is unchanged
            assertEquals(List.of(0L, -99L), k.call(5L, 10L, -1L));
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> k.call(0L, 10L, 0L));
            assertEquals(zeroStep.id(), r.site);
            // Extreme ranges: the trip count is computed without overflow.
            assertEquals(List.of(Long.MAX_VALUE - 1 + Long.MAX_VALUE - 2, Long.MAX_VALUE - 2),
                    k.call(Long.MAX_VALUE - 1, Long.MAX_VALUE - 3, -1L));
            // range(MIN, MAX, MAX) is MIN, -1, MAX - 1 (a span of 2^64 - 1 would overflow a signed count)
            assertEquals(List.of(Long.MIN_VALUE - 1 + Long.MAX_VALUE - 1, Long.MAX_VALUE - 1),
                    k.call(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        }
    }

    @Test void nestedLoopsWithBreakOnlyLeaveTheInnerLoop() {
        // c = 0
        // for i in range(n):
        //     for j in range(n):
        //         if j > i: break
        //         c += 1
        // return c
        Fn f = new Fn("nest", I64);
        Var n = f.param("n", I64);
        Var c = f.local("c", I64), i = f.local("i", I64), j = f.local("j", I64);
        TypedFunction fn = f.body(assign(c, i(0)),
                range(i, load(n), range(j, load(n), ifThen(cmp(CmpOp.GT, load(j), load(i)), brk()), assign(c, add(load(c), i(1))))),
                ret(load(c)));
        try (Kernel k = Kernel.compile(unit(null, fn))) {
            assertEquals(15L, k.call(5L));
        }
    }

    @Test void callsPropagateRaisedStatus() {
        Sites sites = new Sites();
        ErrorSite zd = sites.add(ExcKind.ZeroDivisionError, "integer division by zero");
        ErrorSite user = sites.add(ExcKind.ValueError, "negative");
        Fn g = new Fn("inner", I64);
        Var a = g.param("a", I64), b = g.param("b", I64);
        TypedFunction inner = g.body(
                ifThen(cmp(CmpOp.LT, load(a), i(0)), raise(user)),
                ret(bin(ArithOp.FLOORDIV, load(a), load(b), zd)));
        Fn f = new Fn("outer", I64);
        Var x = f.param("x", I64), y = f.param("y", I64);
        Var r = f.local("r", I64);
        TypedFunction outer = f.body(assign(r, call(inner, load(x), load(y))), ret(add(load(r), i(1))));
        try (Kernel k = Kernel.compile(unit(sites, outer, inner))) {
            assertEquals(4L, k.call(7L, 2L));
            assertEquals(zd.id(), assertThrows(Kernel.Raised.class, () -> k.call(7L, 0L)).site);
            assertEquals(user.id(), assertThrows(Kernel.Raised.class, () -> k.call(-1L, 1L)).site);
        }
    }

    @Test void recursionAndNoneReturningFunctions() {
        Fn g = new Fn("fib", I64);
        Var n = g.param("n", I64);
        // A self-call names the function's own symbol, so build the Call nodes by hand.
        TypedFunction fib = g.body(
                ifThen(cmp(CmpOp.LT, load(n), i(2)), ret(load(n))),
                ret(add(new TExpr.Call("fib$sig", List.of(sub(load(n), i(1))), I64, null),
                        new TExpr.Call("fib$sig", List.of(sub(load(n), i(2))), I64, null))));
        try (Kernel k = Kernel.compile(unit(null, fib))) {
            assertEquals(55L, k.call(10L));
        }
        Fn v = new Fn("nothing", Types.NONE);
        Var a = v.param("a", I64);
        try (Kernel k = Kernel.compile(unit(null, v.body(eval(add(load(a), i(1))))))) {
            assertNull(k.call(1L));
        }
    }

    @Test void tuplesAndOptionals() {
        Type pair = new Type.Tuple(List.of(F64, BOOL));
        Fn f = new Fn("tup", new Type.Tuple(List.of(I64, pair)));
        Var a = f.param("a", I64), p = f.param("p", pair);
        try (Kernel k = Kernel.compile(unit(null, f.body(ret(tuple(mul(load(a), i(2)), tuple(get(load(p), 0), unaryNot(get(load(p), 1))))))))) {
            assertEquals(List.of(6L, List.of(2.5, false)), k.call(3L, List.of(2.5, true)));
        }
        Type opt = new Type.Optional(I64);
        Fn g = new Fn("opt", opt);
        Var x = g.param("x", I64);
        try (Kernel k = Kernel.compile(unit(null, g.body(
                ifThen(cmp(CmpOp.GT, load(x), i(0)), ret(load(x))),
                ret(c(Types.NONE, null)))))) {
            assertEquals(5L, k.call(5L));
            assertNull(k.call(-5L));
        }
    }

    private static TExpr unaryNot(TExpr e) { return unary(UnOp.NOT, e); }

    @Test void smallCalleesAreInlined() {
        Fn g = new Fn("sq", F64);
        Var a = g.param("a", F64);
        TypedFunction sq = g.body(ret(mul(load(a), load(a))));
        Fn f = new Fn("hyp", F64);
        Var x = f.param("x", F64), y = f.param("y", F64);
        try (Kernel k = Kernel.compile(unit(null, f.body(ret(add(call(sq, load(x)), call(sq, load(y))))), sq))) {
            assertEquals(25.0, k.call(3.0, 4.0));
            assertFalse(k.optimizedIr().contains("aj.k.sq"), k.optimizedIr());
        }
    }
}
