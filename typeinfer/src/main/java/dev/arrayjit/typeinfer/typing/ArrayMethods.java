package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
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
            Map.entry("argmax", Reduction.ARGMAX));

    private static final List<String> METHODS = List.of("sum", "prod", "min", "max", "mean", "var", "std", "all", "any",
            "argmin", "argmax", "copy", "astype", "fill", "reshape", "ravel", "flatten", "transpose");

    /** {@code base.name(args)} for an array {@code base}. */
    TExpr method(TExpr base, Expr.Attribute a, Expr.Call c) {
        String name = a.attr();
        Reduction r = REDUCTIONS.get(name);
        if (r != null && !name.equals("amin") && !name.equals("amax")) {
            if (!noArguments(c, "a." + name)) return null;
            return new ArrayExprs(t).reduce(r, base, c.span());
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
            if (!onlyFirst(c, "np." + name)) return null;
            return new ArrayExprs(t).reduce(r, a, c.span());
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
        String target = FunctionTyper.shapeTemplate(1, shape.size());
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

    static String lower(Reduction r) { return r.name().toLowerCase(Locale.ROOT); }
}
