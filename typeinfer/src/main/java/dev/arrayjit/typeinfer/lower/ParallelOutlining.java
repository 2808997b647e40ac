package dev.arrayjit.typeinfer.lower;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TStmt.ParallelRange.Combine;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import dev.arrayjit.typeinfer.typing.RangeLength;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code outline-parallel} pass: each {@link TStmt.ParallelRange} becomes a function of its own
 * that runs the loop over one chunk of the iterations, called through {@link TStmt.ParallelChunks}.
 *
 * <p>The new function takes the variables the body reads (by value: arrays share their memory, so
 * writes through them are seen by all), the range's start and step, one array of partial results
 * per reduction, and the chunk number and bounds. Each chunk starts its reductions at their
 * identity and stores its partial result at its chunk's position; after the parallel call the
 * caller combines the partials into the variables in chunk order, so a run is deterministic for a
 * given thread count. Pairing the call with its helper at the typed-IR level keeps backends down to
 * one primitive, which the AOT libraries reuse unchanged.
 */
public final class ParallelOutlining {
    private final TypedFunction fn;
    private final List<TypedFunction> outlined;
    private final List<Var> newLocals = new ArrayList<>();
    private int nextId;

    private ParallelOutlining(TypedFunction fn, List<TypedFunction> outlined) {
        this.fn = fn;
        this.outlined = outlined;
        for (Var v : fn.locals()) nextId = Math.max(nextId, v.id() + 1);
    }

    /** {@code f} without parallel loops (itself when it has none); the functions they became go to {@code outlined}. */
    public static TypedFunction outline(TypedFunction f, List<TypedFunction> outlined) {
        if (!has(f.body())) return f;
        ParallelOutlining p = new ParallelOutlining(f, outlined);
        List<TStmt> body = p.block(f.body());
        List<Var> locals = new ArrayList<>(f.locals());
        locals.addAll(p.newLocals);
        return new TypedFunction(f.name(), f.symbol(), f.params(), f.returnType(), locals, body, f.flags(), f.span());
    }

    private static boolean has(List<TStmt> body) {
        for (TStmt s : body) {
            if (s instanceof TStmt.ParallelRange) return true;
            for (List<TStmt> b : Exprs.blocks(s)) if (has(b)) return true;
        }
        return false;
    }

    private Var temp(String name, Type type, List<Var> into) {
        Var v = new Var("$" + name + nextId, type, nextId++);
        into.add(v);
        return v;
    }

    private static TExpr load(Var v, Span s) { return new TExpr.Load(v, s); }

    private static TExpr i64(long v, Span s) { return new TExpr.Const(Types.INT64, v, s); }

    private List<TStmt> block(List<TStmt> in) {
        List<TStmt> out = new ArrayList<>();
        for (TStmt s : in) {
            switch (s) {
                case TStmt.ParallelRange p -> parallel(p, out);
                case TStmt.If i -> out.add(new TStmt.If(i.cond(), block(i.then()), block(i.orElse()), i.span()));
                case TStmt.While w -> out.add(new TStmt.While(w.cond(), block(w.body()), w.span()));
                case TStmt.ForRange f -> out.add(new TStmt.ForRange(f.index(), f.start(), f.stop(), f.step(), block(f.body()),
                        f.zeroStep(), f.span()));
                default -> out.add(s);
            }
        }
        return out;
    }

