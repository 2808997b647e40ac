package dev.arrayjit.codegen.llvm;

import static dev.arrayjit.codegen.llvm.Ir.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Scalar semantics against Numba's values (numba-facts/semantics.md) and our documented definitions. */
class ScalarSemanticsTest {
    private static final java.util.List<Kernel> kernels = new java.util.ArrayList<>();

    @AfterAll static void close() { kernels.forEach(Kernel::close); }

    /** f(a, b) = a op b, with a zero-division site (python error model) when raising. */
    static Kernel binary(ArithOp op, Type type, boolean raising) {
        Sites sites = new Sites();
        ErrorSite zd = raising ? sites.add(ExcKind.ZeroDivisionError, "division by zero") : null;
        Fn f = new Fn("f", type);
        Var a = f.param("a", type), b = f.param("b", type);
        Kernel k = Kernel.compile(unit(sites, f.body(ret(bin(op, load(a), load(b), zd)))));
        kernels.add(k);
        return k;
    }

    /** f(a: from) -> to = expr(a). */
    static Kernel unaryFn(Type from, Type to, java.util.function.Function<TExpr, TExpr> body) {
        Fn f = new Fn("g", to);
        Var a = f.param("a", from);
        Kernel k = Kernel.compile(unit(null, f.body(ret(body.apply(load(a))))));
        kernels.add(k);
        return k;
    }

    static Kernel compareFn(CmpOp op, Type type) {
        Fn f = new Fn("c", BOOL);
        Var a = f.param("a", type), b = f.param("b", type);
        Kernel k = Kernel.compile(unit(null, f.body(ret(cmp(op, load(a), load(b))))));
        kernels.add(k);
        return k;
    }

