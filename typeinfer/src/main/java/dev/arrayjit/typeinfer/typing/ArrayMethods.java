package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Reduction;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Array methods ({@code a.sum()}, {@code a.reshape(...)}, ...) and the NumPy functions that mirror them. */
final class ArrayMethods {
    private final FunctionTyper t;

    ArrayMethods(FunctionTyper t) { this.t = t; }

    private static final Map<String, Reduction> REDUCTIONS = Map.ofEntries(
            Map.entry("sum", Reduction.SUM), Map.entry("prod", Reduction.PROD), Map.entry("min", Reduction.MIN),
            Map.entry("amin", Reduction.MIN), Map.entry("max", Reduction.MAX), Map.entry("amax", Reduction.MAX),
            Map.entry("mean", Reduction.MEAN), Map.entry("var", Reduction.VAR), Map.entry("std", Reduction.STD),
            Map.entry("all", Reduction.ALL), Map.entry("any", Reduction.ANY), Map.entry("argmin", Reduction.ARGMIN),
            Map.entry("argmax", Reduction.ARGMAX), Map.entry("cumsum", Reduction.CUMSUM), Map.entry("cumprod", Reduction.CUMPROD));

    /** The reductions that take {@code axis=}. */
    private static final java.util.Set<Reduction> WITH_AXIS = java.util.EnumSet.of(Reduction.SUM, Reduction.PROD, Reduction.MIN,
            Reduction.MAX, Reduction.MEAN, Reduction.ARGMIN, Reduction.ARGMAX);

    private static final List<String> METHODS = List.of("sum", "prod", "min", "max", "mean", "var", "std", "all", "any",
            "argmin", "argmax", "cumsum", "cumprod", "dot", "clip", "argsort", "copy", "astype", "fill", "reshape", "ravel", "flatten", "transpose");

