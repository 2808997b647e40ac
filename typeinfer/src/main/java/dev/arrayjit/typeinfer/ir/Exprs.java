package dev.arrayjit.typeinfer.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Generic access to the operands of expressions, so passes that only rebuild trees (lowering,
 * walking for calls) need not name every node. The bodies (and shapes) of {@link TExpr.ElementWise}
 * and {@link TExpr.Generate} are scopes of their own and not among their operands.
 */
public final class Exprs {
    private Exprs() {}

    /** The operand expressions of {@code e}, in evaluation order. */
    public static List<TExpr> children(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> List.of();
            case TExpr.Load l -> List.of();
            case TExpr.ConstArray c -> List.of();
            case TExpr.Cast c -> List.of(c.value());
            case TExpr.Binary b -> List.of(b.left(), b.right());
            case TExpr.Compare c -> List.of(c.left(), c.right());
            case TExpr.Unary u -> List.of(u.operand());
            case TExpr.Truth t -> List.of(t.value());
            case TExpr.IsNone n -> List.of(n.value());
            case TExpr.MakeComplex m -> List.of(m.re(), m.im());
            case TExpr.ComplexPart p -> List.of(p.value());
            case TExpr.Logical l -> List.of(l.left(), l.right());
            case TExpr.Select s -> List.of(s.cond(), s.ifTrue(), s.ifFalse());
            case TExpr.MathCall m -> m.args();
            case TExpr.Call c -> c.args();
            case TExpr.ArrayLoad a -> concat(a.array(), a.indices());
            case TExpr.ArrayDim d -> List.of(d.array());
            case TExpr.ArrayStride d -> List.of(d.array());
            case TExpr.ArraySize s -> List.of(s.array());
            case TExpr.AllocArray a -> a.shape();
            case TExpr.MakeTuple m -> m.elements();
            case TExpr.TupleGet g -> List.of(g.tuple());
            case TExpr.View v -> {
                List<TExpr> out = new ArrayList<>();
                out.add(v.array());
                for (ViewIndex i : v.indices()) {
                    switch (i) {
                        case ViewIndex.At at -> out.add(at.index());
                        case ViewIndex.Range r -> {
                            if (r.start() != null) out.add(r.start());
                            if (r.stop() != null) out.add(r.stop());
                            if (r.step() != null) out.add(r.step());
                        }
                        case ViewIndex.NewAxis n -> { }
                    }
                }
                yield out;
            }
            case TExpr.Transpose t -> List.of(t.array());
            case TExpr.Reshape r -> concat(r.array(), r.shape());
            case TExpr.BroadcastTo b -> concat(b.array(), b.shape());
            case TExpr.Reduce r -> List.of(r.array());
            case TExpr.ElementWise w -> w.operands();
            case TExpr.Overlaps o -> List.of(o.left(), o.right());
            case TExpr.Generate g -> g.operands();
            case TExpr.MatMul m -> List.of(m.left(), m.right());
            case TExpr.Fail f -> f.payload();
            case TExpr.RandomState r -> List.of();
            case TExpr.Print p -> p.values();
            case TExpr.Concat c -> c.arrays();
            case TExpr.ListNew l -> List.of(l.length());
            case TExpr.ListLen l -> List.of(l.list());
            case TExpr.ListItems l -> List.of(l.list());
            case TExpr.Block bl -> List.of(); // its statements and result are a scope of their own
            case TExpr.ThreadCount c -> List.of();
            case TExpr.FloatBits f -> List.of(f.value());
            case TExpr.Let l -> List.of(l.value(), l.body());
            case TExpr.GpuIndex g -> List.of();
            case TExpr.GpuArray g -> List.of();
            case TExpr.GpuBarrier g -> g.predicate() == null ? List.of() : List.of(g.predicate());
            case TExpr.GpuAtomic g -> {
                List<TExpr> out = new ArrayList<>(concat(g.array(), g.indices()));
                out.add(g.value());
                if (g.compare() != null) out.add(g.compare());
                yield out;
            }
        };
    }

    /**
     * Whether evaluating {@code e} twice gives the same as once: numbers, variables, element reads
     * and arithmetic; no calls, allocations, raises, prints, random draws or atomics.
     */
    public static boolean isPure(TExpr e) {
        boolean node = switch (e) {
            case TExpr.Const c -> true;
            case TExpr.Load l -> true;
            case TExpr.ConstArray c -> true;
            case TExpr.Cast c -> true;
            case TExpr.Binary b -> true;
            case TExpr.Compare c -> true;
            case TExpr.Unary u -> true;
            case TExpr.Truth t -> true;
            case TExpr.IsNone n -> true;
            case TExpr.MakeComplex m -> true;
            case TExpr.ComplexPart p -> true;
            case TExpr.Logical l -> true;
            case TExpr.Select s -> true;
            case TExpr.MathCall m -> true;
            case TExpr.ArrayLoad a -> true;
            case TExpr.ArrayDim d -> true;
            case TExpr.ArrayStride d -> true;
            case TExpr.ArraySize s -> true;
            case TExpr.MakeTuple t -> true;
            case TExpr.TupleGet g -> true;
            case TExpr.GpuIndex g -> true;
            default -> false;
        };
        if (!node) return false;
        for (TExpr c : children(e)) if (!isPure(c)) return false;
        return true;
    }

    /** {@code e} with its operands replaced by {@code k} (same count and order as {@link #children}). */
    public static TExpr withChildren(TExpr e, List<TExpr> k) {
        if (k.equals(children(e))) return e;
        return switch (e) {
            case TExpr.Const c -> c;
            case TExpr.Load l -> l;
            case TExpr.ConstArray c -> c;
            case TExpr.Cast c -> new TExpr.Cast(k.get(0), c.type(), c.span());
            case TExpr.Binary b -> new TExpr.Binary(b.op(), k.get(0), k.get(1), b.type(), b.zeroDivision(), b.span());
            case TExpr.Compare c -> new TExpr.Compare(c.op(), k.get(0), k.get(1), c.span());
            case TExpr.Unary u -> new TExpr.Unary(u.op(), k.get(0), u.type(), u.span());
            case TExpr.Truth t -> new TExpr.Truth(k.get(0), t.span());
            case TExpr.IsNone n -> new TExpr.IsNone(k.get(0), n.span());
            case TExpr.MakeComplex m -> new TExpr.MakeComplex(k.get(0), k.get(1), m.type(), m.span());
            case TExpr.ComplexPart p -> new TExpr.ComplexPart(k.get(0), p.imag(), p.span());
            case TExpr.Logical l -> new TExpr.Logical(l.isAnd(), k.get(0), k.get(1), l.type(), l.span());
            case TExpr.Select s -> new TExpr.Select(k.get(0), k.get(1), k.get(2), s.type(), s.span());
            case TExpr.MathCall m -> new TExpr.MathCall(m.fn(), List.copyOf(k), m.type(), m.span());
            case TExpr.Call c -> new TExpr.Call(c.symbol(), List.copyOf(k), c.type(), c.span(), c.where());
            case TExpr.ArrayLoad a -> new TExpr.ArrayLoad(k.get(0), List.copyOf(k.subList(1, k.size())), a.outOfBounds(), a.span());
            case TExpr.ArrayDim d -> new TExpr.ArrayDim(k.get(0), d.axis(), d.span());
            case TExpr.ArrayStride d -> new TExpr.ArrayStride(k.get(0), d.axis(), d.span());
            case TExpr.ArraySize s -> new TExpr.ArraySize(k.get(0), s.span());
            case TExpr.AllocArray a -> new TExpr.AllocArray(a.type(), List.copyOf(k), a.fill(), a.negativeDim(), a.span());
            case TExpr.MakeTuple m -> new TExpr.MakeTuple(List.copyOf(k), m.type(), m.span());
            case TExpr.TupleGet g -> new TExpr.TupleGet(k.get(0), g.index(), g.span());
            case TExpr.View v -> {
                int at = 1;
                List<ViewIndex> idx = new ArrayList<>();
                for (ViewIndex i : v.indices()) {
                    switch (i) {
                        case ViewIndex.At x -> idx.add(new ViewIndex.At(k.get(at++)));
                        case ViewIndex.Range r -> {
                            TExpr start = r.start() == null ? null : k.get(at++);
                            TExpr stop = r.stop() == null ? null : k.get(at++);
                            TExpr step = r.step() == null ? null : k.get(at++);
                            idx.add(new ViewIndex.Range(start, stop, step));
                        }
                        case ViewIndex.NewAxis n -> idx.add(n);
                    }
                }
                yield new TExpr.View(k.get(0), idx, v.type(), v.outOfBounds(), v.zeroStep(), v.span());
            }
            case TExpr.Transpose t -> new TExpr.Transpose(k.get(0), t.axes(), t.type(), t.span());
            case TExpr.Reshape r -> new TExpr.Reshape(k.get(0), List.copyOf(k.subList(1, k.size())), r.type(), r.mismatch(), r.span());
            case TExpr.BroadcastTo b -> new TExpr.BroadcastTo(k.get(0), List.copyOf(k.subList(1, k.size())), b.type(), b.span());
            case TExpr.Reduce r -> new TExpr.Reduce(r.op(), k.get(0), r.axis(), r.type(), r.empty(), r.span());
            case TExpr.ElementWise w -> new TExpr.ElementWise(List.copyOf(k), w.params(), w.body(), w.type(), w.span());
            case TExpr.Overlaps o -> new TExpr.Overlaps(k.get(0), k.get(1), o.span());
            case TExpr.Concat c -> new TExpr.Concat(List.copyOf(k), c.axis(), c.type(), c.span());
            case TExpr.RandomState r -> r;
            case TExpr.Print p -> new TExpr.Print(List.copyOf(k), p.end(), p.span());
            case TExpr.Fail f -> new TExpr.Fail(f.site(), List.copyOf(k), f.type(), f.span());
            case TExpr.MatMul m -> new TExpr.MatMul(k.get(0), k.get(1), m.type(), m.mismatch(), m.span());
            case TExpr.Generate g -> new TExpr.Generate(List.copyOf(k), g.params(), g.shape(), g.indices(), g.body(), g.type(), g.negativeDim(), g.span());
            case TExpr.ListNew l -> new TExpr.ListNew(l.type(), k.get(0), l.span());
            case TExpr.ListLen l -> new TExpr.ListLen(k.get(0), l.span());
            case TExpr.ListItems l -> new TExpr.ListItems(k.get(0), l.span());
            case TExpr.Block bl -> bl;
            case TExpr.ThreadCount c -> c;
            case TExpr.FloatBits f -> new TExpr.FloatBits(k.get(0), f.span());
            case TExpr.Let l -> new TExpr.Let(l.var(), k.get(0), k.get(1), l.span());
            case TExpr.GpuIndex g -> g;
            case TExpr.GpuArray g -> g;
            case TExpr.GpuBarrier g -> g.predicate() == null ? g : new TExpr.GpuBarrier(g.sync(), k.get(0), g.span());
            case TExpr.GpuAtomic g -> {
                int n = 1 + g.indices().size();
                yield new TExpr.GpuAtomic(g.op(), k.get(0), List.copyOf(k.subList(1, n)), k.get(n), g.compare() == null ? null : k.get(n + 1),
                        g.outOfBounds(), g.span());
            }
        };
    }

    /** Whether any expression of {@code body} (nested blocks and operands included) satisfies {@code p}. */
    public static boolean anyExpr(List<TStmt> body, java.util.function.Predicate<TExpr> p) {
        for (TStmt s : body) {
            for (TExpr e : statementExprs(s)) if (anyExpr(e, p)) return true;
            for (List<TStmt> b : blocks(s)) if (anyExpr(b, p)) return true;
        }
        return false;
    }

    private static boolean anyExpr(TExpr e, java.util.function.Predicate<TExpr> p) {
        if (p.test(e)) return true;
        for (TExpr c : children(e)) if (anyExpr(c, p)) return true;
        return false;
    }

    /** Whether any statement of {@code body}, nested ones included, satisfies {@code p}. */
    public static boolean anyStmt(List<TStmt> body, java.util.function.Predicate<TStmt> p) {
        for (TStmt s : body) {
            if (p.test(s)) return true;
            for (List<TStmt> b : blocks(s)) if (anyStmt(b, p)) return true;
        }
        return false;
    }

    /** The expressions a statement evaluates itself (not those of its nested blocks). */
    public static List<TExpr> statementExprs(TStmt s) {
        return switch (s) {
            case TStmt.Assign a -> List.of(a.value());
            case TStmt.Store st -> concat(st.array(), concat(st.value(), st.indices()));
            case TStmt.Eval e -> List.of(e.value());
            case TStmt.Release r -> List.of(r.array());
            case TStmt.ListResize r -> List.of(r.list(), r.length());
            case TStmt.ParallelRange p -> concat(p.grain(), statementExprs(p.loop()));
            case TStmt.ParallelChunks p -> concat(p.length(), concat(p.chunks(), p.args()));
            case TStmt.ArrayAssign a -> List.of(a.target(), a.value());
            case TStmt.If i -> List.of(i.cond());
            case TStmt.While w -> List.of(w.cond());
            case TStmt.ForRange f -> List.of(f.start(), f.stop(), f.step());
            case TStmt.Return r -> r.value() == null ? List.of() : List.of(r.value());
            case TStmt.Raise r -> r.payload();
            case TStmt.Break b -> List.of();
            case TStmt.Continue c -> List.of();
        };
    }

    /** The symbols of the functions a body calls (element-wise and generated bodies included), in order. */
    public static List<String> callees(List<TStmt> body) {
        List<String> out = new ArrayList<>();
        for (TStmt s : body) callees(s, out);
        return out;
    }

    private static void callees(TStmt s, List<String> out) {
        if (s instanceof TStmt.ParallelChunks p) out.add(p.symbol());
        for (TExpr e : statementExprs(s)) callees(e, out);
        for (List<TStmt> b : blocks(s)) for (TStmt x : b) callees(x, out);
    }

    private static void callees(TExpr e, List<String> out) {
        if (e instanceof TExpr.Call c) out.add(c.symbol());
        if (e instanceof TExpr.ElementWise w) callees(w.body(), out);
        if (e instanceof TExpr.Generate g) { g.shape().forEach(x -> callees(x, out)); callees(g.body(), out); }
        if (e instanceof TExpr.Block bl) { bl.body().forEach(x -> callees(x, out)); callees(bl.result(), out); }
        for (TExpr k : children(e)) callees(k, out);
    }

    /** The nested statement blocks of a statement. */
    public static List<List<TStmt>> blocks(TStmt s) {
        return switch (s) {
            case TStmt.If i -> List.of(i.then(), i.orElse());
            case TStmt.While w -> List.of(w.body());
            case TStmt.ForRange f -> List.of(f.body());
            case TStmt.ParallelRange p -> List.of(p.loop().body());
            default -> List.of();
        };
    }

    /** Whether {@code e} is a high-level array node the lowering pass removes (see {@link TExpr}). */
    public static boolean isHighLevel(TExpr e) {
        return e instanceof TExpr.ElementWise || e instanceof TExpr.Reduce || e instanceof TExpr.Generate
                || e instanceof TExpr.MatMul || e instanceof TExpr.Concat || e instanceof TExpr.Block;
    }

    private static List<TExpr> concat(TExpr first, List<TExpr> rest) {
        List<TExpr> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
