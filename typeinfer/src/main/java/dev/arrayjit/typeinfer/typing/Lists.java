package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lists built inside kernels ({@link Type.ListOf}): displays, comprehensions, indexing, slicing,
 * methods and the builtins that take them. Everything is written with four primitives (a new list,
 * its length, its elements as a 1-D array, resizing it); what needs a loop of its own and no
 * allocation (index, count, remove, insert, pop at a position, min, max, ...) is a prelude kernel.
 *
 * <p>As in Numba, a list's element type is a scalar type, unified over its display and every
 * {@code append}: {@code l = [1]; l.append(2.5)} makes {@code l} a list of float64.
 */
final class Lists {
    private final FunctionTyper t;

    Lists(FunctionTyper t) { this.t = t; }

    static final List<String> METHODS = List.of("append", "extend", "insert", "pop", "remove", "clear", "index", "count",
            "reverse", "sort", "copy");

    private static TExpr i64(long v, Span s) { return new TExpr.Const(Types.INT64, v, s); }

    private static TExpr load(Var v, Span s) { return new TExpr.Load(v, s); }

    private static TExpr add(TExpr a, TExpr b, Span s) { return new TExpr.Binary(ArithOp.ADD, a, b, Types.INT64, null, s); }

    static TExpr items(TExpr list, Span s) { return new TExpr.ListItems(list, s); }

    static TExpr len(TExpr list, Span s) { return new TExpr.ListLen(list, s); }

    /** The list's element type, or null after reporting that it is not known (an empty display never appended to). */
    Type element(TExpr list, Span span) {
        Type.ListOf lt = (Type.ListOf) list.type();
        if (lt.known()) return lt.element();
        t.error("type.list.empty", span, "cannot tell the element type of this empty list",
                "append to it in the kernel, or start from a list with an element of the type, e.g. [0.0] then pop()");
        return null;
    }

    /** A value a block may read several times: itself when that is free, else a temporary. */
    private TExpr hold(TExpr v, List<TStmt> out) {
        if (v instanceof TExpr.Const || v instanceof TExpr.Load) return v;
        Var tmp = t.temp(v.type());
        out.add(new TStmt.Assign(tmp, v, v.span()));
        return load(tmp, v.span());
    }

    private boolean scalarElement(TExpr v, Span span) {
        if (v.type().isScalar()) return true;
        t.error("unsupported.list.element", span, "lists of " + v.type() + " are not supported yet",
                v.type() instanceof Type.Array ? "use a 2-D array, or a tuple of arrays" : "lists hold numbers, bools or complex numbers");
        return false;
    }

    /** Reports each empty display whose element type nothing decided (outside the variables that hold one). */
    static void untyped(List<TStmt> body, java.util.function.Consumer<Span> report) {
        for (TStmt st : body) {
            for (TExpr e : dev.arrayjit.typeinfer.ir.Exprs.statementExprs(st)) untyped(e, report);
            for (List<TStmt> b : dev.arrayjit.typeinfer.ir.Exprs.blocks(st)) untyped(b, report);
        }
    }

    private static void untyped(TExpr e, java.util.function.Consumer<Span> report) {
        if (e instanceof TExpr.ListNew ln && !ln.type().known()) report.accept(ln.span());
        if (e instanceof TExpr.Block bl) {
            untyped(bl.body(), report);
            untyped(bl.result(), report);
        }
        for (TExpr k : dev.arrayjit.typeinfer.ir.Exprs.children(e)) untyped(k, report);
    }

    // ---- building ----------------------------------------------------------------------------------

