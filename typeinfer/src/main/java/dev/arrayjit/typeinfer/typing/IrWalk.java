package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.ir.Exprs;
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
            case TStmt.Release r -> { }
            case TStmt.ArrayAssign a -> { calls(a.target(), out); calls(a.value(), out); }
            case TStmt.If i -> { calls(i.cond(), out); i.then().forEach(x -> calls(x, out)); i.orElse().forEach(x -> calls(x, out)); }
            case TStmt.While w -> { calls(w.cond(), out); w.body().forEach(x -> calls(x, out)); }
            case TStmt.ForRange f -> {
                calls(f.start(), out); calls(f.stop(), out); calls(f.step(), out);
                f.body().forEach(x -> calls(x, out));
            }
            case TStmt.Return r -> { if (r.value() != null) calls(r.value(), out); }
            case TStmt.Break b -> { }
            case TStmt.Continue c -> { }
            case TStmt.Raise r -> r.payload().forEach(x -> calls(x, out));
        }
    }

    static void calls(TExpr e, List<String> out) {
        if (e instanceof TExpr.Call c) out.add(c.symbol());
        if (e instanceof TExpr.ElementWise w) calls(w.body(), out);
        if (e instanceof TExpr.Generate g) { g.shape().forEach(x -> calls(x, out)); calls(g.body(), out); }
        for (TExpr k : Exprs.children(e)) calls(k, out);
    }
}
