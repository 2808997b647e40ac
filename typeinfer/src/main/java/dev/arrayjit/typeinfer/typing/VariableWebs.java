package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits each local name into webs: definitions joined by the uses they reach (reaching
 * definitions over the structured body). Each web is typed as one variable, so a name reused for
 * an unrelated value of another type ({@code x = 0 ... x = np.zeros(n)} with no use seeing both)
 * is two variables, as in Numba's SSA; definitions that meet at a use must unify.
 */
final class VariableWebs {
    /** A definition: a parameter, an assignment target, or a for-loop target. */
    private static final class Def {
        final String name;
        /** The pseudo-definition "not assigned yet" that every local starts with. */
        final boolean undefined;
        /** Source offset of the target that defines it (-1 for parameters and the pseudo-definition). */
        final int at;
        Def parent = this;
        Def(String name) { this(name, false, -1); }
        Def(String name, boolean undefined) { this(name, undefined, -1); }
        Def(String name, boolean undefined, int at) { this.name = name; this.undefined = undefined; this.at = at; }
        Def root() {
            Def d = this;
            while (d.parent != d) d = d.parent = d.parent.parent;
            return d;
        }
    }

    /** Reaching definitions per name; null means unreachable code. */
    private static final class State {
        final Map<String, Set<Def>> defs = new HashMap<>();

        State copy() {
            State s = new State();
            defs.forEach((k, v) -> s.defs.put(k, new HashSet<>(v)));
            return s;
        }
    }

    private final Map<Expr.Name, Def> defOf = new IdentityHashMap<>();
    private final Map<Expr.Name, Set<Def>> usesOf = new IdentityHashMap<>();
    private final Map<String, Def> params = new LinkedHashMap<>();
    private final Map<Expr.Name, String> names = new IdentityHashMap<>();

    /** Loop contexts: where break and continue states go. */
    private final List<List<State>> breaks = new ArrayList<>();
    private final List<List<State>> continues = new ArrayList<>();

    VariableWebs(Stmt.FunctionDef def) {
        State entry = new State();
        for (Param p : def.params()) {
            Def d = new Def(p.name());
            params.put(p.name(), d);
            entry.defs.put(p.name(), new HashSet<>(Set.of(d)));
        }
        for (String local : new AssignedNames(def).all()) {
            entry.defs.computeIfAbsent(local, k -> new HashSet<>(Set.of(new Def(k, true))));
        }
        block(def.body(), entry);
        nameWebs();
    }

    /** The variable a name node reads or writes (the name itself for its main web). */
    String local(Expr.Name n) {
        return names.getOrDefault(n, n.id());
    }

    /** Whether the name stands for more than one variable (it is reassigned with another value flow). */
    boolean hasSeveralWebs(String name) {
        String second = name + "$2";
        return names.values().stream().anyMatch(second::equals); // an identity map: compare the values by equals
    }

    /** Whether any definition reaches this read of a name. */
    boolean reached(Expr.Name n) {
        Set<Def> d = usesOf.get(n);
        return d != null && d.stream().anyMatch(x -> !x.undefined);
    }

    private final Set<String> loopTargets = new HashSet<>();

    /** Whether a name is the target of some for loop of the function. */
    boolean isLoopTarget(String name) { return loopTargets.contains(name); }

    /** Whether some path reaches this read of a local without assigning it. */
    boolean maybeUnassigned(Expr.Name n) {
        Set<Def> d = usesOf.get(n);
        return d != null && d.stream().anyMatch(x -> x.undefined);
    }

    /** The name a user wrote for a variable ({@code x$2} is the second web of {@code x}). */
    static String display(String local) {
        int i = local.indexOf('$');
        return i <= 0 ? local : local.substring(0, i);
    }

    // ---- naming ------------------------------------------------------------------------------