    /** {@code [a, b, c]}: a list of the elements' common type; {@code []} waits for an append to tell it. */
    TExpr display(Expr.ListLit l) {
        Span s = l.span();
        if (l.elements().isEmpty()) return new TExpr.ListNew(new Type.ListOf(null), i64(0, s), s);
        List<TExpr> values = new ArrayList<>();
        for (Expr e : l.elements()) {
            if (e instanceof Expr.Starred st) {
                t.error("unsupported.starred", st.span(), "'*' unpacking inside a list display is not supported", "build the list with extend()");
                return null;
            }
            TExpr v = t.expr(e);
            if (v == null) return null;
            if (!scalarElement(v, e.span())) return null;
            values.add(v);
        }
        Type el = values.get(0).type();
        for (TExpr v : values) el = Promotion.promote(el, v.type());
        Type.ListOf lt = new Type.ListOf(el);
        List<TStmt> body = new ArrayList<>();
        Var list = t.temp(lt);
        body.add(new TStmt.Assign(list, new TExpr.ListNew(lt, i64(values.size(), s), s), s));
        for (int k = 0; k < values.size(); k++) {
            body.add(new TStmt.Store(items(load(list, s), s), List.of(i64(k, s)), t.cast(values.get(k), el, s), null, s));
        }
        return new TExpr.Block(body, load(list, s), s);
    }

    /**
     * {@code [elt for x in A if c for y in B ...]}: the loops nest left to right, each iterable typed
     * inside the loops before it. With one {@code for} and no {@code if} the list is allocated at
     * its final length up front.
     */
    TExpr comprehension(Expr.ListComp lc) {
        Span s = lc.span();
        List<TStmt> body = new ArrayList<>();
        Comp c = new Comp(lc, lc.generators().size() == 1 && lc.generators().get(0).conditions().isEmpty());
        List<TStmt> loop = generator(c, 0, body);
        if (loop == null || c.list == null) return null;
        body.add(new TStmt.Assign(c.list, new TExpr.ListNew((Type.ListOf) c.list.type(), c.preallocated ? c.length : i64(0, s), s), s));
        body.addAll(loop);
        return new TExpr.Block(body, load(c.list, s), s);
    }

    private static final class Comp {
        final Expr.ListComp lc;
        final boolean preallocated;
        Var list;
        TExpr length;
        Comp(Expr.ListComp lc, boolean preallocated) { this.lc = lc; this.preallocated = preallocated; }
    }

    /** The statements of generator {@code g} (its loop), with its iterable's set-up added to {@code pre}. */
    private List<TStmt> generator(Comp c, int g, List<TStmt> pre) {
        Expr.Comprehension gen = c.lc.generators().get(g);
        Span s = gen.span();
        Loops.Seq seq = new Loops(t).seq(gen.iter(), pre);
        if (seq == null) return null;
        if (g == 0) c.length = seq.length();
        Var index = t.newVar("$k", Types.INT64);
        TExpr element = seq.element().apply(load(index, s));
        Var item = t.temp(element.type());
        List<TStmt> body = new ArrayList<>();
        body.add(new TStmt.Assign(item, element, s));
        List<TStmt> rest = bind(gen.target(), load(item, s), () -> {
            List<TStmt> inner = new ArrayList<>();
            List<TStmt> at = inner;
            for (Expr cond : gen.conditions()) {
                TExpr test = t.condition(cond);
                if (test == null) return null;
                List<TStmt> then = new ArrayList<>();
                at.add(new TStmt.If(test, then, List.of(), cond.span()));
                at = then;
            }
            if (g + 1 < c.lc.generators().size()) {
                List<TStmt> loop = generator(c, g + 1, at);
                if (loop == null) return null;
                at.addAll(loop);
                return inner;
            }
            TExpr value = t.expr(c.lc.element());
            if (value == null || !scalarElement(value, c.lc.element().span())) return null;
            if (c.list == null) c.list = t.temp(new Type.ListOf(value.type()));
            Type el = ((Type.ListOf) c.list.type()).element();
            if (c.preallocated) {
                at.add(new TStmt.Store(items(load(c.list, s), s), List.of(load(index, s)), t.cast(value, el, s), null, s));
            } else {
                append(load(c.list, s), t.cast(value, el, s), at);
            }
            return inner;
        });
        if (rest == null) return null;
        body.addAll(rest);
        return List.of(new TStmt.ForRange(index, i64(0, s), seq.length(), i64(1, s), body, null, s));
    }

