package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.frontend.ast.CompareOp;
import dev.arrayjit.frontend.ast.UnaryOp;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.Reduction;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whole-array arithmetic, comparisons, ufuncs and reductions. Each operation becomes one
 * {@link TExpr.ElementWise} whose body is the scalar operation on the elements, typed by the same
 * code as scalars after the ufunc loop type is chosen ({@link UfuncLoops}); an operand that is itself
 * an element-wise expression is fused into it, so {@code (a - b) * (a + b)} is a single loop.
 */
final class ArrayExprs {
    private final FunctionTyper t;

    ArrayExprs(FunctionTyper t) { this.t = t; }

    static boolean isArray(TExpr e) { return e != null && e.type() instanceof Type.Array; }

    /**
     * The element-wise map of {@code body} over the operands: {@code body} receives one scalar
     * expression per operand (its element) and returns the element of the result, or null on error.
     */
    TExpr map(List<TExpr> operands, Function<List<TExpr>, TExpr> body, Span span) {
        List<TExpr> ops = new ArrayList<>();
        List<Var> params = new ArrayList<>();
        List<TExpr> proxies = new ArrayList<>();
        int ndim = 0;
        for (TExpr o : operands) {
            switch (o) {
                case TExpr.ElementWise w -> {
                    ops.addAll(w.operands());
                    params.addAll(w.params());
                    proxies.add(w.body());
                    ndim = Math.max(ndim, w.type().ndim());
                }
                case TExpr.Const c -> proxies.add(c);
                default -> {
                    Type dtype = Types.dtypeOf(o.type());
                    Var p = t.newVar("$el", dtype);
                    ops.add(o);
                    params.add(p);
                    proxies.add(new TExpr.Load(p, o.span()));
                    ndim = Math.max(ndim, Types.ndimOf(o.type()));
                }
            }
        }
        TExpr b = body.apply(proxies);
        if (b == null) return null;
        if (!b.type().isScalar()) throw new IllegalStateException("element-wise body of type " + b.type());
        return new TExpr.ElementWise(ops, params, b, new Type.Array(b.type(), ndim, Layout.C, false), span);
    }

    /** Checks that every operand is a number or an array of numbers (not complex yet). */
    private boolean numericOperands(String what, Span span, TExpr... xs) {
        for (TExpr x : xs) {
            Type d = Types.dtypeOf(x.type());
            if (!d.isScalar() || !(x.type().isScalar() || x.type() instanceof Type.Array)) {
                t.error("type.binary", span, "unsupported operand types for " + what + ": " + describe(xs),
                        "combine arrays with numbers or other arrays");
                return false;
            }
        }
        return true;
    }

    private static String describe(TExpr... xs) {
        List<String> s = new ArrayList<>();
        for (TExpr x : xs) s.add(x.type().toString());
        return String.join(" and ", s);
    }

    private Type loop(UfuncLoops.Kind kind, String ufunc, Span span, TExpr... xs) {
        List<Type> dtypes = new ArrayList<>();
        for (TExpr x : xs) dtypes.add(Types.dtypeOf(x.type()));
        Type loop = UfuncLoops.select(kind, dtypes);
        if (loop == null) {
            t.error("type.ufunc", span, "'" + ufunc + "' is not defined for " + describe(xs),
                    kind == UfuncLoops.Kind.INTEGER || kind == UfuncLoops.Kind.BITWISE ? "bit operations need integer or bool arrays"
                            : "convert the operands with astype(...)");
        }
        return loop;
    }

    TExpr binary(BinaryOp op, TExpr l, TExpr r, Span span) {
        if (op == BinaryOp.MATMUL) return matmul("'@'", l, r, span);
        if (!numericOperands(op.symbol, span, l, r)) return null;
        UfuncLoops.Kind kind = switch (op) {
            case ADD, MUL -> UfuncLoops.Kind.ALL;
            case SUB -> UfuncLoops.Kind.NUMERIC;
            case DIV -> UfuncLoops.Kind.INEXACT;
            case FLOORDIV, MOD, POW -> UfuncLoops.Kind.REAL;
            case BITAND, BITOR, BITXOR -> UfuncLoops.Kind.BITWISE;
            case LSHIFT, RSHIFT -> UfuncLoops.Kind.INTEGER;
            case MATMUL -> throw new IllegalStateException();
        };
        Type lt = loop(kind, op.symbol, span, l, r);
        if (lt == null) return null;
        ArithOp a = switch (op) {
            case ADD -> lt instanceof Type.Bool ? ArithOp.BITOR : ArithOp.ADD;
            case MUL -> lt instanceof Type.Bool ? ArithOp.BITAND : ArithOp.MUL;
            case SUB -> ArithOp.SUB;
            case DIV -> ArithOp.DIV;
            case FLOORDIV -> ArithOp.FLOORDIV;
            case MOD -> ArithOp.MOD;
            case POW -> ArithOp.POW;
            case BITAND -> ArithOp.BITAND;
            case BITOR -> ArithOp.BITOR;
            case BITXOR -> ArithOp.BITXOR;
            case LSHIFT -> ArithOp.LSHIFT;
            case RSHIFT -> ArithOp.RSHIFT;
            case MATMUL -> throw new IllegalStateException();
        };
        return map(List.of(l, r), p -> new TExpr.Binary(a, t.cast(p.get(0), lt, span), t.cast(p.get(1), lt, span), lt, null, span), span);
    }

