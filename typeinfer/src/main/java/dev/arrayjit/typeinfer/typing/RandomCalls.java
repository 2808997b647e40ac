package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.RandomPart;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code np.random.*} and Python's {@code random.*} inside kernels: calls of the prelude's
 * generators ({@code random.py}) with the calling thread's state (NumPy's or Python's) first.
 */
final class RandomCalls {
    private final FunctionTyper t;

    RandomCalls(FunctionTyper t) { this.t = t; }

    /** Supported functions: qualified name -> (prelude kernel, parameter names, defaults). */
    private record Fn(String kernel, List<String> params, List<Object> defaults) {}

    private static final Map<String, Fn> FUNCTIONS = Map.ofEntries(
            Map.entry("numpy.random.seed", new Fn("np_seed", List.of("seed"), List.of())),
            Map.entry("numpy.random.random", new Fn("np_random", List.of(), List.of())),
            Map.entry("numpy.random.random_sample", new Fn("np_random", List.of(), List.of())),
            Map.entry("numpy.random.rand", new Fn("np_random", List.of(), List.of())),
            Map.entry("numpy.random.randn", new Fn("np_randn", List.of(), List.of())),
            Map.entry("numpy.random.standard_normal", new Fn("np_randn", List.of(), List.of())),
            Map.entry("numpy.random.randint", new Fn("np_randint", List.of("low", "high"), List.of())),
            Map.entry("numpy.random.uniform", new Fn("np_uniform", List.of("low", "high"), List.of(0.0, 1.0))),
            Map.entry("numpy.random.normal", new Fn("np_normal", List.of("loc", "scale"), List.of(0.0, 1.0))),
            Map.entry("random.seed", new Fn("py_seed", List.of("a"), List.of())),
            Map.entry("random.random", new Fn("py_random", List.of(), List.of())),
            Map.entry("random.uniform", new Fn("py_uniform", List.of("a", "b"), List.of())),
            Map.entry("random.randint", new Fn("py_randint", List.of("a", "b"), List.of())),
            Map.entry("random.gauss", new Fn("py_gauss", List.of("mu", "sigma"), List.of(0.0, 1.0))));

    TExpr call(String q, Expr.Call c) {
        Fn fn = FUNCTIONS.get(q);
        if (fn == null) {
            String close = Suggest.closest(q, FUNCTIONS.keySet());
            t.error("unsupported.function", c.func().span(), "'" + c.func().span().text() + "' is not supported yet",
                    close != null ? "supported: " + close + " and the others listed in README.md" : "see README.md");
            return null;
        }
        boolean python = q.startsWith("random.");
        Span span = c.span();
        // rand(n) / random(n) / randn(n): arrays of draws, one per element.
        List<Expr> args = c.args();
        if ((q.endsWith(".rand") || q.endsWith(".randn")) && !args.isEmpty()
                || (q.endsWith(".random") || q.endsWith(".random_sample")) && !python && (!args.isEmpty() || !c.keywords().isEmpty())) {
            return sized(q.endsWith(".randn") ? "np_randn_array" : "np_random_array", c);
        }
        if (q.equals("numpy.random.randint") && args.size() == 1 && c.keywords().isEmpty()) {
            TExpr high = integer(args.get(0));
            if (high == null) return null;
            return prelude(fn.kernel(), python, List.of(new TExpr.Const(Types.INT64, 0L, span), high), span);
        }
        java.util.Map<String, Expr> bound = CallArguments.bind(t, c, c.func().span().text(), fn.params(),
                fn.params().size() - fn.defaults().size());
        if (bound == null) return null;
        List<TExpr> values = new ArrayList<>();
        for (int i = 0; i < fn.params().size(); i++) {
            Expr e = bound.get(fn.params().get(i));
            TExpr v;
            if (e == null) {
                v = new TExpr.Const(Types.FLOAT64, fn.defaults().get(i - (fn.params().size() - fn.defaults().size())), span);
            } else {
                v = t.expr(e);
                if (v == null) return null;
                if (!v.type().isScalar() || v.type() instanceof Type.Complex) {
                    t.error("type.call.argument", e.span(), c.func().span().text() + "() needs numbers here, not " + v.type(), "");
                    return null;
                }
            }
            boolean integral = fn.kernel().endsWith("randint") || fn.kernel().endsWith("seed");
            if (integral && !v.type().isIntegerOrBool()) {
                t.error("type.call.argument", v.span(), c.func().span().text() + "() needs integers, not " + v.type(), "");
                return null;
            }
            values.add(t.cast(v, integral ? Types.INT64 : Types.FLOAT64, v.span()));
        }
        return prelude(fn.kernel(), python, values, span);
    }

    /** {@code np.random.rand(d0[, d1])}, {@code random(size)}: a new array of draws. */
    private TExpr sized(String kernel, Expr.Call c) {
        List<TExpr> dims = new ArrayList<>();
        if (!c.args().isEmpty()) {
            for (Expr e : c.args()) {
                List<TExpr> d = new Creation(t).shape(e, c.func().span().text());
                if (d == null) return null;
                dims.addAll(d);
            }
        } else {
            Expr size = c.keywords().stream().filter(k -> k.name().equals("size")).map(k -> k.value()).findFirst().orElse(null);
            if (size == null || c.keywords().size() != 1) {
                t.error("type.call.argument", c.span(), c.func().span().text() + "() takes only a size here", "");
                return null;
            }
            List<TExpr> d = new Creation(t).shape(size, c.func().span().text());
            if (d == null) return null;
            dims.addAll(d);
        }
        TExpr count = new TExpr.Const(Types.INT64, 1L, c.span());
        for (TExpr d : dims) count = new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.MUL, count, d, Types.INT64, null, c.span());
        TExpr flat = prelude(kernel, false, List.of(count), c.span());
        if (flat == null || dims.size() == 1) return flat;
        return new TExpr.Reshape(flat, dims, new Type.Array(Types.FLOAT64, dims.size(), dev.arrayjit.typeinfer.types.Layout.C, false),
                t.site(dev.arrayjit.typeinfer.ir.ExcKind.ValueError, "cannot reshape the random draws", c.span()), c.span());
    }

    private TExpr integer(Expr e) {
        TExpr v = t.expr(e);
        if (v == null) return null;
        if (!v.type().isIntegerOrBool()) {
            t.error("type.call.argument", e.span(), "an integer is needed here, not " + v.type(), "");
            return null;
        }
        return t.cast(v, Types.INT64, e.span());
    }

    private TExpr prelude(String kernel, boolean python, List<TExpr> args, Span span) {
        List<TExpr> all = new ArrayList<>();
        all.add(new TExpr.RandomState(python, RandomPart.KEY, span));
        all.add(new TExpr.RandomState(python, RandomPart.META, span));
        all.add(new TExpr.RandomState(python, RandomPart.GAUSS, span));
        all.addAll(args);
        return new ArrayMethods(t).preludeCall(kernel, all, span);
    }
}