    static void assertFloat(double expected, Object actual) {
        double v = (Double) actual;
        if (Double.isNaN(expected)) assertTrue(Double.isNaN(v), "expected nan, got " + v);
        else assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(v), "expected " + expected + " got " + v);
    }

    @Test void integerArithmeticWraps() {
        assertEquals(Long.MIN_VALUE, binary(ArithOp.ADD, I64, false).call(Long.MAX_VALUE, 1L));
        assertEquals(Long.MAX_VALUE, binary(ArithOp.SUB, I64, false).call(Long.MIN_VALUE, 1L));
        Kernel mul = binary(ArithOp.MUL, I64, false);
        assertEquals(-2L, mul.call(Long.MAX_VALUE, 2L));
        assertEquals(0L, mul.call(4294967296L, 4294967296L));
        assertEquals(0L, binary(ArithOp.ADD, Types.UINT64, false).call(-1L, 1L));
        assertEquals(6L, binary(ArithOp.BITAND, I64, false).call(14L, 7L));
        assertEquals(15L, binary(ArithOp.BITOR, I64, false).call(8L, 7L));
        assertEquals(9L, binary(ArithOp.BITXOR, I64, false).call(14L, 7L));
    }

    @Test void integerFloorDivisionAndModuloLikePython() {
        Kernel div = binary(ArithOp.FLOORDIV, I64, true), mod = binary(ArithOp.MOD, I64, true);
        long[][] cases = {{-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1}, {7, 2, 3, 1}, {0, 5, 0, 0}, {6, 3, 2, 0},
                {-6, 3, -2, 0}, {Long.MIN_VALUE, -1, Long.MIN_VALUE, 0}, {Long.MIN_VALUE, 1, Long.MIN_VALUE, 0}};
        for (long[] c : cases) {
            assertEquals(c[2], div.call(c[0], c[1]), c[0] + " // " + c[1]);
            assertEquals(c[3], mod.call(c[0], c[1]), c[0] + " % " + c[1]);
        }
        Kernel udiv = binary(ArithOp.FLOORDIV, Types.UINT64, true);
        assertEquals(Long.MAX_VALUE, udiv.call(-1L, 2L)); // uint64 max // 2
        assertEquals(5L, binary(ArithOp.MOD, Types.UINT64, true).call(-1L, 10L));
    }

    @Test void floatFloorDivisionAndModuloLikePython() {
        Kernel div = binary(ArithOp.FLOORDIV, F64, true), mod = binary(ArithOp.MOD, F64, true);
        double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
        double[][] cases = {{-7.5, 2, -4.0, 0.5}, {7.5, -2, -4.0, -0.5}, {-7.5, -2, 3.0, -1.5}, {-0.0, 1, -0.0, 0.0},
                {0.0, -1, -0.0, -0.0}, {1e-300, -1.0, -1.0, -1.0}, {inf, 1.0, nan, nan}, {-1.0, inf, -1.0, inf},
                {1.0, inf, 0.0, 1.0}, {-1.0, -inf, 0.0, -1.0}, {nan, 1.0, nan, nan}, {7.0, 2.0, 3.0, 1.0}};
        for (double[] c : cases) {
            assertFloat(c[2], div.call(c[0], c[1]));
            assertFloat(c[3], mod.call(c[0], c[1]));
        }
        Kernel fdiv32 = binary(ArithOp.FLOORDIV, F32, true);
        assertFloat(-4.0, fdiv32.call(-7.5, 2.0));
    }

    @Test void zeroDivisionRaisesWithSiteId() {
        for (ArithOp op : new ArithOp[] {ArithOp.FLOORDIV, ArithOp.MOD}) {
            Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> binary(op, I64, true).call(1L, 0L));
            assertEquals(0, r.site);
        }
        for (ArithOp op : new ArithOp[] {ArithOp.DIV, ArithOp.FLOORDIV, ArithOp.MOD}) {
            assertThrows(Kernel.Raised.class, () -> binary(op, F64, true).call(1.0, 0.0));
            assertThrows(Kernel.Raised.class, () -> binary(op, F64, true).call(1.0, -0.0));
        }
    }

    @Test void zeroDivisionUnderTheNumpyErrorModel() {
        Kernel div = binary(ArithOp.FLOORDIV, I64, false), mod = binary(ArithOp.MOD, I64, false);
        assertEquals(0L, div.call(1L, 0L));
        assertEquals(0L, div.call(-1L, 0L));
        assertEquals(0L, mod.call(1L, 0L));
        assertEquals(0L, binary(ArithOp.FLOORDIV, Types.UINT64, false).call(1L, 0L));
        Kernel fdiv = binary(ArithOp.DIV, F64, false);
        assertFloat(Double.POSITIVE_INFINITY, fdiv.call(1.0, 0.0));
        assertFloat(Double.NEGATIVE_INFINITY, fdiv.call(-1.0, 0.0));
        assertFloat(Double.NaN, fdiv.call(0.0, 0.0));
        assertFloat(Double.POSITIVE_INFINITY, binary(ArithOp.FLOORDIV, F64, false).call(1.0, 0.0));
        Kernel fmod = binary(ArithOp.MOD, F64, false);
        assertFloat(Double.NaN, fmod.call(1.0, 0.0));
        assertFloat(Double.NaN, fmod.call(-1.0, 0.0));
    }

    @Test void integerPowerFollowsNumba() {
        Kernel pow = binary(ArithOp.POW, I64, true);
        // 3 ** 40 wraps exactly (3^40 mod 2^64); Numba gives -6289078614652622848, the float64-rounded value.
        long[][] cases = {{2, -1, 0}, {-2, -1, 0}, {1, -1, 1}, {-1, -3, -1}, {-1, -2, 1}, {2, -2, 0}, {0, 0, 1},
                {2, 63, Long.MIN_VALUE}, {-2, 63, Long.MIN_VALUE}, {2, 64, 0}, {3, 40, -6289078614652622815L},
                {10, 19, -8446744073709551616L}, {7, 0, 1}, {-3, 3, -27}};
        for (long[] c : cases) assertEquals(c[2], pow.call(c[0], c[1]), c[0] + " ** " + c[1]);
        Kernel.Raised r = assertThrows(Kernel.Raised.class, () -> pow.call(0L, -1L));
        assertEquals(0, r.site);
        assertEquals(0L, binary(ArithOp.POW, I64, false).call(0L, -1L));
        assertEquals(1024L, binary(ArithOp.POW, Types.UINT64, false).call(2L, 10L));

        Kernel cube = unaryFn(I64, I64, a -> bin(ArithOp.POW, a, i(3)));
        assertEquals(-343L, cube.call(-7L));
        Kernel square = unaryFn(I64, I64, a -> bin(ArithOp.POW, a, i(2)));
        assertTrue(square.optimizedIr().contains("mul i64"), square.optimizedIr());
        assertFalse(square.optimizedIr().contains("aj.ipow"), square.optimizedIr());
    }

    @Test void floatPower() {
        Kernel pow = binary(ArithOp.POW, F64, false);
        assertFloat(1.0, pow.call(0.0, 0.0));
        assertFloat(Double.POSITIVE_INFINITY, pow.call(0.0, -1.0));
        assertFloat(Double.NaN, pow.call(-8.0, 1.0 / 3));
        assertFloat(1.0, pow.call(Double.NaN, 0.0));
        assertFloat(1.0, pow.call(1.0, Double.NaN));
        assertFloat(Double.POSITIVE_INFINITY, pow.call(2.0, 1024.0));
        assertFloat(0.5, pow.call(2.0, -1.0));
        assertFloat(Math.sqrt(2), pow.call(2.0, 0.5));
        assertThrows(Kernel.Raised.class, () -> binary(ArithOp.POW, F64, true).call(0.0, -1.0));
    }

    @Test void shiftsWithDefinedOutOfRangeCounts() {
        Kernel shl = binary(ArithOp.LSHIFT, I64, false), shr = binary(ArithOp.RSHIFT, I64, false);
        long[][] cases = { // value, count, <<, >>
                {1, 63, Long.MIN_VALUE, 0}, {1, 64, 0, 0}, {1, 65, 0, 0}, {1, 100, 0, 0}, {1, -1, 0, 0}, {8, -1, 0, 0},
                {-1, 64, 0, -1}, {-8, 70, 0, -1}, {-8, -1, 0, -1}, {1, 32, 4294967296L, 0}, {-8, 1, -16, -4}, {5, 0, 5, 5}};
        for (long[] c : cases) {
            assertEquals(c[2], shl.call(c[0], c[1]), c[0] + " << " + c[1]);
            assertEquals(c[3], shr.call(c[0], c[1]), c[0] + " >> " + c[1]);
        }
        Kernel ushr = binary(ArithOp.RSHIFT, Types.UINT64, false);
        assertEquals(1L << 62, ushr.call(Long.MIN_VALUE, 1L));
        assertEquals(0L, ushr.call(-1L, 64L));
        // The count may have another integer type than the value.
        Fn f = new Fn("s", I64);
        Var a = f.param("a", I64), n = f.param("n", Types.INT32);
        Kernel mixed = Kernel.compile(unit(null, f.body(ret(new TExpr.Binary(ArithOp.LSHIFT, load(a), load(n), I64, null, null)))));
        kernels.add(mixed);
        assertEquals(12L, mixed.call(3L, 2));
        assertEquals(0L, mixed.call(3L, -2));
    }

    @Test void floatToIntegerCastsMatchNumbaAtRunTime() {
        Kernel toI64 = unaryFn(F64, I64, a -> cast(a, I64));
        double[][] cases = {{Double.NaN, Long.MIN_VALUE}, {Double.POSITIVE_INFINITY, Long.MIN_VALUE},
                {Double.NEGATIVE_INFINITY, Long.MIN_VALUE}, {1e30, Long.MIN_VALUE}, {-1e30, Long.MIN_VALUE},
                {2.9, 2}, {-2.9, -2}, {9.3e18, Long.MIN_VALUE}, {-0x1p63, Long.MIN_VALUE}};
        for (double[] c : cases) assertEquals((long) c[1], toI64.call(c[0]), "int64(" + c[0] + ")");
        assertEquals(9200000000000000000L, toI64.call(9.2e18));

        Kernel toI32 = unaryFn(F64, Types.INT32, a -> cast(a, Types.INT32));
        assertEquals((long) Integer.MIN_VALUE, toI32.call(1e10));
        assertEquals((long) Integer.MIN_VALUE, toI32.call(Double.NaN));
        assertEquals(-2L, toI32.call(-2.7));
        Kernel toU8 = unaryFn(F64, Types.UINT8, a -> cast(a, Types.UINT8));
        assertEquals(255L, toU8.call(-1.0));
        assertEquals(44L, toU8.call(300.0));
        assertEquals(255L, toU8.call(255.9));
        assertEquals(-56L, unaryFn(F64, Types.INT8, a -> cast(a, Types.INT8)).call(200.7));
        Kernel toU64 = unaryFn(F64, Types.UINT64, a -> cast(a, Types.UINT64));
        assertEquals(-1L, toU64.call(-1.0));
        assertEquals(Long.parseUnsignedLong("10000000000000000000"), toU64.call(1e19));
        assertEquals(Long.parseUnsignedLong("18000000000000000000"), toU64.call(1.8e19));
        assertEquals(4294967295L, unaryFn(F64, Types.UINT32, a -> cast(a, Types.UINT32)).call(-1.0));
        assertEquals(3000000000L, unaryFn(F32, I64, a -> cast(a, I64)).call(3e9));
    }

    @Test void integerAndBoolConversions() {
        assertEquals(-56L, unaryFn(I64, Types.INT8, a -> cast(a, Types.INT8)).call(200L));
        assertEquals(-128L, unaryFn(I64, Types.INT8, a -> cast(a, Types.INT8)).call(128L));
        assertEquals(255L, unaryFn(I64, Types.UINT8, a -> cast(a, Types.UINT8)).call(-1L));
        assertEquals(0L, unaryFn(I64, Types.UINT8, a -> cast(a, Types.UINT8)).call(256L));
        assertEquals(4464L, unaryFn(I64, Types.INT16, a -> cast(a, Types.INT16)).call(70000L));
        assertEquals(4294967295L, unaryFn(I64, Types.UINT32, a -> cast(a, Types.UINT32)).call(-1L));
        assertEquals(-1L, unaryFn(Types.UINT64, Types.INT8, a -> cast(a, Types.INT8)).call(-1L));
        assertEquals(200L, unaryFn(Types.UINT8, I64, a -> cast(a, I64)).call(200));
        assertEquals(-56L, unaryFn(Types.INT8, I64, a -> cast(a, I64)).call(-56));
        assertFloat(16777216.0, unaryFn(I64, F32, a -> cast(a, F32)).call(16777217L));
        assertFloat(Double.POSITIVE_INFINITY, unaryFn(F64, F32, a -> cast(a, F32)).call(1e40));
        assertFloat(9007199254740992.0, unaryFn(I64, F64, a -> cast(a, F64)).call(9007199254740993L));
        assertFloat(1.8446744073709552e19, unaryFn(Types.UINT64, F64, a -> cast(a, F64)).call(-1L));
        Kernel intToBool = unaryFn(I64, BOOL, a -> cast(a, BOOL));
        assertEquals(true, intToBool.call(2L));
        assertEquals(false, intToBool.call(0L));
        Kernel floatToBool = unaryFn(F64, BOOL, a -> cast(a, BOOL));
        assertEquals(true, floatToBool.call(Double.NaN));
        assertEquals(false, floatToBool.call(-0.0));
        assertEquals(1L, unaryFn(BOOL, I64, a -> cast(a, I64)).call(true));
        assertFloat(1.0, unaryFn(BOOL, F64, a -> cast(a, F64)).call(true));
        assertEquals(true, unaryFn(F64, BOOL, a -> new TExpr.Truth(a, null)).call(0.5));
    }

    @Test void comparisonsWithNan() {
        double nan = Double.NaN;
        assertEquals(false, compareFn(CmpOp.EQ, F64).call(nan, nan));
        assertEquals(true, compareFn(CmpOp.NE, F64).call(nan, nan));
        assertEquals(false, compareFn(CmpOp.LE, F64).call(nan, nan));
        assertEquals(false, compareFn(CmpOp.LT, F64).call(nan, 1.0));
        assertEquals(false, compareFn(CmpOp.GT, F64).call(nan, 1.0));
        assertEquals(false, compareFn(CmpOp.GE, F64).call(1.0, nan));
        assertEquals(true, compareFn(CmpOp.EQ, F64).call(0.0, -0.0));
        assertEquals(false, compareFn(CmpOp.NE, F64).call(1.5, 1.5));
        assertEquals(true, compareFn(CmpOp.GT, Types.UINT64).call(Long.MIN_VALUE, 0L));
        assertEquals(true, compareFn(CmpOp.LT, I64).call(-1L, 1L));
        assertEquals(true, compareFn(CmpOp.LT, BOOL).call(false, true));
    }

    @Test void unaryOperators() {
        assertEquals(Long.MIN_VALUE, unaryFn(I64, I64, a -> unary(UnOp.NEG, a)).call(Long.MIN_VALUE));
        assertEquals(-6L, unaryFn(I64, I64, a -> unary(UnOp.INVERT, a)).call(5L));
        assertEquals(false, unaryFn(BOOL, BOOL, a -> unary(UnOp.INVERT, a)).call(true));
        assertEquals(true, unaryFn(BOOL, BOOL, a -> unary(UnOp.NOT, a)).call(false));
        assertEquals(true, unaryFn(I64, BOOL, a -> unary(UnOp.NOT, a)).call(0L));
        assertFloat(-0.0, unaryFn(F64, F64, a -> unary(UnOp.NEG, a)).call(0.0));
    }

    @Test void logicalOperatorsShortCircuitAndReturnAnOperand() {
        Sites sites = new Sites();
        ErrorSite zd = sites.add(ExcKind.ZeroDivisionError, "integer division by zero");
        Fn f = new Fn("l", I64);
        Var a = f.param("a", I64);
        // a and (10 // a): with a == 0 the right side (which would raise) is never evaluated.
        Kernel andK = Kernel.compile(unit(sites, f.body(ret(and(load(a), bin(ArithOp.FLOORDIV, i(10), load(a), zd))))));
        kernels.add(andK);
        assertEquals(0L, andK.call(0L));
        assertEquals(5L, andK.call(2L));
        Fn g = new Fn("o", I64);
        Var x = g.param("x", I64), y = g.param("y", I64);
        Kernel orK = Kernel.compile(unit(sites, g.body(ret(or(load(x), bin(ArithOp.FLOORDIV, i(10), load(y), zd))))));
        kernels.add(orK);
        assertEquals(3L, orK.call(3L, 0L));
        assertEquals(2L, orK.call(0L, 5L));
        assertThrows(Kernel.Raised.class, () -> orK.call(0L, 0L));
        Fn h = new Fn("lf", F64);
        Var p = h.param("p", F64), q = h.param("q", F64);
        Kernel andF = Kernel.compile(unit(null, h.body(ret(and(load(p), load(q))))));
        kernels.add(andF);
        assertFloat(0.0, andF.call(0.0, 2.5));
        assertFloat(2.5, andF.call(1.0, 2.5));
    }

    @Test void selectEvaluatesOnlyTheChosenBranch() {
        Sites sites = new Sites();
        ErrorSite zd = sites.add(ExcKind.ZeroDivisionError, "integer division by zero");
        Fn f = new Fn("sel", I64);
        Var a = f.param("a", I64);
        Kernel k = Kernel.compile(unit(sites, f.body(ret(select(cmp(CmpOp.NE, load(a), i(0)),
                bin(ArithOp.FLOORDIV, i(100), load(a), zd), i(-1))))));
        kernels.add(k);
        assertEquals(-1L, k.call(0L));
        assertEquals(-34L, k.call(-3L));
    }

    @Test void mathFunctions() {
        BiFunction<MathFn, Type, Kernel> one = (fn, t) -> unaryFn(t, fn.predicate ? BOOL : t, a -> math(fn, a));
        assertFloat(Math.sqrt(2), one.apply(MathFn.SQRT, F64).call(2.0));
        assertFloat(Double.NaN, one.apply(MathFn.SQRT, F64).call(-1.0));
        assertEquals(Math.exp(1.5), (Double) one.apply(MathFn.EXP, F64).call(1.5), 1e-15);
        assertEquals(Math.log(10), (Double) one.apply(MathFn.LOG, F64).call(10.0), 1e-15);
        assertEquals(3.0, (Double) one.apply(MathFn.LOG2, F64).call(8.0), 0);
        assertEquals(Math.sin(0.7), (Double) one.apply(MathFn.SIN, F64).call(0.7), 1e-15);
        assertEquals(Math.cos(0.7), (Double) one.apply(MathFn.COS, F64).call(0.7), 1e-15);
        assertEquals(Math.tan(0.7), (Double) one.apply(MathFn.TAN, F64).call(0.7), 1e-15);
        assertEquals(Math.asin(0.3), (Double) one.apply(MathFn.ASIN, F64).call(0.3), 1e-15);
        assertEquals(Math.tanh(0.3), (Double) one.apply(MathFn.TANH, F64).call(0.3), 1e-15);
        assertEquals(Math.expm1(1e-10), (Double) one.apply(MathFn.EXPM1, F64).call(1e-10), 1e-25);
        assertEquals(Math.log1p(1e-10), (Double) one.apply(MathFn.LOG1P, F64).call(1e-10), 1e-25);
        assertEquals(24.0, (Double) one.apply(MathFn.GAMMA, F64).call(5.0), 1e-12);
        assertEquals(Math.log(362880), (Double) one.apply(MathFn.LGAMMA, F64).call(10.0), 1e-12);
        assertEquals(0.5204998778130465, (Double) one.apply(MathFn.ERF, F64).call(0.5), 1e-15);
        assertFloat(-3.0, one.apply(MathFn.FLOOR, F64).call(-2.5));
        assertFloat(-2.0, one.apply(MathFn.CEIL, F64).call(-2.5));
        assertFloat(-2.0, one.apply(MathFn.TRUNC, F64).call(-2.5));
        assertFloat(2.0, one.apply(MathFn.RINT, F64).call(2.5));
        assertFloat(3.0, one.apply(MathFn.FABS, F64).call(-3.0));
        assertEquals(true, one.apply(MathFn.ISNAN, F64).call(Double.NaN));
        assertEquals(true, one.apply(MathFn.ISINF, F64).call(Double.NEGATIVE_INFINITY));
        assertEquals(false, one.apply(MathFn.ISFINITE, F64).call(Double.NaN));
        assertEquals(true, one.apply(MathFn.ISFINITE, F64).call(1.0));
        assertEquals((double) (float) Math.sin(0.7), (Double) one.apply(MathFn.SIN, F32).call(0.7), 1e-7);
        assertEquals((double) (float) Math.tan(0.7), (Double) one.apply(MathFn.TAN, F32).call(0.7), 1e-6);

        BiFunction<MathFn, Type, Kernel> two = (fn, t) -> {
            Fn f = new Fn("m2", t);
            Var a = f.param("a", t), b = f.param("b", t);
            Kernel k = Kernel.compile(unit(null, f.body(ret(math(fn, load(a), load(b))))));
            kernels.add(k);
            return k;
        };
        assertFloat(Math.PI, two.apply(MathFn.ATAN2, F64).call(0.0, -0.0));
        assertFloat(Double.POSITIVE_INFINITY, two.apply(MathFn.HYPOT, F64).call(Double.POSITIVE_INFINITY, Double.NaN));
        assertFloat(-1.0, two.apply(MathFn.COPYSIGN, F64).call(1.0, -0.0));
        assertFloat(-1.5, two.apply(MathFn.FMOD, F64).call(-7.5, 2.0));
        assertFloat(Math.nextUp(1.0), two.apply(MathFn.NEXTAFTER, F64).call(1.0, 2.0));
        assertFloat(8.0, two.apply(MathFn.POW, F64).call(2.0, 3.0));
    }

    @Test void complexArithmetic() {
        Type c128 = Types.COMPLEX128;
        Kernel mul = binary(ArithOp.MUL, c128, false);
        assertArrayEquals(new double[] {-5, 10}, (double[]) mul.call(new double[] {1, 2}, new double[] {3, 4}));
        Kernel div = binary(ArithOp.DIV, c128, true);
        double[] q = (double[]) div.call(new double[] {-5, 10}, new double[] {3, 4});
        assertEquals(1.0, q[0], 1e-15);
        assertEquals(2.0, q[1], 1e-15);
        assertThrows(Kernel.Raised.class, () -> div.call(new double[] {1, 1}, new double[] {0, 0}));
        double[] p = (double[]) binary(ArithOp.POW, c128, false).call(new double[] {0, 1}, new double[] {2, 0});
        assertEquals(-1.0, p[0], 1e-15);
        assertEquals(0.0, p[1], 1e-15);
        double[] pf = (double[]) binary(ArithOp.POW, Types.COMPLEX64, false).call(new double[] {1, 1}, new double[] {2, 0});
        assertEquals(0.0, pf[0], 1e-6);
        assertEquals(2.0, pf[1], 1e-6);
        assertEquals(true, compareFn(CmpOp.EQ, c128).call(new double[] {1, 0}, new double[] {1, 0}));
        assertEquals(false, compareFn(CmpOp.EQ, c128).call(new double[] {Double.NaN, 0}, new double[] {Double.NaN, 0}));
    }

    @Test void fastmathFlagsAreEmitted() {
        Fn f = new Fn("fm", F64).fastmath();
        Var a = f.param("a", F64), b = f.param("b", F64);
        Kernel k = Kernel.compile(unit(null, f.body(ret(add(mul(load(a), load(b)), math(MathFn.SQRT, load(a)))))));
        kernels.add(k);
        FileCheck.check(k.ir(), """
                CHECK: fmul fast double
                CHECK: call fast double @llvm.sqrt.f64
                CHECK: fadd fast double
                """);
        assertFloat(8.0, k.call(4.0, 1.5));
        Fn g = new Fn("nofm", F64).flags(Flags.DEFAULT);
        Var x = g.param("x", F64);
        Kernel plain = Kernel.compile(unit(null, g.body(ret(mul(load(x), load(x))))));
        kernels.add(plain);
        assertFalse(plain.ir().contains("fast"), plain.ir());
    }
}
