package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a {@code for i in range(...)} loop can be versioned: one pre-check before the
 * loop proves every element access of its body in bounds for the whole range, so a clone of the
 * loop runs without bounds checks and without negative-index wrapping (and vectorizes), while the
 * original, checked loop runs when the pre-check fails and raises at the exact iteration.
 *
 * <p>A loop qualifies when its index variable is not assigned in the body and every
 * {@code a[idx, ...]} in the body (nested statements and loops included) reads a variable array
 * not assigned in the body, with every index either
 * <ul>
 *   <li><b>invariant</b>: built only from constants, variables not assigned in the body, and pure
 *       operations that cannot raise (no calls, no element reads); checked once, wrapped as usual;</li>
 *   <li><b>affine</b> in the index {@code i}: {@code i}, {@code e + c}, {@code c + e}, {@code e - c},
 *       {@code c - e}, {@code e * c}, {@code c * e}, {@code -e} for affine {@code e} and invariant
 *       {@code c} (int64). Its extreme values over the range are at the first and last iteration;
 *       the pre-check requires them in {@code [0, extent)} without wrapping, and that no
 *       sub-expression overflows there (then none overflows in between: each is linear in {@code i}).</li>
 * </ul>
 * Calls in the body are allowed: a callee cannot change the caller's variables or an array's shape.
 * Backends use the plan: the CPU backend and the OpenCL generator both emit the pre-check and the
 * unchecked clone.
 */
public final class LoopVersioning {
    public enum Kind { INVARIANT, AFFINE }

    /** One element access: its array variable and index expressions (deduplicated by structure). */
    public record Access(Var array, List<TExpr> indices) {}

    /** What the pre-check tests; {@code kinds} classifies every index expression and affine sub-expression. */
    public record Plan(Var index, List<Access> accesses, IdentityHashMap<TExpr, Kind> kinds) {}

    private final Var index;
    private final Set<Integer> assigned = new HashSet<>();
    private final IdentityHashMap<TExpr, Kind> kinds = new IdentityHashMap<>();
    private final Map<String, Access> accesses = new LinkedHashMap<>();
    private boolean worthwhile;

    private LoopVersioning(Var index) { this.index = index; }

    /** The plan for a loop, or null when it does not qualify or versioning would gain nothing. */
    public static Plan analyze(TStmt.ForRange loop) {
        LoopVersioning v = new LoopVersioning(loop.index());
        collectAssigned(loop.body(), v.assigned);
        if (v.assigned.contains(loop.index().id())) return null;
        if (!v.statements(loop.body()) || !v.worthwhile) return null;
        return new Plan(loop.index(), new ArrayList<>(v.accesses.values()), v.kinds);
    }

    private static void collectAssigned(List<TStmt> body, Set<Integer> out) {
        for (TStmt s : body) {
            switch (s) {
                case TStmt.Assign a -> out.add(a.var().id());
                case TStmt.If i -> { collectAssigned(i.then(), out); collectAssigned(i.orElse(), out); }
                case TStmt.While w -> collectAssigned(w.body(), out);
                case TStmt.ForRange f -> { out.add(f.index().id()); collectAssigned(f.body(), out); }
                default -> { }
            }
        }
    }

    // ---- walking every expression of the body; false = an access that does not qualify ----

    private boolean statements(List<TStmt> body) {
        for (TStmt s : body) if (!statement(s)) return false;
        return true;
    }

    private boolean statement(TStmt s) {
        return switch (s) {
            case TStmt.Assign a -> expr(a.value());
            case TStmt.Store st -> expr(st.value()) && access(st.array(), st.indices(), st.outOfBounds() != null);
            case TStmt.Eval e -> expr(e.value());
            case TStmt.If i -> expr(i.cond()) && statements(i.then()) && statements(i.orElse());
            case TStmt.While w -> expr(w.cond()) && statements(w.body());
            case TStmt.ForRange f -> expr(f.start()) && expr(f.stop()) && expr(f.step()) && statements(f.body());
            case TStmt.Return r -> r.value() == null || expr(r.value());
            case TStmt.Break b -> true;
            case TStmt.Continue c -> true;
            case TStmt.Raise r -> all(r.payload());
            case TStmt.ArrayAssign a -> false;
            case TStmt.Release r -> false;
            case TStmt.ListResize r -> false; // moves list storage: nothing stays invariant
            case TStmt.ParallelRange p -> false;
            case TStmt.ParallelChunks p -> false;
        };
    }

