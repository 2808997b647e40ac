package dev.arrayjit.typeinfer.ir;

import java.util.List;
import java.util.stream.Collectors;

/** Prints typed IR as stable text, for golden tests and {@code --dump typed}. */
public final class IrPrinter {
    private final StringBuilder sb = new StringBuilder();

    private IrPrinter() {}

    public static String print(CompileUnit unit) {
        IrPrinter p = new IrPrinter();
        for (TypedFunction f : unit.functions()) p.function(f);
        return p.sb.toString();
    }

    public static String print(TypedFunction f) {
        IrPrinter p = new IrPrinter();
        p.function(f);
        return p.sb.toString();
    }

    private void function(TypedFunction f) {
        sb.append("func ").append(f.symbol()).append('(')
                .append(f.params().stream().map(v -> v + ": " + v.type()).collect(Collectors.joining(", ")))
                .append(") -> ").append(f.returnType());
        Flags fl = f.flags();
        if (fl.fastmath() || !fl.boundscheck() || fl.numpyErrors()) {
            sb.append("  [").append(fl.fastmath() ? "fastmath " : "").append(fl.boundscheck() ? "" : "noboundscheck ")
                    .append(fl.numpyErrors() ? "error_model=numpy" : "").append(']');
        }
        sb.append('\n');
        for (Var v : f.locals()) {
            if (!f.params().contains(v)) sb.append("  local ").append(v).append(": ").append(v.type()).append('\n');
        }
        block(f.body(), 1);
        sb.append('\n');
    }

    private void block(List<TStmt> body, int depth) {
        for (TStmt s : body) stmt(s, depth);
    }

    private void indent(int depth) { sb.append("  ".repeat(depth)); }

