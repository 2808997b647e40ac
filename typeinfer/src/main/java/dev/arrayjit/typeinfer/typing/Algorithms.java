package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import java.util.Map;

/**
 * NumPy functions implemented by prelude kernels: {@code np.searchsorted}, {@code np.bincount},
 * {@code np.histogram} (integer bins) and {@code np.unique}. This class checks the arguments and
 * picks the kernel; the algorithm lives in {@code prelude.py}.
 */
final class Algorithms {
    private final FunctionTyper t;
    private final ArrayMethods methods;

    Algorithms(FunctionTyper t, ArrayMethods methods) {
        this.t = t;
        this.methods = methods;
    }

    TExpr call(String name, Expr.Call c) {
        List<String> params = switch (name) {
            case "searchsorted" -> List.of("a", "v", "side");
            case "bincount" -> List.of("x", "weights", "minlength");
            case "histogram" -> List.of("a", "bins", "range");
            default -> List.of("ar");
        };
        Map<String, Expr> args = bind(c, "np." + name, params);
        if (args == null) return null;
        Span span = c.span();
        TExpr a = realArray(args.get(params.get(0)), "np." + name);
        if (a == null) return null;
        Type.Array at = (Type.Array) a.type();
        switch (name) {
            case "searchsorted" -> {
                if (at.ndim() != 1) return wrong(args.get("a"), "np.searchsorted() needs a 1-D sorted array");
                String side = "left";
                if (args.containsKey("side")) {
                    ConstValue s = t.constantOf(args.get("side"));
                    if (!(s instanceof ConstValue.Str str) || !(str.value().equals("left") || str.value().equals("right"))) {
                        t.error("type.call.argument", args.get("side").span(), "side must be 'left' or 'right'", "");
                        return null;
                    }
                    side = str.value();
                }
                TExpr v = t.expr(args.get("v"));
                if (v == null) return null;
                if (!(Types.dtypeOf(v.type()).isScalar()) || Types.dtypeOf(v.type()) instanceof Type.Complex) {
                    return wrong(args.get("v"), "np.searchsorted() needs numbers to look up, not " + v.type());
                }
                TExpr right = new TExpr.Const(Types.BOOL, side.equals("right"), span);
                return methods.preludeCall(v.type() instanceof Type.Array ? "search_all" : "search", List.of(a, v, right), span);
            }
            case "bincount" -> {
                if (at.ndim() != 1 || !(at.dtype() instanceof Type.Int)) {
                    return wrong(args.get("x"), "np.bincount() needs a 1-D array of non-negative integers, not " + at);
                }
                TExpr min = args.containsKey("minlength") ? t.expr(args.get("minlength")) : new TExpr.Const(Types.INT64, 0L, span);
                if (min == null) return null;
                if (!(min.type() instanceof Type.Int)) return wrong(args.get("minlength"), "minlength must be an integer");
                min = t.cast(min, Types.INT64, span);
                Expr w = args.get("weights");
                if (w == null || w instanceof Expr.NoneLit) return methods.preludeCall("bincount", List.of(a, min), span);
                TExpr weights = realArray(w, "np.bincount");
                if (weights == null) return null;
                if (((Type.Array) weights.type()).ndim() != 1) return wrong(w, "the weights must be a 1-D array");
                return methods.preludeCall("bincount_weighted", List.of(a, weights, min), span);
            }
            case "histogram" -> {
                TExpr bins = args.containsKey("bins") ? t.expr(args.get("bins")) : new TExpr.Const(Types.INT64, 10L, span);
                if (bins == null) return null;
                if (!(bins.type() instanceof Type.Int)) {
                    return wrong(args.get("bins"), "np.histogram() supports an integer number of bins here, not " + bins.type());
                }
                bins = t.cast(bins, Types.INT64, span);
                Expr r = args.get("range");
                if (r == null || r instanceof Expr.NoneLit) return methods.preludeCall("histogram", List.of(a, bins), span);
                TExpr range = t.expr(r);
                if (range == null) return null;
                if (!(range.type() instanceof Type.Tuple tt) || tt.elements().size() != 2
                        || !tt.elements().stream().allMatch(e -> e.isScalar() && !(e instanceof Type.Complex))) {
                    return wrong(r, "the range must be a pair of numbers (low, high), not " + range.type());
                }
                TExpr lo = range instanceof TExpr.MakeTuple mt ? mt.elements().get(0) : new TExpr.TupleGet(range, 0, span);
                TExpr hi = range instanceof TExpr.MakeTuple mt ? mt.elements().get(1) : new TExpr.TupleGet(range, 1, span);
                return methods.preludeCall("histogram_range", List.of(a, bins, lo, hi), span);
            }
            default -> {
                return methods.preludeCall("unique", List.of(a), span);
            }
        }
    }

    private TExpr wrong(Expr e, String message) {
        t.error("type.call.argument", e.span(), message, "");
        return null;
    }

    private TExpr realArray(Expr e, String fn) {
        TExpr a = t.expr(e);
        if (a == null) return null;
        if (!(a.type() instanceof Type.Array at) || at.dtype() instanceof Type.Complex) {
            t.error("type.call.argument", e.span(), fn + "() needs an array of real numbers, not " + a.type(), "");
            return null;
        }
        return a;
    }

    private Map<String, Expr> bind(Expr.Call c, String fn, List<String> names) {
        return CallArguments.bind(t, c, fn, names, fn.equals("np.searchsorted") ? 2 : 1);
    }
}
