package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Array creation from values and indices: {@code np.arange}, {@code np.linspace}, {@code np.full},
 * {@code np.full_like}, {@code np.eye}, {@code np.identity}. Each is one {@link TExpr.Generate}.
 */
final class Creation {
    private final FunctionTyper t;

    Creation(FunctionTyper t) { this.t = t; }

    private Map<String, Expr> bind(Expr.Call c, String fn, List<String> names, int required) {
        return CallArguments.bind(t, c, fn, names, required);
    }

    private TExpr realScalar(Expr e, String fn) {
        TExpr v = t.expr(e);
        if (v == null) return null;
        if (!v.type().isScalar() || v.type() instanceof Type.Complex) {
            t.error("type.call.argument", e.span(), fn + "() needs a real number here, not " + v.type(), "");
            return null;
        }
        return v;
    }

    private Type dtype(Map<String, Expr> args, Type otherwise) {
        Expr d = args.get("dtype");
        if (d == null || d instanceof Expr.NoneLit) return otherwise;
        return new Calls(t).dtypeArg(d);
    }

    private static TExpr i64(long v, Span s) { return new TExpr.Const(Types.INT64, v, s); }

    private static TExpr bin(ArithOp op, TExpr a, TExpr b, Type type, Span s) { return new TExpr.Binary(op, a, b, type, null, s); }

    private static TExpr max0(TExpr v, Span s) {
        return new TExpr.Select(new TExpr.Compare(CmpOp.LT, v, i64(0, s), s), i64(0, s), v, Types.INT64, s);
    }

    private ErrorSite negative(Span span) { return t.site(ExcKind.ValueError, "negative dimensions are not allowed", span); }

    /** {@code np.arange([start,] stop[, step], dtype=None)}: int64 for integers, float64 when any is a float. */
    TExpr arange(Expr.Call c) {
        List<String> names = c.args().size() <= 1 && c.keywords().stream().noneMatch(k -> k.name().equals("start"))
                ? List.of("stop", "dtype") : List.of("start", "stop", "step", "dtype");
        Map<String, Expr> a = bind(c, "np.arange", names, 1);
        if (a == null) return null;
        Span s = c.span();
        TExpr start = a.containsKey("start") ? realScalar(a.get("start"), "np.arange") : i64(0, s);
        TExpr stop = realScalar(a.get("stop"), "np.arange");
        TExpr step = a.containsKey("step") ? realScalar(a.get("step"), "np.arange") : i64(1, s);
        if (start == null || stop == null || step == null) return null;
        boolean isFloat = start.type().isFloat() || stop.type().isFloat() || step.type().isFloat();
        Type ct = isFloat ? Types.FLOAT64 : Types.INT64;
        Type dtype = dtype(a, ct);
        if (dtype == null) return null;
        Var p0 = t.newVar("$start", ct), p1 = t.newVar("$stop", ct), p2 = t.newVar("$step", ct);
        TExpr st = new TExpr.Load(p0, s), sp = new TExpr.Load(p1, s), sd = new TExpr.Load(p2, s);
        TExpr count;
        if (isFloat) {
            TExpr q = new TExpr.MathCall(MathFn.CEIL, List.of(bin(ArithOp.DIV, bin(ArithOp.SUB, sp, st, ct, s), sd, ct, s)), ct, s);
            count = max0(t.cast(q, Types.INT64, s), s);
        } else {
            count = RangeLength.of(st, sp, sd, s);
        }
        Var i = t.newVar("$i", Types.INT64);
        TExpr idx = t.cast(new TExpr.Load(i, s), ct, s);
        // NumPy fills with start + i * delta where delta = (start + step) - start.
        TExpr delta = isFloat ? bin(ArithOp.SUB, bin(ArithOp.ADD, st, sd, ct, s), st, ct, s) : sd;
        TExpr body = t.cast(bin(ArithOp.ADD, st, bin(ArithOp.MUL, idx, delta, ct, s), ct, s), dtype, s);
        return new TExpr.Generate(List.of(t.cast(start, ct, s), t.cast(stop, ct, s), t.cast(step, ct, s)), List.of(p0, p1, p2),
                List.of(count), List.of(i), body, new Type.Array(dtype, 1, Layout.C, false), null, s);
    }