    private void nameWebs() {
        for (var e : usesOf.entrySet()) {
            Def first = null;
            for (Def d : e.getValue()) {
                if (d.undefined) continue;
                if (first == null) first = d;
                else union(first, d);
            }
        }
        // The web holding the parameter, or else the first one defined, keeps the plain name.
        Map<String, List<Def>> rootsByName = new LinkedHashMap<>();
        for (Def p : params.values()) rootsByName.computeIfAbsent(p.name, k -> new ArrayList<>()).add(p.root());
        List<Map.Entry<Expr.Name, Def>> inSourceOrder = new ArrayList<>(defOf.entrySet());
        inSourceOrder.sort(java.util.Comparator.comparingInt(e -> e.getKey().span().start()));
        for (Def d : inSourceOrder.stream().map(Map.Entry::getValue).toList()) {
            List<Def> roots = rootsByName.computeIfAbsent(d.name, k -> new ArrayList<>());
            if (!roots.contains(d.root())) roots.add(d.root());
        }
        Map<Def, String> webName = new HashMap<>();
        for (var e : rootsByName.entrySet()) {
            List<Def> roots = e.getValue();
            for (int i = 0; i < roots.size(); i++) webName.put(roots.get(i), i == 0 ? e.getKey() : e.getKey() + "$" + (i + 1));
        }
        for (var e : defOf.entrySet()) names.put(e.getKey(), webName.get(e.getValue().root()));
        for (var e : usesOf.entrySet()) {
            e.getValue().stream().filter(d -> !d.undefined).findFirst()
                    .ifPresent(d -> names.put(e.getKey(), webName.get(d.root())));
        }
    }

    private static void union(Def a, Def b) {
        Def ra = a.root(), rb = b.root();
        if (ra != rb) rb.parent = ra;
    }

    // ---- dataflow ----------------------------------------------------------------------------

