package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.typeinfer.ir.TStmt.ParallelRange.Combine;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reduction variables of a {@code prange} body, found as Numba finds them: a name the body only
 * updates with one operator, {@code s += x} ({@code -=}, {@code *=}, {@code &=}, {@code |=},
 * {@code ^=}) or {@code m = min(m, x)} / {@code m = max(m, x)}. A name the body also assigns
 * otherwise is private to an iteration instead. Also rejects what a parallel body cannot do
 * ({@code return}, a {@code break} out of the prange loop).
 */
final class Reductions {
    /** Each reduction variable (its first update's name node, for its local) with how partial results combine. */
    record Found(Expr.Name name, Combine combine) {}

    private final FunctionTyper t;
    private final Map<String, Found> updates = new LinkedHashMap<>();
    private final Map<String, Combine> mixed = new LinkedHashMap<>();
    private final Set<String> assigned = new HashSet<>();

    private Reductions(FunctionTyper t) { this.t = t; }

    /** The reductions of a prange body; null after reporting a statement that cannot run in parallel. */
    static List<Found> of(FunctionTyper t, List<Stmt> body) {
        Reductions r = new Reductions(t);
        if (!r.block(body, 0)) return null;
        return r.updates.entrySet().stream()
                .filter(e -> !r.assigned.contains(e.getKey()) && !r.mixed.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    private boolean block(List<Stmt> body, int loops) {
        for (Stmt s : body) if (!stmt(s, loops)) return false;
        return true;
    }

    private boolean stmt(Stmt s, int loops) {
        switch (s) {
            case Stmt.AugAssign a when a.target() instanceof Expr.Name n -> {
                Combine c = switch (a.op()) {
                    case ADD, SUB -> Combine.ADD;
                    case MUL -> Combine.MUL;
                    case BITAND -> Combine.AND;
                    case BITOR -> Combine.OR;
                    case BITXOR -> Combine.XOR;
                    default -> null;
                };
                update(n, c);
            }
            case Stmt.Assign a -> {
                Combine c = a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n ? minMax(n, a.value()) : null;
                if (c != null) update((Expr.Name) a.targets().get(0), c);
                else for (Expr target : a.targets()) names(target);
            }
            case Stmt.AnnAssign a -> names(a.target());
            case Stmt.For f -> {
                names(f.target());
                return block(f.body(), loops + 1) && block(f.orElse(), loops);
            }
            case Stmt.While w -> { return block(w.body(), loops + 1) && block(w.orElse(), loops); }
            case Stmt.If i -> { return block(i.body(), loops) && block(i.orElse(), loops); }
            case Stmt.Return r -> { return reject(r.span(), "'return' inside a prange loop"); }
            case Stmt.Break b when loops == 0 -> { return reject(b.span(), "'break' out of a prange loop"); }
            default -> { }
        }
        return true;
    }

    private boolean reject(Span span, String what) {
        t.error("unsupported.prange", span, what + " is not supported: its iterations run in parallel, in no set order",
                "compute a result per iteration (or a reduction such as s += x) and decide after the loop");
        return false;
    }

    /** {@code m = min(m, x)} or {@code m = max(x, m)}: MIN or MAX; null otherwise. */
    private Combine minMax(Expr.Name target, Expr value) {
        if (!(value instanceof Expr.Call c) || c.args().size() != 2 || !c.keywords().isEmpty()) return null;
        String q = t.scope.qualifiedName(c.func());
        Combine k = "builtins.min".equals(q) ? Combine.MIN : "builtins.max".equals(q) ? Combine.MAX : null;
        if (k == null) return null;
        for (Expr a : c.args()) if (a instanceof Expr.Name n && n.id().equals(target.id())) return k;
        return null;
    }

    private void update(Expr.Name n, Combine c) {
        String local = t.local(n);
        if (c == null) {
            assigned.add(local);
            return;
        }
        Found first = updates.putIfAbsent(local, new Found(n, c));
        if (first != null && first.combine() != c) mixed.put(local, c);
    }

    private void names(Expr target) {
        switch (target) {
            case Expr.Name n -> assigned.add(t.local(n));
            case Expr.Tuple tu -> tu.elements().forEach(this::names);
            case Expr.ListLit l -> l.elements().forEach(this::names);
            default -> { }
        }
    }
}
