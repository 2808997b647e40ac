package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Module-level NumPy arrays frozen as kernel constants, as Numba freezes global arrays:
 * {@code np.array([...])} of (nested) number displays, {@code np.arange}, {@code np.zeros},
 * {@code np.ones} and {@code np.linspace} with constant arguments. Kernels read them as read-only
 * arrays. Large constants are refused: they belong in arguments.
 */
final class ConstArrays {
    static final int MAX_ELEMENTS = 1 << 16;
    private static final Set<String> FUNCTIONS = Set.of("numpy.array", "numpy.asarray", "numpy.arange", "numpy.zeros",
            "numpy.ones", "numpy.linspace");

    private final ConstEvaluator eval;
    private final ModuleScope scope;

    ConstArrays(ConstEvaluator eval, ModuleScope scope) {
        this.eval = eval;
        this.scope = scope;
    }

    static boolean handles(String q) { return q != null && FUNCTIONS.contains(q); }

    ConstValue eval(String fn, Expr.Call c) throws ConstEvaluator.NotConstant {
        Type dtype = null;
        List<Expr> args = new ArrayList<>(c.args());
        for (Keyword k : c.keywords()) {
            if (!k.name().equals("dtype")) throw new ConstEvaluator.NotConstant("np." + fn + "(" + k.name() + "=...) is not a constant");
            dtype = dtypeOf(k.value());
        }
        List<Object> values = new ArrayList<>();
        List<Long> shape = new ArrayList<>();
        Type natural;
        switch (fn) {
            case "array", "asarray" -> {
                if (args.size() == 2) dtype = dtypeOf(args.remove(1));
                if (args.size() != 1) throw new ConstEvaluator.NotConstant("np." + fn + " takes one sequence here");
                natural = flatten(args.get(0), 0, shape, values);
            }
            case "arange" -> {
                List<ConstValue.Scalar> a = scalars(args);
                boolean anyFloat = a.stream().anyMatch(x -> x.type().isFloat());
                double start = a.size() > 1 ? ConstFold.asDouble(a.get(0)) : 0, stop = ConstFold.asDouble(a.get(a.size() > 1 ? 1 : 0));
                double step = a.size() > 2 ? ConstFold.asDouble(a.get(2)) : 1;
                if (step == 0 || a.isEmpty() || a.size() > 3) throw new ConstEvaluator.NotConstant("np.arange with these arguments");
                long n = Math.max(0, (long) Math.ceil((stop - start) / step));
                limit(n);
                for (long i = 0; i < n; i++) values.add(anyFloat ? (Object) (start + i * step) : (Object) (long) (start + i * step));
                shape.add(n);
                natural = anyFloat ? Types.FLOAT64 : Types.INT64;
            }
            case "linspace" -> {
                List<ConstValue.Scalar> a = scalars(args);
                if (a.size() != 3) throw new ConstEvaluator.NotConstant("np.linspace needs start, stop and num");
                double start = ConstFold.asDouble(a.get(0)), stop = ConstFold.asDouble(a.get(1));
                long n = (long) ConstFold.asDouble(a.get(2));
                limit(n);
                double step = (stop - start) / (n - 1);
                for (long i = 0; i < n; i++) values.add(i == 0 ? start : i == n - 1 ? stop : start + i * step);
                shape.add(n);
                natural = Types.FLOAT64;
            }
            default -> { // zeros, ones
                if (args.size() == 2) dtype = dtypeOf(args.remove(1));
                if (args.size() != 1) throw new ConstEvaluator.NotConstant("np." + fn + " takes a shape here");
                ConstValue s = eval.eval(args.get(0));
                List<ConstValue> dims = s instanceof ConstValue.Tuple t ? t.elements() : List.of(s);
                long n = 1;
                for (ConstValue d : dims) {
                    if (!(d instanceof ConstValue.Scalar sc && sc.value() instanceof Long l) || l < 0) {
                        throw new ConstEvaluator.NotConstant("a shape of non-negative integers");
                    }
                    shape.add(l);
                    n *= l;
                }
                limit(n);
                natural = Types.FLOAT64;
                for (long i = 0; i < n; i++) values.add(fn.equals("ones") ? 1.0 : 0.0);
            }
        }
        Type d = dtype == null ? natural : dtype;
        List<Object> cast = new ArrayList<>(values.size());
        for (Object v : values) cast.add(ConstFold.cast(new ConstValue.Scalar(v instanceof Double ? Types.FLOAT64
                : v instanceof Boolean ? Types.BOOL : Types.INT64, v), d));
        return new ConstValue.Array(new Type.Array(d, shape.size(), Layout.C, true), shape.stream().mapToLong(Long::longValue).toArray(), cast);
    }

    private static void limit(long n) throws ConstEvaluator.NotConstant {
        if (n > MAX_ELEMENTS) throw new ConstEvaluator.NotConstant("a global array of " + n + " elements is too large to freeze");
    }

    private List<ConstValue.Scalar> scalars(List<Expr> args) throws ConstEvaluator.NotConstant {
        List<ConstValue.Scalar> out = new ArrayList<>();
        for (Expr e : args) {
            if (!(eval.eval(e) instanceof ConstValue.Scalar s)) throw new ConstEvaluator.NotConstant("a number");
            out.add(s);
        }
        return out;
    }

    /** Appends the numbers of a nested display in C order; returns their promoted type. */
    private Type flatten(Expr e, int depth, List<Long> shape, List<Object> out) throws ConstEvaluator.NotConstant {
        List<Expr> items = e instanceof Expr.ListLit l ? l.elements() : e instanceof Expr.Tuple t ? t.elements() : null;
        if (items == null) {
            if (!(eval.eval(e) instanceof ConstValue.Scalar s) || s.type() instanceof Type.Complex) {
                throw new ConstEvaluator.NotConstant("a number");
            }
            if (depth != shape.size()) throw new ConstEvaluator.NotConstant("a rectangular nesting");
            out.add(s.value());
            return s.type();
        }
        if (shape.size() == depth) shape.add((long) items.size());
        else if (shape.get(depth) != items.size()) throw new ConstEvaluator.NotConstant("a rectangular nesting");
        Type t = null;
        for (Expr x : items) {
            Type u = flatten(x, depth + 1, shape, out);
            t = t == null ? u : Promotion.promote(t, u);
        }
        limit(out.size());
        return t == null ? Types.FLOAT64 : t;
    }

    private Type dtypeOf(Expr e) throws ConstEvaluator.NotConstant {
        String q = scope.qualifiedName(e);
        Type d = q == null ? null : Builtins.dtype(q);
        if (d == null && e instanceof Expr.StrLit s) d = Builtins.dtypeString(s.value());
        if (d == null) throw new ConstEvaluator.NotConstant("a dtype");
        return d;
    }
}
