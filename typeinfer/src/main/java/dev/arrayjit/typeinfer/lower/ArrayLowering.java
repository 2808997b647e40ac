package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.Reduction;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@code lower-arrays} pass: turns the high-level array nodes of typed IR
 * ({@link TExpr.ElementWise}, {@link TExpr.Reduce}, {@link TStmt.ArrayAssign}) into counted loops
 * over plain element loads and stores, which a backend vectorizes like hand-written loops.
 *
 * <p>A node that needs statements (a loop) is hoisted before the statement that uses it, into a
 * temporary; operands to its left are spilled first, so evaluation order is kept. Loops over
 * broadcast operands come in two versions: one where every operand has exactly the iteration shape
 * (plain indexing, contiguous loads, the common case) and one where some operand is stretched
 * along an axis of extent 1 (a stride-0 view of it).
 */
public final class ArrayLowering {
    /** Adds error sites (the program-wide table) for shape mismatches found here. */
    public interface Sites {
        ErrorSite add(ExcKind kind, String message, Span span);
    }

    private final TypedFunction fn;
    private final Sites sites;
    private final List<Var> locals = new ArrayList<>();
    private int nextId;
    /** Array variables whose old blocks may be freed when they get a fresh one, and their "owns a block" flags. */
    private Set<Var> reusable = Set.of();
    private final Map<Var, Var> owns = new HashMap<>();
    /** Temporaries that hold a fresh allocation (nothing else refers to it). */
    private final Set<Var> fresh = new HashSet<>();
    /** Set while lowering a reduction whose result does not depend on the order of the elements. */
    private boolean orderFree;

    private ArrayLowering(TypedFunction fn, Sites sites) {
        this.fn = fn;
        this.sites = sites;
        for (Var v : fn.locals()) nextId = Math.max(nextId, v.id() + 1);
    }

    /** {@code f} without high-level array nodes (itself when it has none). */
    public static TypedFunction lower(TypedFunction f, Sites sites) {
        if (!HighLevel.in(f.body())) return f;
        ArrayLowering l = new ArrayLowering(f, sites);
        l.reusable = Reusable.of(f);
        List<TStmt> body = new ArrayList<>();
        for (Var v : l.reusable) {
            Var flag = l.temp("owns_" + v.name().replace('$', '_'), Types.BOOL);
            l.owns.put(v, flag);
            body.add(new TStmt.Assign(flag, new TExpr.Const(Types.BOOL, false, f.span()), f.span()));
        }
        body.addAll(l.block(f.body()));
        Set<Var> used = new HashSet<>();
        UsedVars.collect(body, used);
        List<Var> locals = new ArrayList<>();
        for (Var v : f.locals()) if (used.contains(v) || f.params().contains(v)) locals.add(v);
        locals.addAll(l.locals);
        return new TypedFunction(f.name(), f.symbol(), f.params(), f.returnType(), locals, body, f.flags(), f.span());
    }

    private Var temp(String name, Type type) {
        Var v = new Var("$" + name + nextId, type, nextId++);
        locals.add(v);
        return v;
    }

    /** A temporary holding a new allocation. */
    private Var freshTemp(Type.Array type) {
        Var v = temp("arr", type);
        fresh.add(v);
        return v;
    }

    private static TExpr i64(long v, Span span) { return new TExpr.Const(Types.INT64, v, span); }

    private static TExpr load(Var v, Span span) { return new TExpr.Load(v, span); }

    // ---- statements ----------------------------------------------------------------------------

    private List<TStmt> block(List<TStmt> in) {
        List<TStmt> out = new ArrayList<>();
        for (TStmt s : in) stmt(s, out);
        return out;
    }

    private void stmt(TStmt s, List<TStmt> out) {
        switch (s) {
            case TStmt.Assign a -> {
                Var flag = owns.get(a.var());
                if (flag != null && a.value() instanceof TExpr.ElementWise w && inPlaceSafe(a.var(), w)) reuse = new Reuse(w, a.var(), flag);
                TExpr v;
                try {
                    v = expr(a.value(), out);
                } finally {
                    reuse = null;
                }
                if (flag == null) {
                    out.add(new TStmt.Assign(a.var(), v, a.span()));
                    break;
                }
                boolean isFresh = v instanceof TExpr.AllocArray || (v instanceof TExpr.Load l && fresh.contains(l.var()));
                if (isFresh) {
                    // The new value is a block of its own: the old one (if the variable owned one) can go
                    // now, unless the new value was written into it.
                    Var reused = v instanceof TExpr.Load l ? reusedFlags.get(l.var()) : null;
                    TExpr release = reused == null ? load(flag, a.span())
                            : new TExpr.Logical(true, load(flag, a.span()), new TExpr.Unary(UnOp.NOT, load(reused, a.span()), Types.BOOL, a.span()),
                                    Types.BOOL, a.span());
                    out.add(new TStmt.If(release, List.of(new TStmt.Release(load(a.var(), a.span()), a.span())), List.of(), a.span()));
                }
                out.add(new TStmt.Assign(a.var(), v, a.span()));
                out.add(new TStmt.Assign(flag, new TExpr.Const(Types.BOOL, isFresh, a.span()), a.span()));
            }
            case TStmt.Release r -> out.add(r);
            case TStmt.ParallelRange p -> {
                List<TStmt> loop = new ArrayList<>();
                insideParallel++;
                try {
                    stmt(p.loop(), loop);
                } finally {
                    insideParallel--;
                }
                // The bounds' set-up stays before the loop; the loop itself stays parallel.
                for (int k = 0; k < loop.size() - 1; k++) out.add(loop.get(k));
                out.add(new TStmt.ParallelRange((TStmt.ForRange) loop.get(loop.size() - 1), p.reductions(), p.grain(), p.span()));
            }
            case TStmt.ParallelChunks p -> out.add(p);
            case TStmt.ListResize r -> {
                List<TExpr> l = exprs(List.of(r.list(), r.length()), out);
                out.add(new TStmt.ListResize(l.get(0), l.get(1), r.span()));
            }
            case TStmt.Store st -> {
                List<TExpr> parts = new ArrayList<>();
                parts.add(st.array());
                parts.addAll(st.indices());
                parts.add(st.value());
                List<TExpr> l = exprs(parts, out);
                out.add(new TStmt.Store(l.get(0), List.copyOf(l.subList(1, l.size() - 1)), l.get(l.size() - 1), st.outOfBounds(), st.span()));
            }
            case TStmt.Eval e -> {
                TExpr v = expr(e.value(), out);
                if (!(v instanceof TExpr.Load || v instanceof TExpr.Const)) out.add(new TStmt.Eval(v, e.span()));
            }
            case TStmt.ArrayAssign a -> arrayAssign(a, out);
            case TStmt.If i -> {
                TExpr c = expr(i.cond(), out);
                out.add(new TStmt.If(c, block(i.then()), block(i.orElse()), i.span()));
            }
            case TStmt.While w -> {
                List<TStmt> pre = new ArrayList<>();
                TExpr c = expr(w.cond(), pre);
                List<TStmt> body = block(w.body());
                if (pre.isEmpty()) {
                    out.add(new TStmt.While(c, body, w.span()));
                } else {
                    // The condition needs statements: run them at the top of every iteration.
                    List<TStmt> loop = new ArrayList<>(pre);
                    loop.add(new TStmt.If(new TExpr.Unary(UnOp.NOT, c, Types.BOOL, w.span()), List.of(new TStmt.Break(w.span())),
                            List.of(), w.span()));
                    loop.addAll(body);
                    out.add(new TStmt.While(new TExpr.Const(Types.BOOL, true, w.span()), loop, w.span()));
                }
            }
            case TStmt.ForRange f -> {
                List<TExpr> b = exprs(List.of(f.start(), f.stop(), f.step()), out);
                out.add(new TStmt.ForRange(f.index(), b.get(0), b.get(1), b.get(2), block(f.body()), f.zeroStep(), f.span()));
            }
            case TStmt.Return r -> out.add(r.value() == null ? r : new TStmt.Return(expr(r.value(), out), r.span()));
            case TStmt.Raise r -> out.add(r.payload().isEmpty() ? r : new TStmt.Raise(r.site(), exprs(r.payload(), out), r.span()));
            case TStmt.Break b -> out.add(b);
            case TStmt.Continue c -> out.add(c);
        }
    }

