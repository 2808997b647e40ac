package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the invariants a backend relies on (every conversion explicit, operands of the types the
 * node expects, calls to functions of the unit) before typed IR is handed on. A failure is a bug in
 * the compiler, never in the user's kernel.
 */
public final class IrVerifier {
    private final List<String> problems = new ArrayList<>();
    private final CompileUnit unit;
    private TypedFunction fn;
    private Set<Var> declared;

    /** Whether high-level array nodes are still allowed (before {@code lower-arrays}). */
    private final boolean highLevel;

    private IrVerifier(CompileUnit unit, boolean highLevel) {
        this.unit = unit;
        this.highLevel = highLevel;
    }

    /** Checks typed IR, which may hold high-level array nodes. @throws IllegalStateException listing every broken invariant */
    public static void verify(CompileUnit unit) { verify(unit, true); }

    /** Checks IR for a backend: as {@link #verify}, and no high-level array node is left. */
    public static void verifyLowered(CompileUnit unit) { verify(unit, false); }

    private static void verify(CompileUnit unit, boolean highLevel) {
        IrVerifier v = new IrVerifier(unit, highLevel);
        for (TypedFunction f : unit.functions()) v.function(f);
        if (!v.problems.isEmpty()) {
            throw new IllegalStateException("invalid typed IR:\n  " + String.join("\n  ", v.problems) + "\n" + IrPrinter.print(unit));
        }
    }

    private void function(TypedFunction f) {
        fn = f;
        declared = new HashSet<>(f.locals());
        for (Var p : f.params()) if (!declared.contains(p)) fail("parameter " + p + " is not among the locals");
        block(f.body(), 0);
    }

    private void fail(String what) { problems.add(fn.symbol() + ": " + what); }

    private void expect(TExpr e, Type t, String where) {
        if (!e.type().equals(t)) fail(where + ": expected " + t + ", got " + e.type() + " in " + IrPrinter.expr(e));
    }

    private void expectElements(TExpr e, Type dtype, int ndim, String where) {
        if (!Types.dtypeOf(e.type()).equals(dtype) || Types.ndimOf(e.type()) > ndim
                || !(e.type().isScalar() || e.type() instanceof Type.Array)) {
            fail(where + ": expected elements of " + dtype + " (ndim <= " + ndim + "), got " + e.type() + " in " + IrPrinter.expr(e));
        }
    }

    private void highLevel(TExpr e) {
        if (!highLevel) fail("high-level array node left after lowering: " + IrPrinter.expr(e));
    }

    private void block(List<TStmt> body, int loops) {
        for (TStmt s : body) stmt(s, loops);
    }

