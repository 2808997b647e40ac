package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import java.util.List;

/** Whether control can fall off the end of a statement list. */
final class ControlFlow {
    private ControlFlow() {}

    static boolean fallsThrough(List<TStmt> body) {
        for (TStmt s : body) if (!fallsThrough(s)) return false;
        return true;
    }

    private static boolean fallsThrough(TStmt s) {
        return switch (s) {
            case TStmt.Return r -> false;
            case TStmt.Raise r -> false;
            case TStmt.If i -> fallsThrough(i.then()) || fallsThrough(i.orElse());
            // while True: without a break only leaves by return or raise.
            case TStmt.While w -> !(w.cond() instanceof TExpr.Const c && Boolean.TRUE.equals(c.value())) || hasBreak(w.body());
            default -> true;
        };
    }

    private static boolean hasBreak(List<TStmt> body) {
        for (TStmt s : body) {
            switch (s) {
                case TStmt.Break b -> { return true; }
                case TStmt.If i -> { if (hasBreak(i.then()) || hasBreak(i.orElse())) return true; }
                default -> { }
            }
        }
        return false;
    }
}
