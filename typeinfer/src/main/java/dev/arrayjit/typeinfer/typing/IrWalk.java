package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import java.util.List;

/** Finds the functions a typed body calls. */
final class IrWalk {
    private IrWalk() {}

    static void calls(TStmt s, List<String> out) {
        switch (s) {
            case TStmt.Assign a -> calls(a.value(), out);
            case TStmt.Store st -> { calls(st.array(), out); st.indices().forEach(i -> calls(i, out)); calls(st.value(), out); }
            case TStmt.Eval e -> calls(e.value(), out);
            case TStmt.If i -> { calls(i.cond(), out); i.then().forEach(x -> calls(x, out)); i.orElse().forEach(x -> calls(x, out)); }
            case TStmt.While w -> { calls(w.cond(), out); w.body().forEach(x -> calls(x, out)); }
            case TStmt.ForRange f -> {
                calls(f.start(), out); calls(f.stop(), out); calls(f.step(), out);
                f.body().forEach(x -> calls(x, out));
            }
            case TStmt.Return r -> { if (r.value() != null) calls(r.value(), out); }
            case TStmt.Break b -> { }
            case TStmt.Continue c -> { }
            case TStmt.Raise r -> { }
        }
    }

    static void calls(TExpr e, List<String> out) {
        switch (e) {
            case TExpr.Call c -> { out.add(c.symbol()); c.args().forEach(a -> calls(a, out)); }
            case TExpr.Const c -> { }
            case TExpr.Load l -> { }
            case TExpr.Cast c -> calls(c.value(), out);
            case TExpr.Binary b -> { calls(b.left(), out); calls(b.right(), out); }
            case TExpr.Compare c -> { calls(c.left(), out); calls(c.right(), out); }
            case TExpr.Unary u -> calls(u.operand(), out);
            case TExpr.Truth t -> calls(t.value(), out);
            case TExpr.Logical l -> { calls(l.left(), out); calls(l.right(), out); }
            case TExpr.Select s -> { calls(s.cond(), out); calls(s.ifTrue(), out); calls(s.ifFalse(), out); }
            case TExpr.MathCall m -> m.args().forEach(a -> calls(a, out));
            case TExpr.ArrayLoad a -> { calls(a.array(), out); a.indices().forEach(i -> calls(i, out)); }
            case TExpr.ArrayDim d -> calls(d.array(), out);
            case TExpr.ArraySize s -> calls(s.array(), out);
            case TExpr.AllocArray a -> a.shape().forEach(x -> calls(x, out));
            case TExpr.MakeTuple m -> m.elements().forEach(x -> calls(x, out));
            case TExpr.TupleGet g -> calls(g.tuple(), out);
        }
    }
}
