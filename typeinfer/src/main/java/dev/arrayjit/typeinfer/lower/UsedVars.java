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
        if (s instanceof TStmt.Assign a) out.add(a.var());
        if (s instanceof TStmt.ForRange f) out.add(f.index());
        for (TExpr e : Exprs.statementExprs(s)) collect(e, out);
        for (List<TStmt> b : Exprs.blocks(s)) collect(b, out);
    }

    private static void collect(TExpr e, Set<Var> out) {
        if (e instanceof TExpr.Load l) out.add(l.var());
        if (e instanceof TExpr.ElementWise w) collect(w.body(), out);
        if (e instanceof TExpr.Generate g) { g.shape().forEach(x -> collect(x, out)); collect(g.body(), out); }
        for (TExpr k : Exprs.children(e)) collect(k, out);
    }
}
