package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.frontend.ast.Stmt;
import java.util.List;
import java.util.Set;

/** The names an inner function's body reads, to find the enclosing variables it closes over. */
final class InnerNames {
    private InnerNames() {}

    static void reads(List<Stmt> body, Set<String> out) {
        for (Stmt s : body) stmt(s, out);
    }

    private static void stmt(Stmt s, Set<String> out) {
        switch (s) {
            case Stmt.Assign a -> { expr(a.value(), out); a.targets().forEach(t -> target(t, out)); }
            case Stmt.AugAssign a -> { expr(a.target(), out); expr(a.value(), out); }
            case Stmt.AnnAssign a -> { if (a.value() != null) expr(a.value(), out); target(a.target(), out); }
            case Stmt.ExprStmt e -> expr(e.value(), out);
            case Stmt.If i -> { expr(i.test(), out); reads(i.body(), out); reads(i.orElse(), out); }
            case Stmt.While w -> { expr(w.test(), out); reads(w.body(), out); reads(w.orElse(), out); }
            case Stmt.For f -> { expr(f.iter(), out); target(f.target(), out); reads(f.body(), out); reads(f.orElse(), out); }
            case Stmt.Return r -> { if (r.value() != null) expr(r.value(), out); }
            case Stmt.Raise r -> { if (r.exception() != null) expr(r.exception(), out); }
            case Stmt.Assert a -> { expr(a.test(), out); if (a.message() != null) expr(a.message(), out); }
            default -> { }
        }
    }

    /** Subscripts and attributes inside assignment targets read their base. */
    private static void target(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Name n -> { }
            case Expr.Tuple t -> t.elements().forEach(x -> target(x, out));
            case Expr.ListLit l -> l.elements().forEach(x -> target(x, out));
            default -> expr(e, out);
        }
    }

    private static void expr(Expr e, Set<String> out) {
        if (e == null) return;
        switch (e) {
            case Expr.Name n -> out.add(n.id());
            case Expr.Call c -> {
                expr(c.func(), out);
                c.args().forEach(a -> expr(a, out));
                for (Keyword k : c.keywords()) expr(k.value(), out);
            }
            case Expr.FString f -> f.parts().forEach(x -> expr(x, out));
            case Expr.Binary b -> { expr(b.left(), out); expr(b.right(), out); }
            case Expr.Unary u -> expr(u.operand(), out);
            case Expr.Logical l -> l.operands().forEach(x -> expr(x, out));
            case Expr.Compare c -> { expr(c.left(), out); c.comparators().forEach(x -> expr(x, out)); }
            case Expr.IfExp i -> { expr(i.test(), out); expr(i.body(), out); expr(i.orElse(), out); }
            case Expr.Attribute a -> expr(a.value(), out);
            case Expr.Subscript s -> { expr(s.value(), out); expr(s.index(), out); }
            case Expr.Slice s -> { expr(s.lower(), out); expr(s.upper(), out); expr(s.step(), out); }
            case Expr.Tuple t -> t.elements().forEach(x -> expr(x, out));
            case Expr.ListLit l -> l.elements().forEach(x -> expr(x, out));
            case Expr.Starred st -> expr(st.value(), out);
            case Expr.ListComp lc -> {
                expr(lc.element(), out);
                for (Expr.Comprehension g : lc.generators()) {
                    expr(g.iter(), out);
                    g.conditions().forEach(x -> expr(x, out));
                }
            }
            default -> { }
        }
    }
}