    /**
     * {@code np.array(x, dtype=None)} / {@code np.asarray}: of an array, a copy (asarray: itself);
     * of a tuple of numbers (or of equal-length tuples of numbers), a new 1-D (2-D) array in the
     * NumPy-promoted dtype of the elements.
     */
    TExpr array(String fn, Expr.Call c) {
        Map<String, Expr> a = bind(c, "np." + fn, List.of("object", "dtype"), 1);
        if (a == null) return null;
        Span s = c.span();
        if (a.get("object") instanceof Expr.ListComp lc && rectangular(lc)) return comprehension(lc, a, s);
        TExpr v = t.expr(listsAsTuples(a.get("object")));
        if (v == null) return null;
        if (v.type() instanceof Type.ListOf) {
            // A list's elements, copied (a list is never viewed as an array).
            Type el = new Lists(t).element(v, a.get("object").span());
            if (el == null) return null;
            Type dtype = dtype(a, el);
            if (dtype == null) return null;
            Var held = t.temp(v.type());
            TExpr copy = new ArrayExprs(t).convert(Lists.items(new TExpr.Load(held, s), s), dtype, s);
            return new TExpr.Block(List.of(new TStmt.Assign(held, v, s)), copy, s);
        }
        if (v.type() instanceof Type.Array at) {
            Type dtype = dtype(a, at.dtype());
            if (dtype == null) return null;
            if (fn.equals("asarray") && dtype.equals(at.dtype())) return v;
            return new ArrayExprs(t).convert(v, dtype, s);
        }
        if (v.type().isScalar()) {
            t.error("unsupported.array", a.get("object").span(), "np." + fn + "() of a single number (a 0-d array) is not supported",
                    "pass a tuple: np." + fn + "((x,))");
            return null;
        }
        if (!(v.type() instanceof Type.Tuple tt) || tt.elements().isEmpty()) {
            t.error("type.call.argument", a.get("object").span(), "np." + fn + "() needs an array or a tuple of numbers, not " + v.type(),
                    "write np." + fn + "((1.0, 2.0, 3.0))");
            return null;
        }
        // Rows: the tuple's elements, each a number (1-D) or a tuple of numbers (2-D).
        List<TExpr> flat = new ArrayList<>();
        int cols = -1;
        for (int i = 0; i < tt.elements().size(); i++) {
            TExpr el = v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, s);
            if (el.type() instanceof Type.Tuple row) {
                if (cols >= 0 && cols != row.elements().size() || cols == 0) cols = -2;
                if (cols == -2) break;
                cols = row.elements().size();
                for (int j = 0; j < cols; j++) flat.add(el instanceof TExpr.MakeTuple mr ? mr.elements().get(j) : new TExpr.TupleGet(el, j, s));
            } else {
                if (cols > 0) cols = -2;
                if (cols == -2) break;
                flat.add(el);
            }
        }
        if (cols == -2 || flat.stream().anyMatch(e -> !e.type().isScalar() || e.type() instanceof Type.Complex)) {
            t.error("type.call.argument", a.get("object").span(), "np." + fn + "() needs a tuple of numbers or of equal-length tuples of numbers",
                    "write np." + fn + "(((1, 2), (3, 4)))");
            return null;
        }
        Type dtype = flat.get(0).type();
        for (TExpr e : flat) dtype = Promotion.promote(dtype, e.type());
        dtype = dtype(a, dtype);
        if (dtype == null) return null;
        List<Var> params = new ArrayList<>();
        List<TExpr> ops = new ArrayList<>();
        for (TExpr e : flat) {
            Var p = t.newVar("$el", dtype);
            params.add(p);
            ops.add(t.cast(e, dtype, s));
        }
        int rows = cols < 0 ? flat.size() : tt.elements().size();
        List<Var> idx = new ArrayList<>();
        idx.add(t.newVar("$i", Types.INT64));
        TExpr k = new TExpr.Load(idx.get(0), s);
        if (cols >= 0) {
            idx.add(t.newVar("$j", Types.INT64));
            k = bin(ArithOp.ADD, bin(ArithOp.MUL, k, i64(cols, s), Types.INT64, s), new TExpr.Load(idx.get(1), s), Types.INT64, s);
        }
        TExpr body = new TExpr.Load(params.get(params.size() - 1), s);
        for (int i = params.size() - 2; i >= 0; i--) {
            body = new TExpr.Select(new TExpr.Compare(CmpOp.EQ, k, i64(i, s), s), new TExpr.Load(params.get(i), s), body, dtype, s);
        }
        List<TExpr> shape = cols >= 0 ? List.of(i64(rows, s), i64(cols, s)) : List.of(i64(rows, s));
        return new TExpr.Generate(ops, params, shape, idx, body, new Type.Array(dtype, shape.size(), Layout.C, false), null, s);
    }

    /** Whether a comprehension builds a rectangular array directly: one 'for' over a name per level, no 'if'. */
    private static boolean rectangular(Expr.ListComp lc) {
        Expr element = lc;
        int depth = 0;
        while (element instanceof Expr.ListComp inner && depth < 2) {
            if (inner.generators().size() != 1 || !inner.generators().get(0).conditions().isEmpty()
                    || !(inner.generators().get(0).target() instanceof Expr.Name)) {
                return false;
            }
            element = inner.element();
            depth++;
        }
        return true;
    }

    /**
     * {@code np.array([expr for x in ITER])} and the nested {@code [[expr for y in ...] for x in ...]}
     * (rectangular: inner ranges may not depend on outer targets): a generated 1-D or 2-D array;
     * ITER is {@code range(...)} or a 1-D array. Filters ({@code if}) are not supported yet.
     */
    private TExpr comprehension(Expr.ListComp lc, Map<String, Expr> a, Span s) {
        List<Expr.Comprehension> gens = new ArrayList<>();
        Expr element = lc;
        while (element instanceof Expr.ListComp inner && gens.size() < 2) {
            if (inner.generators().size() != 1 || !inner.generators().get(0).conditions().isEmpty()
                    || !(inner.generators().get(0).target() instanceof Expr.Name)) {
                t.error("unsupported.listcomp", inner.span(), "only comprehensions with one 'for' over a name and no 'if' can build an array yet",
                        "fill an array with a loop instead");
                return null;
            }
            gens.add(inner.generators().get(0));
            element = inner.element();
        }
        List<TExpr> ops = new ArrayList<>();
        List<Var> params = new ArrayList<>();
        List<TExpr> shape = new ArrayList<>();
        List<Var> idx = new ArrayList<>();
        List<java.util.function.Function<TExpr, TExpr>> elementAt = new ArrayList<>();
        for (Expr.Comprehension g : gens) {
            Var k = t.newVar("$i", Types.INT64);
            idx.add(k);
            String q = g.iter() instanceof Expr.Call call ? t.scope.qualifiedName(call.func()) : null;
            if ("builtins.range".equals(q)) {
                Expr.Call call = (Expr.Call) g.iter();
                List<TExpr> r = new ArrayList<>();
                for (Expr e : call.args()) {
                    TExpr v = t.expr(e);
                    if (v == null) return null;
                    if (!v.type().isIntegerOrBool()) {
                        t.error("type.range", e.span(), "range() arguments must be integers, not " + v.type(), "");
                        return null;
                    }
                    r.add(t.cast(v, Types.INT64, e.span()));
                }
                if (r.isEmpty() || r.size() > 3) {
                    t.error("type.range", call.span(), "range expects 1 to 3 integer arguments", "");
                    return null;
                }
                Var p0 = t.newVar("$start", Types.INT64), p1 = t.newVar("$stop", Types.INT64), p2 = t.newVar("$step", Types.INT64);
                ops.add(r.size() == 1 ? i64(0, s) : r.get(0));
                ops.add(r.size() == 1 ? r.get(0) : r.get(1));
                ops.add(r.size() == 3 ? r.get(2) : i64(1, s));
                params.addAll(List.of(p0, p1, p2));
                TExpr st = new TExpr.Load(p0, s), sp = new TExpr.Load(p1, s), sd = new TExpr.Load(p2, s);
                shape.add(RangeLength.of(st, sp, sd, s));
                elementAt.add(kv -> bin(ArithOp.ADD, st, bin(ArithOp.MUL, kv, sd, Types.INT64, s), Types.INT64, s));
            } else {
                TExpr it = t.expr(g.iter());
                if (it == null) return null;
                if (!(it.type() instanceof Type.Array at) || at.ndim() != 1) {
                    t.error("unsupported.listcomp", g.iter().span(), "a comprehension that builds an array iterates over range(...) or a 1-D array, not "
                            + it.type(), "");
                    return null;
                }
                Var pa = t.newVar("$seq", at);
                ops.add(it);
                params.add(pa);
                shape.add(new TExpr.ArrayDim(new TExpr.Load(pa, s), 0, s));
                elementAt.add(kv -> new TExpr.ArrayLoad(new TExpr.Load(pa, s), List.of(kv), null, s));
            }
        }
        Expr body = element;
        TExpr value = bindAll(gens, elementAt, idx, 0, () -> t.expr(body), s);
        if (value == null) return null;
        if (!value.type().isScalar()) {
            t.error("unsupported.listcomp", body.span(), "the elements must be numbers, not " + value.type(), "");
            return null;
        }
        Type dtype = dtype(a, value.type());
        if (dtype == null) return null;
        return new TExpr.Generate(ops, params, shape, idx, t.cast(value, dtype, s),
                new Type.Array(dtype, shape.size(), Layout.C, false), null, s);
    }

    private TExpr bindAll(List<Expr.Comprehension> gens, List<java.util.function.Function<TExpr, TExpr>> elementAt, List<Var> idx, int k,
                          java.util.function.Supplier<TExpr> body, Span s) {
        if (k == gens.size()) return body.get();
        String name = ((Expr.Name) gens.get(k).target()).id();
        TExpr v = elementAt.get(k).apply(new TExpr.Load(idx.get(k), s));
        return t.withName(name, v, () -> bindAll(gens, elementAt, idx, k + 1, body, s));
    }

    /** A list display read as a tuple display (np.array([1, 2]) takes its elements, not a list object). */
    private static Expr listsAsTuples(Expr e) {
        if (e instanceof Expr.ListLit l) return new Expr.Tuple(l.elements().stream().map(Creation::listsAsTuples).toList(), l.span());
        if (e instanceof Expr.Tuple tu) return new Expr.Tuple(tu.elements().stream().map(Creation::listsAsTuples).toList(), tu.span());
        return e;
    }

    /** {@code np.linspace(start, stop, num=50)}: float64, the last element exactly {@code stop}. */
    TExpr linspace(Expr.Call c) {
        Map<String, Expr> a = bind(c, "np.linspace", List.of("start", "stop", "num"), 2);
        if (a == null) return null;
        Span s = c.span();
        TExpr start = realScalar(a.get("start"), "np.linspace"), stop = realScalar(a.get("stop"), "np.linspace");
        TExpr num = a.containsKey("num") ? realScalar(a.get("num"), "np.linspace") : i64(50, s);
        if (start == null || stop == null || num == null) return null;
        if (!num.type().isIntegerOrBool()) {
            t.error("type.call.argument", num.span(), "np.linspace() needs an integer num, not " + num.type(), "");
            return null;
        }
        Type f = Types.FLOAT64;
        Var p0 = t.newVar("$start", f), p1 = t.newVar("$stop", f), p2 = t.newVar("$num", Types.INT64);
        TExpr st = new TExpr.Load(p0, s), sp = new TExpr.Load(p1, s), n = new TExpr.Load(p2, s);
        Var i = t.newVar("$i", Types.INT64);
        TExpr iv = new TExpr.Load(i, s);
        TExpr step = bin(ArithOp.DIV, bin(ArithOp.SUB, sp, st, f, s), t.cast(bin(ArithOp.SUB, n, i64(1, s), Types.INT64, s), f, s), f, s);
        TExpr value = bin(ArithOp.ADD, st, bin(ArithOp.MUL, t.cast(iv, f, s), step, f, s), f, s);
        TExpr last = new TExpr.Logical(true, new TExpr.Compare(CmpOp.GT, n, i64(1, s), s),
                new TExpr.Compare(CmpOp.EQ, iv, bin(ArithOp.SUB, n, i64(1, s), Types.INT64, s), s), Types.BOOL, s);
        // The first element is start itself (with num == 1 the step is undefined).
        TExpr body = new TExpr.Select(new TExpr.Compare(CmpOp.EQ, iv, i64(0, s), s), st, new TExpr.Select(last, sp, value, f, s), f, s);
        return new TExpr.Generate(List.of(t.cast(start, f, s), t.cast(stop, f, s), t.cast(num, Types.INT64, s)), List.of(p0, p1, p2),
                List.of(n), List.of(i), body, new Type.Array(f, 1, Layout.C, false), negative(s), s);
    }

    /** {@code np.full(shape, fill_value, dtype=None)}: the dtype of the value unless given. */
    TExpr full(Expr.Call c) {
        Map<String, Expr> a = bind(c, "np.full", List.of("shape", "fill_value", "dtype"), 2);
        if (a == null) return null;
        TExpr v = realScalar(a.get("fill_value"), "np.full");
        List<TExpr> shape = shape(a.get("shape"), "np.full");
        if (v == null || shape == null) return null;
        Type dtype = dtype(a, v.type());
        return dtype == null ? null : filled(shape, v, dtype, c.span());
    }

    /** {@code np.full_like(a, fill_value, dtype=None)}. */
    TExpr fullLike(Expr.Call c) {
        Map<String, Expr> a = bind(c, "np.full_like", List.of("a", "fill_value", "dtype"), 2);
        if (a == null) return null;
        TExpr proto = t.expr(a.get("a"));
        TExpr v = realScalar(a.get("fill_value"), "np.full_like");
        if (proto == null || v == null) return null;
        if (!(proto.type() instanceof Type.Array at)) {
            t.error("type.call.argument", a.get("a").span(), "np.full_like() needs an array, not " + proto.type(),
                    "use np.full(shape, value)");
            return null;
        }
        Type dtype = dtype(a, at.dtype());
        if (dtype == null) return null;
        List<TExpr> shape = new ArrayList<>();
        for (int k = 0; k < at.ndim(); k++) shape.add(new TExpr.ArrayDim(proto, k, c.span()));
        return filled(shape, v, dtype, c.span());
    }

    private TExpr filled(List<TExpr> shape, TExpr v, Type dtype, Span s) {
        List<TExpr> ops = new ArrayList<>(shape);
        ops.add(v);
        List<Var> params = new ArrayList<>();
        List<TExpr> extents = new ArrayList<>();
        for (TExpr x : shape) {
            Var p = t.newVar("$n", Types.INT64);
            params.add(p);
            extents.add(new TExpr.Load(p, s));
        }
        Var pv = t.newVar("$value", v.type());
        params.add(pv);
        List<Var> idx = new ArrayList<>();
        for (int k = 0; k < shape.size(); k++) idx.add(t.newVar("$i", Types.INT64));
        return new TExpr.Generate(ops, params, extents, idx, t.cast(new TExpr.Load(pv, s), dtype, s),
                new Type.Array(dtype, shape.size(), Layout.C, false), negative(s), s);
    }

    /** {@code np.eye(N, M=None, k=0, dtype=float)} and {@code np.identity(n, dtype=float)}. */
    TExpr eye(Expr.Call c, boolean identity) {
        String fn = identity ? "np.identity" : "np.eye";
        Map<String, Expr> a = bind(c, fn, identity ? List.of("n", "dtype") : List.of("N", "M", "k", "dtype"), 1);
        if (a == null) return null;
        Span s = c.span();
        TExpr n = intScalar(a.get(identity ? "n" : "N"), fn);
        TExpr m = !identity && a.containsKey("M") && !(a.get("M") instanceof Expr.NoneLit) ? intScalar(a.get("M"), fn) : null;
        TExpr k = !identity && a.containsKey("k") ? intScalar(a.get("k"), fn) : i64(0, s);
        if (n == null || k == null || (m == null && !identity && a.containsKey("M") && !(a.get("M") instanceof Expr.NoneLit))) return null;
        Type dtype = dtype(a, Types.FLOAT64);
        if (dtype == null) return null;
        Var pn = t.newVar("$n", Types.INT64), pm = t.newVar("$m", Types.INT64), pk = t.newVar("$k", Types.INT64);
        Var i = t.newVar("$i", Types.INT64), j = t.newVar("$j", Types.INT64);
        TExpr onDiagonal = new TExpr.Compare(CmpOp.EQ, bin(ArithOp.SUB, new TExpr.Load(j, s), new TExpr.Load(i, s), Types.INT64, s),
                new TExpr.Load(pk, s), s);
        TExpr body = t.cast(onDiagonal, dtype, s);
        return new TExpr.Generate(List.of(n, m == null ? n : m, k), List.of(pn, pm, pk),
                List.of(new TExpr.Load(pn, s), new TExpr.Load(pm, s)), List.of(i, j), body,
                new Type.Array(dtype, 2, Layout.C, false), negative(s), s);
    }

    private TExpr intScalar(Expr e, String fn) {
        TExpr v = t.expr(e);
        if (v == null) return null;
        if (!v.type().isIntegerOrBool()) {
            t.error("type.call.argument", e.span(), fn + "() needs an integer here, not " + v.type(), "");
            return null;
        }
        return t.cast(v, Types.INT64, e.span());
    }

    /** An integer or a tuple of integers as int64 extents; null after reporting. */
    List<TExpr> shape(Expr e, String fn) {
        TExpr v = t.expr(e);
        if (v == null) return null;
        List<TExpr> dims = new ArrayList<>();
        if (v.type() instanceof Type.Tuple tt) {
            for (int i = 0; i < tt.elements().size(); i++) {
                TExpr d = v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, e.span());
                if (!d.type().isIntegerOrBool()) { shapeError(e, fn, v.type()); return null; }
                dims.add(t.cast(d, Types.INT64, e.span()));
            }
        } else if (v.type() instanceof Type.Int) {
            dims.add(t.cast(v, Types.INT64, e.span()));
        } else {
            shapeError(e, fn, v.type());
            return null;
        }
        return dims;
    }

    private void shapeError(Expr e, String fn, Type got) {
        t.error("type.shape", e.span(), "the shape must be an integer or a tuple of integers, not " + got,
                "write " + fn + "(n, ...) or " + fn + "((rows, cols), ...)");
    }
}