    // ---- expressions ---------------------------------------------------------------------------

    /** Lowers expressions left to right; when one needs statements, the ones before it are spilled first. */
    private List<TExpr> exprs(List<TExpr> in, List<TStmt> out) {
        List<TExpr> res = new ArrayList<>(in.size());
        for (TExpr e : in) {
            List<TStmt> pre = new ArrayList<>();
            TExpr v = expr(e, pre);
            if (!pre.isEmpty()) {
                for (int j = 0; j < res.size(); j++) res.set(j, spill(res.get(j), out));
                out.addAll(pre);
            }
            res.add(v);
        }
        return res;
    }

    private TExpr expr(TExpr e, List<TStmt> out) {
        if (!HighLevel.in(e)) return e;
        return switch (e) {
            case TExpr.ElementWise w -> materialize(w, out);
            case TExpr.Generate g -> generate(g, out);
            case TExpr.MatMul m -> matmul(m, out);
            case TExpr.Concat c -> concat(c, out);
            case TExpr.Reduce r -> reduce(r, out);
            case TExpr.Block bl -> {
                for (TStmt s : bl.body()) stmt(s, out);
                yield expr(bl.result(), out);
            }
            case TExpr.Select s -> {
                TExpr c = expr(s.cond(), out);
                List<TStmt> thenPre = new ArrayList<>(), elsePre = new ArrayList<>();
                TExpr a = expr(s.ifTrue(), thenPre), b = expr(s.ifFalse(), elsePre);
                if (thenPre.isEmpty() && elsePre.isEmpty()) yield new TExpr.Select(c, a, b, s.type(), s.span());
                // Only the chosen branch may run its loops.
                Var tmp = temp("sel", s.type());
                thenPre.add(new TStmt.Assign(tmp, a, s.span()));
                elsePre.add(new TStmt.Assign(tmp, b, s.span()));
                out.add(new TStmt.If(c, thenPre, elsePre, s.span()));
                yield load(tmp, s.span());
            }
            case TExpr.Logical l -> {
                TExpr a = expr(l.left(), out);
                List<TStmt> rightPre = new ArrayList<>();
                TExpr b = expr(l.right(), rightPre);
                if (rightPre.isEmpty()) yield new TExpr.Logical(l.isAnd(), a, b, l.type(), l.span());
                Var tmp = temp("logic", l.type());
                out.add(new TStmt.Assign(tmp, a, l.span()));
                TExpr test = truth(load(tmp, l.span()), l.span());
                if (!l.isAnd()) test = new TExpr.Unary(UnOp.NOT, test, Types.BOOL, l.span());
                rightPre.add(new TStmt.Assign(tmp, b, l.span()));
                out.add(new TStmt.If(test, rightPre, List.of(), l.span()));
                yield load(tmp, l.span());
            }
            default -> Exprs.withChildren(e, exprs(Exprs.children(e), out));
        };
    }

    private static TExpr truth(TExpr v, Span span) {
        return v.type() instanceof Type.Bool ? v : new TExpr.Truth(v, span);
    }

    /** The value itself when reading it again is free and has no effect; otherwise a temporary holding it. */
    private TExpr spill(TExpr v, List<TStmt> out) {
        if (v instanceof TExpr.Const || v instanceof TExpr.Load) return v;
        Var tmp = temp("t", v.type());
        out.add(new TStmt.Assign(tmp, v, v.span()));
        return load(tmp, v.span());
    }

    // ---- element sources -------------------------------------------------------------------------

