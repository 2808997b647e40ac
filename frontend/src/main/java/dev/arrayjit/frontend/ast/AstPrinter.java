package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stable, indented S-expression dump of the AST for golden tests and {@code --dump-after parse}.
 *
 * <p>Each node prints as {@code (Kind start-end attributes...} with its children on the following
 * lines, two spaces deeper. Positions are {@code line:col} (1-based; the end is exclusive, just
 * past the last character). Children whose role is not obvious from their order are labelled
 * ({@code :body}, {@code :orelse}, ...); absent optional children and empty lists are left out.
 * Operators print as their enum names, strings in double quotes with Java escapes.
 */
public final class AstPrinter {
    private AstPrinter() {}

    public static String print(Node node) {
        StringBuilder out = new StringBuilder();
        tree(node).render(out, 0);
        return out.append('\n').toString();
    }

    public static String print(Expr.Comprehension c) {
        StringBuilder out = new StringBuilder();
        comprehension(c).render(out, 0);
        return out.append('\n').toString();
    }

    // ---- the printable tree

    private sealed interface Field {}
    private record Child(String label, T node) implements Field {}
    private record Children(String label, List<T> nodes) implements Field {}
    private record Value(String label, String text) implements Field {}

    /** One printed node: its header line and fields. */
    private static final class T {
        final String header;
        final List<Field> fields = new ArrayList<>();

        T(String kind, Span span, String... attributes) {
            StringBuilder h = new StringBuilder(kind).append(' ').append(position(span));
            for (String a : attributes) if (a != null) h.append(' ').append(a);
            header = h.toString();
        }

        T child(Node n) { return child(null, n); }

        T child(String label, Node n) {
            if (n != null) fields.add(new Child(label, tree(n)));
            return this;
        }

        T children(List<? extends Node> ns) { return children(null, ns); }

        T children(String label, List<? extends Node> ns) {
            if (!ns.isEmpty()) fields.add(new Children(label, ns.stream().map(AstPrinter::tree).toList()));
            return this;
        }

        T trees(String label, List<T> ts) {
            if (!ts.isEmpty()) fields.add(new Children(label, ts));
            return this;
        }

        T value(String label, String text) {
            if (text != null) fields.add(new Value(label, text));
            return this;
        }

        void render(StringBuilder out, int indent) {
            out.append('(').append(header);
            String pad = " ".repeat(indent + 2);
            for (Field f : fields) {
                switch (f) {
                    case Child(String label, T node) -> {
                        out.append('\n').append(pad);
                        if (label != null) out.append(':').append(label).append(' ');
                        node.render(out, indent + 2);
                    }
                    case Children(String label, List<T> nodes) -> {
                        int depth = indent + 2;
                        if (label != null) {
                            out.append('\n').append(pad).append(':').append(label);
                            depth += 2;
                        }
                        for (T n : nodes) {
                            out.append('\n').append(" ".repeat(depth));
                            n.render(out, depth);
                        }
                    }
                    case Value(String label, String text) -> out.append('\n').append(pad).append(':').append(label).append(' ').append(text);
                }
            }
            out.append(')');
        }
    }

    private static T tree(Node n) {
        return switch (n) {
            case Module m -> new T("Module", m.span()).children(m.body());
            case Stmt s -> stmt(s);
            case Expr e -> expr(e);
            case Param p -> new T("Param", p.span(), p.name(), p.kind().name()).child("default", p.defaultValue());
            case Keyword k -> new T("Keyword", k.span(), k.name() == null ? "**" : k.name()).child(k.value());
            case Alias a -> new T("Alias", a.span(), a.name(), a.asName() == null ? null : "as " + a.asName());
        };
    }

    private static T stmt(Stmt s) {
        return switch (s) {
            case Stmt.FunctionDef f -> new T("FunctionDef", f.span(), f.name(), "name=" + position(f.nameSpan()))
                    .children("decorators", f.decorators())
                    .children("params", f.params())
                    .value("docstring", f.docstring() == null ? null : quote(f.docstring()))
                    .children("body", f.body());
            case Stmt.Import i -> new T("Import", i.span()).children(i.names());
            case Stmt.ImportFrom i -> new T("ImportFrom", i.span(), i.module()).children(i.names());
            case Stmt.Assign a -> new T("Assign", a.span()).children("targets", a.targets()).child("value", a.value());
            case Stmt.AugAssign a -> new T("AugAssign", a.span(), a.op().name()).child(a.target()).child(a.value());
            case Stmt.AnnAssign a -> new T("AnnAssign", a.span())
                    .child(a.target()).child("annotation", a.annotation()).child("value", a.value());
            case Stmt.ExprStmt e -> new T("ExprStmt", e.span()).child(e.value());
            case Stmt.If i -> new T("If", i.span()).child("test", i.test())
                    .children("body", i.body()).children("orelse", i.orElse());
            case Stmt.While w -> new T("While", w.span()).child("test", w.test())
                    .children("body", w.body()).children("orelse", w.orElse());
            case Stmt.For f -> new T("For", f.span()).child("target", f.target()).child("iter", f.iter())
                    .children("body", f.body()).children("orelse", f.orElse());
            case Stmt.Break b -> new T("Break", b.span());
            case Stmt.Continue c -> new T("Continue", c.span());
            case Stmt.Pass p -> new T("Pass", p.span());
            case Stmt.Return r -> new T("Return", r.span()).child(r.value());
            case Stmt.Raise r -> new T("Raise", r.span()).child("exc", r.exception()).child("cause", r.cause());
            case Stmt.Assert a -> new T("Assert", a.span()).child("test", a.test()).child("msg", a.message());
            case Stmt.Global g -> new T("Global", g.span(), String.join(" ", g.names()));
            case Stmt.Nonlocal n -> new T("Nonlocal", n.span(), String.join(" ", n.names()));
            case Stmt.Del d -> new T("Del", d.span()).children(d.targets());
            case Stmt.Unsupported u -> new T("Unsupported", u.span(), quote(u.construct()));
        };
    }

    private static T expr(Expr e) {
        return switch (e) {
            case Expr.Name n -> new T("Name", n.span(), n.id());
            case Expr.IntLit i -> new T("IntLit", i.span(), i.value().toString());
            case Expr.FloatLit f -> new T("FloatLit", f.span(), Double.toString(f.value()));
            case Expr.ImagLit i -> new T("ImagLit", i.span(), Double.toString(i.value()) + "j");
            case Expr.BoolLit b -> new T("BoolLit", b.span(), b.value() ? "True" : "False");
            case Expr.NoneLit n -> new T("NoneLit", n.span());
            case Expr.StrLit s -> new T("StrLit", s.span(), quote(s.value()));
            case Expr.FString f -> new T("FString", f.span()).children(f.parts());
            case Expr.EllipsisLit l -> new T("EllipsisLit", l.span());
            case Expr.Binary b -> new T("Binary", b.span(), b.op().name()).child(b.left()).child(b.right());
            case Expr.Unary u -> new T("Unary", u.span(), u.op().name()).child(u.operand());
            case Expr.Logical l -> new T("Logical", l.span(), l.op().name()).children(l.operands());
            case Expr.Compare c -> new T("Compare", c.span(), c.ops().stream().map(Enum::name).collect(Collectors.joining(" ")))
                    .child(c.left()).children(c.comparators());
            case Expr.IfExp i -> new T("IfExp", i.span()).child("test", i.test()).child("body", i.body()).child("orelse", i.orElse());
            case Expr.Call c -> new T("Call", c.span()).child(c.func()).children("args", c.args()).children("keywords", c.keywords());
            case Expr.Attribute a -> new T("Attribute", a.span(), a.attr()).child(a.value());
            case Expr.Subscript s -> new T("Subscript", s.span()).child(s.value()).child("index", s.index());
            case Expr.Slice s -> new T("Slice", s.span()).child("lower", s.lower()).child("upper", s.upper()).child("step", s.step());
            case Expr.Tuple t -> new T("Tuple", t.span()).children(t.elements());
            case Expr.ListLit l -> new T("ListLit", l.span()).children(l.elements());
            case Expr.Starred s -> new T("Starred", s.span()).child(s.value());
            case Expr.ListComp l -> new T("ListComp", l.span()).child("element", l.element())
                    .trees("generators", l.generators().stream().map(AstPrinter::comprehension).toList());
            case Expr.Unsupported u -> new T("Unsupported", u.span(), quote(u.construct()));
        };
    }

    private static T comprehension(Expr.Comprehension c) {
        return new T("Comprehension", c.span()).child("target", c.target()).child("iter", c.iter()).children("ifs", c.conditions());
    }

    /** {@code line:col-line:col}, the end exclusive. */
    static String position(Span s) {
        SourceFile f = s.file();
        return s.line() + ":" + s.column() + "-" + f.line(s.end()) + ":" + f.column(s.end());
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> {
                    if (ch < 0x20 || ch == 0x7F || Character.isSurrogate(ch)) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