    /** Types {@code body} with the names of a comprehension target bound to the parts of {@code value}. */
    private <R> R bind(Expr target, TExpr value, Supplier<R> body) {
        switch (target) {
            case Expr.Name n -> { return t.withName(n.id(), value, body); }
            case Expr.Tuple tu -> { return bindAll(tu.elements(), tu.span(), value, 0, body); }
            case Expr.ListLit li -> { return bindAll(li.elements(), li.span(), value, 0, body); }
            default -> {
                t.error("unsupported.listcomp", target.span(), "a comprehension's target must be a name or a tuple of names", "");
                return null;
            }
        }
    }

    private <R> R bindAll(List<Expr> targets, Span span, TExpr value, int k, Supplier<R> body) {
        if (!(value.type() instanceof Type.Tuple tt) || tt.elements().size() != targets.size()) {
            t.error("type.unpack", span, "cannot unpack " + value.type() + " into " + targets.size() + " names", "");
            return null;
        }
        if (k == targets.size()) return body.get();
        return bind(targets.get(k), new TExpr.TupleGet(value, k, span), () -> bindAll(targets, span, value, k + 1, body));
    }

    /** Appends {@code value} (of the element type) to {@code list} (held): grow by one, store at the old length. */
    private void append(TExpr list, TExpr value, List<TStmt> out) {
        Span s = value.span();
        TExpr v = hold(value, out);
        Var n = t.temp(Types.INT64);
        out.add(new TStmt.Assign(n, len(list, s), s));
        out.add(new TStmt.ListResize(list, add(load(n, s), i64(1, s), s), s));
        out.add(new TStmt.Store(items(list, s), List.of(load(n, s)), v, null, s));
    }

    /** A new list of type {@code to} holding the elements of {@code list}, converted. */
    TExpr convert(TExpr list, Type.ListOf to, Span s) {
        List<TStmt> body = new ArrayList<>();
        Loops.Seq seq = new Loops(t).seqOf(list, s, body);
        return collect(seq, to, body, s, s);
    }

    /** {@code list(iterable)} and the start of {@code sorted(iterable)}: a new list of the elements. */
    TExpr fromIterable(Expr iterable, Span s) {
        List<TStmt> body = new ArrayList<>();
        Loops.Seq seq = new Loops(t).seq(iterable, body);
        return seq == null ? null : collect(seq, null, body, iterable.span(), s);
    }

    /** A new list of the elements of a typed value a loop can walk (a list, a 1-D array, a tuple). */
    TExpr fromValue(TExpr value, Span s) {
        List<TStmt> body = new ArrayList<>();
        Loops.Seq seq = new Loops(t).seqOf(value, value.span(), body);
        return seq == null ? null : collect(seq, null, body, value.span(), s);
    }

    /** A new list of a sequence's elements, of type {@code lt} (converted), or of their own type when it is null. */
    private TExpr collect(Loops.Seq seq, Type.ListOf lt, List<TStmt> body, Span what, Span s) {
        Var k = t.newVar("$k", Types.INT64);
        TExpr el = seq.element().apply(load(k, s));
        if (!scalarElement(el, what)) return null;
        Type.ListOf type = lt != null ? lt : new Type.ListOf(el.type());
        Var out = t.temp(type);
        body.add(new TStmt.Assign(out, new TExpr.ListNew(type, seq.length(), s), s));
        body.add(new TStmt.ForRange(k, i64(0, s), seq.length(), i64(1, s),
                List.of(new TStmt.Store(items(load(out, s), s), List.of(load(k, s)), t.cast(el, type.element(), s), null, s)), null, s));
        return new TExpr.Block(body, load(out, s), s);
    }

    /** {@code list.extend(iterable)} / {@code list += iterable}: appends each element, converted. */
    TExpr extend(TExpr list, Expr iterable, Span s) {
        Type el = element(list, s);
        if (el == null) return null;
        List<TStmt> body = new ArrayList<>();
        TExpr l = hold(list, body);
        Loops.Seq seq = new Loops(t).seq(iterable, body);
        if (seq == null) return null;
        TExpr first = seq.element().apply(i64(0, s)); // for its type
        if (!scalarElement(first, iterable.span()) || !fits(first.type(), el, (Type.ListOf) list.type(), list, iterable.span())) return null;
        appendAll(l, seq, el, body, s);
        return new TExpr.Block(body, new TExpr.Const(Types.NONE, null, s), s);
    }

