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
        /**
         * Advanced indexing with one 1-D index array: a bool mask along the first axis, or integer
         * positions ({@code load} is the selected copy, or null where only reading is unsupported).
         */
        record Fancy(TExpr base, TExpr index, boolean firstAxisOnly, TExpr load) implements Selection {}
    }

    /** Subscript parts already typed (each is typed once: typing registers error sites). */
    private final java.util.Map<Expr, TExpr> typed = new java.util.IdentityHashMap<>();

    /** The array of {@code a.flat}, or null when {@code e} is not that form. */
    TExpr flatBase(Expr e) {
        if (e instanceof Expr.Attribute a && a.attr().equals("flat") && t.scope.qualifiedName(a.value()) == null) {
            TExpr base = t.expr(a.value());
            if (base != null && base.type() instanceof Type.Array) return base;
        }
        return null;
    }

    /**
     * The per-axis indices of flat (C-order) position {@code i} of {@code arr} (negative counts from
     * the end), and the test that it is in range, as {@code [inRange, i0, i1, ...]}.
     */
    List<TExpr> flatIndex(TExpr arr, TExpr i, dev.arrayjit.frontend.Span sp) {
        Type.Array at = (Type.Array) arr.type();
        TExpr size = new TExpr.ArraySize(arr, sp);
        TExpr zero = new TExpr.Const(Types.INT64, 0L, sp);
        TExpr k = new TExpr.Select(new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.LT, i, zero, sp),
                new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.ADD, i, size, Types.INT64, null, sp), i, Types.INT64, sp);
        TExpr in = new TExpr.Logical(true, new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.GE, k, zero, sp),
                new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.LT, k, size, sp), Types.BOOL, sp);
        List<TExpr> out = new ArrayList<>();
        out.add(in);
        List<TExpr> idx = new ArrayList<>();
        TExpr rest = k;
        for (int d = at.ndim() - 1; d >= 0; d--) {
            TExpr ext = new TExpr.ArrayDim(arr, d, sp);
            idx.add(0, d == 0 ? rest : new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.MOD, rest, ext, Types.INT64, null, sp));
            if (d > 0) rest = new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.FLOORDIV, rest, ext, Types.INT64, null, sp);
        }
        out.addAll(idx);
        return out;
    }

    dev.arrayjit.typeinfer.ir.ErrorSite flatSite(dev.arrayjit.frontend.Span sp) {
        return t.site(dev.arrayjit.typeinfer.ir.ExcKind.IndexError, "index {0} is out of bounds for size {1}", sp);
    }

    TExpr load(Expr.Subscript s) {
        TExpr flat = flatBase(s.value());
        if (flat != null) {
            TExpr i = integerIndex(s.index());
            if (i == null) return null;
            List<TExpr> fi = flatIndex(flat, i, s.span());
            TExpr el = new TExpr.ArrayLoad(flat, fi.subList(1, fi.size()), null, s.span());
            TExpr fail = new TExpr.Fail(flatSite(s.span()), List.of(i, new TExpr.ArraySize(flat, s.span())), el.type(), s.span());
            return new TExpr.Select(fi.get(0), el, fail, el.type(), s.span());
        }
        TExpr base = t.expr(s.value());
        if (base == null) return null;
        switch (base.type()) {
            case Type.ListOf l -> { return new Lists(t).load(base, s); }
            case Type.Array at -> {
                Selection sel = select(s, base, at);
                return switch (sel) {
                    case null -> null;
                    case Selection.Element e -> new TExpr.ArrayLoad(base, e.indices(), t.boundsSite(s.span()), s.span());
                    case Selection.View v -> v.view();
                    case Selection.Fancy f -> f.load();
                };
            }
            case Type.Tuple tt when s.index() instanceof Expr.Slice sl -> {
                return tupleSlice(base, tt, sl);
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

    /** {@code t[start:stop:step]} of a tuple, with constant bounds (Python's clipping). */
    private TExpr tupleSlice(TExpr base, Type.Tuple tt, Expr.Slice sl) {
        int n = tt.elements().size();
        Long[] b = new Long[3];
        Expr[] parts = {sl.lower(), sl.upper(), sl.step()};
        for (int k = 0; k < 3; k++) {
            if (parts[k] == null || parts[k] instanceof Expr.NoneLit) continue;
            if (!(t.constantOf(parts[k]) instanceof ConstValue.Scalar sc && sc.value() instanceof Long v)) {
                t.error("unsupported.tuple.index", parts[k].span(), "a tuple can only be sliced with constant bounds",
                        "write t[1:], t[:2], ...");
                return null;
            }
            b[k] = v;
        }
        long step = b[2] == null ? 1 : b[2];
        if (step == 0) {
            t.error("type.index", sl.span(), "slice step cannot be zero", "");
            return null;
        }
        List<TExpr> els = new ArrayList<>();
        long start = clip(b[0], n, step > 0 ? 0 : n - 1, step), stop = clip(b[1], n, step > 0 ? n : -1, step);
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            els.add(base instanceof TExpr.MakeTuple mt ? mt.elements().get((int) i) : new TExpr.TupleGet(base, (int) i, sl.span()));
        }
        return new TExpr.MakeTuple(els, new Type.Tuple(els.stream().map(TExpr::type).toList()), sl.span());
    }

    private static long clip(Long v, int n, long dflt, long step) {
        if (v == null) return dflt;
        long x = v < 0 ? v + n : v;
        long lo = step > 0 ? 0 : -1, hi = step > 0 ? n : n - 1;
        return Math.max(lo, Math.min(hi, x));
    }

    private boolean isNewAxis(Expr p) {
        return p instanceof Expr.NoneLit || "numpy.newaxis".equals(t.scope.qualifiedName(p));
    }

    /** The element or view {@code base[s.index]} selects, or null after reporting why not. */
    Selection select(Expr.Subscript s, TExpr base, Type.Array at) {
        List<Expr> parts = s.index() instanceof Expr.Tuple tu ? tu.elements() : List.of(s.index());
        if (!(s.index() instanceof Expr.Tuple) && !(s.index() instanceof Expr.Slice) && !(s.index() instanceof Expr.EllipsisLit)
                && !isNewAxis(s.index())) {
            // a[idx] with a tuple of integers held in a variable (np.ndindex): one index per element.
            TExpr v = t.expr(s.index());
            if (v == null) return null;
            typed.put(s.index(), v);
            if (v.type() instanceof Type.Tuple tt && !tt.elements().isEmpty() && tt.elements().stream().allMatch(Type::isInteger)) {
                if (tt.elements().size() != at.ndim()) {
                    t.error("type.index.count", s.index().span(), "indexing a " + at.ndim() + "-dimensional array with a tuple of "
                            + tt.elements().size() + " integers", "index with one integer per dimension");
                    return null;
                }
                List<TExpr> out = new ArrayList<>();
                for (int i = 0; i < tt.elements().size(); i++) {
                    TExpr el = v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, s.index().span());
                    out.add(t.cast(el, Types.INT64, s.index().span()));
                }
                return new Selection.Element(out);
            }
        }
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
        // Advanced indexing: one 1-D array among the parts.
        int arrayPart = -1;
        for (int i = 0; i < parts.size(); i++) {
            Expr p = parts.get(i);
            if (p instanceof Expr.Slice || p instanceof Expr.EllipsisLit || isNewAxis(p)) continue;
            TExpr v = typed.containsKey(p) ? typed.get(p) : t.expr(p);
            if (v == null) return null;
            typed.put(p, v);
            if (v.type() instanceof Type.Array ia) {
                if (arrayPart >= 0 || ia.ndim() != 1 || ellipses > 0) {
                    t.error("unsupported.fancy.index", p.span(), "only one 1-D index array (without '...') is supported in an index",
                            "index with one array of positions or one bool mask, e.g. a[idx] or a[mask]");
                    return null;
                }
                if (!(ia.dtype() instanceof Type.Int || ia.dtype() instanceof Type.Bool)) {
                    t.error("type.index", p.span(), "arrays used as indices must be of integer or bool type, not " + ia, "");
                    return null;
                }
                arrayPart = i;
            }
        }
        if (arrayPart >= 0) return fancy(s, base, at, parts, arrayPart);
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

    /** {@code base[..., idx, ...]} with one index array: a view for the other parts, then a gather along the array's axis. */
    private Selection fancy(Expr.Subscript s, TExpr base, Type.Array at, List<Expr> parts, int arrayPart) {
        TExpr index = typed.get(parts.get(arrayPart));
        Type.Array it = (Type.Array) index.type();
        boolean plain = true;
        for (int i = 0; i < parts.size(); i++) {
            if (i == arrayPart) continue;
            if (!(parts.get(i) instanceof Expr.Slice sl && sl.lower() == null && sl.upper() == null && sl.step() == null)) plain = false;
        }
        boolean firstAxis = arrayPart == 0 && plain;
        ArrayMethods calls = new ArrayMethods(t);
        if (it.dtype() instanceof Type.Bool) {
            if (!firstAxis || at.ndim() < 1) {
                t.error("unsupported.fancy.index", s.index().span(), "a bool mask is supported as the only index (a[mask]) or before whole slices (a[mask, :])",
                        "apply the mask to the first axis");
                return null;
            }
            return new Selection.Fancy(base, index, true, calls.preludeCall("mask_select", List.of(base, index), s.span()));
        }
        // The other parts as a basic view (the array's axis kept whole), then a gather along that axis.
        TExpr basicView = base;
        int axis = 0;
        if (!plain || arrayPart != 0) {
            List<Expr> rest = new ArrayList<>(parts);
            Expr whole = new Expr.Slice(null, null, null, parts.get(arrayPart).span());
            rest.set(arrayPart, whole);
            for (int i = 0; i < arrayPart; i++) {
                Expr p = parts.get(i);
                if (p instanceof Expr.Slice || isNewAxis(p)) axis++;
            }
            Expr.Subscript sub = new Expr.Subscript(s.value(), new Expr.Tuple(rest, s.index().span()), s.span());
            Selection sel = select(sub, base, at);
            if (sel == null) return null;
            basicView = switch (sel) {
                case Selection.View v -> v.view();
                default -> throw new IllegalStateException("a basic subscript selected " + sel);
            };
        }
        Type.Array vt = (Type.Array) basicView.type();
        TExpr load;
        if (axis == 0) {
            load = calls.preludeCall("take", List.of(basicView, index), s.span());
        } else {
            int n = vt.ndim();
            List<Integer> toFront = new ArrayList<>(), back = new ArrayList<>();
            toFront.add(axis);
            for (int k = 0; k < n; k++) if (k != axis) toFront.add(k);
            for (int k = 0; k < n; k++) back.add(toFront.indexOf(k));
            TExpr moved = new TExpr.Transpose(basicView, toFront, vt.withLayout(Layout.A), s.span());
            TExpr taken = calls.preludeCall("take", List.of(moved, index), s.span());
            load = taken == null ? null : new TExpr.Transpose(taken, back, ((Type.Array) taken.type()).withLayout(Layout.A), s.span());
        }
        if (load == null) return null;
        return new Selection.Fancy(base, index, firstAxis, load);
    }

    private TExpr integerIndex(Expr p) {
        TExpr known = typed.get(p);
        if (known != null) return integerIndexOf(known, p);
        TExpr v = t.expr(p);
        return integerIndexOf(v, p);
    }

    private TExpr integerIndexOf(TExpr v, Expr p) {
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