    private static State join(State a, State b) {
        if (a == null) return b == null ? null : b.copy();
        if (b == null) return a.copy();
        State s = a.copy();
        b.defs.forEach((k, v) -> s.defs.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        return s;
    }

    private static boolean same(State a, State b) {
        if (a == null || b == null) return a == b;
        return a.defs.equals(b.defs);
    }

    /** Runs a block from {@code in}; returns the state after it (null when it cannot fall through). */
    private State block(List<Stmt> body, State in) {
        State s = in;
        for (Stmt st : body) {
            if (s == null) return null;
            s = stmt(st, s);
        }
        return s;
    }

    private State stmt(Stmt st, State s) {
        switch (st) {
            case Stmt.Assign a -> {
                use(a.value(), s);
                for (Expr t : a.targets()) define(t, s);
                return s;
            }
            case Stmt.AugAssign a -> {
                use(a.value(), s);
                if (a.target() instanceof Expr.Name n) {
                    // x += v reads and writes one variable.
                    Set<Def> reaching = s.defs.getOrDefault(n.id(), Set.of());
                    Def d = defOf.computeIfAbsent(n, k -> new Def(n.id(), false, n.span().start())); // one def per node across loop passes
                    for (Def r : reaching) if (!r.undefined) union(r, d);
                    record(n, reaching);
                    s.defs.put(n.id(), new HashSet<>(Set.of(d)));
                } else {
                    use(a.target(), s);
                }
                return s;
            }
            case Stmt.AnnAssign a -> {
                if (a.value() != null) {
                    use(a.value(), s);
                    define(a.target(), s);
                }
                return s;
            }
            case Stmt.ExprStmt e -> { use(e.value(), s); return s; }
            case Stmt.If i -> {
                use(i.test(), s);
                return join(block(i.body(), s.copy()), block(i.orElse(), s.copy()));
            }
            case Stmt.While w -> {
                return loop(s, head -> { use(w.test(), head); return head; }, w.body(), w.orElse(), null);
            }
            case Stmt.For f -> {
                use(f.iter(), s);
                if (f.target() instanceof Expr.Name n) loopTargets.add(n.id());
                return loop(s, head -> head, f.body(), f.orElse(), f.target());
            }
            case Stmt.Break b -> {
                if (!breaks.isEmpty()) breaks.get(breaks.size() - 1).add(s.copy());
                return null;
            }
            case Stmt.Continue c -> {
                if (!continues.isEmpty()) continues.get(continues.size() - 1).add(s.copy());
                return null;
            }
            case Stmt.Return r -> {
                if (r.value() != null) use(r.value(), s);
                return null;
            }
            case Stmt.Raise r -> {
                if (r.exception() != null) use(r.exception(), s);
                return null;
            }
            case Stmt.Assert a -> {
                use(a.test(), s);
                if (a.message() != null) use(a.message(), s);
                return s;
            }
            default -> { return s; }
        }
    }

    private interface Head {
        State apply(State head);
    }

    /**
     * A loop: the head joins the entry with the states that reach it again, iterated until no new
     * definition reaches it. A for loop defines its target at the head of every iteration; the
     * else part runs when the loop ends normally; breaks leave past it.
     */
    private State loop(State entry, Head test, List<Stmt> body, List<Stmt> orElse, Expr target) {
        State head = entry.copy();
        State exitNormal;
        List<State> brk;
        while (true) {
            test.apply(head);
            breaks.add(new ArrayList<>());
            continues.add(new ArrayList<>());
            State iter = head.copy();
            if (target != null) define(target, iter);
            State end = block(body, iter);
            brk = breaks.removeLast();
            List<State> cont = continues.removeLast();
            State again = end;
            for (State c : cont) again = join(again, c);
            State next = join(head, again);
            if (same(next, head)) {
                exitNormal = head;
                break;
            }
            head = next;
        }
        // Kernels read variables a loop assigned after the loop (Numba allows it): a loop is taken to
        // run at least once when deciding whether a variable may be unassigned.
        State afterBody = exitNormal.copy();
        for (Set<Def> defs : afterBody.defs.values()) {
            if (defs.stream().anyMatch(d -> d.undefined) && defs.stream().anyMatch(d -> !d.undefined && definedIn(d, body, target))) {
                defs.removeIf(d -> d.undefined);
            }
        }
        State out = block(orElse, afterBody);
        for (State b : brk) out = join(out, b);
        return out;
    }

    /** Whether a definition belongs to a target inside the loop (its body or its for target). */
    private static boolean definedIn(Def d, List<Stmt> body, Expr target) {
        if (d.at < 0) return false;
        int from = target != null ? target.span().start() : body.isEmpty() ? Integer.MAX_VALUE : body.get(0).span().start();
        int to = body.isEmpty() ? from : body.get(body.size() - 1).span().end();
        return d.at >= from && d.at <= to;
    }

    private void define(Expr target, State s) {
        switch (target) {
            case Expr.Name n -> {
                Def d = defOf.computeIfAbsent(n, k -> new Def(n.id(), false, n.span().start())); // one def per node across loop passes
                s.defs.put(n.id(), new HashSet<>(Set.of(d)));
            }
            case Expr.Tuple t -> t.elements().forEach(e -> define(e, s));
            case Expr.ListLit l -> l.elements().forEach(e -> define(e, s));
            case Expr.Starred st -> define(st.value(), s);
            default -> use(target, s); // a[i] = ...: reads a and i
        }
    }

    private void record(Expr.Name n, Set<Def> reaching) {
        usesOf.computeIfAbsent(n, k -> new HashSet<>()).addAll(reaching);
    }

    /** Records the definitions every name read in {@code e} sees. */
    private void use(Expr e, State s) {
        switch (e) {
            case Expr.Name n -> {
                Set<Def> reaching = s.defs.get(n.id());
                if (reaching != null) record(n, reaching);
            }
            case Expr.Binary b -> { use(b.left(), s); use(b.right(), s); }
            case Expr.Unary u -> use(u.operand(), s);
            case Expr.Logical l -> l.operands().forEach(x -> use(x, s));
            case Expr.Compare c -> { use(c.left(), s); c.comparators().forEach(x -> use(x, s)); }
            case Expr.IfExp i -> { use(i.test(), s); use(i.body(), s); use(i.orElse(), s); }
            case Expr.Call c -> {
                use(c.func(), s);
                c.args().forEach(x -> use(x, s));
                for (Keyword k : c.keywords()) use(k.value(), s);
            }
            case Expr.Attribute a -> use(a.value(), s);
            case Expr.Subscript sub -> { use(sub.value(), s); use(sub.index(), s); }
            case Expr.Slice sl -> {
                if (sl.lower() != null) use(sl.lower(), s);
                if (sl.upper() != null) use(sl.upper(), s);
                if (sl.step() != null) use(sl.step(), s);
            }
            case Expr.Tuple t -> t.elements().forEach(x -> use(x, s));
            case Expr.ListLit l -> l.elements().forEach(x -> use(x, s));
            case Expr.Starred st -> use(st.value(), s);
            case Expr.FString f -> f.parts().forEach(x -> use(x, s));
            case Expr.ListComp lc -> {
                // The targets are the comprehension's own names: other names read the enclosing variables.
                Set<String> targets = new HashSet<>();
                for (Expr.Comprehension g : lc.generators()) {
                    use(g.iter(), s);
                    if (g.target() instanceof Expr.Name n) targets.add(n.id());
                }
                State outer = s.copy();
                targets.forEach(outer.defs::remove);
                use(lc.element(), outer);
                for (Expr.Comprehension g : lc.generators()) g.conditions().forEach(x -> use(x, outer));
            }
            default -> { }
        }
    }
}