    /**
     * Appends a sequence's elements, converted to {@code el}, to the list {@code l} (held). The
     * list's length is read before it grows, so {@code l.extend(l)} appends each element once.
     */
    private void appendAll(TExpr l, Loops.Seq seq, Type el, List<TStmt> body, Span s) {
        Var k = t.newVar("$k", Types.INT64);
        TExpr x = seq.element().apply(load(k, s));
        Var n = t.temp(Types.INT64);
        body.add(new TStmt.Assign(n, len(l, s), s));
        body.add(new TStmt.ListResize(l, add(load(n, s), seq.length(), s), s));
        body.add(new TStmt.ForRange(k, i64(0, s), seq.length(), i64(1, s),
                List.of(new TStmt.Store(items(l, s), List.of(add(load(n, s), load(k, s), s)), t.cast(x, el, s), null, s)), null, s));
    }

    /**
     * Whether a {@code from} value can go into the list as it is typed now; when it needs a wider
     * element type and the list is a local variable, widens the variable (typing runs again) and says
     * no for this pass.
     */
    private boolean fits(Type from, Type el, Type.ListOf lt, TExpr list, Span span) {
        Type wide = Promotion.promote(el, from);
        if (wide.equals(el)) return true;
        if (list instanceof TExpr.Load l && t.knownLocal(l.var().name()) && !t.isParameter(l.var().name())) {
            t.assignType(l.var().name(), new Type.ListOf(wide), span);
            return false;
        }
        t.error("type.list.append", span, "cannot put a " + from + " into this " + lt + ": it is not a local list the kernel can widen",
                "convert the value first, e.g. " + Types.numpyName(el) + "(x)");
        return false;
    }

    // ---- methods -----------------------------------------------------------------------------------

    TExpr method(TExpr base, Expr.Attribute a, Expr.Call c) {
        String name = a.attr();
        Span s = c.span();
        if (!c.keywords().isEmpty() && !name.equals("sort")) {
            t.error("unsupported.keyword", c.keywords().get(0).span(), "list." + name + "() takes no keyword arguments", "");
            return null;
        }
        if (name.equals("append")) {
            if (!arity(c, name, 1, 1)) return null;
            TExpr v = t.expr(c.args().get(0));
            if (v == null || !scalarElement(v, c.args().get(0).span())) return null;
            Type.ListOf lt = (Type.ListOf) base.type();
            if (!lt.known()) {
                if (base instanceof TExpr.Load l) {
                    t.assignType(l.var().name(), new Type.ListOf(v.type()), s);
                    return new TExpr.Const(Types.NONE, null, s); // typed again with the element type
                }
                element(base, s); // reports: only a variable's list can learn its element type
                return null;
            }
            if (!fits(v.type(), lt.element(), lt, base, c.args().get(0).span())) return null;
            List<TStmt> body = new ArrayList<>();
            TExpr l = hold(base, body);
            append(l, t.cast(v, lt.element(), s), body);
            return new TExpr.Block(body, new TExpr.Const(Types.NONE, null, s), s);
        }
        if (name.equals("extend")) {
            if (!arity(c, name, 1, 1)) return null;
            return extend(base, c.args().get(0), s);
        }
        Type el = element(base, s);
        if (el == null) return null;
        Calls calls = new Calls(t);
        switch (name) {
            case "pop" -> {
                if (!arity(c, name, 0, 1)) return null;
                if (c.args().isEmpty()) return popLast(base, el, s);
                TExpr i = index(c.args().get(0));
                return i == null ? null : prelude("list_pop_at", List.of(base, i), s);
            }
            case "insert" -> {
                if (!arity(c, name, 2, 2)) return null;
                TExpr i = index(c.args().get(0));
                TExpr v = t.expr(c.args().get(1));
                if (i == null || v == null || !scalarElement(v, c.args().get(1).span())) return null;
                if (!fits(v.type(), el, (Type.ListOf) base.type(), base, c.args().get(1).span())) return null;
                return prelude("list_insert", List.of(base, i, t.cast(v, el, s)), s);
            }
            case "remove", "index", "count" -> {
                if (!arity(c, name, 1, 1)) return null;
                TExpr v = t.expr(c.args().get(0));
                if (v == null) return null;
                if (!v.type().isScalar()) {
                    t.error("type.call.argument", c.args().get(0).span(), "list." + name + "() looks for a number, not " + v.type(), "");
                    return null;
                }
                return prelude("list_" + name, List.of(base, v), s);
            }
            case "clear" -> {
                if (!arity(c, name, 0, 0)) return null;
                return new TExpr.Block(List.of(new TStmt.ListResize(base, i64(0, s), s)), new TExpr.Const(Types.NONE, null, s), s);
            }
            case "reverse" -> {
                if (!arity(c, name, 0, 0)) return null;
                return prelude("list_reverse", List.of(base), s);
            }
            case "copy" -> {
                if (!arity(c, name, 0, 0)) return null;
                return convert(base, (Type.ListOf) base.type(), s);
            }
            case "sort" -> {
                if (!arity(c, name, 0, 0)) return null;
                Boolean reverse = reverseKeyword(c, "list.sort()");
                return reverse == null ? null : sortInPlace(base, reverse, s);
            }
            default -> {
                String close = Suggest.closest(name, METHODS);
                t.error("unsupported.method", a.span(), "lists have no method '" + name + "' here",
                        close != null ? "did you mean '" + close + "'?" : "supported: " + String.join(", ", METHODS));
                return null;
            }
        }
    }

