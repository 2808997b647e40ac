package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.Var;
import java.util.List;
import java.util.Set;

/** The variables a lowered body reads or writes (to drop element parameters from the locals). */
final class UsedVars {
    private UsedVars() {}

    static void collect(List<TStmt> body, Set<Var> out) {
        for (TStmt s : body) collect(s, out);
    }

    private static void collect(TStmt s, Set<Var> out) {
        switch (s) {
            case TStmt.Assign a -> { out.add(a.var()); collect(a.value(), out); }
            case TStmt.Store st -> { collect(st.array(), out); st.indices().forEach(i -> collect(i, out)); collect(st.value(), out); }
            case TStmt.Eval e -> collect(e.value(), out);
            case TStmt.Release r -> collect(r.array(), out);
            case TStmt.ArrayAssign a -> { collect(a.target(), out); collect(a.value(), out); }
            case TStmt.If i -> { collect(i.cond(), out); collect(i.then(), out); collect(i.orElse(), out); }
            case TStmt.While w -> { collect(w.cond(), out); collect(w.body(), out); }
            case TStmt.ForRange f -> {
                out.add(f.index());
                collect(f.start(), out); collect(f.stop(), out); collect(f.step(), out);
                collect(f.body(), out);
            }
            case TStmt.Return r -> { if (r.value() != null) collect(r.value(), out); }
            case TStmt.Raise r -> r.payload().forEach(x -> collect(x, out));
            case TStmt.Break b -> { }
            case TStmt.Continue c -> { }
        }
    }

    private static void collect(TExpr e, Set<Var> out) {
        if (e instanceof TExpr.Load l) out.add(l.var());
        if (e instanceof TExpr.ElementWise w) collect(w.body(), out);
        if (e instanceof TExpr.Generate g) { g.shape().forEach(x -> collect(x, out)); collect(g.body(), out); }
        for (TExpr k : Exprs.children(e)) collect(k, out);
    }
}
