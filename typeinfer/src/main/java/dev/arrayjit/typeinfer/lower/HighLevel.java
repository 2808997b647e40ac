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
        return switch (s) {
            case TStmt.ArrayAssign a -> true;
            case TStmt.Assign a -> in(a.value());
            case TStmt.Store st -> in(st.array()) || st.indices().stream().anyMatch(HighLevel::in) || in(st.value());
            case TStmt.Eval e -> in(e.value());
            case TStmt.Release r -> false;
            case TStmt.If i -> in(i.cond()) || in(i.then()) || in(i.orElse());
            case TStmt.While w -> in(w.cond()) || in(w.body());
            case TStmt.ForRange f -> in(f.start()) || in(f.stop()) || in(f.step()) || in(f.body());
            case TStmt.Return r -> r.value() != null && in(r.value());
            case TStmt.Raise r -> r.payload().stream().anyMatch(HighLevel::in);
            case TStmt.Break b -> false;
            case TStmt.Continue c -> false;
        };
    }

    static boolean in(TExpr e) {
        if (Exprs.isHighLevel(e)) return true;
        for (TExpr k : Exprs.children(e)) if (in(k)) return true;
        return false;
    }
}