    /** The constant {@code reverse=} of a sort (false when absent); null after reporting another keyword. */
    Boolean reverseKeyword(Expr.Call c, String what) {
        boolean reverse = false;
        for (var kw : c.keywords()) {
            ConstValue cv = kw.name().equals("reverse") ? t.constantOf(kw.value()) : null;
            if (!(cv instanceof ConstValue.Scalar sc && sc.value() instanceof Boolean r)) {
                t.error("unsupported.keyword", kw.span(), what + " supports only a constant reverse=True/False here",
                        "sort by a key with an array of keys and np.argsort");
                return null;
            }
            reverse = r;
        }
        return reverse;
    }

    private boolean arity(Expr.Call c, String name, int min, int max) {
        int n = c.args().size();
        if (n >= min && n <= max) return true;
        String want = min == max ? min + "" : min + " to " + max;
        t.error("type.call.arity", c.span(), "list." + name + "() takes " + want + " argument" + (max == 1 ? "" : "s") + ", got " + n, "");
        return false;
    }

    /** An integer position argument as int64. */
    private TExpr index(Expr e) {
        TExpr i = t.expr(e);
        if (i == null) return null;
        if (!i.type().isIntegerOrBool()) {
            t.error("type.index", e.span(), "list positions are integers, not " + i.type(), "convert with int(...)");
            return null;
        }
        return t.cast(i, Types.INT64, e.span());
    }

    private TExpr prelude(String name, List<TExpr> args, Span s) {
        return new ArrayMethods(t).preludeCall(name, args, s);
    }