    TExpr compare(CompareOp op, CmpOp cmp, TExpr l, TExpr r, Span span) {
        if (cmp == null) {
            t.error("type.compare", span, "'" + op.symbol + "' cannot compare arrays element by element",
                    "use ==, !=, <, <=, > or >=");
            return null;
        }
        if (!numericOperands(op.symbol, span, l, r)) return null;
        Type lt = loop(UfuncLoops.Kind.ALL, op.symbol, span, l, r);
        if (lt == null) return null;
        if (lt instanceof Type.Complex && cmp != CmpOp.EQ && cmp != CmpOp.NE) {
            t.error("type.compare", span, "complex numbers cannot be ordered with " + op.symbol, "compare their real parts or abs()");
            return null;
        }
        return map(List.of(l, r), p -> new TExpr.Compare(cmp, t.cast(p.get(0), lt, span), t.cast(p.get(1), lt, span), span), span);
    }

    TExpr unary(UnaryOp op, TExpr x, Span span) {
        if (op == UnaryOp.NOT) {
            t.error("type.truth", span, "the truth value of an array with more than one element is ambiguous",
                    "use ~a for an element-wise not of a bool array, or a.any() / a.all()");
            return null;
        }
        if (!numericOperands(op.symbol, span, x)) return null;
        UfuncLoops.Kind kind = op == UnaryOp.INVERT ? UfuncLoops.Kind.BITWISE : UfuncLoops.Kind.NUMERIC;
        Type lt = loop(kind, op.symbol, span, x);
        if (lt == null) return null;
        return map(List.of(x), p -> {
            TExpr v = t.cast(p.get(0), lt, span);
            return switch (op) {
                case NEG -> new TExpr.Unary(UnOp.NEG, v, lt, span);
                case POS -> v;
                case INVERT -> lt instanceof Type.Bool ? new TExpr.Unary(UnOp.NOT, v, lt, span) : new TExpr.Unary(UnOp.INVERT, v, lt, span);
                case NOT -> throw new IllegalStateException();
            };
        }, span);
    }

    /** {@code np.dot(a, b)} or {@code a @ b} of 1-D/2-D real arrays, in NumPy's promoted dtype. */
    TExpr matmul(String what, TExpr l, TExpr r, Span span) {
        if (!(l.type() instanceof Type.Array la) || !(r.type() instanceof Type.Array ra) || la.ndim() < 1 || la.ndim() > 2
                || ra.ndim() < 1 || ra.ndim() > 2) {
            t.error("type.matmul", span, what + " needs two 1-D or 2-D arrays, not " + describe(l, r),
                    "multiply by a scalar with '*'; for higher dimensions loop over the leading axes");
            return null;
        }
        Type d = Promotion.promote(la.dtype(), ra.dtype());
        if (d instanceof Type.Complex || d instanceof Type.Bool) {
            t.error("unsupported.matmul", span, what + " of " + describe(l, r) + " is not supported", "convert with astype(np.float64)");
            return null;
        }
        TExpr a = la.dtype().equals(d) ? l : convert(l, d, span), b = ra.dtype().equals(d) ? r : convert(r, d, span);
        Type rt = la.ndim() == 1 && ra.ndim() == 1 ? d : new Type.Array(d, la.ndim() + ra.ndim() - 2, Layout.C, false);
        String left = ErrorSite.shapeTemplate(0, la.ndim()), right = ErrorSite.shapeTemplate(la.ndim(), ra.ndim());
        int n = la.ndim() + ra.ndim();
        // NumPy's wording: np.dot's for np.dot / a.dot, the matmul gufunc's for '@'.
        ErrorSite site = t.site(ExcKind.ValueError, what.equals("'@'")
                ? "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {"
                  + (n + 1) + "} is different from {" + n + "})"
                : "shapes " + left + " and " + right + " not aligned: {" + n + "} (dim " + (la.ndim() - 1) + ") != {" + (n + 1) + "} (dim 0)",
                span);
        return new TExpr.MatMul(a, b, rt, site, span);
    }