    /** {@code base.name(args)} for an array {@code base}. */
    TExpr method(TExpr base, Expr.Attribute a, Expr.Call c) {
        String name = a.attr();
        Reduction r = REDUCTIONS.get(name);
        if (r != null && !name.equals("amin") && !name.equals("amax")) {
            Object[] axis = {null};
            if (!axisArgument(c, "a." + name, 0, r, base, axis)) return null;
            return reduceAlong(r, base, axis[0], c.span());
        }
        switch (name) {
            case "copy" -> {
                if (!noArguments(c, "a.copy")) return null;
                return copy(base, c.span());
            }
            case "astype" -> {
                if (c.args().size() != 1 || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "a.astype() takes one argument, the dtype", "write a.astype(np.float32)");
                    return null;
                }
                Type d = new Calls(t).dtypeArg(c.args().get(0));
                return d == null ? null : new ArrayExprs(t).convert(base, d, c.span());
            }
            case "fill" -> {
                t.error("type.fill", c.span(), "a.fill(value) returns nothing and can only be used as a statement",
                        "write it on a line of its own: a.fill(0)");
                return null;
            }
            case "reshape" -> { return reshape(base, c.args(), c); }
            case "ravel", "flatten" -> {
                if (!noArguments(c, "a." + name)) return null;
                return flat(base, name.equals("flatten"), c.span());
            }
            case "conjugate", "conj" -> {
                if (!noArguments(c, "a." + name)) return null;
                ComplexOps ops = new ComplexOps(t);
                return new ArrayExprs(t).map(List.of(base), p -> ops.conjugate(p.get(0), c.span()), c.span());
            }
            case "dot" -> {
                if (c.args().size() != 1 || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "a.dot() takes one array", "write a.dot(b)");
                    return null;
                }
                TExpr other = t.expr(c.args().get(0));
                return other == null ? null : new ArrayExprs(t).matmul("a.dot()", base, other, c.span());
            }
            case "clip" -> {
                if (c.args().size() != 2 || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "a.clip() takes two arguments: a.clip(a_min, a_max)", "");
                    return null;
                }
                TExpr lo = t.expr(c.args().get(0)), hi = t.expr(c.args().get(1));
                return lo == null || hi == null ? null : clipped(List.of(base, lo, hi), c.span());
            }
            case "argsort" -> {
                if (!noArguments(c, "a.argsort")) return null;
                return sortOf("argsort", base, c.span());
            }
            case "sort" -> {
                t.error("type.sort", c.span(), "a.sort() sorts in place and returns nothing, so it can only be used as a statement",
                        "write it on a line of its own, or use np.sort(a) for a sorted copy");
                return null;
            }
            case "transpose" -> {
                if (!c.keywords().isEmpty() || !c.args().isEmpty()) {
                    t.error("unsupported.transpose.axes", c.span(), "a.transpose() with axes is not supported yet", "use a.transpose() or a.T");
                    return null;
                }
                return transpose(base, c.span());
            }
            default -> {
                String close = Suggest.closest(name, METHODS);
                t.error("unsupported.method", a.span(), "method '" + name + "' of " + base.type() + " is not supported yet",
                        close != null ? "did you mean 'a." + close + "()'?" : "supported: " + String.join(", ", METHODS));
                return null;
            }
        }
    }

    /** {@code np.name(a, ...)} for the functions that mirror methods, and {@code np.where}. */
    TExpr function(String name, Expr.Call c) {
        if (name.equals("where")) return where(c);
        if (name.equals("concatenate")) return concatenate(c);
        if (name.equals("dot") || name.equals("outer")) {
            if (c.args().size() != 2 || !c.keywords().isEmpty()) {
                t.error("type.call.arity", c.span(), "np." + name + "() takes two arrays", "");
                return null;
            }
            TExpr x = t.expr(c.args().get(0)), y = t.expr(c.args().get(1));
            if (x == null || y == null) return null;
            return name.equals("dot") ? new ArrayExprs(t).matmul("np.dot()", x, y, c.span()) : outer(x, y, c.span());
        }
        if (name.equals("clip")) return clip(c);
        if (name.equals("sort") || name.equals("argsort") || name.equals("median")) return sorted(name, c);
        if (name.equals("searchsorted") || name.equals("bincount") || name.equals("histogram") || name.equals("unique")) {
            return new Algorithms(t, this).call(name, c);
        }
        if (c.args().isEmpty()) {
            t.error("type.call.arity", c.span(), "np." + name + "() needs an array argument", "");
            return null;
        }
        TExpr a = t.expr(c.args().get(0));
        if (a == null) return null;
        if (!(a.type() instanceof Type.Array)) {
            if (name.equals("copy") && a.type().isScalar()) return a;
            t.error("type.call.argument", c.args().get(0).span(), "np." + name + "() needs an array, not " + a.type(),
                    a.type().isScalar() && REDUCTIONS.containsKey(name) ? "the value is already a single number" : "pass an array");
            return null;
        }
        Reduction r = REDUCTIONS.get(name);
        if (r != null) {
            Object[] axis = {null};
            if (!axisArgument(c, "np." + name, 1, r, a, axis)) return null;
            return reduceAlong(r, a, axis[0], c.span());
        }
        return switch (name) {
            case "copy" -> onlyFirst(c, "np.copy") ? copy(a, c.span()) : null;
            case "transpose" -> onlyFirst(c, "np.transpose") ? transpose(a, c.span()) : null;
            case "ravel" -> onlyFirst(c, "np.ravel") ? flat(a, false, c.span()) : null;
            case "reshape" -> {
                if (c.args().size() != 2 || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "np.reshape() takes an array and a shape", "write np.reshape(a, (rows, cols))");
                    yield null;
                }
                yield reshape(a, c.args().subList(1, 2), c);
            }
            default -> throw new IllegalStateException(name);
        };
    }

    /**
     * A reduction along {@code axis}: null (the whole array), a constant axis, or an int64 value known
     * only at run time, which picks among the reductions along each axis (and raises for one out of
     * range, as NumPy does).
     */
    private TExpr reduceAlong(Reduction r, TExpr a, Object axis, Span span) {
        ArrayExprs ops = new ArrayExprs(t);
        if (!(axis instanceof TExpr ax)) return ops.reduce(r, a, (Integer) axis, span);
        int ndim = ((Type.Array) a.type()).ndim();
        List<TExpr> arms = new ArrayList<>();
        for (int k = 0; k < ndim; k++) {
            TExpr arm = ops.reduce(r, a, k, span);
            if (arm == null) return null;
            arms.add(arm);
        }
        Type rt = arms.get(0).type();
        TExpr chain = new TExpr.Fail(t.site(ExcKind.ValueError, "axis {0} is out of bounds for array of dimension " + ndim, span),
                List.of(ax), rt, span);
        for (int k = ndim - 1; k >= 0; k--) {
            TExpr is = new TExpr.Logical(false, new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.EQ, ax, i64(k, span), span),
                    new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.EQ, ax, i64(k - ndim, span), span), Types.BOOL, span);
            chain = new TExpr.Select(is, arms.get(k), chain, rt, span);
        }
        return chain;
    }

    private static TExpr i64(long v, Span span) { return new TExpr.Const(Types.INT64, v, span); }

    /**
     * Reads the optional axis of a reduction (positional after {@code first} arguments, or
     * {@code axis=}): a constant integer normalized to 0..ndim-1, or an int64 expression when it is
     * only known at run time. False after reporting.
     */
    private boolean axisArgument(Expr.Call c, String fn, int first, Reduction r, TExpr array, Object[] axis) {
        Expr e = null;
        if (c.args().size() > first + 1) {
            t.error("unsupported.arguments", c.span(), fn + "() takes at most the axis here", "pass the array and axis=");
            return false;
        }
        if (c.args().size() == first + 1) e = c.args().get(first);
        for (var kw : c.keywords()) {
            if (!kw.name().equals("axis") || e != null) {
                t.error("unsupported.arguments", kw.span(), fn + "() does not support '" + kw.name() + "' here",
                        WITH_AXIS.contains(r) ? "only axis= is supported" : "call it without arguments");
                return false;
            }
            e = kw.value();
        }
        if (e == null || e instanceof Expr.NoneLit) return true;
        if (!WITH_AXIS.contains(r)) {
            t.error("unsupported.axis", e.span(), fn + "() along an axis is not supported", "reduce the whole array, or loop over the other axes");
            return false;
        }
        ConstValue cv = t.constantOf(e);
        if (!(cv instanceof ConstValue.Scalar sc && sc.value() instanceof Long k)) {
            TExpr v = t.expr(e);
            if (v == null) return false;
            if (!(v.type() instanceof Type.Int)) {
                t.error("type.axis", e.span(), "the axis must be an integer, not " + v.type(), "write axis=0, axis=1, ...");
                return false;
            }
            axis[0] = t.cast(v, Types.INT64, e.span());
            return true;
        }
        int ndim = ((Type.Array) array.type()).ndim();
        long n = k < 0 ? k + ndim : k;
        if (n < 0 || n >= ndim) {
            t.error("type.axis", e.span(), "axis " + k + " is out of bounds for array of dimension " + ndim,
                    "use an axis from " + (-ndim) + " to " + (ndim - 1));
            return false;
        }
        axis[0] = (int) n;
        return true;
    }

    private boolean noArguments(Expr.Call c, String fn) {
        if (c.args().isEmpty() && c.keywords().isEmpty()) return true;
        boolean axis = c.keywords().stream().anyMatch(k -> "axis".equals(k.name())) || !c.args().isEmpty();
        t.error("unsupported.arguments", c.span(), fn + "() with arguments is not supported yet",
                axis ? "reduce along an axis with a loop over the other axes" : "call " + fn + "() without arguments");
        return false;
    }

    private boolean onlyFirst(Expr.Call c, String fn) {
        if (c.args().size() == 1 && c.keywords().isEmpty()) return true;
        t.error("unsupported.arguments", c.span(), fn + "() with more than the array argument is not supported yet",
                "pass only the array");
        return false;
    }

    private TExpr copy(TExpr a, Span span) {
        return new ArrayExprs(t).convert(a, ((Type.Array) a.type()).dtype(), span);
    }

    static TExpr transpose(TExpr a, Span span) {
        Type.Array at = (Type.Array) a.type();
        if (at.ndim() < 2) return a;
        List<Integer> axes = new ArrayList<>();
        for (int k = at.ndim() - 1; k >= 0; k--) axes.add(k);
        Layout l = at.layout() == Layout.C ? Layout.F : at.layout() == Layout.F ? Layout.C : Layout.A;
        return new TExpr.Transpose(a, axes, at.withLayout(l), span);
    }

    /** ravel (a view of a C-contiguous array, else a copy) or flatten (always a copy). */
    private TExpr flat(TExpr a, boolean alwaysCopy, Span span) {
        Type.Array at = (Type.Array) a.type();
        TExpr src = alwaysCopy || at.layout() != Layout.C || a instanceof TExpr.ElementWise ? copy(a, span) : a;
        if (src == null) return null;
        if (at.ndim() == 1 && src != a) return src;
        TExpr size = new TExpr.ArraySize(src, span);
        return new TExpr.Reshape(src, List.of(size), new Type.Array(at.dtype(), 1, Layout.C, at.readonly()),
                t.site(ExcKind.ValueError, "cannot reshape array of size {0} into shape ({1},)", span), span);
    }

    private TExpr reshape(TExpr a, List<Expr> args, Expr.Call c) {
        Type.Array at = (Type.Array) a.type();
        if (args.isEmpty()) {
            t.error("type.call.arity", c.span(), "reshape() needs the new shape", "write a.reshape(rows, cols)");
            return null;
        }
        List<TExpr> dims = new ArrayList<>();
        if (args.size() == 1) {
            TExpr s = t.expr(args.get(0));
            if (s == null) return null;
            if (s.type() instanceof Type.Tuple tt) {
                for (int i = 0; i < tt.elements().size(); i++) {
                    dims.add(s instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(s, i, s.span()));
                }
            } else {
                dims.add(s);
            }
        } else {
            for (Expr e : args) {
                TExpr d = t.expr(e);
                if (d == null) return null;
                dims.add(d);
            }
        }
        List<TExpr> shape = new ArrayList<>();
        for (TExpr d : dims) {
            if (!d.type().isInteger()) {
                t.error("type.shape", d.span(), "the new shape must be integers, not " + d.type(), "write a.reshape(rows, cols)");
                return null;
            }
            shape.add(t.cast(d, Types.INT64, d.span()));
        }
        if (at.layout() != Layout.C) {
            if (at.layout() == Layout.F && at.ndim() > 1 || at.layout() == Layout.A) {
                t.error("unsupported.reshape", c.span(), "reshape() of a non C-contiguous array " + at + " is not supported",
                        "reshape a C-contiguous copy: a.copy().reshape(...)");
                return null;
            }
            a = new TExpr.Cast(a, at.withLayout(Layout.C), a.span()); // a 1-D F array is C-contiguous too
        }
        String target = ErrorSite.shapeTemplate(1, shape.size());
        return new TExpr.Reshape(a, shape, new Type.Array(at.dtype(), shape.size(), Layout.C, at.readonly()),
                t.site(ExcKind.ValueError, "cannot reshape array of size {0} into shape " + target, c.span()), c.span());
    }

    private TExpr where(Expr.Call c) {
        if (c.args().size() != 3 || !c.keywords().isEmpty()) {
            t.error("unsupported.where", c.span(), "np.where() takes three arguments here: np.where(condition, x, y)",
                    "the one-argument form (indices of true elements) is not supported yet");
            return null;
        }
        List<TExpr> args = new ArrayList<>();
        for (Expr e : c.args()) {
            TExpr v = t.expr(e);
            if (v == null) return null;
            args.add(v);
        }
        if (args.stream().noneMatch(x -> x.type() instanceof Type.Array)) {
            t.error("unsupported.where", c.span(), "np.where() of three scalars is not supported", "use 'x if condition else y'");
            return null;
        }
        return new ArrayExprs(t).where(args.get(0), args.get(1), args.get(2), c.span());
    }

    /** {@code np.concatenate((a, b, ...), axis=0)}, in NumPy's promoted dtype. */
    private TExpr concatenate(Expr.Call c) {
        Expr seq = c.args().isEmpty() ? null : c.args().get(0);
        Expr axisExpr = c.args().size() > 1 ? c.args().get(1) : null;
        for (var kw : c.keywords()) {
            if (kw.name().equals("axis") && axisExpr == null) axisExpr = kw.value();
            else {
                t.error("unsupported.keyword", kw.span(), "np.concatenate() does not support '" + kw.name() + "' here", "");
                return null;
            }
        }
        if (seq == null || c.args().size() > 2) {
            t.error("type.call.arity", c.span(), "np.concatenate() takes a tuple of arrays and an optional axis", "");
            return null;
        }
        List<TExpr> arrays = new ArrayList<>();
        TExpr v = t.expr(seq);
        if (v == null) return null;
        if (!(v.type() instanceof Type.Tuple tt) || tt.elements().isEmpty()) {
            t.error("type.call.argument", seq.span(), "np.concatenate() needs a tuple of arrays, not " + v.type(), "write np.concatenate((a, b))");
            return null;
        }
        for (int i = 0; i < tt.elements().size(); i++) arrays.add(v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, c.span()));
        int ndim = -1;
        Type dtype = null;
        for (TExpr a : arrays) {
            if (!(a.type() instanceof Type.Array at) || at.dtype() instanceof Type.Complex) {
                t.error("type.call.argument", seq.span(), "np.concatenate() needs arrays of real numbers, not " + a.type(), "");
                return null;
            }
            if (ndim >= 0 && at.ndim() != ndim) {
                t.error("type.call.argument", seq.span(), "all the input arrays must have the same number of dimensions, but they have "
                        + ndim + " and " + at.ndim(), "reshape them to the same ndim first");
                return null;
            }
            ndim = at.ndim();
            dtype = dtype == null ? at.dtype() : Promotion.promote(dtype, at.dtype());
        }
        int axis = 0;
        if (axisExpr != null) {
            ConstValue cv = t.constantOf(axisExpr);
            if (!(cv instanceof ConstValue.Scalar sc && sc.value() instanceof Long k) || k < -ndim || k >= ndim) {
                t.error("type.axis", axisExpr.span(), "the axis must be a constant integer from " + (-ndim) + " to " + (ndim - 1), "");
                return null;
            }
            axis = (int) (k < 0 ? k + ndim : k);
        }
        return new TExpr.Concat(arrays, axis, new Type.Array(dtype, ndim, Layout.C, false), c.span());
    }

    /** {@code np.outer(a, b)}: {@code a.ravel()[:, None] * b.ravel()[None, :]}. */
    private TExpr outer(TExpr a, TExpr b, Span span) {
        if (!(a.type() instanceof Type.Array) || !(b.type() instanceof Type.Array)) {
            t.error("type.call.argument", span, "np.outer() needs two arrays, not " + a.type() + " and " + b.type(), "");
            return null;
        }
        if (((Type.Array) a.type()).ndim() != 1) a = flat(a, false, span);
        if (((Type.Array) b.type()).ndim() != 1) b = flat(b, false, span);
        Type.Array at = (Type.Array) a.type(), bt = (Type.Array) b.type();
        List<dev.arrayjit.typeinfer.ir.ViewIndex> col = List.of(new dev.arrayjit.typeinfer.ir.ViewIndex.Range(null, null, null),
                new dev.arrayjit.typeinfer.ir.ViewIndex.NewAxis());
        List<dev.arrayjit.typeinfer.ir.ViewIndex> row = List.of(new dev.arrayjit.typeinfer.ir.ViewIndex.NewAxis(),
                new dev.arrayjit.typeinfer.ir.ViewIndex.Range(null, null, null));
        TExpr x = new TExpr.View(a, col, new Type.Array(at.dtype(), 2, Layout.A, at.readonly()), null, null, span);
        TExpr y = new TExpr.View(b, row, new Type.Array(bt.dtype(), 2, Layout.A, bt.readonly()), null, null, span);
        return new ArrayExprs(t).binary(dev.arrayjit.frontend.ast.BinaryOp.MUL, x, y, span);
    }

    /** {@code np.clip(a, lo, hi)}: Numba keeps a's dtype; nan propagates. */
    private TExpr clip(Expr.Call c) {
        if (c.args().size() != 3 || !c.keywords().isEmpty()) {
            t.error("type.call.arity", c.span(), "np.clip() takes three arguments: np.clip(a, a_min, a_max)", "");
            return null;
        }
        List<TExpr> args = new ArrayList<>();
        for (Expr e : c.args()) {
            TExpr v = t.expr(e);
            if (v == null) return null;
            args.add(v);
        }
        if (!(args.get(0).type() instanceof Type.Array at)) {
            t.error("type.call.argument", c.args().get(0).span(), "np.clip() needs an array here, not " + args.get(0).type(),
                    "use min(max(x, lo), hi) for numbers");
            return null;
        }
        return clipped(args, c.span());
    }

    private TExpr clipped(List<TExpr> args, Span span) {
        Type.Array at = (Type.Array) args.get(0).type();
        Calls calls = new Calls(t);
        return new ArrayExprs(t).map(args, p -> {
            TExpr lo = calls.mathTyped("maximum", List.of(p.get(0), p.get(1)), span, true);
            TExpr v = calls.mathTyped("minimum", List.of(lo, p.get(2)), span, true);
            return t.cast(v, at.dtype(), span);
        }, span);
    }

    /** np.sort / np.argsort / np.median of a real array (flattened for median, last axis 1-D only for sorts). */
    private TExpr sorted(String name, Expr.Call c) {
        boolean stable = false;
        boolean kindOk = c.keywords().stream().allMatch(k -> k.name().equals("kind")) && c.keywords().size() <= 1 && !name.equals("median");
        if (c.args().size() != 1 || (!c.keywords().isEmpty() && !kindOk)) {
            t.error("unsupported.arguments", c.span(), "np." + name + "() takes only the array" + (name.equals("median") ? "" : " and kind=")
                    + " here", "pass just the array");
            return null;
        }
        if (!c.keywords().isEmpty()) {
            ConstValue k = t.constantOf(c.keywords().get(0).value());
            if (!(k instanceof ConstValue.Str s) || !List.of("quicksort", "mergesort", "stable", "heapsort").contains(s.value())) {
                t.error("type.call.argument", c.keywords().get(0).value().span(), "kind must be 'quicksort', 'mergesort', 'stable' or 'heapsort'", "");
                return null;
            }
            stable = s.value().equals("mergesort") || s.value().equals("stable");
        }
        TExpr a = t.expr(c.args().get(0));
        if (a == null) return null;
        if (!(a.type() instanceof Type.Array at) || at.dtype() instanceof Type.Complex) {
            t.error("type.call.argument", c.args().get(0).span(), "np." + name + "() needs an array of real numbers, not " + a.type(), "");
            return null;
        }
        if (name.equals("median") && at.ndim() != 1) a = flat(a, false, c.span());
        if (stable && name.equals("argsort") && at.ndim() == 1) return preludeCall("argsort_stable", List.of(a), c.span());
        return sortOf(name, a, c.span());
    }

    private TExpr sortOf(String name, TExpr a, Span span) {
        Type.Array at = (Type.Array) a.type();
        if (name.equals("sort") && at.ndim() > 1) return preludeCall("sort_last_axis", List.of(a), span);
        if (at.ndim() != 1) {
            t.error("unsupported.sort", span, name + "() of a " + at.ndim() + "-dimensional array is not supported yet",
                    "sort each row: for i in range(a.shape[0]): out[i] = np." + name + "(a[i])");
            return null;
        }
        return preludeCall(name, List.of(a), span);
    }

    /** A call of a prelude kernel with typed arguments. */
    TExpr preludeCall(String name, List<TExpr> args, Span span) {
        KernelDecl d = Prelude.kernel(name);
        if (d == null) {
            t.error("unsupported.function", span, "this function is not supported yet", "see README.md for the supported NumPy functions");
            return null;
        }
        dev.arrayjit.typeinfer.ir.TypedFunction f = t.specializer.specialize(d, args.stream().map(TExpr::type).toList(), span, t.finalPass);
        if (f == null) return null;
        List<TExpr> cast = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) cast.add(t.cast(args.get(i), f.params().get(i).type(), span));
        // From user code, an exception the prelude raises is reported at this call.
        ErrorSite where = t.scope == Prelude.scope() ? null : t.site(ExcKind.ValueError, "", span);
        return new TExpr.Call(f.symbol(), cast, f.returnType(), span, where);
    }

    static String lower(Reduction r) { return r.name().toLowerCase(Locale.ROOT); }
}