    /** {@code l.pop()}: the last element, the list one shorter; IndexError when it is empty. */
    private TExpr popLast(TExpr base, Type el, Span s) {
        List<TStmt> body = new ArrayList<>();
        TExpr l = hold(base, body);
        Var n = t.temp(Types.INT64);
        body.add(new TStmt.Assign(n, len(l, s), s));
        ErrorSite empty = t.site(ExcKind.IndexError, "pop from empty list", s);
        body.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, load(n, s), i64(0, s), s), List.of(new TStmt.Raise(empty, s)), List.of(), s));
        Var v = t.temp(el);
        TExpr last = new TExpr.Binary(ArithOp.SUB, load(n, s), i64(1, s), Types.INT64, null, s);
        body.add(new TStmt.Assign(v, new TExpr.ArrayLoad(items(l, s), List.of(last), null, s), s));
        body.add(new TStmt.ListResize(l, last, s));
        return new TExpr.Block(body, load(v, s), s);
    }

    /** {@code l.sort()}: the elements sorted in place (NaN last, as NumPy sorts). */
    TExpr sortInPlace(TExpr base, boolean reverse, Span s) {
        List<TStmt> body = new ArrayList<>();
        TExpr l = hold(base, body);
        TExpr sorted = prelude("sort", List.of(items(l, s)), s);
        if (sorted == null) return null;
        body.add(new TStmt.ArrayAssign(items(l, s), sorted, copySite(s), s));
        if (reverse) {
            TExpr r = prelude("list_reverse", List.of(l), s);
            if (r == null) return null;
            body.add(new TStmt.Eval(r, s));
        }
        return new TExpr.Block(body, new TExpr.Const(Types.NONE, null, s), s);
    }

    /** The site an element copy between equal lengths names (never raised: the lengths match by construction). */
    private ErrorSite copySite(Span s) {
        return t.site(ExcKind.ValueError, "could not broadcast input array from shape ({0},) into shape ({1},)", s);
    }

    // ---- indexing ----------------------------------------------------------------------------------

    /** {@code l[i]} (IndexError outside [-len, len)) or {@code l[a:b:c]} (a new list). */
    TExpr load(TExpr base, Expr.Subscript sub) {
        Type el = element(base, sub.span());
        if (el == null) return null;
        Span s = sub.span();
        if (sub.index() instanceof Expr.Slice) {
            List<TStmt> body = new ArrayList<>();
            TExpr l = hold(base, body);
            TExpr itemsView = items(l, s);
            Indexing.Selection sel = new Indexing(t).select(sub, itemsView, (Type.Array) itemsView.type());
            if (!(sel instanceof Indexing.Selection.View v)) return null;
            Var view = t.temp(v.view().type());
            body.add(new TStmt.Assign(view, v.view(), s));
            Type.ListOf lt = (Type.ListOf) base.type();
            Var out = t.temp(lt);
            body.add(new TStmt.Assign(out, new TExpr.ListNew(lt, new TExpr.ArrayDim(load(view, s), 0, s), s), s));
            body.add(new TStmt.ArrayAssign(items(load(out, s), s), load(view, s), copySite(s), s));
            return new TExpr.Block(body, load(out, s), s);
        }
        TExpr i = index(sub.index());
        if (i == null) return null;
        return new TExpr.ArrayLoad(items(base, s), List.of(i), t.site(ExcKind.IndexError, "list index out of range", s), s);
    }

    /** {@code l[i] op= v}: the list and the position evaluated once. */
    void augStore(TExpr base, Expr.Subscript sub, dev.arrayjit.frontend.ast.BinaryOp op, Expr rhs, List<TStmt> out) {
        Type el = element(base, sub.span());
        if (el == null) return;
        Span s = sub.span();
        if (sub.index() instanceof Expr.Slice) {
            t.error("unsupported.list.slice", s, "updating a slice of a list is not supported yet", "update the elements in a loop");
            return;
        }
        TExpr l = hold(base, out);
        TExpr i = index(sub.index());
        if (i == null) return;
        TExpr at = hold(i, out);
        TExpr cur = new TExpr.ArrayLoad(items(l, s), List.of(at), t.site(ExcKind.IndexError, "list index out of range", s), s);
        TExpr v = t.binary(op, cur, t.expr(rhs), s);
        if (v == null || !scalarElement(v, rhs.span()) || !fits(v.type(), el, (Type.ListOf) base.type(), base, rhs.span())) return;
        out.add(new TStmt.Store(items(l, s), List.of(at), t.cast(v, el, s), null, s));
    }

    /** {@code l[i] = v}. */
    void store(TExpr base, Expr.Subscript sub, TExpr value, List<TStmt> out) {
        Type el = element(base, sub.span());
        if (el == null || value == null) return;
        Span s = sub.span();
        if (sub.index() instanceof Expr.Slice) {
            t.error("unsupported.list.slice", s, "assigning to a slice of a list is not supported yet", "assign the elements in a loop");
            return;
        }
        if (!scalarElement(value, value.span()) || !fits(value.type(), el, (Type.ListOf) base.type(), base, value.span())) return;
        TExpr i = index(sub.index());
        if (i == null) return;
        out.add(new TStmt.Store(items(base, s), List.of(i), t.cast(value, el, s),
                t.site(ExcKind.IndexError, "list assignment index out of range", s), s));
    }

    // ---- operators and builtins --------------------------------------------------------------------

    /** {@code a + b} of two lists: a new list of both, in the wider element type. */
    TExpr concat(TExpr a, TExpr b, Span s) {
        Type ea = element(a, s), eb = element(b, s);
        if (ea == null || eb == null) return null;
        Type.ListOf lt = new Type.ListOf(Promotion.promote(ea, eb));
        List<TStmt> body = new ArrayList<>();
        TExpr la = hold(a, body), lb = hold(b, body);
        Var out = t.temp(lt);
        body.add(new TStmt.Assign(out, convert(la, lt, s), s));
        TExpr ext = extendWith(load(out, s), lb, s);
        body.add(new TStmt.Eval(ext, s));
        return new TExpr.Block(body, load(out, s), s);
    }

    /** Appends the elements of list {@code src} (held) to {@code list} (held), converted. */
    private TExpr extendWith(TExpr list, TExpr src, Span s) {
        List<TStmt> body = new ArrayList<>();
        appendAll(list, new Loops(t).seqOf(src, s, body), ((Type.ListOf) list.type()).element(), body, s);
        return new TExpr.Block(body, new TExpr.Const(Types.NONE, null, s), s);
    }

    /** {@code l * n} and {@code n * l}: the elements repeated n times (none for n <= 0). */
    TExpr repeat(TExpr list, TExpr count, Span s) {
        Type el = element(list, s);
        if (el == null) return null;
        if (!count.type().isIntegerOrBool()) {
            t.error("type.binary", count.span(), "a list can only be repeated a whole number of times, not by " + count.type(), "");
            return null;
        }
        List<TStmt> body = new ArrayList<>();
        TExpr l = hold(list, body);
        TExpr n = hold(t.cast(count, Types.INT64, s), body);
        Var m = t.temp(Types.INT64);
        body.add(new TStmt.Assign(m, len(l, s), s));
        TExpr times = new TExpr.Select(new TExpr.Compare(CmpOp.LT, n, i64(0, s), s), i64(0, s), n, Types.INT64, s);
        Var out = t.temp(list.type());
        body.add(new TStmt.Assign(out, new TExpr.ListNew((Type.ListOf) list.type(),
                new TExpr.Binary(ArithOp.MUL, load(m, s), times, Types.INT64, null, s), s), s));
        Var k = t.newVar("$k", Types.INT64);
        TExpr src = new TExpr.ArrayLoad(items(l, s), List.of(new TExpr.Binary(ArithOp.MOD, load(k, s), load(m, s), Types.INT64, null, s)), null, s);
        body.add(new TStmt.ForRange(k, i64(0, s), len(load(out, s), s), i64(1, s),
                List.of(new TStmt.Store(items(load(out, s), s), List.of(load(k, s)), src, null, s)), null, s));
        return new TExpr.Block(body, load(out, s), s);
    }

    /** {@code x in l}. */
    TExpr contains(TExpr value, TExpr list, Span s) {
        if (element(list, s) == null) return null;
        if (!value.type().isScalar()) {
            t.error("type.compare", value.span(), "a list of numbers cannot contain " + value.type(), "");
            return null;
        }
        return prelude("list_contains", List.of(list, value), s);
    }

    /** {@code sum(l)}, {@code min(l)}, {@code max(l)} as Python computes them (first of equal values, no NaN propagation). */
    TExpr builtin(String name, TExpr list, Span s) {
        if (element(list, s) == null) return null;
        return prelude("list_" + name, List.of(list), s);
    }

    /** {@code sorted(iterable, reverse=...)}: a new sorted list. */
    TExpr sorted(Expr iterable, boolean reverse, Span s) {
        TExpr copy = fromIterable(iterable, s);
        if (copy == null) return null;
        List<TStmt> body = new ArrayList<>();
        Var out = t.temp(copy.type());
        body.add(new TStmt.Assign(out, copy, s));
        TExpr sort = sortInPlace(load(out, s), reverse, s);
        if (sort == null) return null;
        body.add(new TStmt.Eval(sort, s));
        return new TExpr.Block(body, load(out, s), s);
    }
}