    private void stmt(TStmt s, int loops) {
        switch (s) {
            case TStmt.Assign a -> {
                if (!declared.contains(a.var())) fail("assignment to undeclared " + a.var());
                expr(a.value());
                expect(a.value(), a.var().type(), "assignment to " + a.var());
            }
            case TStmt.Store st -> {
                expr(st.array());
                if (!(st.array().type() instanceof Type.Array at)) { fail("store into " + st.array().type()); return; }
                indices(st.indices(), at);
                expr(st.value());
                expect(st.value(), at.dtype(), "stored value");
            }
            case TStmt.Eval e -> expr(e.value());
            case TStmt.Release r -> {
                expr(r.array());
                if (!(r.array().type() instanceof Type.Array)) fail("release of " + r.array().type());
            }
            case TStmt.ParallelRange p -> {
                if (!highLevel) fail("parallel loop left after outlining");
                expr(p.grain());
                expect(p.grain(), Types.INT64, "parallel grain");
                stmt(p.loop(), loops);
                for (var r : p.reductions()) {
                    if (!declared.contains(r.var())) fail("reduction of undeclared " + r.var());
                    if (!r.var().type().isScalar() && !(r.var().type() instanceof Type.Array)) fail("reduction of " + r.var().type());
                }
            }
            case TStmt.ParallelChunks p -> {
                p.args().forEach(this::expr);
                expr(p.length());
                expr(p.chunks());
                expect(p.length(), Types.INT64, "parallel length");
                expect(p.chunks(), Types.INT64, "parallel chunks");
                TypedFunction target = unit.functions().stream().filter(f -> f.symbol().equals(p.symbol())).findFirst().orElse(null);
                if (target == null) fail("parallel chunks of unknown " + p.symbol());
                else if (target.params().size() != p.args().size() + 3) fail("parallel chunks of " + p.symbol() + " with " + p.args().size() + " arguments");
            }
            case TStmt.ListResize r -> {
                expr(r.list());
                expr(r.length());
                if (!(r.list().type() instanceof Type.ListOf l) || !l.known()) fail("resize of " + r.list().type());
                expect(r.length(), Types.INT64, "list length");
            }
            case TStmt.ArrayAssign a -> {
                if (!highLevel) fail("array assignment left after lowering");
                expr(a.target());
                expr(a.value());
                if (!(a.target().type() instanceof Type.Array at)) { fail("array assignment into " + a.target().type()); return; }
                expectElements(a.value(), at.dtype(), at.ndim(), "assigned value");
            }
            case TStmt.If i -> {
                expr(i.cond());
                expect(i.cond(), Types.BOOL, "if condition");
                block(i.then(), loops);
                block(i.orElse(), loops);
            }
            case TStmt.While w -> {
                expr(w.cond());
                expect(w.cond(), Types.BOOL, "while condition");
                block(w.body(), loops + 1);
            }
            case TStmt.ForRange f -> {
                expect(f.start(), Types.INT64, "range start");
                expect(f.stop(), Types.INT64, "range stop");
                expect(f.step(), Types.INT64, "range step");
                if (!f.index().type().equals(Types.INT64)) fail("range index " + f.index() + " is " + f.index().type());
                expr(f.start()); expr(f.stop()); expr(f.step());
                block(f.body(), loops + 1);
            }
            case TStmt.Break b -> { if (loops == 0) fail("break outside a loop"); }
            case TStmt.Continue c -> { if (loops == 0) fail("continue outside a loop"); }
            case TStmt.Return r -> {
                if (r.value() == null) {
                    if (!(fn.returnType() instanceof Type.None)) fail("bare return in a function returning " + fn.returnType());
                } else {
                    expr(r.value());
                    expect(r.value(), fn.returnType(), "return value");
                }
            }
            case TStmt.Raise r -> {
                if (r.site() == null || r.site().id() < 0) fail("raise without a registered site");
                if (r.payload().size() > dev.arrayjit.typeinfer.backend.Abi.PAYLOAD_SLOTS) fail("raise with " + r.payload().size() + " payload values");
                for (TExpr x : r.payload()) { expr(x); expect(x, Types.INT64, "raise payload"); }
            }
        }
    }

    private void indices(List<TExpr> idx, Type.Array at) {
        if (idx.size() != at.ndim()) fail(idx.size() + " indices for " + at);
        for (TExpr i : idx) {
            expr(i);
            expect(i, Types.INT64, "index");
        }
    }