    private void parallel(TStmt.ParallelRange p, List<TStmt> out) {
        TStmt.ForRange loop = p.loop();
        Span s = p.span();
        // The caller: bounds once, the number of chunks, an array of partials per reduction.
        Var start = temp("start", Types.INT64, newLocals), stop = temp("stop", Types.INT64, newLocals);
        Var step = temp("step", Types.INT64, newLocals), n = temp("n", Types.INT64, newLocals);
        Var chunks = temp("chunks", Types.INT64, newLocals);
        out.add(new TStmt.Assign(start, loop.start(), s));
        out.add(new TStmt.Assign(stop, loop.stop(), s));
        out.add(new TStmt.Assign(step, loop.step(), s));
        if (loop.zeroStep() != null) {
            out.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, load(step, s), i64(0, s), s),
                    List.of(new TStmt.Raise(loop.zeroStep(), s)), List.of(), s));
        }
        out.add(new TStmt.Assign(n, RangeLength.of(load(start, s), load(stop, s), load(step, s), s), s));
        // As many chunks as threads, but no chunk under the grain (and at least one).
        TExpr threads = new TExpr.ThreadCount(s);
        TExpr worth = new TExpr.Binary(ArithOp.FLOORDIV, load(n, s), p.grain(), Types.INT64, null, s);
        out.add(new TStmt.Assign(chunks, new TExpr.Select(new TExpr.Compare(CmpOp.LT, worth, threads, s),
                new TExpr.Select(new TExpr.Compare(CmpOp.LT, worth, i64(1, s), s), i64(1, s), worth, Types.INT64, s),
                threads, Types.INT64, s), s));
        List<Var> partials = new ArrayList<>();
        for (TStmt.ParallelRange.Reduction r : p.reductions()) {
            if (r.var().type() instanceof Type.Array ra) {
                // An array reduction: one row of partials per chunk, started at the identity, which
                // the chunk updates in place.
                Type.Array at = new Type.Array(ra.dtype(), ra.ndim() + 1, Layout.C, false);
                List<TExpr> shape = new ArrayList<>(List.of(load(chunks, s)));
                for (int d = 0; d < ra.ndim(); d++) shape.add(new TExpr.ArrayDim(load(r.var(), s), d, s));
                Var part = temp("partial", at, newLocals);
                partials.add(part);
                out.add(new TStmt.Assign(part, new TExpr.AllocArray(at, shape, r.combine() == Combine.MUL ? Fill.ONES : Fill.ZEROS, null, s), s));
                continue;
            }
            Type.Array at = new Type.Array(r.var().type(), 1, Layout.C, false);
            Var part = temp("partial", at, newLocals);
            partials.add(part);
            out.add(new TStmt.Assign(part, new TExpr.AllocArray(at, List.of(load(chunks, s)), Fill.EMPTY, null, s), s));
        }

        // The chunk function: what the body reads comes in as parameters; the rest is its own.
        Set<Var> reads = new LinkedHashSet<>(), all = new LinkedHashSet<>();
        collect(loop.body(), reads, all);
        Set<Var> reductionVars = new LinkedHashSet<>();
        for (var r : p.reductions()) reductionVars.add(r.var());
        List<Var> captured = new ArrayList<>();
        for (Var v : reads) if (!v.equals(loop.index()) && !reductionVars.contains(v)) captured.add(v);
        List<Var> chunkLocals = new ArrayList<>();
        Var cStart = temp("start", Types.INT64, chunkLocals), cStep = temp("step", Types.INT64, chunkLocals);
        List<Var> cPartials = new ArrayList<>();
        for (Var part : partials) cPartials.add(temp("partial", part.type(), chunkLocals));
        Var chunk = temp("chunk", Types.INT64, chunkLocals), lo = temp("lo", Types.INT64, chunkLocals);
        Var hi = temp("hi", Types.INT64, chunkLocals), k = temp("k", Types.INT64, chunkLocals);
        List<Var> params = new ArrayList<>(captured);
        params.add(cStart);
        params.add(cStep);
        params.addAll(cPartials);
        params.addAll(List.of(chunk, lo, hi));
        List<TStmt> body = new ArrayList<>();
        for (int j = 0; j < p.reductions().size(); j++) {
            var r = p.reductions().get(j);
            if (r.var().type() instanceof Type.Array ra) {
                Type.Array pt = (Type.Array) cPartials.get(j).type();
                TExpr row = new TExpr.View(load(cPartials.get(j), s), List.of(new dev.arrayjit.typeinfer.ir.ViewIndex.At(load(chunk, s))),
                        new Type.Array(pt.dtype(), ra.ndim(), Layout.C, false), null, null, s);
                body.add(new TStmt.Assign(r.var(), row.type().equals(ra) ? row : new TExpr.Cast(row, ra, s), s));
            } else {
                body.add(new TStmt.Assign(r.var(), identity(r.var().type(), r.combine(), s), s));
            }
        }
        if (loop.step() instanceof TExpr.Const c && Long.valueOf(1L).equals(c.value())) {
            // Unit step, the common case: the index itself runs over the chunk, so loop versioning
            // sees a canonical loop and hoists its bounds checks.
            body.add(new TStmt.ForRange(loop.index(), new TExpr.Binary(ArithOp.ADD, load(cStart, s), load(lo, s), Types.INT64, null, s),
                    new TExpr.Binary(ArithOp.ADD, load(cStart, s), load(hi, s), Types.INT64, null, s), i64(1, s), loop.body(), null, s));
        } else {
            List<TStmt> iteration = new ArrayList<>();
            iteration.add(new TStmt.Assign(loop.index(), new TExpr.Binary(ArithOp.ADD, load(cStart, s),
                    new TExpr.Binary(ArithOp.MUL, load(k, s), load(cStep, s), Types.INT64, null, s), Types.INT64, null, s), s));
            iteration.addAll(loop.body());
            body.add(new TStmt.ForRange(k, load(lo, s), load(hi, s), i64(1, s), iteration, null, s));
        }
        for (int j = 0; j < cPartials.size(); j++) {
            if (p.reductions().get(j).var().type() instanceof Type.Array) continue; // updated in place
            body.add(new TStmt.Store(load(cPartials.get(j), s), List.of(load(chunk, s)), load(p.reductions().get(j).var(), s), null, s));
        }
        body.add(new TStmt.Return(null, s));
        Set<Var> locals = new LinkedHashSet<>(params);
        locals.addAll(all);
        locals.add(loop.index());
        locals.addAll(reductionVars);
        locals.addAll(chunkLocals);
        String symbol = fn.symbol() + "__prange" + outlined.size();
        outlined.add(new TypedFunction(fn.name() + "$prange", symbol, params, Types.NONE, List.copyOf(locals), body, fn.flags(), s));

        List<TExpr> args = new ArrayList<>();
        for (Var v : captured) args.add(load(v, s));
        args.add(load(start, s));
        args.add(load(step, s));
        for (Var part : partials) args.add(load(part, s));
        out.add(new TStmt.ParallelChunks(symbol, args, load(n, s), load(chunks, s), s));

        // Partials combine in chunk order.
        for (int j = 0; j < partials.size(); j++) {
            var r = p.reductions().get(j);
            Var c = temp("c", Types.INT64, newLocals);
            if (r.var().type() instanceof Type.Array ra) {
                // Element by element: r[...] = r[...] op partial[c, ...].
                List<Var> idx = new ArrayList<>();
                for (int d = 0; d < ra.ndim(); d++) idx.add(temp("e", Types.INT64, newLocals));
                List<TExpr> at = new ArrayList<>(), pat = new ArrayList<>(List.of(load(c, s)));
                for (Var x : idx) { at.add(load(x, s)); pat.add(load(x, s)); }
                TExpr combined = combine(r.combine(), new TExpr.ArrayLoad(load(r.var(), s), at, null, s),
                        new TExpr.ArrayLoad(load(partials.get(j), s), pat, null, s), ra.dtype(), s);
                List<TStmt> inner = List.of(new TStmt.Store(load(r.var(), s), at, combined, null, s));
                for (int d = ra.ndim() - 1; d >= 0; d--) {
                    inner = List.of(new TStmt.ForRange(idx.get(d), i64(0, s), new TExpr.ArrayDim(load(r.var(), s), d, s), i64(1, s), inner, null, s));
                }
                out.add(new TStmt.ForRange(c, i64(0, s), load(chunks, s), i64(1, s), inner, null, s));
                out.add(new TStmt.Release(load(partials.get(j), s), s));
                continue;
            }
            TExpr partial = new TExpr.ArrayLoad(load(partials.get(j), s), List.of(load(c, s)), null, s);
            out.add(new TStmt.ForRange(c, i64(0, s), load(chunks, s), i64(1, s),
                    List.of(new TStmt.Assign(r.var(), combine(r.combine(), load(r.var(), s), partial, r.var().type(), s), s)), null, s));
            out.add(new TStmt.Release(load(partials.get(j), s), s));
        }
    }

    /** Every variable a body mentions ({@code all}) and those it reads ({@code reads}). */
    private static void collect(List<TStmt> body, Set<Var> reads, Set<Var> all) {
        for (TStmt s : body) {
            if (s instanceof TStmt.Assign a) all.add(a.var());
            if (s instanceof TStmt.ForRange f) all.add(f.index());
            for (TExpr e : Exprs.statementExprs(s)) collect(e, reads, all);
            for (List<TStmt> b : Exprs.blocks(s)) collect(b, reads, all);
        }
    }

    private static void collect(TExpr e, Set<Var> reads, Set<Var> all) {
        if (e instanceof TExpr.Load l) {
            reads.add(l.var());
            all.add(l.var());
        }
        for (TExpr k : Exprs.children(e)) collect(k, reads, all);
    }

    static TExpr combine(Combine c, TExpr acc, TExpr x, Type type, Span s) {
        return switch (c) {
            case ADD -> new TExpr.Binary(ArithOp.ADD, acc, x, type, null, s);
            case MUL -> new TExpr.Binary(ArithOp.MUL, acc, x, type, null, s);
            case AND -> new TExpr.Binary(ArithOp.BITAND, acc, x, type, null, s);
            case OR -> new TExpr.Binary(ArithOp.BITOR, acc, x, type, null, s);
            case XOR -> new TExpr.Binary(ArithOp.BITXOR, acc, x, type, null, s);
            // As Python's min(acc, x) / max(acc, x): the first unless the second is strictly better.
            case MIN -> new TExpr.Select(new TExpr.Compare(CmpOp.LT, x, acc, s), x, acc, type, s);
            case MAX -> new TExpr.Select(new TExpr.Compare(CmpOp.GT, x, acc, s), x, acc, type, s);
            case MINIMUM -> new TExpr.MathCall(dev.arrayjit.typeinfer.ir.MathFn.MINIMUM, List.of(acc, x), type, s);
            case MAXIMUM -> new TExpr.MathCall(dev.arrayjit.typeinfer.ir.MathFn.MAXIMUM, List.of(acc, x), type, s);
        };
    }

    /** The value a chunk's private copy starts at: combining with it changes nothing. */
    static TExpr identity(Type type, Combine c, Span s) {
        if ((c == Combine.MIN || c == Combine.MINIMUM) && !(type instanceof Type.Bool)) return ArrayLowering.extreme(type, false, s);
        if ((c == Combine.MAX || c == Combine.MAXIMUM) && !(type instanceof Type.Bool)) return ArrayLowering.extreme(type, true, s);
        Object v = switch (type) {
            case Type.Bool b -> c == Combine.AND || c == Combine.MUL || c == Combine.MIN || c == Combine.MINIMUM;
            case Type.Int i -> switch (c) {
                case MUL -> 1L;
                case AND -> -1L;
                default -> 0L;
            };
            case Type.Float f -> c == Combine.MUL ? 1.0 : 0.0;
            case Type.Complex z -> c == Combine.MUL ? new double[] {1.0, 0.0} : new double[] {0.0, 0.0};
            default -> throw new IllegalArgumentException("reduction of " + type);
        };
        return new TExpr.Const(type, v, s);
    }
}
