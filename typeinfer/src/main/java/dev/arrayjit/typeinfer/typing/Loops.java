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
        String q = f.iter() instanceof Expr.Call c ? t.scope.qualifiedName(c.func()) : null;
        boolean simpleRange = "builtins.range".equals(q) || "numba.prange".equals(q);
        if (!simpleRange || !(f.target() instanceof Expr.Name)) {
            sequenceLoop(f, out);
            return;
        }
        Expr.Name target = (Expr.Name) f.target();
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
            throw new IllegalStateException("not a range loop");
        }
        boolean parallel = "numba.prange".equals(q) && t.decl.info().flags().parallel() && !t.inParallelLoop();
        if (!parallel) {
            emit(f, target, header, index, start, stop, step, zeroStep, element, out);
            return;
        }
        // prange in a parallel=True kernel; a prange nested in it runs serially inside each thread.
        List<Reductions.Found> found = Reductions.of(t, f.body());
        if (found == null) { typeBodyOnly(f, target); return; }
        List<TStmt> loop = new ArrayList<>();
        t.enterParallelLoop();
        try {
            emit(f, target, header, index, start, stop, step, zeroStep, element, loop);
        } finally {
            t.exitParallelLoop();
        }
        if (!(loop.get(loop.size() - 1) instanceof TStmt.ForRange range)) { // for/else: serial
            out.addAll(loop);
            return;
        }
        List<TStmt.ParallelRange.Reduction> reductions = new ArrayList<>();
        for (Reductions.Found r : found) {
            Var v = t.var(t.local(r.name()));
            if (v.type() == null) continue;
            boolean array = v.type() instanceof Type.Array at && !at.readonly() && at.dtype().isScalar()
                    && (r.combine() == TStmt.ParallelRange.Combine.ADD || r.combine() == TStmt.ParallelRange.Combine.MUL);
            if (!array && (!v.type().isScalar() || (v.type() instanceof Type.Complex && r.combine() != TStmt.ParallelRange.Combine.ADD
                    && r.combine() != TStmt.ParallelRange.Combine.MUL))) {
                t.error("unsupported.prange.reduction", r.name().span(), "'" + r.name().id() + "' (" + v.type()
                        + ") cannot be a reduction of a prange loop", "reduce numbers: accumulate a scalar per iteration");
                continue;
            }
            reductions.add(new TStmt.ParallelRange.Reduction(v, r.combine()));
        }
        out.addAll(loop.subList(0, loop.size() - 1));
        out.add(new TStmt.ParallelRange(range, List.copyOf(reductions), new TExpr.Const(Types.INT64, 1L, sp), sp));
    }

    /** The loop itself, with the target assigned from {@code element} (when not the index) and for/else. */
    private void emit(Stmt.For f, Expr target, List<TStmt> header, Var index, TExpr start, TExpr stop, TExpr step,
                      ErrorSite zeroStep, TExpr element, List<TStmt> out) {
        Span sp = f.span();
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

    /**
     * A finite sequence a loop walks by position k in [0, length): its length (int64, computed once in
     * the header) and its k-th element.
     */
    record Seq(TExpr length, java.util.function.Function<TExpr, TExpr> element) {}

    /** {@code for target in ITER} over arrays (rows), a.flat, enumerate, zip, np.ndindex, np.ndenumerate. */
    private void sequenceLoop(Stmt.For f, List<TStmt> out) {
        Span sp = f.span();
        List<TStmt> header = new ArrayList<>();
        Seq seq = seq(f.iter(), header);
        if (seq == null) { typeBodyOnly(f, f.target()); return; }
        Var index = t.newVar("$idx", Types.INT64);
        TExpr element = seq.element().apply(new TExpr.Load(index, sp));
        emit(f, f.target(), header, index, new TExpr.Const(Types.INT64, 0L, sp), seq.length(), new TExpr.Const(Types.INT64, 1L, sp),
                null, element, out);
    }

    private TExpr hold(TExpr v, List<TStmt> header) {
        if (v instanceof TExpr.Const || v instanceof TExpr.Load) return v;
        Var tmp = t.temp(v.type());
        header.add(new TStmt.Assign(tmp, v, v.span()));
        return new TExpr.Load(tmp, v.span());
    }

    private static TExpr i64(long v, Span s) { return new TExpr.Const(Types.INT64, v, s); }

    private static TExpr bin(dev.arrayjit.typeinfer.ir.ArithOp op, TExpr a, TExpr b, Span s) {
        return new TExpr.Binary(op, a, b, Types.INT64, null, s);
    }

    /** What {@code for x in iter} walks, with its set-up (evaluated once) added to {@code header}; null after reporting. */
    Seq seq(Expr iter, List<TStmt> header) {
        Span sp = iter.span();
        String q = iter instanceof Expr.Call c ? t.scope.qualifiedName(c.func()) : null;
        if (iter instanceof Expr.Call c && q != null) {
            switch (q) {
                case "builtins.range", "numba.prange" -> {
                    List<TExpr> args = new ArrayList<>();
                    for (Expr a : c.args()) {
                        TExpr v = t.expr(a);
                        if (v == null) return null;
                        if (!v.type().isIntegerOrBool()) {
                            t.error("type.range", a.span(), "range() arguments must be integers, not " + v.type(), "convert with int(...)");
                            return null;
                        }
                        args.add(hold(t.cast(v, Types.INT64, a.span()), header));
                    }
                    if (args.isEmpty() || args.size() > 3) {
                        t.error("type.range", c.span(), "range expects 1 to 3 integer arguments, got " + args.size(), "");
                        return null;
                    }
                    TExpr start = args.size() == 1 ? i64(0, sp) : args.get(0), stop = args.size() == 1 ? args.get(0) : args.get(1);
                    TExpr step = args.size() == 3 ? args.get(2) : i64(1, sp);
                    if (!(step instanceof TExpr.Const k && k.value() instanceof Long l && l != 0)) {
                        ErrorSite zero = t.site(ExcKind.ValueError, "range() arg 3 must not be zero", c.span());
                        header.add(new TStmt.If(new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.EQ, step, i64(0, sp), sp),
                                List.of(new TStmt.Raise(zero, sp)), List.of(), sp));
                    }
                    TExpr len = hold(RangeLength.of(start, stop, step, sp), header);
                    TExpr st = start, sd = step;
                    return new Seq(len, k -> bin(dev.arrayjit.typeinfer.ir.ArithOp.ADD, st,
                            bin(dev.arrayjit.typeinfer.ir.ArithOp.MUL, k, sd, sp), sp));
                }
                case "builtins.enumerate" -> {
                    if (c.args().size() < 1 || c.args().size() > 2 || c.keywords().stream().anyMatch(k -> !k.name().equals("start"))) {
                        t.error("type.call.arity", c.span(), "enumerate() takes an iterable and an optional start", "");
                        return null;
                    }
                    Seq inner = seq(c.args().get(0), header);
                    if (inner == null) return null;
                    Expr startExpr = c.args().size() == 2 ? c.args().get(1) : c.keywords().isEmpty() ? null : c.keywords().get(0).value();
                    TExpr start = i64(0, sp);
                    if (startExpr != null) {
                        TExpr v = t.expr(startExpr);
                        if (v == null) return null;
                        if (!v.type().isIntegerOrBool()) {
                            t.error("type.call.argument", startExpr.span(), "enumerate()'s start must be an integer", "");
                            return null;
                        }
                        start = hold(t.cast(v, Types.INT64, sp), header);
                    }
                    TExpr s0 = start;
                    return new Seq(inner.length(), k -> tuple(List.of(bin(dev.arrayjit.typeinfer.ir.ArithOp.ADD, s0, k, sp),
                            inner.element().apply(k)), sp));
                }
                case "builtins.zip" -> {
                    if (c.args().isEmpty() || !c.keywords().isEmpty()) {
                        t.error("type.call.arity", c.span(), "zip() needs at least one iterable here", "");
                        return null;
                    }
                    List<Seq> parts = new ArrayList<>();
                    TExpr len = null;
                    for (Expr a : c.args()) {
                        Seq s = seq(a, header);
                        if (s == null) return null;
                        parts.add(s);
                        len = len == null ? s.length() : new TExpr.Select(new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.LT,
                                s.length(), len, sp), s.length(), len, Types.INT64, sp);
                    }
                    TExpr n = hold(len, header);
                    return new Seq(n, k -> tuple(parts.stream().map(s -> s.element().apply(k)).toList(), sp));
                }
                case "numpy.ndindex" -> {
                    List<TExpr> dims = new ArrayList<>();
                    for (Expr a : c.args()) {
                        TExpr v = t.expr(a);
                        if (v == null) return null;
                        if (v.type() instanceof Type.Tuple tt) {
                            for (int i = 0; i < tt.elements().size(); i++) {
                                dims.add(t.cast(v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, sp), Types.INT64, sp));
                            }
                        } else if (v.type().isIntegerOrBool()) {
                            dims.add(t.cast(v, Types.INT64, sp));
                        } else {
                            t.error("type.call.argument", a.span(), "np.ndindex() takes a shape: integers or a tuple of integers", "");
                            return null;
                        }
                    }
                    List<TExpr> held = new ArrayList<>();
                    for (TExpr d : dims) held.add(hold(d, header));
                    return grid(held, header, sp, idx -> tuple(idx, sp));
                }
                case "numpy.ndenumerate" -> {
                    if (c.args().size() != 1) {
                        t.error("type.call.arity", c.span(), "np.ndenumerate() takes one array", "");
                        return null;
                    }
                    TExpr a = t.expr(c.args().get(0));
                    if (a == null) return null;
                    if (!(a.type() instanceof Type.Array at)) {
                        t.error("type.call.argument", c.args().get(0).span(), "np.ndenumerate() needs an array, not " + a.type(), "");
                        return null;
                    }
                    TExpr arr = hold(a, header);
                    List<TExpr> dims = new ArrayList<>();
                    for (int k = 0; k < at.ndim(); k++) dims.add(hold(new TExpr.ArrayDim(arr, k, sp), header));
                    return grid(dims, header, sp, idx -> tuple(List.of(tuple(idx, sp), new TExpr.ArrayLoad(arr, idx, null, sp)), sp));
                }
                default -> { }
            }
        }
        if (iter instanceof Expr.Attribute at && at.attr().equals("flat") && t.scope.qualifiedName(at.value()) == null) {
            TExpr a = t.expr(at.value());
            if (a == null) return null;
            if (a.type() instanceof Type.Array) {
                TExpr arr = hold(a, header);
                Type.Array type = (Type.Array) arr.type();
                List<TExpr> dims = new ArrayList<>();
                for (int k = 0; k < type.ndim(); k++) dims.add(hold(new TExpr.ArrayDim(arr, k, sp), header));
                return grid(dims, header, sp, idx -> new TExpr.ArrayLoad(arr, idx, null, sp));
            }
        }
        TExpr it = t.expr(iter);
        if (it == null) return null;
        return seqOf(it, iter.span(), header);
    }

    /** Whether {@code iter} is a call that only a loop can walk (range, enumerate, zip, np.ndindex, ...): not a value. */
    boolean isIterationCall(Expr iter) {
        String q = iter instanceof Expr.Call c ? t.scope.qualifiedName(c.func()) : null;
        return q != null && switch (q) {
            case "builtins.range", "numba.prange", "builtins.enumerate", "builtins.zip", "numpy.ndindex", "numpy.ndenumerate" -> true;
            default -> false;
        };
    }

    /** What a loop over the typed value {@code it} walks: the rows of an array, a list's or a tuple's elements. */
    Seq seqOf(TExpr it, Span sp, List<TStmt> header) {
        if (it.type() instanceof Type.Array at && at.ndim() >= 1) {
            TExpr arr = hold(it, header);
            TExpr len = hold(new TExpr.ArrayDim(arr, 0, sp), header);
            if (at.ndim() == 1) return new Seq(len, k -> new TExpr.ArrayLoad(arr, List.of(k), null, sp));
            // Rows of an N-D array are views: writing into one writes into the array.
            List<dev.arrayjit.typeinfer.ir.ViewIndex> none = List.of();
            Type.Array rowType = new Type.Array(at.dtype(), at.ndim() - 1, at.layout() == dev.arrayjit.typeinfer.types.Layout.C
                    ? dev.arrayjit.typeinfer.types.Layout.C : dev.arrayjit.typeinfer.types.Layout.A, at.readonly());
            return new Seq(len, k -> new TExpr.View(arr, List.of(new dev.arrayjit.typeinfer.ir.ViewIndex.At(k)), rowType, null, null, sp));
        }
        if (it.type() instanceof Type.ListOf lt) {
            // The length is read once, when the loop starts: appending inside the loop does not extend it.
            TExpr list = hold(it, header);
            if (new Lists(t).element(list, sp) == null) return null;
            TExpr len = hold(Lists.len(list, sp), header);
            return new Seq(len, k -> new TExpr.ArrayLoad(Lists.items(list, sp), List.of(k), null, sp));
        }
        if (it.type() instanceof Type.Tuple tt && tt.homogeneous()) {
            TExpr tup = hold(it, header);
            int n = tt.elements().size();
            return new Seq(i64(n, sp), k -> {
                TExpr pick = new TExpr.TupleGet(tup, n - 1, sp);
                for (int i = n - 2; i >= 0; i--) {
                    pick = new TExpr.Select(new TExpr.Compare(dev.arrayjit.typeinfer.ir.CmpOp.EQ, k, i64(i, sp), sp),
                            new TExpr.TupleGet(tup, i, sp), pick, tt.elements().get(0), sp);
                }
                return pick;
            });
        }
        t.error("unsupported.for.iter", sp, "cannot iterate over " + it.type(),
                "iterate over range(...), an array, a list, a.flat, enumerate(...), zip(...), np.ndindex(...) or np.ndenumerate(a)");
        return null;
    }

    /** Positions 0..prod(dims) in C order, unflattened into one index per dimension. */
    private Seq grid(List<TExpr> dims, List<TStmt> header, Span sp, java.util.function.Function<List<TExpr>, TExpr> element) {
        TExpr size = i64(1, sp);
        for (TExpr d : dims) size = bin(dev.arrayjit.typeinfer.ir.ArithOp.MUL, size, d, sp);
        TExpr n = hold(size, header);
        return new Seq(n, k -> {
            List<TExpr> idx = new ArrayList<>();
            TExpr rest = k;
            for (int i = dims.size() - 1; i >= 0; i--) {
                idx.add(0, i == 0 ? rest : bin(dev.arrayjit.typeinfer.ir.ArithOp.MOD, rest, dims.get(i), sp));
                if (i > 0) rest = bin(dev.arrayjit.typeinfer.ir.ArithOp.FLOORDIV, rest, dims.get(i), sp);
            }
            return element.apply(idx);
        });
    }

    private static TExpr tuple(List<TExpr> els, Span sp) {
        return new TExpr.MakeTuple(els, new Type.Tuple(els.stream().map(TExpr::type).toList()), sp);
    }

    /** Types the body when the header has errors, so errors inside it are still reported. */
    private void typeBodyOnly(Stmt.For f, Expr target) {
        if (target instanceof Expr.Name n) t.poison(n.id());
        else if (target instanceof Expr.Tuple tu) for (Expr e : tu.elements()) if (e instanceof Expr.Name n) t.poison(n.id());
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