    /**
     * What a loop reads: lowered operands (each array and scalar held in a temporary) and the scalar
     * body over the element parameters.
     */
    private record Source(List<TExpr> operands, List<Var> params, TExpr body, int ndim, Span span) {
        List<Integer> arrays() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < operands.size(); i++) if (operands.get(i).type() instanceof Type.Array) out.add(i);
            return out;
        }
    }

    private Source source(TExpr value, List<TStmt> out) {
        if (value instanceof TExpr.ElementWise w) {
            List<TExpr> ops = exprs(w.operands(), out);
            List<TExpr> held = new ArrayList<>();
            for (TExpr o : ops) held.add(spill(o, out));
            return new Source(held, w.params(), w.body(), w.type().ndim(), w.span());
        }
        TExpr arr = spill(expr(value, out), out);
        Type.Array at = (Type.Array) arr.type();
        Var p = temp("el", at.dtype());
        return new Source(List.of(arr), List.of(p), load(p, value.span()), at.ndim(), value.span());
    }

    private static TExpr dim(TExpr array, int axis, Span span) { return new TExpr.ArrayDim(array, axis, span); }

    /**
     * The broadcast shape of a source's operands as int64 temporaries, raising ValueError (with both
     * shapes) when two operands do not broadcast, as NumPy does.
     */
    private List<TExpr> broadcastShape(Source src, List<TStmt> out) {
        int n = src.ndim();
        Span span = src.span();
        List<Integer> arrays = src.arrays();
        List<Var> e = new ArrayList<>();
        for (int k = 0; k < n; k++) e.add(temp("n", Types.INT64));
        TExpr first = arrays.isEmpty() ? null : src.operands().get(arrays.get(0));
        int n0 = first == null ? 0 : ((Type.Array) first.type()).ndim();
        for (int k = 0; k < n; k++) {
            int a = k - (n - n0);
            out.add(new TStmt.Assign(e.get(k), a >= 0 ? dim(first, a, span) : i64(1, span), span));
        }
        for (int j = 1; j < arrays.size(); j++) {
            TExpr op = src.operands().get(arrays.get(j));
            int nj = ((Type.Array) op.type()).ndim();
            // The shapes NumPy names: the first operand's and this one's for a pair, else the result so far.
            boolean pair = j == 1;
            int leftDims = pair ? n0 : n;
            ErrorSite site = sites.add(ExcKind.ValueError, "operands could not be broadcast together with shapes "
                    + ErrorSite.shapeTemplate(0, leftDims) + " " + ErrorSite.shapeTemplate(leftDims, nj) + " ", span);
            List<TExpr> payload = new ArrayList<>();
            for (int k = 0; k < leftDims; k++) payload.add(pair ? dim(first, k, span) : load(e.get(k), span));
            for (int a = 0; a < nj; a++) payload.add(dim(op, a, span));
            for (int a = 0; a < nj; a++) {
                int k = a + (n - nj);
                TExpr d = dim(op, a, span);
                TExpr ek = load(e.get(k), span);
                out.add(new TStmt.If(new TExpr.Compare(CmpOp.NE, d, ek, span), List.of(
                        new TStmt.If(new TExpr.Compare(CmpOp.EQ, ek, i64(1, span), span),
                                List.of(new TStmt.Assign(e.get(k), d, span)),
                                List.of(new TStmt.If(new TExpr.Compare(CmpOp.NE, d, i64(1, span), span),
                                        List.of(new TStmt.Raise(site, List.copyOf(payload), span)), List.of(), span)), span)),
                        List.of(), span));
            }
        }
        List<TExpr> shape = new ArrayList<>();
        for (Var v : e) shape.add(load(v, span));
        return shape;
    }


    /**
     * Emits loops over {@code extents} (C order) that run {@code body(indices, element)} for every
     * element of the source broadcast to that shape; its operands are known to broadcast to it.
     * {@code ownShape}: the extents are the source's own broadcast shape, so a single array operand
     * of full rank matches them exactly.
     */
    private void loops(Source src, List<TExpr> extents, boolean ownShape, List<TStmt> out,
                       BiFunction<List<TExpr>, TExpr, List<TStmt>> body) {
        Span span = src.span();
        int n = extents.size();
        List<Integer> arrays = src.arrays();
        Map<Var, TExpr> scalars = new HashMap<>();
        for (int i = 0; i < src.operands().size(); i++) {
            if (!(src.operands().get(i).type() instanceof Type.Array)) scalars.put(src.params().get(i), src.operands().get(i));
        }
        // Exact when every array operand's extents equal the iteration extents on its axes.
        TExpr exact = null;
        for (int i : arrays) {
            TExpr op = src.operands().get(i);
            int ni = ((Type.Array) op.type()).ndim();
            for (int a = 0; a < ni; a++) {
                TExpr same = new TExpr.Compare(CmpOp.EQ, dim(op, a, span), extents.get(a + n - ni), span);
                exact = exact == null ? same : new TExpr.Logical(true, exact, same, Types.BOOL, span);
            }
        }
        boolean single = ownShape && arrays.size() == 1 && ((Type.Array) src.operands().get(arrays.get(0)).type()).ndim() == n;
        if (exact == null || single) {
            out.addAll(unitStrideVersions(src, extents, scalars, body));
            return;
        }
        List<TStmt> stretched = new ArrayList<>();
        List<TExpr> views = new ArrayList<>(src.operands());
        for (int i : arrays) {
            TExpr op = src.operands().get(i);
            Type.Array at = (Type.Array) op.type();
            TExpr b = new TExpr.BroadcastTo(op, extents, new Type.Array(at.dtype(), n, Layout.A, at.readonly()), span);
            views.set(i, spill(b, stretched));
        }
        stretched.addAll(nest(src, extents, scalars, views, body));
        out.add(new TStmt.If(exact, unitStrideVersions(src, extents, scalars, body), stretched, span));
    }

    /** Whether an array of A layout has elements next to each other along its last axis. */
    private static TExpr unitInnerStride(TExpr array, Span span) {
        Type.Array at = (Type.Array) array.type();
        return new TExpr.Compare(CmpOp.EQ, new TExpr.ArrayStride(array, at.ndim() - 1, span),
                i64(Types.sizeOf(at.dtype()), span), span);
    }

    /**
     * The loops over exact-shape operands, twice when some operand is a strided view (layout A):
     * once for the common case where every such view has unit stride along its last axis (seen as
     * C, whose last axis the backend addresses by element size, so the loop vectorizes), once for
     * the general case.
     */
    private List<TStmt> unitStrideVersions(Source src, List<TExpr> extents, Map<Var, TExpr> scalars,
                                           BiFunction<List<TExpr>, TExpr, List<TStmt>> body) {
        Span span = src.span();
        List<TExpr> unit = new ArrayList<>(src.operands());
        TExpr cond = null;
        for (int i : src.arrays()) {
            TExpr op = src.operands().get(i);
            Type.Array at = (Type.Array) op.type();
            if (at.layout() != Layout.A || at.ndim() == 0) continue;
            unit.set(i, new TExpr.Cast(op, at.withLayout(Layout.C), span));
            TExpr c = unitInnerStride(op, span);
            cond = cond == null ? c : new TExpr.Logical(true, cond, c, Types.BOOL, span);
        }
        List<TStmt> general = nest(src, extents, scalars, src.operands(), body);
        if (cond == null) return general;
        return List.of(new TStmt.If(cond, nest(src, extents, scalars, unit, body), general, span));
    }

    private List<TStmt> nest(Source src, List<TExpr> extents, Map<Var, TExpr> scalars, List<TExpr> operands,
                             BiFunction<List<TExpr>, TExpr, List<TStmt>> body) {
        Span span = src.span();
        int n = extents.size();
        List<Var> idx = new ArrayList<>();
        for (int k = 0; k < n; k++) idx.add(temp("i", Types.INT64));
        List<TExpr> at = new ArrayList<>();
        for (Var v : idx) at.add(load(v, span));
        Map<Var, TExpr> subst = new HashMap<>(scalars);
        for (int i = 0; i < operands.size(); i++) {
            TExpr op = operands.get(i);
            if (!(op.type() instanceof Type.Array a)) continue;
            subst.put(src.params().get(i), new TExpr.ArrayLoad(op, List.copyOf(at.subList(n - a.ndim(), n)), null, span));
        }
        List<TStmt> inner = body.apply(at, Substitute.apply(src.body(), subst));
        // An order-free reduction of Fortran arrays walks memory in order (as Numba's nditer does,
        // so sums round the same), axis 0 innermost; everything else goes in C order.
        boolean fortran = orderFree && n > 1 && operands.stream().allMatch(o -> !(o.type() instanceof Type.Array a)
                || a.layout() == Layout.F) && operands.stream().anyMatch(o -> o.type() instanceof Type.Array);
        for (int j = 0; j < n; j++) {
            int k = fortran ? j : n - 1 - j;
            inner = List.of(new TStmt.ForRange(idx.get(k), i64(0, span), extents.get(k), i64(1, span), inner, null, span));
        }
        return inner;
    }

    // ---- element-wise results --------------------------------------------------------------------

    /** An element-wise value about to be assigned to a variable whose own block it may be written into. */
    private record Reuse(TExpr.ElementWise value, Var var, Var owns) {}

    private Reuse reuse;
    /** Fresh temporaries that may be the assigned variable's own block, and the flag that says so. */
    private final Map<Var, Var> reusedFlags = new HashMap<>();

    /**
     * Whether {@code v = w} may write {@code w} into the block {@code v} owns: the types match, and
     * {@code w} reads {@code v} only whole ({@code x * 0.5 + y}), so each element is read before it is
     * written at the same position. A view of {@code v} ({@code x[::-1]}) reads other positions.
     */
    private static boolean inPlaceSafe(Var v, TExpr.ElementWise w) {
        if (!(v.type() instanceof Type.Array vt) || !vt.equals(w.type())) return false;
        for (TExpr o : w.operands()) {
            if (o instanceof TExpr.Load l && l.var().equals(v)) continue;
            Set<Var> used = new HashSet<>();
            UsedVars.collect(List.of(new TStmt.Eval(o, o.span())), used);
            if (used.contains(v)) return false;
        }
        return true;
    }

    private TExpr materialize(TExpr.ElementWise w, List<TStmt> out) {
        Source src = source(w, out);
        List<TExpr> shape = broadcastShape(src, out);
        Var result = freshTemp(w.type());
        Span span = w.span();
        TExpr alloc = new TExpr.AllocArray(w.type(), shape, Fill.EMPTY, null, span);
        TExpr res = load(result, span);
        List<TStmt> fill = new ArrayList<>();
        loops(src, shape, true, fill, (idx, el) -> List.of(new TStmt.Store(res, idx, el, null, span)));
        if (reuse == null || reuse.value() != w) {
            out.add(new TStmt.Assign(result, alloc, span));
            out.addAll(parallelOuter(fill, shape, span, out));
            return res;
        }
        // x = x * 0.5 + y: written into x's own block when x owns one of the result's shape. The loops
        // store through x itself there, so the compiler sees each element read and written at one
        // position and vectorizes.
        Var reused = temp("reused", Types.BOOL);
        reusedFlags.put(result, reused);
        TExpr fits = load(reuse.owns(), span);
        for (int k = 0; k < shape.size(); k++) {
            fits = new TExpr.Logical(true, fits, new TExpr.Compare(CmpOp.EQ, dim(load(reuse.var(), span), k, span), shape.get(k), span),
                    Types.BOOL, span);
        }
        TExpr self = load(reuse.var(), span);
        List<TStmt> inPlace = new ArrayList<>();
        loops(src, shape, true, inPlace, (idx, el) -> List.of(new TStmt.Store(self, idx, el, null, span)));
        List<TStmt> then = new ArrayList<>(parallelOuter(inPlace, shape, span, out));
        then.add(new TStmt.Assign(result, self, span));
        then.add(new TStmt.Assign(reused, new TExpr.Const(Types.BOOL, true, span), span));
        List<TStmt> orElse = new ArrayList<>();
        orElse.add(new TStmt.Assign(result, alloc, span));
        orElse.addAll(parallelOuter(fill, shape, span, out));
        orElse.add(new TStmt.Assign(reused, new TExpr.Const(Types.BOOL, false, span), span));
        out.add(new TStmt.If(fits, then, orElse, span));
        return res;
    }

    /** Depth of parallel loops being lowered: array expressions inside one run serially in its threads. */
    private int insideParallel;

    /** The fewest elements a thread of a parallel array expression gets: fewer run on fewer threads. */
    static final long PARALLEL_GRAIN = 1L << 15;

    /**
     * In a {@code parallel=True} function, the outermost loops of an element-wise fill (of a new
     * array, or of an assignment whose value does not overlap its target) run in parallel: each
     * iteration writes its own elements. A grain of {@link #PARALLEL_GRAIN} elements keeps small
     * arrays on one thread. Elsewhere the loops as they are.
     */
    private List<TStmt> parallelOuter(List<TStmt> loops, List<TExpr> extents, Span span, List<TStmt> out) {
        return parallelOuter(loops, extents, span, out, List.of());
    }

    /**
     * {@link #parallelOuter} for loops that also update {@code reductions} (a whole-array sum: each
     * thread sums its part, the parts are combined after the loop). The grain is per iteration of
     * the outermost loop, whichever axis it walks.
     */
    private List<TStmt> parallelOuter(List<TStmt> loops, List<TExpr> extents, Span span, List<TStmt> out,
                                      List<TStmt.ParallelRange.Reduction> reductions) {
        if (!fn.flags().parallel() || insideParallel > 0 || extents.isEmpty()) return loops;
        TExpr total = i64(1, span);
        for (TExpr e : extents) total = new TExpr.Binary(ArithOp.MUL, total, e, Types.INT64, null, span);
        Var size = temp("size", Types.INT64);
        out.add(new TStmt.Assign(size, total, span));
        return outermostParallel(loops, load(size, span), reductions, span);
    }

    private static TExpr atLeastOne(TExpr v, Span span) {
        return new TExpr.Select(new TExpr.Compare(CmpOp.LT, v, i64(1, span), span), i64(1, span), v, Types.INT64, span);
    }

    /** Each outermost loop as a parallel one whose grain gives a thread at least {@link #PARALLEL_GRAIN} elements. */
    private static List<TStmt> outermostParallel(List<TStmt> loops, TExpr size, List<TStmt.ParallelRange.Reduction> reductions, Span span) {
        List<TStmt> res = new ArrayList<>();
        for (TStmt s : loops) {
            res.add(switch (s) {
                case TStmt.ForRange f -> {
                    TExpr perIteration = atLeastOne(new TExpr.Binary(ArithOp.FLOORDIV, size, atLeastOne(f.stop(), span), Types.INT64, null, span), span);
                    TExpr grain = atLeastOne(new TExpr.Binary(ArithOp.FLOORDIV, i64(PARALLEL_GRAIN, span), perIteration, Types.INT64, null, span), span);
                    yield new TStmt.ParallelRange(f, reductions, grain, span);
                }
                case TStmt.If i -> new TStmt.If(i.cond(), outermostParallel(i.then(), size, reductions, span),
                        outermostParallel(i.orElse(), size, reductions, span), span);
                default -> s;
            });
        }
        return res;
    }

    private TExpr generate(TExpr.Generate g, List<TStmt> out) {
        Span span = g.span();
        List<TExpr> ops = exprs(g.operands(), out);
        Map<Var, TExpr> subst = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) subst.put(g.params().get(i), spill(ops.get(i), out));
        List<TExpr> shape = new ArrayList<>();
        for (TExpr x : g.shape()) shape.add(spill(Substitute.apply(x, subst), out));
        Var result = freshTemp(g.type());
        out.add(new TStmt.Assign(result, new TExpr.AllocArray(g.type(), shape, Fill.EMPTY, g.negativeDim(), span), span));
        TExpr res = load(result, span);
        nestOver(shape, span, out, at -> {
            for (int k = 0; k < at.size(); k++) subst.put(g.indices().get(k), at.get(k));
            return List.of(new TStmt.Store(res, at, Substitute.apply(g.body(), subst), null, span));
        });
        return res;
    }

    /**
     * Matrix products as loops whose innermost index walks the last axis of the right operand and
     * of the result (contiguous for C arrays): vector·vector and matrix·vector are dot products,
     * vector·matrix and matrix·matrix accumulate rows ({@code i, k, j} order).
     */
    private TExpr matmul(TExpr.MatMul m, List<TStmt> out) {
        Span span = m.span();
        List<TExpr> ops = exprs(List.of(m.left(), m.right()), out);
        TExpr a = spill(ops.get(0), out), b = spill(ops.get(1), out);
        int na = ((Type.Array) a.type()).ndim(), nb = ((Type.Array) b.type()).ndim();
        Type d = Types.dtypeOf(m.type());
        TExpr ka = spill(dim(a, na - 1, span), out), kb = spill(dim(b, 0, span), out);
        List<TExpr> payload = new ArrayList<>();
        for (int k = 0; k < na; k++) payload.add(dim(a, k, span));
        for (int k = 0; k < nb; k++) payload.add(dim(b, k, span));
        payload.add(ka);
        payload.add(kb);
        out.add(new TStmt.If(new TExpr.Compare(CmpOp.NE, ka, kb, span), List.of(new TStmt.Raise(m.mismatch(), payload, span)),
                List.of(), span));
        java.util.function.BiFunction<TExpr, TExpr, TExpr> mul = (x, y) -> new TExpr.Binary(ArithOp.MUL, x, y, d, null, span);
        java.util.function.BiFunction<TExpr, TExpr, TExpr> add = (x, y) -> new TExpr.Binary(ArithOp.ADD, x, y, d, null, span);
        Var k = temp("k", Types.INT64);
        TExpr kv = load(k, span);
        if (nb == 1) {
            // v·v or M·v: out[i] = sum_k a[i, k] * b[k]
            Var acc = temp("acc", d);
            java.util.function.Function<List<TExpr>, List<TStmt>> dotRow = rowIdx -> {
                List<TExpr> ai = new ArrayList<>(rowIdx);
                ai.add(kv);
                return List.of(new TStmt.Assign(acc, cast(i64(0, span), d), span),
                        new TStmt.ForRange(k, i64(0, span), ka, i64(1, span), List.of(new TStmt.Assign(acc, add.apply(load(acc, span),
                                mul.apply(new TExpr.ArrayLoad(a, ai, null, span), new TExpr.ArrayLoad(b, List.of(kv), null, span))), span)),
                                null, span));
            };
            if (na == 1) {
                out.addAll(dotRow.apply(List.of()));
                return load(acc, span);
            }
            Type.Array rt = (Type.Array) m.type();
            Var result = freshTemp(rt);
            TExpr rows = dim(a, 0, span);
            out.add(new TStmt.Assign(result, new TExpr.AllocArray(rt, List.of(rows), Fill.EMPTY, null, span), span));
            TExpr res = load(result, span);
            nestOver(List.of(rows), span, out, at -> {
                List<TStmt> body = new ArrayList<>(dotRow.apply(at));
                body.add(new TStmt.Store(res, at, load(acc, span), null, span));
                return body;
            });
            return res;
        }
        // v·M or M·M: out[i, :] += a[i, k] * b[k, :]
        Type.Array rt = (Type.Array) m.type();
        List<TExpr> shape = new ArrayList<>();
        if (na == 2) shape.add(dim(a, 0, span));
        shape.add(dim(b, 1, span));
        Var result = freshTemp(rt);
        out.add(new TStmt.Assign(result, new TExpr.AllocArray(rt, shape, Fill.ZEROS, null, span), span));
        TExpr res = load(result, span);
        Var j = temp("j", Types.INT64);
        TExpr jv = load(j, span);
        java.util.function.Function<List<TExpr>, List<TStmt>> row = rowIdx -> {
            List<TExpr> ai = new ArrayList<>(rowIdx);
            ai.add(kv);
            List<TExpr> oi = new ArrayList<>(rowIdx);
            oi.add(jv);
            Var aik = temp("aik", d);
            TStmt inner = new TStmt.ForRange(j, i64(0, span), dim(b, 1, span), i64(1, span), List.of(new TStmt.Store(res, oi,
                    add.apply(new TExpr.ArrayLoad(res, oi, null, span), mul.apply(load(aik, span),
                            new TExpr.ArrayLoad(b, List.of(kv, jv), null, span))), null, span)), null, span);
            return List.of(new TStmt.ForRange(k, i64(0, span), ka, i64(1, span), List.of(
                    new TStmt.Assign(aik, new TExpr.ArrayLoad(a, ai, null, span), span), inner), null, span));
        };
        if (na == 1) out.addAll(row.apply(List.of()));
        else nestOver(List.of(dim(a, 0, span)), span, out, row);
        return res;
    }

    /** The arrays copied one after the other along the axis into a new array of the summed extent. */
    private TExpr concat(TExpr.Concat c, List<TStmt> out) {
        Span span = c.span();
        int n = c.type().ndim(), ax = c.axis();
        List<TExpr> arrays = new ArrayList<>();
        for (TExpr a : exprs(c.arrays(), out)) arrays.add(spill(a, out));
        TExpr first = arrays.get(0);
        for (int i = 1; i < arrays.size(); i++) {
            for (int k = 0; k < n; k++) {
                if (k == ax) continue;
                ErrorSite site = sites.add(ExcKind.ValueError, "all the input array dimensions except for the concatenation axis must "
                        + "match exactly, but along dimension " + k + ", the array at index 0 has size {0} and the array at index " + i
                        + " has size {1}", span);
                TExpr a = dim(first, k, span), b = dim(arrays.get(i), k, span);
                out.add(new TStmt.If(new TExpr.Compare(CmpOp.NE, a, b, span), List.of(new TStmt.Raise(site, List.of(a, b), span)),
                        List.of(), span));
            }
        }
        TExpr total = i64(0, span);
        for (TExpr a : arrays) total = new TExpr.Binary(ArithOp.ADD, total, dim(a, ax, span), Types.INT64, null, span);
        List<TExpr> shape = new ArrayList<>();
        for (int k = 0; k < n; k++) shape.add(k == ax ? spill(total, out) : dim(first, k, span));
        Var result = freshTemp(c.type());
        out.add(new TStmt.Assign(result, new TExpr.AllocArray(c.type(), shape, Fill.EMPTY, null, span), span));
        TExpr res = load(result, span);
        Var offset = temp("off", Types.INT64);
        out.add(new TStmt.Assign(offset, i64(0, span), span));
        for (TExpr a : arrays) {
            TExpr size = dim(a, ax, span);
            TExpr end = new TExpr.Binary(ArithOp.ADD, load(offset, span), size, Types.INT64, null, span);
            List<dev.arrayjit.typeinfer.ir.ViewIndex> idx = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                idx.add(k == ax ? new dev.arrayjit.typeinfer.ir.ViewIndex.Range(load(offset, span), end, null)
                        : new dev.arrayjit.typeinfer.ir.ViewIndex.Range(null, null, null));
            }
            TExpr part = new TExpr.View(res, idx, c.type().withLayout(Layout.A), null, null, span);
            Type.Array at = (Type.Array) a.type();
            TExpr value = a;
            if (!at.dtype().equals(c.type().dtype())) {
                Var p = temp("el", at.dtype());
                value = new TExpr.ElementWise(List.of(a), List.of(p), cast(load(p, span), c.type().dtype()),
                        new Type.Array(c.type().dtype(), n, Layout.C, false), span);
            }
            ErrorSite shapes = sites.add(ExcKind.ValueError, "could not broadcast input array", span);
            stmt(new TStmt.ArrayAssign(part, value, shapes, span), out);
            out.add(new TStmt.Assign(offset, end, span));
        }
        return res;
    }

    // ---- assignment into arrays -------------------------------------------------------------------

    private void arrayAssign(TStmt.ArrayAssign a, List<TStmt> out) {
        Span span = a.span();
        TExpr target = spill(expr(a.target(), out), out);
        Type.Array tt = (Type.Array) target.type();
        List<TExpr> extents = new ArrayList<>();
        for (int k = 0; k < tt.ndim(); k++) extents.add(spill(dim(target, k, span), out));
        if (!(a.value().type() instanceof Type.Array)) {
            TExpr v = spill(expr(a.value(), out), out);
            Var p = temp("el", v.type());
            Source src = new Source(List.of(v), List.of(p), load(p, span), tt.ndim(), span);
            List<TStmt> fill = new ArrayList<>();
            loops(src, extents, false, fill, (idx, el) -> List.of(new TStmt.Store(target, idx, el, null, span)));
            out.addAll(parallelOuter(fill, extents, span, out));
            return;
        }
        Source src = source(a.value(), out);
        List<TExpr> shape = broadcastShape(src, out);
        // The value's shape must broadcast to the target's.
        TExpr bad = null;
        int n = tt.ndim(), m = shape.size();
        for (int k = 0; k < m; k++) {
            TExpr ext = extents.get(k + n - m);
            TExpr wrong = new TExpr.Logical(true, new TExpr.Compare(CmpOp.NE, shape.get(k), ext, span),
                    new TExpr.Compare(CmpOp.NE, shape.get(k), i64(1, span), span), Types.BOOL, span);
            bad = bad == null ? wrong : new TExpr.Logical(false, bad, wrong, Types.BOOL, span);
        }
        if (bad != null) {
            List<TExpr> payload = new ArrayList<>(shape);
            payload.addAll(extents);
            out.add(new TStmt.If(bad, List.of(new TStmt.Raise(a.mismatch(), payload, span)), List.of(), span));
        }
        // NumPy reads the whole value before writing: when an operand may share memory with the
        // target, compute the value into a new array first.
        TExpr overlap = null;
        for (int i : src.arrays()) {
            TExpr o = new TExpr.Overlaps(src.operands().get(i), target, span);
            overlap = overlap == null ? o : new TExpr.Logical(false, overlap, o, Types.BOOL, span);
        }
        List<TStmt> direct = new ArrayList<>();
        if (tt.layout() == Layout.A && tt.ndim() > 0) {
            // A strided target with a unit-stride last axis (a[1:-1, 1:-1]) is written as C rows.
            TExpr rows = new TExpr.Cast(target, tt.withLayout(Layout.C), span);
            List<TStmt> unitRows = new ArrayList<>(), general = new ArrayList<>();
            loops(src, extents, false, unitRows, (idx, el) -> List.of(new TStmt.Store(rows, idx, el, null, span)));
            loops(src, extents, false, general, (idx, el) -> List.of(new TStmt.Store(target, idx, el, null, span)));
            direct.add(new TStmt.If(unitInnerStride(target, span), unitRows, general, span));
        } else {
            loops(src, extents, false, direct, (idx, el) -> List.of(new TStmt.Store(target, idx, el, null, span)));
        }
        // Each element of the target is written once, by its own iteration: the loops may run in parallel.
        direct = parallelOuter(direct, extents, span, out);
        if (overlap == null) {
            out.addAll(direct);
            return;
        }
        List<TStmt> viaCopy = new ArrayList<>();
        Type.Array ct = new Type.Array(tt.dtype(), m, Layout.C, false);
        Var copy = freshTemp(ct);
        viaCopy.add(new TStmt.Assign(copy, new TExpr.AllocArray(ct, shape, Fill.EMPTY, null, span), span));
        TExpr c = load(copy, span);
        loops(src, shape, true, viaCopy, (idx, el) -> List.of(new TStmt.Store(c, idx, el, null, span)));
        Var p = temp("el", tt.dtype());
        Source fromCopy = new Source(List.of(c), List.of(p), load(p, span), m, span);
        loops(fromCopy, extents, false, viaCopy, (idx, el) -> List.of(new TStmt.Store(target, idx, el, null, span)));
        out.add(new TStmt.If(overlap, viaCopy, direct, span));
    }

    // ---- reductions ------------------------------------------------------------------------------

    private TExpr reduce(TExpr.Reduce r, List<TStmt> out) {
        Span span = r.span();
        Source src = source(r.array(), out);
        List<TExpr> shape = broadcastShape(src, out);
        if (r.op() == Reduction.CUMSUM || r.op() == Reduction.CUMPROD) return scan(r, src, shape, out);
        if (r.axis() != null) return reduceAxis(r, src, shape, out);
        orderFree = r.op() != Reduction.ARGMIN && r.op() != Reduction.ARGMAX;
        try {
            return reduceAll(r, src, shape, out);
        } finally {
            orderFree = false;
        }
    }

    private TExpr reduceAll(TExpr.Reduce r, Source src, List<TExpr> shape, List<TStmt> out) {
        Span span = r.span();
        Type rt = r.type();
        Type et = src.body().type();
        if (r.empty() != null) {
            TExpr size = i64(1, span);
            for (TExpr e : shape) size = new TExpr.Binary(ArithOp.MUL, size, e, Types.INT64, null, span);
            out.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, size, i64(0, span), span),
                    List.of(new TStmt.Raise(r.empty(), span)), List.of(), span));
        }
        return switch (r.op()) {
            case SUM, PROD -> {
                Var acc = temp("acc", rt);
                boolean sum = r.op() == Reduction.SUM;
                out.add(new TStmt.Assign(acc, cast(i64(sum ? 0 : 1, span), rt), span));
                List<TStmt> walk = new ArrayList<>();
                loops(src, shape, true, walk, (idx, el) -> List.of(new TStmt.Assign(acc, new TExpr.Binary(sum ? ArithOp.ADD : ArithOp.MUL,
                        load(acc, span), cast(el, rt), rt, null, span), span)));
                out.addAll(parallelOuter(walk, shape, span, out, List.of(new TStmt.ParallelRange.Reduction(acc,
                        sum ? TStmt.ParallelRange.Combine.ADD : TStmt.ParallelRange.Combine.MUL))));
                yield load(acc, span);
            }
            case MIN, MAX -> {
                Var acc = temp("acc", rt);
                boolean min = r.op() == Reduction.MIN;
                out.add(new TStmt.Assign(acc, extreme(rt, !min, span), span));
                List<TStmt> exact = out;
                if (rt instanceof Type.Float) {
                    // IEEE maximum/minimum (NaN wins) vectorizes as a reduction; it differs from NumPy's
                    // "first of equal values" only in the sign of a zero, so a zero result is redone exactly.
                    List<TStmt> walk = new ArrayList<>();
                    loops(src, shape, true, walk, (idx, el) -> List.of(new TStmt.Assign(acc, new TExpr.MathCall(min ? MathFn.MINIMUM
                            : MathFn.MAXIMUM, List.of(load(acc, span), cast(el, rt)), rt, span), span)));
                    out.addAll(parallelOuter(walk, shape, span, out, List.of(new TStmt.ParallelRange.Reduction(acc,
                            min ? TStmt.ParallelRange.Combine.MINIMUM : TStmt.ParallelRange.Combine.MAXIMUM))));
                    exact = new ArrayList<>();
                    exact.add(new TStmt.Assign(acc, extreme(rt, !min, span), span));
                    out.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, load(acc, span), cast(i64(0, span), rt), span), exact, List.of(), span));
                }
                loops(src, shape, true, exact, (idx, el) -> {
                    TExpr cur = load(acc, span);
                    TExpr better = new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, el, cur, span);
                    if (rt instanceof Type.Float) {
                        better = new TExpr.Logical(false, better, new TExpr.MathCall(MathFn.ISNAN, List.of(el), Types.BOOL, span),
                                Types.BOOL, span);
                    }
                    return List.of(new TStmt.Assign(acc, new TExpr.Select(better, el, cur, rt, span), span));
                });
                yield load(acc, span);
            }
            case ALL, ANY -> {
                Var acc = temp("acc", Types.BOOL);
                boolean all = r.op() == Reduction.ALL;
                out.add(new TStmt.Assign(acc, new TExpr.Const(Types.BOOL, all, span), span));
                List<TStmt> walk = new ArrayList<>();
                loops(src, shape, true, walk, (idx, el) -> List.of(new TStmt.Assign(acc, new TExpr.Binary(all ? ArithOp.BITAND : ArithOp.BITOR,
                        load(acc, span), truth(el, span), Types.BOOL, null, span), span)));
                out.addAll(parallelOuter(walk, shape, span, out, List.of(new TStmt.ParallelRange.Reduction(acc,
                        all ? TStmt.ParallelRange.Combine.AND : TStmt.ParallelRange.Combine.OR))));
                yield load(acc, span);
            }
            case ARGMIN, ARGMAX -> {
                Var best = temp("best", et), at = temp("arg", Types.INT64), k = temp("k", Types.INT64);
                boolean min = r.op() == Reduction.ARGMIN;
                out.add(new TStmt.Assign(best, cast(i64(0, span), et), span));
                out.add(new TStmt.Assign(at, i64(-1, span), span));
                out.add(new TStmt.Assign(k, i64(0, span), span));
                loops(src, shape, true, out, (idx, el) -> {
                    Var x = temp("x", et);
                    TExpr cur = load(best, span), xv = load(x, span);
                    TExpr better = et instanceof Type.Bool
                            ? new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, cast(xv, Types.INT64), cast(cur, Types.INT64), span)
                            : new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, xv, cur, span);
                    if (et instanceof Type.Float) {
                        // The first nan wins and stays.
                        TExpr curNan = new TExpr.MathCall(MathFn.ISNAN, List.of(cur), Types.BOOL, span);
                        TExpr xNan = new TExpr.MathCall(MathFn.ISNAN, List.of(xv), Types.BOOL, span);
                        better = new TExpr.Logical(true, new TExpr.Unary(UnOp.NOT, curNan, Types.BOOL, span),
                                new TExpr.Logical(false, xNan, better, Types.BOOL, span), Types.BOOL, span);
                    }
                    TExpr first = new TExpr.Compare(CmpOp.LT, load(at, span), i64(0, span), span);
                    return List.of(new TStmt.Assign(x, el, span),
                            new TStmt.If(new TExpr.Logical(false, first, better, Types.BOOL, span),
                                    List.of(new TStmt.Assign(best, xv, span), new TStmt.Assign(at, load(k, span), span)), List.of(), span),
                            new TStmt.Assign(k, new TExpr.Binary(ArithOp.ADD, load(k, span), i64(1, span), Types.INT64, null, span), span));
                });
                yield load(at, span);
            }
            case MEAN, VAR, STD -> {
                // Numba's accumulation: float32 arrays in float32, everything else in float64.
                TExpr count = i64(1, span);
                for (TExpr e : shape) count = new TExpr.Binary(ArithOp.MUL, count, e, Types.INT64, null, span);
                Var n = temp("count", rt);
                out.add(new TStmt.Assign(n, cast(count, rt), span));
                Var sum = temp("acc", rt);
                out.add(new TStmt.Assign(sum, cast(i64(0, span), rt), span));
                loops(src, shape, true, out, (idx, el) -> List.of(new TStmt.Assign(sum, new TExpr.Binary(ArithOp.ADD, load(sum, span),
                        cast(el, rt), rt, null, span), span)));
                Var mean = temp("mean", rt);
                out.add(new TStmt.Assign(mean, new TExpr.Binary(ArithOp.DIV, load(sum, span), load(n, span), rt, null, span), span));
                if (r.op() == Reduction.MEAN) yield load(mean, span);
                Var sq = temp("acc", rt);
                out.add(new TStmt.Assign(sq, cast(i64(0, span), rt), span));
                loops(src, shape, true, out, (idx, el) -> {
                    TExpr d = new TExpr.Binary(ArithOp.SUB, cast(el, rt), load(mean, span), rt, null, span);
                    return List.of(new TStmt.Assign(sq, new TExpr.Binary(ArithOp.ADD, load(sq, span),
                            new TExpr.Binary(ArithOp.MUL, d, d, rt, null, span), rt, null, span), span));
                });
                TExpr var = new TExpr.Binary(ArithOp.DIV, load(sq, span), load(n, span), rt, null, span);
                yield r.op() == Reduction.VAR ? var : new TExpr.MathCall(MathFn.SQRT, List.of(var), rt, span);
            }
            case CUMSUM, CUMPROD -> throw new IllegalStateException("scans are lowered by scan()");
        };
    }

    /** Whether {@code x} should replace the running minimum/maximum {@code cur}: smaller/larger, or a first nan. */
    private static TExpr better(boolean min, TExpr x, TExpr cur, Type t, Span span) {
        TExpr b = new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, x, cur, span);
        if (!(t instanceof Type.Float)) return b;
        return new TExpr.Logical(false, b, new TExpr.MathCall(MathFn.ISNAN, List.of(x), Types.BOOL, span), Types.BOOL, span);
    }

    /** cumsum / cumprod: the running total over the elements in C order, as a new 1-D array. */
    private TExpr scan(TExpr.Reduce r, Source src, List<TExpr> shape, List<TStmt> out) {
        Span span = r.span();
        Type.Array rt = (Type.Array) r.type();
        Type et = rt.dtype();
        boolean sum = r.op() == Reduction.CUMSUM;
        TExpr size = i64(1, span);
        for (TExpr e : shape) size = new TExpr.Binary(ArithOp.MUL, size, e, Types.INT64, null, span);
        Var result = freshTemp(rt), acc = temp("acc", et), k = temp("k", Types.INT64);
        out.add(new TStmt.Assign(result, new TExpr.AllocArray(rt, List.of(size), Fill.EMPTY, null, span), span));
        out.add(new TStmt.Assign(acc, cast(i64(sum ? 0 : 1, span), et), span));
        out.add(new TStmt.Assign(k, i64(0, span), span));
        TExpr res = load(result, span);
        loops(src, shape, true, out, (idx, el) -> List.of(
                new TStmt.Assign(acc, new TExpr.Binary(sum ? ArithOp.ADD : ArithOp.MUL, load(acc, span), cast(el, et), et, null, span), span),
                new TStmt.Store(res, List.of(load(k, span)), load(acc, span), null, span),
                new TStmt.Assign(k, new TExpr.Binary(ArithOp.ADD, load(k, span), i64(1, span), Types.INT64, null, span), span)));
        return res;
    }

    /**
     * A reduction along one axis: the result (the other axes) starts at the identity and every
     * element of the source, visited in C order (contiguous for C inputs), updates its slot.
     */
    private TExpr reduceAxis(TExpr.Reduce r, Source src, List<TExpr> shape, List<TStmt> out) {
        Span span = r.span();
        int ax = r.axis();
        Type.Array rt = (Type.Array) r.type();
        Type acc = rt.dtype(), et = src.body().type();
        List<TExpr> outShape = new ArrayList<>(shape);
        outShape.remove(ax);
        if (r.empty() != null) {
            out.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, shape.get(ax), i64(0, span), span),
                    List.of(new TStmt.Raise(r.empty(), span)), List.of(), span));
        }
        Var result = freshTemp(rt);
        out.add(new TStmt.Assign(result, new TExpr.AllocArray(rt, outShape, Fill.EMPTY, null, span), span));
        TExpr res = load(result, span);
        boolean min = r.op() == Reduction.MIN || r.op() == Reduction.ARGMIN;
        TExpr init = switch (r.op()) {
            case SUM, MEAN -> cast(i64(0, span), acc);
            case PROD -> cast(i64(1, span), acc);
            case MIN, MAX -> extreme(acc, !min, span);
            case ARGMIN, ARGMAX -> i64(0, span);
            default -> throw new IllegalStateException(r.op() + " along an axis");
        };
        fill(res, outShape, init, span, out);
        TExpr best = null;
        if (r.op() == Reduction.ARGMIN || r.op() == Reduction.ARGMAX) {
            Type.Array bt = new Type.Array(et, outShape.size(), Layout.C, false);
            Var b = temp("best", bt);
            out.add(new TStmt.Assign(b, new TExpr.AllocArray(bt, outShape, Fill.EMPTY, null, span), span));
            best = load(b, span);
        }
        TExpr bestArr = best;
        loops(src, shape, true, out, (idx, el) -> {
            List<TExpr> at = new ArrayList<>(idx);
            TExpr k = at.remove(ax);
            TExpr cur = new TExpr.ArrayLoad(res, at, null, span);
            return switch (r.op()) {
                case SUM, MEAN, PROD -> List.of(new TStmt.Store(res, at, new TExpr.Binary(r.op() == Reduction.PROD ? ArithOp.MUL : ArithOp.ADD,
                        cur, cast(el, acc), acc, null, span), null, span));
                case MIN, MAX -> {
                    Var x = temp("x", acc);
                    TExpr xv = load(x, span);
                    yield List.of(new TStmt.Assign(x, el, span),
                            new TStmt.Store(res, at, new TExpr.Select(better(min, xv, cur, acc, span), xv, cur, acc, span), null, span));
                }
                default -> {
                    Var x = temp("x", et);
                    TExpr xv = load(x, span);
                    TExpr held = new TExpr.ArrayLoad(bestArr, at, null, span);
                    TExpr wins = et instanceof Type.Bool
                            ? new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, cast(xv, Types.INT64), cast(held, Types.INT64), span)
                            : new TExpr.Compare(min ? CmpOp.LT : CmpOp.GT, xv, held, span);
                    if (et instanceof Type.Float) {
                        TExpr heldNan = new TExpr.MathCall(MathFn.ISNAN, List.of(held), Types.BOOL, span);
                        TExpr xNan = new TExpr.MathCall(MathFn.ISNAN, List.of(xv), Types.BOOL, span);
                        wins = new TExpr.Logical(true, new TExpr.Unary(UnOp.NOT, heldNan, Types.BOOL, span),
                                new TExpr.Logical(false, xNan, wins, Types.BOOL, span), Types.BOOL, span);
                    }
                    TExpr first = new TExpr.Compare(CmpOp.EQ, k, i64(0, span), span);
                    yield List.of(new TStmt.Assign(x, el, span),
                            new TStmt.If(new TExpr.Logical(false, first, wins, Types.BOOL, span),
                                    List.of(new TStmt.Store(bestArr, at, xv, null, span), new TStmt.Store(res, at, k, null, span)),
                                    List.of(), span));
                }
            };
        });
        if (r.op() == Reduction.MEAN) {
            TExpr n = cast(shape.get(ax), acc);
            List<TStmt> divide = new ArrayList<>();
            nestOver(outShape, span, divide, at -> List.of(new TStmt.Store(res, at, new TExpr.Binary(ArithOp.DIV,
                    new TExpr.ArrayLoad(res, at, null, span), n, acc, null, span), null, span)));
            out.addAll(divide);
        }
        return res;
    }

    /** Stores {@code value} into every element of a new C array of these extents. */
    private void fill(TExpr array, List<TExpr> extents, TExpr value, Span span, List<TStmt> out) {
        nestOver(extents, span, out, at -> List.of(new TStmt.Store(array, at, value, null, span)));
    }

    /** Loops over every index of {@code extents} in C order. */
    private void nestOver(List<TExpr> extents, Span span, List<TStmt> out, java.util.function.Function<List<TExpr>, List<TStmt>> body) {
        int n = extents.size();
        List<Var> idx = new ArrayList<>();
        List<TExpr> at = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            idx.add(temp("i", Types.INT64));
            at.add(load(idx.get(k), span));
        }
        List<TStmt> inner = body.apply(at);
        for (int k = n - 1; k >= 0; k--) {
            inner = List.of(new TStmt.ForRange(idx.get(k), i64(0, span), extents.get(k), i64(1, span), inner, null, span));
        }
        out.addAll(inner);
    }

    private static TExpr cast(TExpr v, Type to) {
        if (v.type().equals(to)) return v;
        return new TExpr.Cast(v, to, v.span());
    }

    /** The identity of min (largest value) or max (smallest value) for a type. */
    static TExpr extreme(Type t, boolean smallest, Span span) {
        return switch (t) {
            case Type.Float f -> new TExpr.Const(t, smallest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, span);
            case Type.Bool b -> new TExpr.Const(t, !smallest, span);
            case Type.Int i -> {
                long v;
                if (i.signed()) v = smallest ? -(1L << (i.bits() - 1)) : (i.bits() == 64 ? Long.MAX_VALUE : (1L << (i.bits() - 1)) - 1);
                else v = smallest ? 0 : (i.bits() == 64 ? -1L : (1L << i.bits()) - 1);
                yield new TExpr.Const(t, v, span);
            }
            default -> throw new IllegalStateException("no extreme value of " + t);
        };
    }
}
