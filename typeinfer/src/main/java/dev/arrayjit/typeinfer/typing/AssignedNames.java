package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The local names of a function: its parameters and every name it assigns (Python's scoping rule). */
final class AssignedNames {
    private final Set<String> names = new LinkedHashSet<>();

    AssignedNames(Stmt.FunctionDef def) {
        for (Param p : def.params()) names.add(p.name());
        walk(def.body());
    }

    boolean contains(String n) { return names.contains(n); }

    Set<String> all() { return names; }

    private void walk(List<Stmt> body) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Assign a -> a.targets().forEach(this::target);
                case Stmt.AugAssign a -> target(a.target());
                case Stmt.AnnAssign a -> target(a.target());
                case Stmt.For f -> { target(f.target()); walk(f.body()); walk(f.orElse()); }
                case Stmt.While w -> { walk(w.body()); walk(w.orElse()); }
                case Stmt.If i -> { walk(i.body()); walk(i.orElse()); }
                default -> { }
            }
        }
    }

    private void target(Expr t) {
        switch (t) {
            case Expr.Name n -> names.add(n.id());
            case Expr.Tuple tu -> tu.elements().forEach(this::target);
            case Expr.ListLit l -> l.elements().forEach(this::target);
            case Expr.Starred st -> target(st.value());
            default -> { }
        }
    }
}
