package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Array variables whose values never escape while the function runs: they are only read
 * element-wise, measured, reduced, copied, written through or returned, never aliased (assigned to
 * another name, viewed, put in a tuple, passed to a call). When such a variable is given a fresh
 * array, the block its old value owned can be freed at once, so a loop like
 * {@code x = x * 0.5 + y} does not keep one array per iteration until the call returns. (A value
 * being returned is never released: only a later assignment releases, and return ends the call.
 * A parameter's first value is the caller's memory, which owns no block.)
 */
final class Reusable {
    private final Set<Var> escaped = new HashSet<>();

    private Reusable() {}

    static Set<Var> of(TypedFunction f) {
        Reusable r = new Reusable();
        for (TStmt s : f.body()) r.stmt(s);
        Set<Var> out = new HashSet<>();
        for (Var v : f.locals()) {
            if (v.type() instanceof Type.Array && !r.escaped.contains(v)) out.add(v);
        }
        return out;
    }

    private void stmt(TStmt s) {
        switch (s) {
            case TStmt.Store st -> {
                consumed(st.array());
                st.indices().forEach(this::expr);
                expr(st.value());
            }
            case TStmt.ArrayAssign a -> { consumed(a.target()); consumed(a.value()); }
            case TStmt.Return r -> { if (r.value() != null) consumed(r.value()); }
            default -> {
                Exprs.statementExprs(s).forEach(this::expr);
                for (List<TStmt> b : Exprs.blocks(s)) b.forEach(this::stmt);
            }
        }
    }

    /** An operand read in place (its elements or extents): a variable there does not escape. */
    private void consumed(TExpr e) {
        if (e instanceof TExpr.Load) return;
        expr(e);
    }

    private void expr(TExpr e) {
        switch (e) {
            case TExpr.Load l -> escaped.add(l.var());
            case TExpr.ArrayLoad a -> { consumed(a.array()); a.indices().forEach(this::expr); }
            case TExpr.ArrayDim d -> consumed(d.array());
            case TExpr.ArraySize s -> consumed(s.array());
            case TExpr.Reduce r -> consumed(r.array());
            case TExpr.MatMul m -> { consumed(m.left()); consumed(m.right()); }
            case TExpr.Concat c -> c.arrays().forEach(this::consumed);
            case TExpr.Overlaps o -> { consumed(o.left()); consumed(o.right()); }
            case TExpr.Print p -> p.values().forEach(this::consumed);
            case TExpr.ElementWise w -> {
                w.operands().forEach(this::consumed);
                expr(w.body());
            }
            case TExpr.Block bl -> {
                bl.body().forEach(this::stmt);
                expr(bl.result());
            }
            case TExpr.Generate g -> {
                g.operands().forEach(this::expr);
                g.shape().forEach(this::expr);
                expr(g.body());
            }
            default -> Exprs.children(e).forEach(this::expr);
        }
    }
}
