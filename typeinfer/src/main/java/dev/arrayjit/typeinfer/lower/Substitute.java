package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replaces the loads of some variables in an expression (an element-wise body's parameters). */
final class Substitute {
    private Substitute() {}

    static TExpr apply(TExpr e, Map<Var, TExpr> with) {
        if (e instanceof TExpr.Load l) {
            TExpr r = with.get(l.var());
            return r == null ? e : r;
        }
        List<TExpr> kids = Exprs.children(e);
        if (kids.isEmpty()) return e;
        List<TExpr> out = new ArrayList<>(kids.size());
        for (TExpr k : kids) out.add(apply(k, with));
        return Exprs.withChildren(e, out);
    }
}