    private void stmt(TStmt s, int d) {
        indent(d);
        switch (s) {
            case TStmt.Assign a -> sb.append(a.var()).append(" = ").append(expr(a.value()));
            case TStmt.Store st -> sb.append(expr(st.array())).append(idx(st.indices())).append(" = ").append(expr(st.value()))
                    .append(site(st.outOfBounds()));
            case TStmt.Eval e -> sb.append("eval ").append(expr(e.value()));
            case TStmt.Release r -> sb.append("release ").append(expr(r.array()));
            case TStmt.ParallelRange p -> {
                sb.append("parallel").append(p.reductions().stream().map(r -> r.var() + " " + r.combine().name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ", " reductions [", "]:\n")));
                stmt(p.loop(), d + 1);
                return;
            }
            case TStmt.ParallelChunks p -> sb.append("parallel chunks(").append(expr(p.length())).append(", ").append(expr(p.chunks()))
                    .append(") call ").append(p.symbol()).append(p.args().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ", chunk, lo, hi)")));
            case TStmt.ListResize r -> sb.append("resize ").append(expr(r.list())).append(" to ").append(expr(r.length()));
            case TStmt.ArrayAssign a -> sb.append(expr(a.target())).append("[...] = ").append(expr(a.value())).append(site(a.mismatch()));
            case TStmt.If i -> {
                sb.append("if ").append(expr(i.cond())).append(":\n");
                block(i.then(), d + 1);
                if (!i.orElse().isEmpty()) {
                    indent(d);
                    sb.append("else:\n");
                    block(i.orElse(), d + 1);
                }
                return;
            }
            case TStmt.While w -> {
                sb.append("while ").append(expr(w.cond())).append(":\n");
                block(w.body(), d + 1);
                return;
            }
            case TStmt.ForRange f -> {
                sb.append("for ").append(f.index()).append(" in range(").append(expr(f.start())).append(", ")
                        .append(expr(f.stop())).append(", ").append(expr(f.step())).append(")").append(site(f.zeroStep())).append(":\n");
                block(f.body(), d + 1);
                return;
            }
            case TStmt.Break b -> sb.append("break");
            case TStmt.Continue c -> sb.append("continue");
            case TStmt.Return r -> sb.append("return").append(r.value() == null ? "" : " " + expr(r.value()));
            case TStmt.Raise r -> sb.append("raise ").append(r.site().kind()).append("(\"").append(r.site().message()).append("\")")
                    .append(r.payload().isEmpty() ? "" : r.payload().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", " % (", ")")))
                    .append(site(r.site()));
        }
        sb.append('\n');
    }

    private static String site(ErrorSite s) {
        return s == null ? "" : "  !" + s.kind() + "@" + s.span().line() + ":" + s.span().column();
    }

    private static String idx(List<TExpr> indices) {
        return indices.stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String viewIndex(ViewIndex i) {
        return switch (i) {
            case ViewIndex.At at -> expr(at.index());
            case ViewIndex.Range r -> (r.start() == null ? "" : expr(r.start())) + ":" + (r.stop() == null ? "" : expr(r.stop()))
                    + (r.step() == null ? "" : ":" + expr(r.step()));
            case ViewIndex.NewAxis n -> "None";
        };
    }

    /** One expression on one line, as dumps show it. */
    public static String expr(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> c.value() == null ? "None"
                    : c.value() instanceof double[] z ? "(" + z[0] + (z[1] < 0 ? "" : "+") + z[1] + "j):" + c.type()
                    : c.value() instanceof String s ? "'" + s.replace("\n", "\\n") + "'"
                    : c.value() + ":" + c.type();
            case TExpr.Load l -> l.var().toString();
            case TExpr.ConstArray c -> "const " + c.type() + c.shape() + (c.elements().size() <= 8 ? c.elements().toString() : "[...]");
            case TExpr.Cast c -> c.type() + "(" + expr(c.value()) + ")";
            case TExpr.Binary b -> "(" + expr(b.left()) + " " + b.op().symbol + " " + expr(b.right()) + ")" + site(b.zeroDivision());
            case TExpr.Compare c -> "(" + expr(c.left()) + " " + c.op().symbol + " " + expr(c.right()) + ")";
            case TExpr.Unary u -> u.op().name().toLowerCase(java.util.Locale.ROOT) + "(" + expr(u.operand()) + ")";
            case TExpr.Truth t -> "truth(" + expr(t.value()) + ")";
            case TExpr.IsNone n -> "(" + expr(n.value()) + " is None)";
            case TExpr.MakeComplex m -> m.type() + "(" + expr(m.re()) + ", " + expr(m.im()) + ")";
            case TExpr.ComplexPart p -> expr(p.value()) + (p.imag() ? ".imag" : ".real");
            case TExpr.Logical l -> "(" + expr(l.left()) + (l.isAnd() ? " and " : " or ") + expr(l.right()) + ")";
            case TExpr.Select s -> "(" + expr(s.ifTrue()) + " if " + expr(s.cond()) + " else " + expr(s.ifFalse()) + ")";
            case TExpr.MathCall m -> m.fn().name().toLowerCase(java.util.Locale.ROOT) + "."
                    + m.type() + m.args().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"));
            case TExpr.Call c -> "call " + c.symbol() + c.args().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"))
                    + ": " + c.type();
            case TExpr.ArrayLoad a -> expr(a.array()) + idx(a.indices()) + site(a.outOfBounds());
            case TExpr.ArrayDim d -> expr(d.array()) + ".shape[" + d.axis() + "]";
            case TExpr.ArrayStride d -> expr(d.array()) + ".strides[" + d.axis() + "]";
            case TExpr.ArraySize s -> expr(s.array()) + ".size";
            case TExpr.AllocArray a -> "alloc." + a.fill().name().toLowerCase(java.util.Locale.ROOT) + " " + a.type()
                    + a.shape().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"));
            case TExpr.MakeTuple m -> m.elements().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", m.elements().size() == 1 ? ",)" : ")"));
            case TExpr.TupleGet g -> expr(g.tuple()) + "." + g.index();
            case TExpr.View v -> expr(v.array()) + v.indices().stream().map(IrPrinter::viewIndex).collect(Collectors.joining(", ", "[", "]"))
                    + ": " + v.type() + site(v.outOfBounds()) + site(v.zeroStep());
            case TExpr.Transpose t -> "transpose" + t.axes() + "(" + expr(t.array()) + "): " + t.type();
            case TExpr.Reshape r -> "reshape(" + expr(r.array()) + ", " + r.shape().stream().map(IrPrinter::expr)
                    .collect(Collectors.joining(", ", "(", ")")) + "): " + r.type() + site(r.mismatch());
            case TExpr.BroadcastTo b -> "broadcast(" + expr(b.array()) + ", " + b.shape().stream().map(IrPrinter::expr)
                    .collect(Collectors.joining(", ", "(", ")")) + "): " + b.type();
            case TExpr.Reduce r -> r.op().name().toLowerCase(java.util.Locale.ROOT) + "(" + expr(r.array())
                    + (r.axis() == null ? "" : ", axis=" + r.axis()) + "): " + r.type() + site(r.empty());
            case TExpr.Generate g -> "generate" + g.params().stream().map(Var::toString).collect(Collectors.joining(", ", "[", "]"))
                    + g.operands().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"))
                    + " shape" + g.shape().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"))
                    + " " + g.indices().stream().map(Var::toString).collect(Collectors.joining(", ", "[", "]"))
                    + " -> " + expr(g.body()) + ": " + g.type();
            case TExpr.Concat c -> "concatenate(" + c.arrays().stream().map(IrPrinter::expr).collect(Collectors.joining(", "))
                    + ", axis=" + c.axis() + "): " + c.type();
            case TExpr.Print p -> "print" + p.values().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"));
            case TExpr.RandomState r -> "random_state(" + (r.python() ? "python" : "numpy") + "." + r.part().name().toLowerCase(java.util.Locale.ROOT) + ")";
            case TExpr.Fail f -> "fail " + f.site().kind() + "(\"" + f.site().message() + "\")"
                    + f.payload().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", " % (", ")")) + ": " + f.type() + site(f.site());
            case TExpr.MatMul m -> "matmul(" + expr(m.left()) + ", " + expr(m.right()) + "): " + m.type() + site(m.mismatch());
            case TExpr.Overlaps o -> "overlaps(" + expr(o.left()) + ", " + expr(o.right()) + ")";
            case TExpr.ThreadCount c -> "thread_count";
            case TExpr.FloatBits f -> "bits(" + expr(f.value()) + ")";
            case TExpr.Let l -> "(let " + l.var() + " = " + expr(l.value()) + " in " + expr(l.body()) + ")";
            case TExpr.GpuIndex g -> "gpu." + g.query().name().toLowerCase(java.util.Locale.ROOT) + "." + "xyz".charAt(g.axis());
            case TExpr.GpuArray g -> "gpu." + (g.shared() ? "shared" : "local") + "_array" + g.shape() + ": " + g.type();
            case TExpr.GpuBarrier g -> "gpu." + g.sync().name().toLowerCase(java.util.Locale.ROOT) + "("
                    + (g.predicate() == null ? "" : expr(g.predicate())) + ")";
            case TExpr.GpuAtomic g -> "gpu.atomic_" + g.op().pythonName() + "(" + expr(g.array()) + idx(g.indices())
                    + (g.compare() == null ? "" : ", " + expr(g.compare())) + ", " + expr(g.value()) + ")" + site(g.outOfBounds());
            case TExpr.ListNew l -> "new " + l.type() + "(" + expr(l.length()) + ")";
            case TExpr.ListLen l -> "len(" + expr(l.list()) + ")";
            case TExpr.ListItems l -> expr(l.list()) + ".items";
            case TExpr.Block bl -> {
                IrPrinter p = new IrPrinter();
                p.block(bl.body(), 1);
                yield "{\n" + p.sb + "} -> " + expr(bl.result());
            }
            case TExpr.ElementWise w -> "elementwise" + w.params().stream().map(Var::toString).collect(Collectors.joining(", ", "[", "]"))
                    + "(" + expr(w.body()) + ")" + w.operands().stream().map(IrPrinter::expr).collect(Collectors.joining(", ", "(", ")"))
                    + ": " + w.type();
        };
    }
}
