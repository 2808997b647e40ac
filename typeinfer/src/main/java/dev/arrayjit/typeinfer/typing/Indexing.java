package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.ViewIndex;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Subscripts: array elements {@code a[i, j]}, views by basic indexing ({@code a[1:-1]},
 * {@code a[:, j]}, {@code a[i]} of a 2-D array, {@code a[None, :]}, {@code a[..., 0]}) and tuple
 * items {@code t[0]}.
 */
final class Indexing {
    private final FunctionTyper t;

    Indexing(FunctionTyper t) { this.t = t; }

    /** What a subscript of an array selects: one element, or a view. */
    sealed interface Selection {
        record Element(List<TExpr> indices) implements Selection {}
        record View(TExpr.View view) implements Selection {}
    }

    TExpr load(Expr.Subscript s) {
        TExpr base = t.expr(s.value());
        if (base == null) return null;
        switch (base.type()) {
            case Type.Array at -> {
                Selection sel = select(s, base, at);
                return switch (sel) {
                    case null -> null;
                    case Selection.Element e -> new TExpr.ArrayLoad(base, e.indices(), t.boundsSite(s.span()), s.span());
                    case Selection.View v -> v.view();
                };
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

    private boolean isNewAxis(Expr p) {
        return p instanceof Expr.NoneLit || "numpy.newaxis".equals(t.scope.qualifiedName(p));
    }

    /** The element or view {@code base[s.index]} selects, or null after reporting why not. */
    Selection select(Expr.Subscript s, TExpr base, Type.Array at) {
        List<Expr> parts = s.index() instanceof Expr.Tuple tu ? tu.elements() : List.of(s.index());
        int ellipses = 0, axes = 0;
        boolean basic = false;
        for (Expr p : parts) {
            if (p instanceof Expr.EllipsisLit) ellipses++;
            else if (!isNewAxis(p)) axes++;
            if (p instanceof Expr.Slice || p instanceof Expr.EllipsisLit || isNewAxis(p)) basic = true;
        }
        if (ellipses > 1) {
            t.error("type.index", s.index().span(), "an index can only have a single ellipsis ('...')", "keep one '...'");
            return null;
        }
        if (axes > at.ndim()) {
            t.error("type.index.count", s.index().span(), "too many indices for array: array is " + at.ndim()
                    + "-dimensional, but " + axes + " were indexed", "index " + at + " with at most " + at.ndim() + (at.ndim() == 1 ? " index" : " indices"));
            return null;
        }
        if (!basic && axes == at.ndim()) {
            List<TExpr> out = new ArrayList<>();
            for (Expr p : parts) {
                TExpr v = integerIndex(p);
                if (v == null) return null;
                out.add(v);
            }
            return new Selection.Element(out);
        }
        // A view: expand the ellipsis (or append it) into whole-axis slices.
        List<Expr> left = new ArrayList<>(), right = new ArrayList<>();
        boolean afterEllipsis = false;
        for (Expr p : parts) {
            if (p instanceof Expr.EllipsisLit) afterEllipsis = true;
            else (afterEllipsis ? right : left).add(p);
        }
        List<ViewIndex> idx = new ArrayList<>();
        List<Object> kinds = new ArrayList<>(); // for the layout rule: Integer, "slice", "step", "none"
        List<Object> rightKinds = new ArrayList<>();
        boolean dynamicStep = false;
        for (int side = 0; side < 2; side++) {
            List<Expr> list = side == 0 ? left : right;
            if (side == 1) {
                for (int k = 0; k < at.ndim() - axes; k++) idx.add(new ViewIndex.Range(null, null, null));
            }
            for (Expr p : list) {
                Object kind;
                if (isNewAxis(p)) {
                    idx.add(new ViewIndex.NewAxis());
                    kind = "none";
                } else if (p instanceof Expr.Slice sl) {
                    TExpr start = bound(sl.lower()), stop = bound(sl.upper()), step = bound(sl.step());
                    if ((sl.lower() != null && start == null) || (sl.upper() != null && stop == null) || (sl.step() != null && step == null)) {
                        return null;
                    }
                    if (step != null && !(step instanceof TExpr.Const c && c.value() instanceof Long k && k != 0)) dynamicStep = true;
                    idx.add(new ViewIndex.Range(start, stop, step));
                    kind = sl.step() != null ? "step" : "slice";
                } else {
                    TExpr v = integerIndex(p);
                    if (v == null) return null;
                    idx.add(new ViewIndex.At(v));
                    kind = 0;
                }
                (side == 0 ? kinds : rightKinds).add(kind);
            }
        }
        int ndim = 0;
        for (ViewIndex i : idx) if (!(i instanceof ViewIndex.At)) ndim++;
        Layout layout = layout(at, kinds, rightKinds, axes);
        Type.Array rt = new Type.Array(at.dtype(), ndim, layout, at.readonly());
        ErrorSite zero = dynamicStep ? t.site(ExcKind.ValueError, "slice step cannot be zero", s.span()) : null;
        return new Selection.View(new TExpr.View(base, idx, rt, t.boundsSite(s.span()), zero, s.span()));
    }

    /**
     * Numba's layout of a basic-indexing view: a C array stays C when every index before the last is
     * an integer and the last is an integer or a slice without a step (F mirrored); otherwise A.
     */
    private static Layout layout(Type.Array at, List<Object> left, List<Object> right, int axes) {
        if (at.layout() == Layout.A) return Layout.A;
        List<Object> l = new ArrayList<>(left), r = new ArrayList<>(right);
        if (axes == at.ndim()) {
            if (at.layout() == Layout.C) { l.addAll(r); r.clear(); }
            else { r.addAll(0, l); l.clear(); }
        }
        if (at.layout() == Layout.C) {
            if (!r.isEmpty()) return Layout.A;
            return contiguous(l) ? Layout.C : Layout.A;
        }
        if (!l.isEmpty()) return Layout.A;
        Collections.reverse(r);
        return contiguous(r) ? Layout.F : Layout.A;
    }

    private static boolean contiguous(List<Object> outer) {
        for (int i = 0; i < outer.size(); i++) {
            Object k = outer.get(i);
            boolean innermost = i == outer.size() - 1;
            boolean keeps = k instanceof Integer || (innermost && "slice".equals(k));
            if (!keeps) return false;
        }
        return true;
    }

    private TExpr bound(Expr e) {
        if (e == null || e instanceof Expr.NoneLit) return null;
        TExpr v = t.expr(e);
        if (v == null) return null;
        if (!v.type().isIntegerOrBool()) {
            t.error("type.index", e.span(), "slice bounds must be integers or None, not " + v.type(),
                    v.type() instanceof Type.Float ? "convert with int(...)" : "use an integer");
            return null;
        }
        return t.cast(v, Types.INT64, e.span());
    }

    private TExpr integerIndex(Expr p) {
        TExpr v = t.expr(p);
        if (v == null) return null;
        if (v.type() instanceof Type.Array) {
            t.error("unsupported.fancy.index", p.span(), "indexing with an array (advanced indexing) is not supported yet",
                    "index with integers and slices, or loop over the index array");
            return null;
        }
        if (!(v.type() instanceof Type.Int)) {
            t.error("type.index", p.span(), "array indices must be integers, not " + v.type(),
                    v.type() instanceof Type.Float ? "convert with int(...)" : "index with an integer");
            return null;
        }
        return t.cast(v, Types.INT64, p.span());
    }
}