    /** A NumPy ufunc on arrays; {@code scalar} types the element function on the loop-typed elements. */
    TExpr ufunc(String name, List<TExpr> args, Span span, Function<List<TExpr>, TExpr> scalar) {
        if (name.equals("power")) return binary(BinaryOp.POW, args.get(0), args.get(1), span);
        if (!numericOperands("np." + name, span, args.toArray(TExpr[]::new))) return null;
        UfuncLoops.Kind kind = switch (name) {
            case "abs", "absolute", "minimum", "maximum", "fmin", "fmax", "isnan", "isinf", "isfinite" -> UfuncLoops.Kind.ALL;
            case "sign", "negative", "positive", "square" -> UfuncLoops.Kind.NUMERIC;
            case "floor", "ceil", "trunc", "rint", "degrees", "radians", "rad2deg", "deg2rad", "arctan2", "atan2", "hypot",
                 "copysign", "nextafter" -> UfuncLoops.Kind.FLOAT;
            default -> UfuncLoops.Kind.INEXACT;
        };
        Type lt = loop(kind, "np." + name, span, args.toArray(TExpr[]::new));
        if (lt == null) return null;
        if (lt instanceof Type.Complex) {
            ComplexOps ops = new ComplexOps(t);
            switch (name) {
                case "sqrt", "exp", "log", "log10", "isnan", "isinf", "isfinite" -> {
                    return map(args, p -> ops.cmath(name, List.of(t.cast(p.get(0), lt, span)), span), span);
                }
                case "abs", "absolute", "negative", "positive", "square" -> { }
                default -> {
                    t.error("unsupported.complex", span, "np." + name + " of complex arrays is not supported yet", "");
                    return null;
                }
            }
        }
        return map(args, p -> {
            List<TExpr> cast = new ArrayList<>();
            for (TExpr x : p) cast.add(t.cast(x, lt, span));
            return scalar.apply(cast);
        }, span);
    }

    /** {@code np.where(cond, x, y)}: x where cond is true, else y, in NumPy's promoted type. */
    TExpr where(TExpr cond, TExpr x, TExpr y, Span span) {
        if (!numericOperands("np.where", span, cond, x, y)) return null;
        Type rt = Promotion.promote(Types.dtypeOf(x.type()), Types.dtypeOf(y.type()));
        return map(List.of(cond, x, y), p -> new TExpr.Select(t.truth(p.get(0), span), t.cast(p.get(1), rt, span),
                t.cast(p.get(2), rt, span), rt, span), span);
    }

    /** A new C-contiguous array with the elements of {@code a} converted to {@code dtype} ({@code copy}, {@code astype}). */
    TExpr convert(TExpr a, Type dtype, Span span) {
        return map(List.of(a), p -> t.cast(p.get(0), dtype, span), span);
    }

    /** A whole-array reduction; null after reporting when the operand is not a numeric array. */
    TExpr reduce(Reduction op, TExpr a, Span span) { return reduce(op, a, null, span); }

    /**
     * A reduction of the whole array ({@code axis} null) or along one axis (already normalized to
     * 0..ndim-1; the result then has one dimension less), or a running total (CUMSUM/CUMPROD).
     */
    TExpr reduce(Reduction op, TExpr a, Integer axis, Span span) {
        if (!(a.type() instanceof Type.Array at)) {
            t.error("type.call.argument", span, op.name().toLowerCase(Locale.ROOT) + "() needs an array, not " + a.type(),
                    "pass an array");
            return null;
        }
        Type d = at.dtype();
        if (d instanceof Type.Complex && op != Reduction.SUM && op != Reduction.PROD && op != Reduction.CUMSUM && op != Reduction.CUMPROD) {
            t.error("unsupported.complex", span, op.name().toLowerCase(Locale.ROOT) + "() of complex arrays is not supported yet",
                    "reduce the real and imaginary parts separately");
            return null;
        }
        if (axis != null && at.ndim() <= 1) axis = null; // along the only axis: the whole array
        Type rt = switch (op) {
            case SUM, PROD, CUMSUM, CUMPROD -> d instanceof Type.Int i ? (i.signed() ? Types.INT64 : Types.UINT64)
                    : d instanceof Type.Bool ? Types.INT64 : d;
            case MIN, MAX -> d;
            case MEAN, VAR, STD -> d.equals(Types.FLOAT32) ? Types.FLOAT32 : Types.FLOAT64;
            case ALL, ANY -> Types.BOOL;
            case ARGMIN, ARGMAX -> Types.INT64;
        };
        Type type = op == Reduction.CUMSUM || op == Reduction.CUMPROD ? new Type.Array(rt, 1, Layout.C, false)
                : axis != null ? new Type.Array(rt, at.ndim() - 1, Layout.C, false) : rt;
        ErrorSite empty = null;
        if ((op == Reduction.MEAN || op == Reduction.VAR || op == Reduction.STD) && axis == null && !t.decl.info().flags().numpyErrors()) {
            // Numba divides by the size under the Python error model: an empty array raises.
            empty = t.site(ExcKind.ZeroDivisionError, "division by zero", span);
        } else if (op.needsElements()) {
            String name = op.name().toLowerCase(Locale.ROOT);
            empty = t.site(ExcKind.ValueError, op == Reduction.MIN || op == Reduction.MAX
                    ? "zero-size array to reduction operation " + (op == Reduction.MIN ? "minimum" : "maximum") + " which has no identity"
                    : "attempt to get " + name + " of an empty sequence", span);
        }
        return new TExpr.Reduce(op, a, axis, type, empty, span);
    }
}
