package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/** Subscripts: array elements {@code a[i, j]} and tuple items {@code t[0]}. */
final class Indexing {
    private final FunctionTyper t;

    Indexing(FunctionTyper t) { this.t = t; }

    TExpr load(Expr.Subscript s) {
        TExpr base = t.expr(s.value());
        if (base == null) return null;
        switch (base.type()) {
            case Type.Array at -> {
                List<TExpr> idx = indices(s, at);
                return idx == null ? null : new TExpr.ArrayLoad(base, idx, t.boundsSite(s.span()), s.span());
            }
            case Type.Tuple tt -> {
                ConstValue cv = t.constantOf(s.index());
                if (!(cv instanceof ConstValue.Scalar sc && sc.value() instanceof Long k)) {
                    t.error("unsupported.tuple.index", s.index().span(), "a tuple can only be indexed by a constant integer here",
                            "write t[0], t[1], ... or unpack the tuple");
                    return null;
                }
                int n = tt.elements().size();
                long i = k < 0 ? k + n : k;
                if (i < 0 || i >= n) {
                    t.error("type.tuple.index", s.index().span(), "tuple index " + k + " is out of range for a tuple of " + n,
                            "use an index from " + (-n) + " to " + (n - 1));
                    return null;
                }
                if (base instanceof TExpr.MakeTuple mt) return mt.elements().get((int) i);
                return new TExpr.TupleGet(base, (int) i, s.span());
            }
            default -> {
                t.error("type.getitem", s.span(), "cannot index " + base.type(),
                        "only arrays and tuples can be indexed; '" + s.value().span().text() + "' is a " + base.type());
                return null;
            }
        }
    }

    /** The int64 indices of one element of {@code at}, or null after reporting why not. */
    List<TExpr> indices(Expr.Subscript s, Type.Array at) {
        List<Expr> parts = s.index() instanceof Expr.Tuple tu ? tu.elements() : List.of(s.index());
        for (Expr p : parts) {
            if (p instanceof Expr.Slice || p instanceof Expr.NoneLit || p instanceof Expr.EllipsisLit) {
                t.error("unsupported.slice", p.span(), "slicing arrays is not supported yet",
                        "index single elements, e.g. a[i, j], in a loop");
                return null;
            }
        }
        if (parts.size() > at.ndim()) {
            t.error("type.index.count", s.index().span(), "too many indices for array: array is " + at.ndim()
                    + "-dimensional, but " + parts.size() + " were indexed", "index " + at + " with " + at.ndim() + " integer"
                    + (at.ndim() == 1 ? "" : "s"));
            return null;
        }
        if (parts.size() < at.ndim()) {
            t.error("unsupported.partial.index", s.index().span(), "indexing a " + at.ndim() + "-dimensional array with "
                    + parts.size() + " index" + (parts.size() == 1 ? "" : "es") + " makes a view, which is not supported yet",
                    "index every dimension: a[" + String.join(", ", java.util.Collections.nCopies(at.ndim(), "i")) + "]");
            return null;
        }
        List<TExpr> out = new ArrayList<>();
        for (Expr p : parts) {
            TExpr v = t.expr(p);
            if (v == null) return null;
            if (!(v.type() instanceof Type.Int)) {
                t.error("type.index", p.span(), "array indices must be integers, not " + v.type(),
                        v.type() instanceof Type.Float ? "convert with int(...)" : "index with an integer");
                return null;
            }
            out.add(t.cast(v, Types.INT64, p.span()));
        }
        return out;
    }
}
