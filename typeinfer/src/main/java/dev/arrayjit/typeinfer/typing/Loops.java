package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/** {@code for} loops: over {@code range(...)} and over the elements of a 1-D array, with {@code else}. */
final class Loops {
    private final FunctionTyper t;

    Loops(FunctionTyper t) { this.t = t; }

    void forLoop(Stmt.For f, List<TStmt> out) {
        Span sp = f.span();
        if (!(f.target() instanceof Expr.Name target)) {
            t.error("unsupported.for.target", f.target().span(), "a for loop over this iterable needs a single name as its target",
                    "write 'for i in range(n):'");
            return;
        }
        String q = f.iter() instanceof Expr.Call c ? t.scope.qualifiedName(c.func()) : null;
        List<TStmt> header = new ArrayList<>();
        TExpr start, stop, step;
        ErrorSite zeroStep = null;
        TExpr element = null; // for x in array: the element loaded each iteration
        Var index;
        if ("builtins.range".equals(q) || ("numba.prange".equals(q))) {
            Expr.Call c = (Expr.Call) f.iter();
            if (c.args().isEmpty() || c.args().size() > 3 || !c.keywords().isEmpty()) {
                t.error("type.range", c.span(), "range expects 1 to 3 integer arguments, got " + c.args().size(),
                        "write range(stop), range(start, stop) or range(start, stop, step)");
                return;
            }
            List<TExpr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                TExpr v = t.expr(a);
                if (v != null && !v.type().isIntegerOrBool()) {
                    t.error("type.range", a.span(), "range() arguments must be integers, not " + v.type(),
                            "convert with int(...)");
                    v = null;
                }
                args.add(v == null ? null : t.cast(v, Types.INT64, a.span()));
            }
            if (args.contains(null)) { typeBodyOnly(f, target); return; }
            start = args.size() == 1 ? new TExpr.Const(Types.INT64, 0L, sp) : args.get(0);
            stop = args.size() == 1 ? args.get(0) : args.get(1);
            step = args.size() == 3 ? args.get(2) : new TExpr.Const(Types.INT64, 1L, sp);
            boolean constNonZero = step instanceof TExpr.Const k && k.value() instanceof Long l && l != 0;
            if (!constNonZero) zeroStep = t.site(ExcKind.ValueError, "range() arg 3 must not be zero", c.span());
            String local = t.local(target);
            Type vt = t.assignType(local, Types.INT64, target.span());
            if (vt == null) return;
            if (vt.equals(Types.INT64)) {
                index = t.var(local);
            } else {
                index = t.newVar(local + "$i", Types.INT64);
                element = new TExpr.Load(index, target.span());
            }
        } else {
            TExpr it = t.expr(f.iter());
            if (it == null) { typeBodyOnly(f, target); return; }
            if (!(it.type() instanceof Type.Array at) || at.ndim() != 1) {
                t.error("unsupported.for.iter", f.iter().span(), "cannot iterate over " + it.type() + " yet",
                        it.type() instanceof Type.Array ? "iterate over indices: for i in range(a.shape[0])"
                                : "iterate over range(...) or a 1-D array");
                typeBodyOnly(f, target);
                return;
            }
            Var arr = t.temp(at);
            header.add(new TStmt.Assign(arr, it, f.iter().span()));
            index = t.newVar("$idx", Types.INT64);
            start = new TExpr.Const(Types.INT64, 0L, sp);
            stop = new TExpr.ArrayDim(new TExpr.Load(arr, sp), 0, sp);
            step = new TExpr.Const(Types.INT64, 1L, sp);
            element = new TExpr.ArrayLoad(new TExpr.Load(arr, sp), List.of(new TExpr.Load(index, sp)), null, f.iter().span());
        }
        List<TStmt> body = new ArrayList<>();
        if (element != null) t.assignTo(target, element, target.span(), body);
        t.enterLoop();
        body.addAll(t.block(f.body()));
        t.exitLoop();
        out.addAll(header);
        if (f.orElse().isEmpty()) {
            out.add(new TStmt.ForRange(index, start, stop, step, body, zeroStep, sp));
            return;
        }
        Var broke = t.newVar("$broke", Types.BOOL);
        out.add(new TStmt.Assign(broke, new TExpr.Const(Types.BOOL, false, sp), sp));
        out.add(new TStmt.ForRange(index, start, stop, step, markBreaks(body, broke), zeroStep, sp));
        out.add(new TStmt.If(new TExpr.Unary(UnOp.NOT, new TExpr.Load(broke, sp), Types.BOOL, sp), t.block(f.orElse()), List.of(), sp));
    }

    /** Types the body when the header has errors, so errors inside it are still reported. */
    private void typeBodyOnly(Stmt.For f, Expr.Name target) {
        t.poison(target.id());
        t.enterLoop();
        t.block(f.body());
        t.exitLoop();
        t.block(f.orElse());
    }

    /** Sets {@code flag} before each {@code break} that leaves this loop (not nested ones). */
    static List<TStmt> markBreaks(List<TStmt> body, Var flag) {
        List<TStmt> out = new ArrayList<>();
        for (TStmt s : body) {
            switch (s) {
                case TStmt.Break b -> {
                    out.add(new TStmt.Assign(flag, new TExpr.Const(Types.BOOL, true, b.span()), b.span()));
                    out.add(b);
                }
                case TStmt.If i -> out.add(new TStmt.If(i.cond(), markBreaks(i.then(), flag), markBreaks(i.orElse(), flag), i.span()));
                default -> out.add(s);
            }
        }
        return out;
    }
}
