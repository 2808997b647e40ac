package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import java.util.List;

/** Finds high-level array nodes, so code without any passes through lowering untouched. */
final class HighLevel {
    private HighLevel() {}

    static boolean in(List<TStmt> body) {
        for (TStmt s : body) if (in(s)) return true;
        return false;
    }

    static boolean in(TStmt s) {
        if (s instanceof TStmt.ArrayAssign) return true;
        for (TExpr e : Exprs.statementExprs(s)) if (in(e)) return true;
        for (List<TStmt> b : Exprs.blocks(s)) if (in(b)) return true;
        return false;
    }

    static boolean in(TExpr e) {
        if (Exprs.isHighLevel(e)) return true;
        for (TExpr k : Exprs.children(e)) if (in(k)) return true;
        return false;
    }
}