    private void expr(TExpr e) {
        if (Exprs.isHighLevel(e)) highLevel(e);
        switch (e) {
            case TExpr.Const c -> { }
            case TExpr.Load l -> { if (!declared.contains(l.var())) fail("load of undeclared " + l.var()); }
            case TExpr.ConstArray c -> {
                long n = c.shape().stream().mapToLong(Long::longValue).reduce(1, (x, y) -> x * y);
                if (n != c.elements().size() || c.shape().size() != c.type().ndim()) fail("constant array of " + c.elements().size() + " for " + c.shape());
            }
            case TExpr.Cast c -> {
                expr(c.value());
                if (c.type() instanceof Type.Array to && !(c.value().type() instanceof Type.Array from && from.ndim() == to.ndim()
                        && from.dtype().equals(to.dtype()))) {
                    fail("cast of " + c.value().type() + " to " + c.type() + " (array casts only change the layout)");
                }
            }
            case TExpr.Binary b -> {
                expr(b.left()); expr(b.right());
                boolean shift = b.op() == ArithOp.LSHIFT || b.op() == ArithOp.RSHIFT;
                expect(b.left(), b.type(), "left operand of " + b.op().symbol);
                if (!shift) expect(b.right(), b.type(), "right operand of " + b.op().symbol);
                if (b.op() == ArithOp.DIV && !(b.type() instanceof Type.Float || b.type() instanceof Type.Complex)) fail("integer DIV");
            }
            case TExpr.Compare c -> { expr(c.left()); expr(c.right()); expect(c.right(), c.left().type(), "comparison"); }
            case TExpr.Unary u -> { expr(u.operand()); expect(u.operand(), u.type(), "operand of " + u.op()); }
            case TExpr.Truth t -> expr(t.value());
            case TExpr.MakeComplex m -> {
                expr(m.re()); expr(m.im());
                Type part = new Type.Float(m.type().bits() / 2);
                expect(m.re(), part, "real part");
                expect(m.im(), part, "imaginary part");
            }
            case TExpr.ComplexPart p -> {
                expr(p.value());
                if (!(p.value().type() instanceof Type.Complex)) fail("complex part of " + p.value().type());
            }
            case TExpr.IsNone n -> {
                expr(n.value());
                if (!(n.value().type() instanceof Type.Optional || n.value().type() instanceof Type.None)) fail("is None of " + n.value().type());
            }
            case TExpr.Logical l -> {
                expr(l.left()); expr(l.right());
                expect(l.left(), l.type(), "and/or operand");
                expect(l.right(), l.type(), "and/or operand");
            }
            case TExpr.Select s -> {
                expr(s.cond()); expr(s.ifTrue()); expr(s.ifFalse());
                expect(s.cond(), Types.BOOL, "conditional test");
                expect(s.ifTrue(), s.type(), "conditional branch");
                expect(s.ifFalse(), s.type(), "conditional branch");
            }
            case TExpr.MathCall m -> {
                if (m.args().size() != m.fn().arity) fail(m.fn() + " with " + m.args().size() + " arguments");
                for (TExpr a : m.args()) {
                    expr(a);
                    if (!(a.type() instanceof Type.Float)) fail(m.fn() + " of " + a.type());
                }
            }
            case TExpr.Call c -> {
                TypedFunction callee = unit.functions().stream().filter(f -> f.symbol().equals(c.symbol())).findFirst().orElse(null);
                if (callee == null) { fail("call of " + c.symbol() + ", which is not in the unit"); return; }
                for (int i = 0; i < c.args().size(); i++) {
                    expr(c.args().get(i));
                    expect(c.args().get(i), callee.params().get(i).type(), "argument " + i + " of " + c.symbol());
                }
                if (!c.type().equals(callee.returnType())) fail("call of " + c.symbol() + " typed " + c.type());
            }
            case TExpr.ArrayLoad a -> {
                expr(a.array());
                if (a.array().type() instanceof Type.Array at) indices(a.indices(), at);
                else fail("element load from " + a.array().type());
            }
            case TExpr.ArrayDim d -> expr(d.array());
            case TExpr.ArrayStride d -> expr(d.array());
            case TExpr.ArraySize s -> expr(s.array());
            case TExpr.AllocArray a -> {
                if (a.shape().size() != a.type().ndim()) fail("allocation of " + a.type() + " with " + a.shape().size() + " extents");
                for (TExpr x : a.shape()) { expr(x); expect(x, Types.INT64, "extent"); }
            }
            case TExpr.MakeTuple m -> {
                for (int i = 0; i < m.elements().size(); i++) {
                    expr(m.elements().get(i));
                    expect(m.elements().get(i), m.type().elements().get(i), "tuple element " + i);
                }
            }
            case TExpr.TupleGet g -> expr(g.tuple());
            case TExpr.View v -> {
                expr(v.array());
                if (!(v.array().type() instanceof Type.Array at)) { fail("view of " + v.array().type()); return; }
                int kept = at.ndim(), added = 0;
                for (ViewIndex i : v.indices()) {
                    switch (i) {
                        case ViewIndex.At x -> { expr(x.index()); expect(x.index(), Types.INT64, "view index"); kept--; }
                        case ViewIndex.Range r -> {
                            for (TExpr x : java.util.Arrays.asList(r.start(), r.stop(), r.step())) {
                                if (x != null) { expr(x); expect(x, Types.INT64, "slice bound"); }
                            }
                        }
                        case ViewIndex.NewAxis n -> added++;
                    }
                }
                if (v.indices().size() - added > at.ndim()) fail("view of " + at + " with " + v.indices().size() + " indices");
                if (kept + added != v.type().ndim() || !v.type().dtype().equals(at.dtype())) fail("view of " + at + " typed " + v.type());
            }
            case TExpr.Transpose t -> {
                expr(t.array());
                if (!(t.array().type() instanceof Type.Array at) || at.ndim() != t.axes().size()
                        || !t.axes().stream().sorted().toList().equals(java.util.stream.IntStream.range(0, at.ndim()).boxed().toList())) {
                    fail("transpose " + t.axes() + " of " + t.array().type());
                }
            }
            case TExpr.Reshape r -> {
                expr(r.array());
                if (!(r.array().type() instanceof Type.Array at) || at.layout() != dev.arrayjit.typeinfer.types.Layout.C) {
                    fail("reshape of " + r.array().type() + " (needs a C-contiguous array)");
                }
                if (r.shape().size() != r.type().ndim()) fail("reshape to " + r.type() + " with " + r.shape().size() + " extents");
                for (TExpr x : r.shape()) { expr(x); expect(x, Types.INT64, "extent"); }
            }
            case TExpr.BroadcastTo b -> {
                expr(b.array());
                if (b.shape().size() != b.type().ndim() || Types.ndimOf(b.array().type()) > b.type().ndim()) {
                    fail("broadcast of " + b.array().type() + " to " + b.type());
                }
                for (TExpr x : b.shape()) { expr(x); expect(x, Types.INT64, "extent"); }
            }
            case TExpr.Reduce r -> {
                expr(r.array());
                if (!(r.array().type() instanceof Type.Array)) fail("reduction of " + r.array().type());
            }
            case TExpr.Generate g -> {
                if (g.operands().size() != g.params().size()) fail("generate with " + g.params().size() + " parameters for "
                        + g.operands().size() + " operands");
                for (int i = 0; i < Math.min(g.operands().size(), g.params().size()); i++) {
                    expr(g.operands().get(i));
                    expect(g.operands().get(i), g.params().get(i).type(), "generate operand " + i);
                }
                if (g.shape().size() != g.type().ndim() || g.indices().size() != g.type().ndim()) fail("generate of " + g.type()
                        + " with " + g.shape().size() + " extents and " + g.indices().size() + " indices");
                declared.addAll(g.params());
                for (TExpr x : g.shape()) { expr(x); expect(x, Types.INT64, "generate extent"); }
                declared.addAll(g.indices());
                expr(g.body());
                declared.removeAll(g.params());
                declared.removeAll(g.indices());
                if (!g.body().type().equals(g.type().dtype())) fail("generate body of type " + g.body().type() + " for " + g.type());
            }
            case TExpr.Concat c -> {
                for (TExpr a : c.arrays()) {
                    expr(a);
                    if (!(a.type() instanceof Type.Array at) || at.ndim() != c.type().ndim()) {
                        fail("concatenation of " + a.type() + " into " + c.type());
                    }
                }
            }
            case TExpr.RandomState r -> { }
            case TExpr.Print p -> p.values().forEach(this::expr);
            case TExpr.ThreadCount c -> { }
            case TExpr.Let l -> {
                expr(l.value());
                if (!l.value().type().equals(l.var().type())) fail("let of " + l.var() + " from " + l.value().type());
                declared.add(l.var());
                expr(l.body());
            }
            case TExpr.GpuIndex g -> { }
            case TExpr.GpuBarrier g -> {
                if ((g.predicate() != null) != (g.sync() == GpuSync.COUNT || g.sync() == GpuSync.AND || g.sync() == GpuSync.OR)) {
                    fail("gpu " + g.sync() + " with" + (g.predicate() == null ? "out" : "") + " a predicate");
                }
                if (g.predicate() != null) { expr(g.predicate()); expect(g.predicate(), Types.BOOL, "sync predicate"); }
            }
            case TExpr.GpuArray g -> {
                if (g.shape().size() != g.type().ndim()) fail("gpu array of " + g.type() + " with shape " + g.shape());
            }
            case TExpr.GpuAtomic g -> {
                expr(g.array());
                expr(g.value());
                if (g.array().type() instanceof Type.Array at) {
                    indices(g.indices(), at);
                    expect(g.value(), at.dtype(), "atomic operand");
                    if (g.compare() != null) { expr(g.compare()); expect(g.compare(), at.dtype(), "atomic comparand"); }
                } else {
                    fail("atomic update of " + g.array().type());
                }
            }
            case TExpr.FloatBits f -> {
                expr(f.value());
                if (!(f.value().type() instanceof Type.Float)) fail("bits of " + f.value().type());
            }
            case TExpr.ListNew l -> {
                expr(l.length());
                expect(l.length(), Types.INT64, "list length");
                if (!l.type().known()) fail("list of unknown element type reached " + (highLevel ? "typed IR" : "lowered IR"));
            }
            case TExpr.ListLen l -> { expr(l.list()); if (!(l.list().type() instanceof Type.ListOf)) fail("len of " + l.list().type()); }
            case TExpr.ListItems l -> {
                expr(l.list());
                if (!(l.list().type() instanceof Type.ListOf x) || !x.known()) fail("items of " + l.list().type());
            }
            case TExpr.Block bl -> {
                block(bl.body(), 0);
                expr(bl.result());
            }
            case TExpr.Fail f -> {
                if (f.site() == null || f.site().id() < 0) fail("fail without a registered site");
                for (TExpr x : f.payload()) { expr(x); expect(x, Types.INT64, "fail payload"); }
            }
            case TExpr.MatMul m -> {
                expr(m.left()); expr(m.right());
                Type d = Types.dtypeOf(m.type());
                if (!(m.left().type() instanceof Type.Array l) || !(m.right().type() instanceof Type.Array r)
                        || !l.dtype().equals(d) || !r.dtype().equals(d) || l.ndim() < 1 || l.ndim() > 2 || r.ndim() < 1 || r.ndim() > 2) {
                    fail("matmul of " + m.left().type() + " and " + m.right().type() + " typed " + m.type());
                }
            }
            case TExpr.Overlaps o -> {
                expr(o.left()); expr(o.right());
                if (!(o.left().type() instanceof Type.Array) || !(o.right().type() instanceof Type.Array)) fail("overlap test of non-arrays");
            }
            case TExpr.ElementWise w -> {
                if (w.operands().size() != w.params().size()) fail("element-wise map with " + w.params().size() + " parameters for "
                        + w.operands().size() + " operands");
                for (int i = 0; i < Math.min(w.operands().size(), w.params().size()); i++) {
                    TExpr o = w.operands().get(i);
                    expr(o);
                    if (!w.params().get(i).type().equals(Types.dtypeOf(o.type())) || Types.ndimOf(o.type()) > w.type().ndim()) {
                        fail("element-wise operand " + i + " of type " + o.type() + " for parameter " + w.params().get(i)
                                + ": " + w.params().get(i).type());
                    }
                }
                declared.addAll(w.params());
                expr(w.body());
                declared.removeAll(w.params());
                if (!w.body().type().equals(w.type().dtype())) fail("element-wise body of type " + w.body().type() + " for " + w.type());
            }
        }
    }
}