    private boolean expr(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> true;
            case TExpr.Load l -> true;
            case TExpr.ConstArray c -> true;
            case TExpr.Cast c -> expr(c.value());
            case TExpr.Binary b -> expr(b.left()) && expr(b.right());
            case TExpr.Compare c -> expr(c.left()) && expr(c.right());
            case TExpr.Unary u -> expr(u.operand());
            case TExpr.Truth t -> expr(t.value());
            case TExpr.IsNone n -> expr(n.value());
            case TExpr.MakeComplex m -> expr(m.re()) && expr(m.im());
            case TExpr.ComplexPart p -> expr(p.value());
            case TExpr.Logical l -> expr(l.left()) && expr(l.right());
            case TExpr.Select s -> expr(s.cond()) && expr(s.ifTrue()) && expr(s.ifFalse());
            case TExpr.MathCall m -> all(m.args());
            case TExpr.Call c -> all(c.args());
            case TExpr.ArrayLoad a -> access(a.array(), a.indices(), a.outOfBounds() != null);
            case TExpr.ArrayDim d -> expr(d.array());
            case TExpr.ArrayStride d -> expr(d.array());
            case TExpr.ArraySize s -> expr(s.array());
            case TExpr.AllocArray a -> all(a.shape());
            case TExpr.MakeTuple t -> all(t.elements());
            case TExpr.TupleGet g -> expr(g.tuple());
            // Views check their own integer indices; they only need their operands to be versionable.
            case TExpr.View v -> all(Exprs.children(v));
            case TExpr.Transpose tr -> expr(tr.array());
            case TExpr.Reshape r -> false;
            case TExpr.BroadcastTo bt -> all(Exprs.children(bt));
            case TExpr.Overlaps o -> expr(o.left()) && expr(o.right());
            case TExpr.Fail f -> all(f.payload());
            case TExpr.RandomState r -> true;
            case TExpr.Print p -> all(p.values());
            case TExpr.MatMul m -> false;
            case TExpr.Generate g -> false;
            case TExpr.Concat c -> false;
            case TExpr.ElementWise w -> false;
            case TExpr.Reduce r -> false;
            case TExpr.Block bl -> false;
            case TExpr.ListNew l -> false;
            case TExpr.ListLen l -> expr(l.list());
            case TExpr.ListItems l -> expr(l.list());
            case TExpr.ThreadCount c -> true;
            case TExpr.FloatBits f -> expr(f.value());
            case TExpr.Let l -> false; // assigns a variable inside an expression: not worth tracking
            case TExpr.GpuIndex g -> false;
            case TExpr.GpuArray g -> false;
            case TExpr.GpuBarrier g -> false;
            case TExpr.GpuAtomic g -> false;
        };
    }

    private boolean all(List<TExpr> es) {
        for (TExpr e : es) if (!expr(e)) return false;
        return true;
    }

    private boolean access(TExpr array, List<TExpr> indices, boolean checked) {
        if (!(array instanceof TExpr.Load load) || !invariantVar(load.var())) return false;
        StringBuilder key = new StringBuilder().append(load.var().id());
        for (TExpr idx : indices) {
            if (!expr(idx)) return false;
            Kind kind = classify(idx);
            if (kind == null) return false;
            if (kind == Kind.AFFINE) worthwhile = true;
            key.append('|').append(describe(idx));
        }
        if (checked) worthwhile = true;
        accesses.putIfAbsent(key.toString(), new Access(load.var(), indices));
        return true;
    }

    private boolean invariantVar(Var v) { return v.id() != index.id() && !assigned.contains(v.id()); }

    /** INVARIANT, AFFINE or null (neither), recorded for the expression and its affine parts. */
    private Kind classify(TExpr e) {
        Kind known = kinds.get(e);
        if (known != null) return known;
        Kind kind = invariant(e) ? Kind.INVARIANT : affine(e) ? Kind.AFFINE : null;
        if (kind != null) kinds.put(e, kind);
        return kind;
    }

    private boolean invariant(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> true;
            case TExpr.Load l -> invariantVar(l.var());
            case TExpr.ConstArray c -> true;
            case TExpr.Cast c -> c.type().isScalar() && invariant(c.value());
            case TExpr.Binary b -> b.zeroDivision() == null && invariant(b.left()) && invariant(b.right());
            case TExpr.Compare c -> invariant(c.left()) && invariant(c.right());
            case TExpr.Unary u -> invariant(u.operand());
            case TExpr.Truth t -> invariant(t.value());
            case TExpr.IsNone n -> invariant(n.value());
            case TExpr.MakeComplex m -> invariant(m.re()) && invariant(m.im());
            case TExpr.ComplexPart p -> invariant(p.value());
            case TExpr.Logical l -> invariant(l.left()) && invariant(l.right());
            case TExpr.Select s -> invariant(s.cond()) && invariant(s.ifTrue()) && invariant(s.ifFalse());
            case TExpr.MathCall m -> m.args().stream().allMatch(this::invariant);
            case TExpr.ArrayDim d -> invariant(d.array());
            case TExpr.ArrayStride d -> invariant(d.array());
            case TExpr.ArraySize s -> invariant(s.array());
            case TExpr.TupleGet g -> invariant(g.tuple());
            case TExpr.MakeTuple t -> t.elements().stream().allMatch(this::invariant);
            case TExpr.Call c -> false;
            case TExpr.ArrayLoad a -> false;
            case TExpr.AllocArray a -> false;
            // Views may raise (an integer index out of bounds), so none is hoisted before a loop.
            case TExpr.View v -> false;
            case TExpr.Transpose tr -> invariant(tr.array());
            case TExpr.Reshape r -> false;
            case TExpr.BroadcastTo bt -> false;
            case TExpr.Overlaps o -> false;
            case TExpr.Fail f -> false;
            case TExpr.RandomState r -> false;
            case TExpr.Print p -> false;
            case TExpr.MatMul m -> false;
            case TExpr.Generate g -> false;
            case TExpr.Concat c -> false;
            case TExpr.ElementWise w -> false;
            case TExpr.Reduce r -> false;
            case TExpr.Block bl -> false;
            case TExpr.ListNew l -> false;
            case TExpr.ListLen l -> false; // appends in the loop change it
            case TExpr.ListItems l -> false;
            case TExpr.ThreadCount c -> true;
            case TExpr.FloatBits f -> invariant(f.value());
            case TExpr.Let l -> false;
            case TExpr.GpuIndex g -> false;
            case TExpr.GpuArray g -> false;
            case TExpr.GpuBarrier g -> false;
            case TExpr.GpuAtomic g -> false;
        };
    }

    private boolean affine(TExpr e) {
        if (!Types.INT64.equals(e.type())) return false;
        return switch (e) {
            case TExpr.Load l -> l.var().id() == index.id();
            case TExpr.Binary b when b.op() == ArithOp.ADD || b.op() == ArithOp.SUB -> {
                Kind l = classify(b.left()), r = classify(b.right());
                yield l != null && r != null && (l == Kind.AFFINE || r == Kind.AFFINE);
            }
            case TExpr.Binary b when b.op() == ArithOp.MUL -> {
                Kind l = classify(b.left()), r = classify(b.right());
                yield (l == Kind.AFFINE && r == Kind.INVARIANT) || (l == Kind.INVARIANT && r == Kind.AFFINE);
            }
            case TExpr.Unary u when u.op() == UnOp.NEG -> classify(u.operand()) == Kind.AFFINE;
            default -> false;
        };
    }

    /** A structural key of an index expression (spans ignored), to check each access once. */
    private static String describe(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> c.type() + ":" + c.value();
            case TExpr.Load l -> "v" + l.var().id();
            case TExpr.Cast c -> "(" + c.type() + ")" + describe(c.value());
            case TExpr.Binary b -> "(" + describe(b.left()) + b.op().symbol + describe(b.right()) + ")";
            case TExpr.Unary u -> u.op() + "(" + describe(u.operand()) + ")";
            case TExpr.ArrayDim d -> describe(d.array()) + ".shape[" + d.axis() + "]";
            case TExpr.ArraySize s -> describe(s.array()) + ".size";
            case TExpr.TupleGet g -> describe(g.tuple()) + "[" + g.index() + "]";
            default -> "#" + System.identityHashCode(e);
        };
    }
}
