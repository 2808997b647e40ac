package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.frontend.ast.CompareOp;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types one kernel for one argument-type tuple and lowers it to typed IR.
 *
 * <p>Each variable has one type for the whole function, as in Numba's unification: the types of all
 * its assignments unified (numbers by NumPy's promotion, arrays by layout). Typing runs over the body
 * repeatedly until no variable's type changes (loops carry a type back to their head), then once more
 * to report errors and build the IR with every conversion explicit. An expression whose type is not
 * known yet types as {@code null}, and errors are only reported in the final pass.
 */
final class FunctionTyper {
    private static final int MAX_PASSES = 32;

    final Specializer specializer;
    final ModuleScope scope;
    final KernelDecl decl;
    private final List<Type> argTypes;
    private final Diagnostics out;
    final ErrorSites sites;
    private final String symbol;
    private final VariableWebs webs;
    /** The function's local names, walked once: name lookups ask it on every use. */
    private final AssignedNames assigned;

    /** Current best type of each variable, and where each distinct type was assigned. */
    private final Map<String, Type> varTypes = new LinkedHashMap<>();
    private final Map<String, List<Assigned>> origins = new HashMap<>();
    private Type returnType;
    private Span firstValueReturn;
    private Span firstBareReturn;
    /** Whether some path returns None (or falls off the end) and another a value: the result is Optional. */
    private boolean optionalReturn;

    // State of one pass.
    boolean finalPass;
    private Diagnostics diags;
    private Map<String, Var> vars;
    private int nextVarId;
    private int loopDepth;
    private boolean changed;

    private record Assigned(Type type, Span span) {}

    FunctionTyper(Specializer specializer, ModuleScope scope, KernelDecl decl, List<Type> argTypes, String symbol,
                  Diagnostics out, ErrorSites sites) {
        this.specializer = specializer;
        this.scope = scope;
        this.decl = decl;
        this.argTypes = argTypes;
        this.symbol = symbol;
        this.out = out;
        this.sites = sites;
        this.webs = new VariableWebs(decl.def());
        this.assigned = new AssignedNames(decl.def());
    }

    /** The inner functions defined in this kernel's body, by name. */
    private Map<String, Stmt.FunctionDef> innerDefs;

    Stmt.FunctionDef innerFunction(String name) {
        if (innerDefs == null) {
            innerDefs = new HashMap<>();
            collectInner(decl.def().body());
        }
        return innerDefs.get(name);
    }

    private void collectInner(List<Stmt> body) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.FunctionDef f -> innerDefs.put(f.name(), f);
                case Stmt.If i -> { collectInner(i.body()); collectInner(i.orElse()); }
                case Stmt.While w -> collectInner(w.body());
                case Stmt.For f -> collectInner(f.body());
                default -> { }
            }
        }
    }

    /**
     * A call of an inner function: compiled as a kernel of its own whose extra trailing parameters
     * are the enclosing kernel's variables it reads (a closure over their values at the call).
     */
    TExpr callInner(Stmt.FunctionDef inner, Expr.Call c) {
        AssignedNames own = new AssignedNames(inner);
        java.util.Set<String> reads = new java.util.LinkedHashSet<>();
        InnerNames.reads(inner.body(), reads);
        List<String> captured = new ArrayList<>();
        for (String n : reads) {
            if (own.contains(n) || !assigned.contains(n) || innerFunction(n) != null) continue;
            if (webs.hasSeveralWebs(n)) {
                error("unsupported.closure", c.span(), "inner function '" + inner.name() + "' reads '" + n
                        + "', which the enclosing kernel reassigns", "pass '" + n + "' to '" + inner.name() + "' as an argument");
                return null;
            }
            captured.add(n);
        }
        KernelDecl d = specializer.innerKernel(decl, inner, captured);
        List<TExpr> values = new ArrayList<>();
        for (String n : captured) {
            if (varTypes.get(n) == null) return null; // not typed yet in this pass
            values.add(new TExpr.Load(var(n), c.span()));
        }
        return new Calls(this).callKernel(d, c, values);
    }

    /** The return type inferred so far (for recursive calls), or null while unknown. */
    Type currentReturnType() {
        if (returnType == null) return firstBareReturn != null && firstValueReturn == null ? Types.NONE : null;
        return optionalReturn && !(returnType instanceof Type.Optional) ? new Type.Optional(returnType) : returnType;
    }

    String symbol() { return symbol; }

    /** The variable a name node stands for. */
    String local(Expr.Name n) { return webs.local(n); }

    /** The return type an eager signature declares, or null to infer it. */
    private Type declaredReturn;

    FunctionTyper declaredReturn(Type t) {
        this.declaredReturn = t;
        if (t != null && !(t instanceof Type.None)) this.returnType = t;
        return this;
    }

    /** Infers the function to a fixed point; null when it has errors (reported to the sink). */
    TypedFunction run() {
        List<Param> params = decl.def().params();
        for (int i = 0; i < params.size(); i++) varTypes.put(params.get(i).name(), argTypes.get(i));
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            changed = false;
            runPass(false);
            if (!changed) break;
        }
        TypedFunction f = runPass(true);
        varTypes.forEach((name, type) -> {
            if (type instanceof Type.ListOf l && !l.known() && !origins.getOrDefault(name, List.of()).isEmpty()) {
                diags.report(Diagnostic.error("type.list.empty", origins.get(name).get(0).span(), "cannot tell the element type of the empty list '"
                        + VariableWebs.display(name) + "': nothing is ever appended to it",
                        "append to it in the kernel, or start from a list with an element of the type, e.g. [0.0] then pop()"));
            }
        });
        if (!diags.hasErrors()) {
            Lists.untyped(f.body(), span -> diags.report(Diagnostic.error("type.list.empty", span,
                    "cannot tell the element type of this empty list", "give it an element type: append to a list variable, or write [0.0] * 0")));
        }
        for (Diagnostic d : diags.all()) out.report(d);
        return diags.hasErrors() ? null : f;
    }

    private TypedFunction runPass(boolean isFinal) {
        finalPass = isFinal;
        diags = new Diagnostics();
        reportedUnassigned.clear();
        vars = new LinkedHashMap<>();
        nextVarId = 0;
        loopDepth = 0;
        List<Var> paramVars = new ArrayList<>();
        List<TStmt> prologue = new ArrayList<>();
        List<Param> params = decl.def().params();
        for (Param p : params) {
            switch (p.kind()) {
                case VARARGS -> error("unsupported.params", p.span(), "*" + p.name() + " parameters are not supported yet",
                        "give '" + decl.name() + "' one parameter per argument");
                case KWARGS -> error("unsupported.params", p.span(), "**" + p.name() + " parameters are not supported in a kernel",
                        "Numba has no **kwargs either; give '" + decl.name() + "' one parameter per argument");
                default -> { }
            }
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Type incoming = argTypes.get(i);
            Type unified = varTypes.get(p.name());
            if (unified.equals(incoming)) {
                paramVars.add(var(p.name()));
            } else {
                // The body widens the parameter (x = x * 0.5 on an int x): take it in, then convert.
                Var in = newVar(p.name() + "$arg", incoming);
                paramVars.add(in);
                prologue.add(new TStmt.Assign(var(p.name()), cast(new TExpr.Load(in, p.span()), unified, p.span()), p.span()));
            }
        }
        List<TStmt> body = new ArrayList<>(prologue);
        body.addAll(block(decl.def().body()));
        boolean fallsOff = ControlFlow.fallsThrough(body);
        boolean optional = declaredReturn == null && firstValueReturn != null && returnType != null
                && !(returnType instanceof Type.Optional) && (firstBareReturn != null || fallsOff);
        if (optional != optionalReturn) {
            optionalReturn = optional;
            changed = true;
        }
        Type ret = returnType == null ? Types.NONE : optionalReturn ? new Type.Optional(returnType) : returnType;
        if (optionalReturn && fallsOff) {
            // Falling off the end returns None, as in Python.
            body.add(new TStmt.Return(cast(new TExpr.Const(Types.NONE, null, decl.def().span()), ret, decl.def().span()), decl.def().span()));
        }
        if (isFinal) checkReturns(body, ret);
        return new TypedFunction(decl.name(), symbol, paramVars, ret, List.copyOf(vars.values()), body, decl.info().flags(),
                decl.def().span());
    }

    private void checkReturns(List<TStmt> body, Type ret) {
        if (optionalReturn) return;
        if (firstValueReturn != null && firstBareReturn != null) {
            error("type.return", firstBareReturn, "'" + decl.name() + "' returns " + ret + " at "
                    + firstValueReturn + " but returns nothing here",
                    "return a " + ret + " value on every path (Optional results are not supported yet)");
        } else if (!(ret instanceof Type.None) && ControlFlow.fallsThrough(body)) {
            error("type.return", decl.def().nameSpan(), "'" + decl.name() + "' returns " + ret
                    + " but can reach its end without returning a value",
                    "add a return statement at the end of '" + decl.name() + "'");
        }
    }

    // ---- diagnostics -------------------------------------------------------------------------

    void error(String code, Span span, String message, String hint) {
        if (finalPass) diags.report(Diagnostic.error(code, span, message, hint));
    }

    ErrorSite site(ExcKind kind, String message, Span span) {
        return finalPass ? sites.add(kind, message, span) : new ErrorSite(-1, kind, message, span);
    }

    // ---- variables ---------------------------------------------------------------------------

    Var var(String name) {
        Var v = vars.get(name);
        if (v == null) {
            v = new Var(name, varTypes.get(name), nextVarId++);
            vars.put(name, v);
        }
        return v;
    }

    Var newVar(String name, Type type) {
        String unique = name;
        for (int i = 1; vars.containsKey(unique); i++) unique = name + "." + i;
        Var v = new Var(unique, type, nextVarId++);
        vars.put(unique, v);
        return v;
    }

    Var temp(Type type) { return newVar("$t" + nextVarId, type); }

    /** Records that {@code name} is assigned a value of type {@code t}; returns the variable's type. */
    Type assignType(String name, Type t, Span span) {
        Type old = varTypes.get(name);
        if (t == null) return old;
        List<Assigned> o = origins.computeIfAbsent(name, k -> new ArrayList<>());
        if (o.stream().noneMatch(a -> a.type.equals(t))) o.add(new Assigned(t, span));
        if (old == null) {
            varTypes.put(name, t);
            changed = true;
            return t;
        }
        Type u = Unify.unify(old, t);
        if (u == null) {
            Assigned first = o.stream().filter(a -> a.type.equals(old) || Unify.unify(a.type, old) != null).findFirst().orElse(o.get(0));
            error("type.unify", span, "cannot unify " + old + " and " + t + " for variable '" + VariableWebs.display(name) + "': assigned "
                    + first.type + " at " + first.span + ", " + t + " at " + span,
                    "a variable keeps one type in a kernel; use a new name for the " + t + " value");
            return old;
        }
        if (!u.equals(old)) {
            varTypes.put(name, u);
            changed = true;
        }
        return u;
    }

    // ---- statements --------------------------------------------------------------------------

    List<TStmt> block(List<Stmt> stmts) {
        List<TStmt> out = new ArrayList<>();
        for (Stmt s : stmts) statement(s, out);
        return out;
    }

    private void statement(Stmt s, List<TStmt> out) {
        switch (s) {
            case Stmt.Assign a -> assign(a, out);
            case Stmt.AugAssign a -> augAssign(a, out);
            case Stmt.AnnAssign a -> {
                if (a.value() != null) assignTo(a.target(), expr(a.value()), a.value().span(), out);
            }
            case Stmt.ExprStmt e -> exprStatement(e, out);
            case Stmt.If i -> {
                TExpr c = condition(i.test());
                List<TStmt> then = block(i.body());
                List<TStmt> orElse = block(i.orElse());
                if (c != null) out.add(new TStmt.If(c, then, orElse, i.span()));
            }
            case Stmt.While w -> whileLoop(w, out);
            case Stmt.For f -> new Loops(this).forLoop(f, out);
            case Stmt.Break b -> {
                if (loopDepth == 0) error("syntax.break", b.span(), "'break' outside a loop", "use 'break' only inside 'for' or 'while'");
                out.add(new TStmt.Break(b.span()));
            }
            case Stmt.Continue c -> {
                if (loopDepth == 0) error("syntax.continue", c.span(), "'continue' outside a loop", "use 'continue' only inside 'for' or 'while'");
                out.add(new TStmt.Continue(c.span()));
            }
            case Stmt.Pass p -> { }
            case Stmt.Return r -> returnStatement(r, out);
            case Stmt.Raise r -> raise(r, out);
            case Stmt.Assert a -> assertStatement(a, out);
            case Stmt.FunctionDef f -> {
                if (!f.decorators().isEmpty()) {
                    error("unsupported.closure", f.nameSpan(), "inner functions take no decorators here",
                            "remove the decorator: an inner function is compiled with its enclosing kernel");
                }
            }
            case Stmt.Import i -> error("unsupported.import", i.span(), "imports inside a kernel are not supported",
                    "move the import to the top of the file");
            case Stmt.ImportFrom i -> error("unsupported.import", i.span(), "imports inside a kernel are not supported",
                    "move the import to the top of the file");
            case Stmt.Global g -> error("unsupported.global", g.span(), "'global' is not supported in a kernel",
                    "kernels read module-level constants but cannot change them; pass an array and write into it");
            case Stmt.Nonlocal n -> error("unsupported.nonlocal", n.span(), "'nonlocal' is not supported in a kernel", "");
            case Stmt.Del d -> error("unsupported.del", d.span(), "'del' is not supported in a kernel",
                    "let the variable go out of use instead");
            case Stmt.Unsupported u -> error("unsupported.statement", u.span(), u.construct() + " is not supported in a kernel",
                    hintFor(u.construct()));
        }
    }

    static String hintFor(String construct) {
        String c = construct.toLowerCase(java.util.Locale.ROOT);
        if (c.contains("class")) return "define classes outside kernels; pass their data to the kernel as arrays";
        if (c.contains("with")) return "move the 'with' block out of the kernel";
        if (c.contains("try")) return "check the condition with 'if' and raise instead of catching";
        if (c.contains("yield")) return "fill and return an array instead of yielding values";
        if (c.contains("lambda")) return "define a separate @njit function and call it";
        if (c.contains("dict") || c.contains("set")) return "use arrays; dicts and sets are not supported yet";
        if (c.contains("generator")) return "use a for loop, or a list comprehension";
        return "rewrite it with the supported subset (see README.md)";
    }

    private void exprStatement(Stmt.ExprStmt e, List<TStmt> out) {
        if (e.value() instanceof Expr.StrLit || e.value() instanceof Expr.EllipsisLit) return; // docstrings, ...
        if (e.value() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().equals("sort")
                && scope.qualifiedName(a.value()) == null && c.args().isEmpty() && c.keywords().isEmpty()) {
            TExpr base = expr(a.value());
            if (base != null && base.type() instanceof Type.Array at && at.ndim() == 1 && !at.readonly()) {
                // a.sort(): the sorted copy written back (NumPy sorts in place).
                TExpr held = base instanceof TExpr.Load ? base : null;
                if (held == null) {
                    Var tmp = temp(base.type());
                    out.add(new TStmt.Assign(tmp, base, c.span()));
                    held = new TExpr.Load(tmp, c.span());
                }
                TExpr sorted = new ArrayMethods(this).preludeCall("sort", List.of(held), c.span());
                if (sorted != null) {
                    out.add(new TStmt.ArrayAssign(held, sorted, site(ExcKind.ValueError,
                            "could not broadcast input array from shape ({0},) into shape ({1},)", c.span()), c.span()));
                }
                return;
            }
        }
        if (e.value() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().equals("fill")
                && scope.qualifiedName(a.value()) == null) {
            TExpr base = expr(a.value());
            if (base != null && base.type() instanceof Type.Array at) {
                if (c.args().size() != 1 || !c.keywords().isEmpty()) {
                    error("type.call.arity", c.span(), "a.fill() takes one argument, the value", "write a.fill(0)");
                    return;
                }
                TExpr v = expr(c.args().get(0));
                if (v == null) return;
                if (at.readonly()) {
                    error("type.readonly", c.span(), "cannot write into a read-only array " + at, "copy the array first");
                    return;
                }
                if (!v.type().isScalar()) {
                    error("type.call.argument", v.span(), "a.fill() needs a number, not " + v.type(), "pass a scalar value");
                    return;
                }
                assignArray(base, v, c.span(), out);
                return;
            }
        }
        TExpr v = expr(e.value());
        if (v != null) out.add(new TStmt.Eval(v, e.span()));
    }

    private void assign(Stmt.Assign a, List<TStmt> out) {
        TExpr value = expr(a.value());
        if (a.targets().size() == 1) {
            assignTo(a.targets().get(0), value, a.value().span(), out);
            return;
        }
        // a = b = value: evaluate once.
        if (value == null) {
            for (Expr t : a.targets()) assignTo(t, null, a.value().span(), out);
            return;
        }
        Var tmp = temp(value.type());
        out.add(new TStmt.Assign(tmp, value, a.span()));
        for (Expr t : a.targets()) assignTo(t, new TExpr.Load(tmp, a.value().span()), a.value().span(), out);
    }

    /** Assigns a typed value (null when unknown) to a target expression. */
    void assignTo(Expr target, TExpr value, Span valueSpan, List<TStmt> out) {
        switch (target) {
            case Expr.Name n -> {
                if (value == null) {
                    poisoned.add(n.id());
                    return;
                }
                String local = local(n);
                Type t = assignType(local, value.type(), valueSpan);
                if (t == null) return;
                Var v = var(local);
                out.add(new TStmt.Assign(v, cast(value, v.type(), valueSpan), target.span().to(valueSpan)));
            }
            case Expr.Tuple t -> unpack(t.elements(), target, value, valueSpan, out);
            case Expr.ListLit l -> unpack(l.elements(), target, value, valueSpan, out);
            case Expr.Subscript s -> store(s, value, out);
            case Expr.Attribute a -> error("type.attribute.assign", a.span(), "cannot assign to attribute '" + a.attr() + "'",
                    "kernels cannot change attributes; write into array elements instead");
            case Expr.Starred st -> error("unsupported.starred", st.span(), "starred assignment is not supported yet",
                    "unpack into one name per element");
            default -> error("syntax.target", target.span(), "cannot assign to " + describe(target),
                    "assign to a name, a tuple of names, or an array element");
        }
    }

    private void unpack(List<Expr> targets, Expr target, TExpr value, Span valueSpan, List<TStmt> out) {
        if (value == null) {
            for (Expr t : targets) assignTo(t, null, valueSpan, out);
            return;
        }
        if (!(value.type() instanceof Type.Tuple tt)) {
            error("type.unpack", valueSpan, "cannot unpack " + value.type() + " into " + targets.size() + " names",
                    "unpack a tuple with exactly " + targets.size() + " elements");
            return;
        }
        if (tt.elements().size() != targets.size()) {
            error("type.unpack", target.span(), (tt.elements().size() > targets.size() ? "too many" : "not enough")
                    + " values to unpack: " + targets.size() + " names for a tuple of " + tt.elements().size(),
                    "use one name per tuple element");
            return;
        }
        // Evaluate the whole right side before assigning any name, so a, b = b, a swaps.
        Var tmp = temp(tt);
        out.add(new TStmt.Assign(tmp, value, valueSpan));
        for (int i = 0; i < targets.size(); i++) {
            assignTo(targets.get(i), new TExpr.TupleGet(new TExpr.Load(tmp, valueSpan), i, valueSpan), valueSpan, out);
        }
    }

    private void store(Expr.Subscript s, TExpr value, List<TStmt> out) {
        Indexing indexing = new Indexing(this);
        TExpr flat = indexing.flatBase(s.value());
        if (flat != null) {
            // a.flat[i] = v
            TExpr i = expr(s.index());
            if (i == null || value == null) return;
            if (!(i.type() instanceof Type.Int) || !value.type().isScalar()) {
                error("type.setitem", s.span(), "a.flat[i] = v needs an integer position and a number", "");
                return;
            }
            Type.Array ft = (Type.Array) flat.type();
            if (ft.readonly()) {
                error("type.readonly", s.span(), "cannot write into a read-only array " + ft, "copy the array first");
                return;
            }
            TExpr arr = spill(flat, out), pos = spill(cast(i, Types.INT64, s.span()), out);
            List<TExpr> fi = indexing.flatIndex(arr, pos, s.span());
            out.add(new TStmt.If(new TExpr.Unary(UnOp.NOT, fi.get(0), Types.BOOL, s.span()), List.of(new TStmt.Raise(indexing.flatSite(s.span()),
                    List.of(pos, new TExpr.ArraySize(arr, s.span())), s.span())), List.of(), s.span()));
            out.add(new TStmt.Store(arr, fi.subList(1, fi.size()), cast(value, ft.dtype(), s.span()), null, s.span()));
            return;
        }
        TExpr base = expr(s.value());
        if (base == null) return;
        if (base.type() instanceof Type.ListOf) {
            new Lists(this).store(base, s, value, out);
            return;
        }
        if (!(base.type() instanceof Type.Array at)) {
            error("type.setitem", s.span(), "cannot assign to an element of " + base.type()
                    + (base.type() instanceof Type.Tuple ? " (tuples are immutable)" : ""),
                    base.type() instanceof Type.Tuple ? "build a new tuple instead" : "only array elements can be assigned");
            return;
        }
        if (at.readonly()) {
            error("type.readonly", s.span(), "cannot write into a read-only array " + at, "copy the array first");
            return;
        }
        Indexing.Selection sel = new Indexing(this).select(s, base, at);
        if (sel == null || value == null) return;
        switch (sel) {
            case Indexing.Selection.Fancy f -> assignFancy(f, at, value, s.span(), out);
            case Indexing.Selection.View v -> assignArray(v.view(), value, s.span(), out);
            case Indexing.Selection.Element e -> {
                if (!value.type().isScalar()) {
                    error("type.setitem", value.span(), "cannot store " + value.type() + " into an element of " + at,
                            value.type() instanceof Type.Array ? "assign to a slice instead, e.g. a[i, :] = row" : "store a scalar value");
                    return;
                }
                out.add(new TStmt.Store(base, e.indices(), cast(value, at.dtype(), value.span()), boundsSite(s.span()), s.span()));
            }
        }
    }

    /** {@code a[mask] = value} / {@code a[idx] = value} along the first axis, by the prelude's put kernels. */
    private void assignFancy(Indexing.Selection.Fancy f, Type.Array at, TExpr value, Span span, List<TStmt> out) {
        if (!f.firstAxisOnly()) {
            error("unsupported.fancy.index", span, "assigning through an index array combined with other indices is not supported yet",
                    "index the first axis only: a[idx] = v or a[mask] = v");
            return;
        }
        boolean mask = ((Type.Array) f.index().type()).dtype() instanceof Type.Bool;
        boolean each = value.type() instanceof Type.Array va && va.ndim() == at.ndim();
        if (!Types.dtypeOf(value.type()).isScalar()) {
            error("type.setitem", value.span(), "cannot assign " + value.type() + " to elements of " + at, "assign a number or an array");
            return;
        }
        TExpr v = value;
        if (value.type() instanceof Type.Array va && !va.dtype().equals(at.dtype())) v = new ArrayExprs(this).convert(value, at.dtype(), span);
        else if (value.type().isScalar()) v = cast(value, at.dtype(), span);
        String kernel = (mask ? "mask_put" : "put") + (each ? "_each" : "");
        TExpr call = new ArrayMethods(this).preludeCall(kernel, List.of(f.base(), f.index(), v), span);
        if (call != null) out.add(new TStmt.Eval(call, span));
    }

    /** {@code target[...] = value} for a view or whole array: a scalar fills it, an array is broadcast into it. */
    void assignArray(TExpr target, TExpr value, Span span, List<TStmt> out) {
        Type.Array at = (Type.Array) target.type();
        Type vd = Types.dtypeOf(value.type());
        if (!vd.isScalar() || !(value.type().isScalar() || value.type() instanceof Type.Array)) {
            error("type.setitem", value.span(), "cannot assign " + value.type() + " to elements of " + at,
                    "assign a number or an array");
            return;
        }
        if (value.type() instanceof Type.Array va && va.ndim() > at.ndim()) {
            error("type.setitem", value.span(), "cannot assign a " + va.ndim() + "-dimensional array to a " + at.ndim()
                    + "-dimensional one", "index the target or the value so their dimensions match");
            return;
        }
        TExpr v = value.type() instanceof Type.Array ? (vd.equals(at.dtype()) ? value : new ArrayExprs(this).convert(value, at.dtype(), value.span()))
                : cast(value, at.dtype(), value.span());
        ErrorSite mismatch = value.type() instanceof Type.Array va
                ? site(ExcKind.ValueError, "could not broadcast input array from shape " + ErrorSite.shapeTemplate(0, va.ndim())
                        + " into shape " + ErrorSite.shapeTemplate(va.ndim(), at.ndim()), span) : null;
        out.add(new TStmt.ArrayAssign(target, v, mismatch, span));
    }

    ErrorSite boundsSite(Span span) {
        return decl.info().flags().boundscheck()
                ? site(ExcKind.IndexError, "index {0} is out of bounds for axis {1} with size {2}", span) : null;
    }

    private void augAssign(Stmt.AugAssign a, List<TStmt> out) {
        switch (a.target()) {
            case Expr.Name n -> {
                TExpr cur = expr(n);
                if (cur != null && cur.type() instanceof Type.ListOf && a.op() == BinaryOp.ADD) {
                    // l += iterable extends the list in place, as in Python.
                    TExpr ext = new Lists(this).extend(cur, a.value(), a.span());
                    if (ext != null) out.add(new TStmt.Eval(ext, a.span()));
                    return;
                }
                TExpr rhs = expr(a.value());
                if (cur != null && cur.type() instanceof Type.Array at) {
                    // a += b on an array updates it in place, as NumPy does; the name keeps its array.
                    if (at.readonly()) {
                        error("type.readonly", n.span(), "cannot write into a read-only array " + at, "copy the array first");
                        return;
                    }
                    TExpr v = binary(a.op(), cur, rhs, a.span());
                    if (v != null) assignArray(cur, v, a.span(), out);
                    return;
                }
                assignTo(n, binary(a.op(), cur, rhs, a.span()), a.value().span(), out);
            }
            case Expr.Subscript s -> {
                // a[i, j] += v: evaluate the array and the indices once.
                TExpr base = expr(s.value());
                if (base == null) return;
                if (base.type() instanceof Type.ListOf) {
                    new Lists(this).augStore(base, s, a.op(), a.value(), out);
                    return;
                }
                if (!(base.type() instanceof Type.Array at)) {
                    error("type.setitem", s.span(), "cannot assign to an element of " + base.type(), "only array elements can be assigned");
                    return;
                }
                if (at.readonly()) {
                    error("type.readonly", s.span(), "cannot write into a read-only array " + at, "copy the array first");
                    return;
                }
                TExpr arrLoad = spill(base, out);
                Indexing.Selection sel = new Indexing(this).select(s, arrLoad, at);
                if (sel == null) return;
                switch (sel) {
                    case Indexing.Selection.Fancy f -> {
                        TExpr v = f.load() == null ? null : binary(a.op(), f.load(), expr(a.value()), a.span());
                        if (v != null) assignFancy(f, at, v, a.span(), out);
                    }
                    case Indexing.Selection.View view -> {
                        TExpr target = spill(view.view(), out);
                        TExpr v = binary(a.op(), target, expr(a.value()), a.span());
                        if (v != null) assignArray(target, v, a.span(), out);
                    }
                    case Indexing.Selection.Element e -> {
                        List<TExpr> idxLoads = new ArrayList<>();
                        for (TExpr i : e.indices()) idxLoads.add(spill(i, out));
                        TExpr cur = new TExpr.ArrayLoad(arrLoad, idxLoads, boundsSite(s.span()), s.span());
                        TExpr v = binary(a.op(), cur, expr(a.value()), a.span());
                        if (v == null) return;
                        if (!v.type().isScalar()) {
                            error("type.setitem", a.value().span(), "cannot store " + v.type() + " into an element of " + at,
                                    "assign to a slice instead, e.g. a[i, :] += row");
                            return;
                        }
                        out.add(new TStmt.Store(arrLoad, idxLoads, cast(v, at.dtype(), a.span()), null, s.span()));
                    }
                }
            }
            default -> assignTo(a.target(), null, a.span(), out);
        }
    }

    /**
     * The value itself when reading it twice is free and has no effect (a constant, a variable, a
     * widening of one); otherwise a temporary holding it, assigned once.
     */
    private TExpr spill(TExpr v, List<TStmt> out) {
        if (v instanceof TExpr.Const || v instanceof TExpr.Load
                || (v instanceof TExpr.Cast c && (c.value() instanceof TExpr.Load || c.value() instanceof TExpr.Const))) {
            return v;
        }
        Var tmp = temp(v.type());
        out.add(new TStmt.Assign(tmp, v, v.span()));
        return new TExpr.Load(tmp, v.span());
    }

    private void whileLoop(Stmt.While w, List<TStmt> out) {
        TExpr c = condition(w.test());
        loopDepth++;
        List<TStmt> body = block(w.body());
        loopDepth--;
        if (w.orElse().isEmpty()) {
            if (c != null) out.add(new TStmt.While(c, body, w.span()));
            return;
        }
        // while/else: the else part runs when the loop ends without break.
        Var broke = newVar("$broke", Types.BOOL);
        out.add(new TStmt.Assign(broke, new TExpr.Const(Types.BOOL, false, w.span()), w.span()));
        body = Loops.markBreaks(body, broke);
        List<TStmt> orElse = block(w.orElse());
        if (c != null) {
            out.add(new TStmt.While(c, body, w.span()));
            out.add(new TStmt.If(new TExpr.Unary(UnOp.NOT, new TExpr.Load(broke, w.span()), Types.BOOL, w.span()),
                    orElse, List.of(), w.span()));
        }
    }

    void enterLoop() { loopDepth++; }

    /** Depth of parallel prange loops being typed: a prange inside one runs serially. */
    private int parallelDepth;

    boolean inParallelLoop() { return parallelDepth > 0; }

    void enterParallelLoop() { parallelDepth++; }

    void exitParallelLoop() { parallelDepth--; }
    void exitLoop() { loopDepth--; }

    private void returnStatement(Stmt.Return r, List<TStmt> out) {
        if (decl.info().kind() == dev.arrayjit.typeinfer.KernelInfo.Kind.GPU_KERNEL && r.value() != null
                && !(r.value() instanceof Expr.NoneLit)) {
            error("gpu.kernel.return", r.value().span(), "a @cuda.jit kernel cannot return a value",
                    "write the result into an array argument, e.g. out[i] = ...");
            return;
        }
        if (r.value() == null || r.value() instanceof Expr.NoneLit) {
            if (firstBareReturn == null) firstBareReturn = r.span();
            if (optionalReturn) {
                out.add(new TStmt.Return(cast(new TExpr.Const(Types.NONE, null, r.span()), new Type.Optional(returnType), r.span()), r.span()));
            } else {
                out.add(new TStmt.Return(null, r.span()));
            }
            return;
        }
        if (firstValueReturn == null) firstValueReturn = r.span();
        TExpr v = expr(r.value());
        if (v == null) return;
        if (v.type() instanceof Type.None) {
            out.add(new TStmt.Return(null, r.span()));
            return;
        }
        if (declaredReturn != null) {
            if (declaredReturn instanceof Type.None) {
                error("type.return", r.value().span(), "'" + decl.name() + "' is declared void but returns " + v.type(),
                        "remove the value, or declare the return type in the signature");
                return;
            }
            if (!v.type().equals(declaredReturn) && !(v.type().isScalar() && declaredReturn.isScalar())
                    && Unify.unify(v.type(), declaredReturn) == null) {
                error("type.return", r.value().span(), "'" + decl.name() + "' is declared to return " + declaredReturn
                        + " but returns " + v.type(), "return a " + declaredReturn + " or change the signature");
                return;
            }
        } else if (returnType == null) {
            returnType = v.type();
            changed = true;
        } else {
            Type u = Unify.unify(returnType, v.type());
            if (u == null) {
                error("type.return", r.value().span(), "cannot unify return types " + returnType + " and " + v.type()
                        + " of '" + decl.name() + "'", "return values of one type on every path");
                out.add(new TStmt.Return(null, r.span())); // still a return, so no second error about falling off the end
                return;
            }
            if (!u.equals(returnType)) {
                returnType = u;
                changed = true;
            }
        }
        Type rt = optionalReturn && !(returnType instanceof Type.Optional) ? new Type.Optional(returnType) : returnType;
        out.add(new TStmt.Return(cast(v, rt, r.value().span()), r.span()));
    }

    private void raise(Stmt.Raise r, List<TStmt> out) {
        if (r.exception() == null) {
            error("unsupported.reraise", r.span(), "a bare 'raise' (re-raise) is not supported in a kernel",
                    "raise a new exception, e.g. raise ValueError(\"...\")");
            return;
        }
        Expr exc = r.exception();
        Expr cls = exc instanceof Expr.Call c ? c.func() : exc;
        String q = scope.qualifiedName(cls);
        ExcKind kind = q != null && q.startsWith("builtins.") ? ExcKind.byName(q.substring(9)) : null;
        if (kind == null) {
            error("type.raise", cls.span(), "cannot raise '" + cls.span().text() + "'",
                    "raise a built-in exception such as ValueError(\"message\")");
            return;
        }
        String template = "";
        List<TExpr> payload = new ArrayList<>();
        if (exc instanceof Expr.Call c) {
            if (c.args().size() > 1 || !c.keywords().isEmpty()) {
                error("type.raise", c.span(), "an exception takes at most one message argument", "pass one string");
                return;
            }
            if (c.args().size() == 1) {
                template = messageTemplate(c.args().get(0), payload);
                if (template == null) return;
            }
        }
        out.add(new TStmt.Raise(site(kind, template, r.span()), payload, r.span()));
    }

    /**
     * An exception message as an error-site template: constant text with braces escaped, and for an
     * f-string each integer field as a payload slot ({@code {0}}, {@code {1}}, ...). Null after
     * reporting a field that cannot be formatted yet.
     */
    private String messageTemplate(Expr e, List<TExpr> payload) {
        ConstValue cv = constantOf(e);
        if (cv instanceof ConstValue.Str s) return escape(s.value());
        if (cv instanceof ConstValue.Scalar sc) return escape(String.valueOf(sc.value()));
        if (!(e instanceof Expr.FString f)) {
            error("unsupported.raise.message", e.span(), "the exception message must be a string or an f-string",
                    "write raise ValueError(f\"n must be positive, got {n}\")");
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Expr part : f.parts()) {
            if (part instanceof Expr.StrLit lit) {
                sb.append(escape(lit.value()));
                continue;
            }
            Expr field = part instanceof Expr.Call call && call.func() instanceof Expr.Name n && (n.id().equals("str") || n.id().equals("repr"))
                    && call.args().size() == 1 ? call.args().get(0) : part;
            TExpr v = expr(field);
            if (v == null) return null;
            v = unwrap(v);
            if (!v.type().isScalar() || v.type() instanceof Type.Complex) {
                error("unsupported.raise.message", part.span(), "only numbers and bools can be formatted into an exception message, not "
                        + v.type(), "format a number from it, e.g. its size or one element");
                return null;
            }
            if (payload.size() == dev.arrayjit.typeinfer.backend.Abi.PAYLOAD_SLOTS) {
                error("unsupported.raise.message", part.span(), "an exception message can format at most "
                        + dev.arrayjit.typeinfer.backend.Abi.PAYLOAD_SLOTS + " values", "");
                return null;
            }
            // The payload slots are int64: floats travel as their bits, and the key says how to print each.
            String how = switch (v.type()) {
                case Type.Float fl -> fl.bits() == 32 ? ":f32" : ":f64";
                case Type.Bool bo -> ":bool";
                case Type.Int i when !i.signed() && i.bits() == 64 -> ":u64";
                default -> "";
            };
            sb.append('{').append(payload.size()).append(how).append('}');
            payload.add(v.type() instanceof Type.Float ? new TExpr.FloatBits(v, part.span()) : cast(v, Types.INT64, part.span()));
        }
        return sb.toString();
    }

    private static String escape(String text) { return text.replace("{", "{{").replace("}", "}}"); }

    private void assertStatement(Stmt.Assert a, List<TStmt> out) {
        TExpr c = condition(a.test());
        String message = "";
        List<TExpr> payload = new ArrayList<>();
        if (a.message() != null) {
            message = messageTemplate(a.message(), payload);
            if (message == null) return;
        }
        if (c == null) return;
        ErrorSite s = site(ExcKind.AssertionError, message, a.span());
        out.add(new TStmt.If(new TExpr.Unary(UnOp.NOT, c, Types.BOOL, a.span()), List.of(new TStmt.Raise(s, payload, a.span())),
                List.of(), a.span()));
    }

    /** A string or scalar constant, from a literal or a module-level name; null otherwise. */
    ConstValue constantOf(Expr e) {
        if (e instanceof Expr.StrLit s) return new ConstValue.Str(s.value());
        if (e instanceof Expr.Name n && !varTypes.containsKey(n.id()) && scope.lookup(n.id()) instanceof Binding.Constant c) {
            return c.value();
        }
        try {
            return new ConstEvaluator(scope).eval(e);
        } catch (ConstEvaluator.NotConstant nc) {
            return null;
        }
    }

    // ---- expressions -------------------------------------------------------------------------

    /** A condition: any scalar, tested for truth. */
    TExpr condition(Expr e) {
        TExpr v = expr(e);
        if (v == null) return null;
        return truth(v, e.span());
    }

    TExpr truth(TExpr v, Span span) {
        if (v.type() instanceof Type.Bool) return v;
        if (v.type().isScalar()) return new TExpr.Truth(v, span);
        if (v.type() instanceof Type.Tuple t) return new TExpr.Const(Types.BOOL, !t.elements().isEmpty(), span);
        if (v.type() instanceof Type.None) return new TExpr.Const(Types.BOOL, false, span);
        if (v.type() instanceof Type.Optional o && o.type().isScalar()) return new TExpr.Truth(v, span); // None is false
        if (v.type() instanceof Type.ListOf) return new TExpr.Compare(CmpOp.NE, Lists.len(v, span), new TExpr.Const(Types.INT64, 0L, span), span);
        error("type.truth", span, "the truth value of " + v.type() + " is ambiguous",
                "compare explicitly, e.g. a.size > 0, or test an element");
        return null;
    }

    TExpr expr(Expr e) {
        return switch (e) {
            case Expr.Name n -> name(n);
            case Expr.IntLit i -> {
                try {
                    ConstValue.Scalar s = ConstEvaluator.intLiteral(i.value());
                    yield new TExpr.Const(s.type(), s.value(), i.span());
                } catch (ConstEvaluator.NotConstant nc) {
                    error("type.int.range", i.span(), "integer " + i.value() + " does not fit in 64 bits",
                            "kernel integers are 64-bit; use a float for larger values");
                    yield null;
                }
            }
            case Expr.FloatLit f -> new TExpr.Const(Types.FLOAT64, f.value(), f.span());
            case Expr.BoolLit b -> new TExpr.Const(Types.BOOL, b.value(), b.span());
            case Expr.NoneLit n -> new TExpr.Const(Types.NONE, null, n.span());
            case Expr.Binary b -> binary(b.op(), expr(b.left()), expr(b.right()), b.span());
            case Expr.Unary u -> unary(u);
            case Expr.Logical l -> logical(l);
            case Expr.Compare c -> compare(c);
            case Expr.IfExp i -> ifExp(i);
            case Expr.Call c -> new Calls(this).call(c);
            case Expr.Attribute a -> new Calls(this).attribute(a);
            case Expr.Subscript s -> new Indexing(this).load(s);
            case Expr.Tuple t -> {
                List<TExpr> els = new ArrayList<>();
                boolean unknown = false;
                for (Expr x : t.elements()) {
                    TExpr v = expr(x);
                    if (v == null) unknown = true;
                    else if (v.type() instanceof Type.None) {
                        error("unsupported.none", x.span(), "None inside a tuple is not supported", "");
                        unknown = true;
                    } else els.add(v);
                }
                yield unknown ? null : new TExpr.MakeTuple(els, new Type.Tuple(els.stream().map(TExpr::type).toList()), t.span());
            }
            case Expr.StrLit s -> {
                error("unsupported.string", s.span(), "strings are not supported as values in a kernel",
                        "strings may only be exception messages");
                yield null;
            }
            case Expr.FString f -> {
                error("unsupported.fstring", f.span(), "f-strings are not supported yet", "use a constant message");
                yield null;
            }
            case Expr.ImagLit i -> new TExpr.Const(Types.COMPLEX128, new double[] {0.0, i.value()}, i.span());
            case Expr.ListLit l -> new Lists(this).display(l);
            case Expr.ListComp l -> new Lists(this).comprehension(l);
            case Expr.Slice s -> {
                error("unsupported.slice", s.span(), "slices are not supported yet", "index single elements in a loop");
                yield null;
            }
            case Expr.Starred s -> {
                error("unsupported.starred", s.span(), "'*' unpacking is not supported here", "");
                yield null;
            }
            case Expr.EllipsisLit el -> {
                error("unsupported.ellipsis", el.span(), "'...' is not supported here", "");
                yield null;
            }
            case Expr.Unsupported u -> {
                error("unsupported.expression", u.span(), u.construct() + " is not supported in a kernel", hintFor(u.construct()));
                yield null;
            }
        };
    }

    /** Variables whose assignment failed to type: their later uses report nothing more. */
    private final java.util.Set<String> poisoned = new java.util.HashSet<>();
    /** Variables already reported as used before assignment (once each). */
    private final java.util.Set<String> reportedUnassigned = new java.util.HashSet<>();

    /** Marks a name whose definition failed to type, so its uses report nothing more. */
    void poison(String name) { poisoned.add(name); }

    boolean isPoisoned(String name) { return poisoned.contains(name); }

    /** Names bound by the comprehension being typed (its loop targets), innermost last. */
    private final java.util.Deque<Map.Entry<String, TExpr>> comprehensionNames = new java.util.ArrayDeque<>();

    /** Types {@code body} with {@code name} standing for {@code value} (a comprehension's target). */
    <R> R withName(String name, TExpr value, java.util.function.Supplier<R> body) {
        comprehensionNames.push(Map.entry(name, value));
        try {
            return body.get();
        } finally {
            comprehensionNames.pop();
        }
    }

    private TExpr name(Expr.Name n) {
        for (Map.Entry<String, TExpr> b : comprehensionNames) if (b.getKey().equals(n.id())) return b.getValue();
        String local = local(n);
        if (webs.maybeUnassigned(n) && webs.reached(n) && reportedUnassigned.add(n.id())) {
            error("name.maybe.unassigned", n.span(), "variable '" + n.id() + "' may be used before it is assigned",
                    "assign '" + n.id() + "' on every path before this use, e.g. give it an initial value first");
        }
        if (varTypes.containsKey(local) && (webs.reached(n) || !isAssignedLater(n.id()))) {
            Type t = varTypes.get(local);
            if (t == null) return null;
            return new TExpr.Load(var(local), n.span());
        }
        Binding b = scope.lookup(n.id());
        if (b instanceof Binding.Constant c) {
            TExpr v = constant(c.value(), n.span());
            if (v == null) error("type.global", n.span(), "global '" + n.id() + "' cannot be used in a kernel",
                    "kernels can use numeric and tuple constants");
            return v;
        }
        if (isAssignedLater(n.id())) {
            if (!poisoned.contains(n.id()) && reportedUnassigned.add(n.id())) {
                error("name.undefined", n.span(), "variable '" + n.id() + "' is used before it is assigned",
                        "assign '" + n.id() + "' on every path before this use");
            }
            return null;
        }
        switch (b) {
            case null -> {
                if (Builtins.isBuiltin(n.id())) {
                    error("type.value", n.span(), "'" + n.id() + "' cannot be used as a value", "call it instead");
                } else {
                    error("name.undefined", n.span(), "name '" + n.id() + "' is not defined", undefinedHint(n.id()));
                }
            }
            case Binding.Opaque o -> error("type.global", n.span(), "global '" + n.id() + "' is not a compile-time constant: "
                    + o.why(), "kernels freeze module-level numbers and tuples; pass other values as arguments");
            case Binding.Kernel k -> error("unsupported.function.value", n.span(), "functions cannot be used as values yet",
                    "call '" + n.id() + "' directly");
            default -> error("type.value", n.span(), "'" + n.id() + "' cannot be used as a value here", "");
        }
        return null;
    }

    /** Suggests the import a module-like name needs, or a close name. */
    String undefinedHint(String name) {
        return switch (name) {
            case "np" -> "add 'import numpy as np' at the top of the file";
            case "math", "numpy", "numba", "cmath" -> "add 'import " + name + "' at the top of the file";
            case "nb" -> "add 'import numba as nb' at the top of the file";
            case "njit", "jit", "prange" -> "add 'from numba import " + name + "' at the top of the file";
            default -> Suggest.hint(name, knownNames());
        };
    }

    private boolean isAssignedLater(String name) {
        return assigned.contains(name);
    }

    /** Whether a variable is one of the function's parameters (their types come from the caller). */
    boolean isParameter(String local) {
        return decl.def().params().stream().anyMatch(p -> p.name().equals(local));
    }

    /** Whether a name is a local variable of this function (assigned anywhere in it). */
    boolean knownLocal(String name) {
        return varTypes.containsKey(name) || isAssignedLater(name);
    }

    List<String> knownNames() {
        List<String> names = new ArrayList<>(varTypes.keySet());
        names.addAll(assigned.all());
        return names;
    }

    TExpr constant(ConstValue v, Span span) {
        return switch (v) {
            case ConstValue.Scalar s -> new TExpr.Const(s.type(), s.value(), span);
            case ConstValue.Tuple t -> {
                List<TExpr> els = new ArrayList<>();
                for (ConstValue c : t.elements()) {
                    TExpr x = constant(c, span);
                    if (x == null) yield null;
                    els.add(x);
                }
                yield new TExpr.MakeTuple(els, new Type.Tuple(els.stream().map(TExpr::type).toList()), span);
            }
            case ConstValue.None n -> new TExpr.Const(Types.NONE, null, span);
            case ConstValue.Str s -> null;
            case ConstValue.Array a -> new TExpr.ConstArray(a.elements(), java.util.Arrays.stream(a.shape()).boxed().toList(), a.type(), span);
        };
    }

    TExpr cast(TExpr v, Type to, Span span) {
        if (v.type().equals(to)) return v;
        if (v.type() instanceof Type.Tuple from && to instanceof Type.Tuple tt && from.elements().size() == tt.elements().size()) {
            List<TExpr> els = new ArrayList<>();
            Var tmp = null;
            for (int i = 0; i < tt.elements().size(); i++) {
                TExpr el = v instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(v, i, span);
                els.add(cast(el, tt.elements().get(i), span));
            }
            return new TExpr.MakeTuple(els, tt, span);
        }
        if (v.type() instanceof Type.Array && to instanceof Type.Array) return new TExpr.Cast(v, to, span);
        if (v.type() instanceof Type.ListOf from && to instanceof Type.ListOf lt) {
            if (!from.known() && v instanceof TExpr.ListNew ln && lt.known()) return new TExpr.ListNew(lt, ln.length(), span);
            if (!from.known() || !lt.known()) return v; // the unknown list is reported where it is made
            return new Lists(this).convert(v, lt, span);
        }
        if (v instanceof TExpr.Const c && c.value() != null && v.type().isScalar() && to.isScalar()
                && !(v.type() instanceof Type.Complex) && !(to instanceof Type.Complex)) {
            return new TExpr.Const(to, ConstFold.cast(new ConstValue.Scalar(c.type(), c.value()), to), span);
        }
        return new TExpr.Cast(v, to, span);
    }

    private static final Map<BinaryOp, ArithOp> ARITH = Map.ofEntries(
            Map.entry(BinaryOp.ADD, ArithOp.ADD), Map.entry(BinaryOp.SUB, ArithOp.SUB), Map.entry(BinaryOp.MUL, ArithOp.MUL),
            Map.entry(BinaryOp.DIV, ArithOp.DIV), Map.entry(BinaryOp.FLOORDIV, ArithOp.FLOORDIV), Map.entry(BinaryOp.MOD, ArithOp.MOD),
            Map.entry(BinaryOp.POW, ArithOp.POW), Map.entry(BinaryOp.BITAND, ArithOp.BITAND), Map.entry(BinaryOp.BITOR, ArithOp.BITOR),
            Map.entry(BinaryOp.BITXOR, ArithOp.BITXOR), Map.entry(BinaryOp.LSHIFT, ArithOp.LSHIFT), Map.entry(BinaryOp.RSHIFT, ArithOp.RSHIFT));

    /** An optional value used as its value (Numba unwraps it; None reads as zero here). */
    TExpr unwrap(TExpr v) {
        return v != null && v.type() instanceof Type.Optional o ? new TExpr.Cast(v, o.type(), v.span()) : v;
    }

    TExpr binary(BinaryOp op, TExpr l, TExpr r, Span span) {
        if (l == null || r == null) return null;
        l = unwrap(l);
        r = unwrap(r);
        if (l.type() instanceof Type.Tuple lt && r.type() instanceof Type.Tuple rt && op == BinaryOp.ADD) {
            List<TExpr> els = new ArrayList<>();
            for (int i = 0; i < lt.elements().size(); i++) els.add(new TExpr.TupleGet(l, i, span));
            for (int i = 0; i < rt.elements().size(); i++) els.add(new TExpr.TupleGet(r, i, span));
            return new TExpr.MakeTuple(els, new Type.Tuple(els.stream().map(TExpr::type).toList()), span);
        }
        if (l.type() instanceof Type.Array || r.type() instanceof Type.Array) return new ArrayExprs(this).binary(op, l, r, span);
        if (l.type() instanceof Type.ListOf && r.type() instanceof Type.ListOf && op == BinaryOp.ADD) return new Lists(this).concat(l, r, span);
        if (l.type() instanceof Type.ListOf && op == BinaryOp.MUL) return new Lists(this).repeat(l, r, span);
        if (r.type() instanceof Type.ListOf && op == BinaryOp.MUL) return new Lists(this).repeat(r, l, span);
        if (l.type() instanceof Type.ListOf || r.type() instanceof Type.ListOf) {
            error("type.binary", span, "unsupported operand types for " + op.symbol + ": " + l.type() + " and " + r.type(),
                    "lists support + (concatenation) and * (repetition); for arithmetic, convert with np.array(l)");
            return null;
        }
        Type t = Promotion.binary(op, l.type(), r.type());
        boolean complexOk = op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV || op == BinaryOp.POW;
        if (t == null || ((l.type() instanceof Type.Complex || r.type() instanceof Type.Complex) && !complexOk)) {
            String why = (l.type() instanceof Type.Array || r.type() instanceof Type.Array)
                    ? "whole-array arithmetic is not supported yet; loop over the elements"
                    : op == BinaryOp.MATMUL ? "'@' needs arrays; np.dot and '@' are not supported yet"
                    : (l.type() instanceof Type.Float || r.type() instanceof Type.Float) && op.ordinal() >= BinaryOp.LSHIFT.ordinal()
                      ? "bit operators need integers; convert with int(x)"
                    : "use numbers of a supported type on both sides";
            error("type.binary", span, "unsupported operand types for " + op.symbol + ": " + l.type() + " and " + r.type(), why);
            return null;
        }
        ArithOp a = ARITH.get(op);
        if (a == ArithOp.POW && t instanceof Type.Complex ct) {
            TExpr p = complexIntegerPower(cast(l, ct, span), r, ct, span);
            if (p != null) return p;
        }
        Type operand = t;
        if (op == BinaryOp.DIV && t.isFloat() && !(l.type().isFloat() || r.type().isFloat())) operand = Types.FLOAT64;
        if (t instanceof Type.Bool) {
            return new TExpr.Binary(a, cast(l, Types.BOOL, span), cast(r, Types.BOOL, span), Types.BOOL, null, span);
        }
        ErrorSite zd = null;
        if (a == ArithOp.POW && t instanceof Type.Int && !decl.info().flags().numpyErrors()
                && !(r instanceof TExpr.Const c && c.value() instanceof Long k && k >= 0)) {
            zd = site(ExcKind.ZeroDivisionError, "0 cannot be raised to a negative power", span);
        } else if ((a == ArithOp.DIV || a == ArithOp.FLOORDIV || a == ArithOp.MOD) && !decl.info().flags().numpyErrors()
                && !(r instanceof TExpr.Const c && c.value() != null && !(c.value() instanceof double[])
                     && ConstFold.asDouble(new ConstValue.Scalar(c.type(), c.value())) != 0)) {
            String msg = switch (a) {
                case DIV -> t instanceof Type.Complex ? "complex division by zero" : "division by zero";
                case FLOORDIV -> t.isFloat() ? "float divmod()" : "integer division or modulo by zero";
                default -> t.isFloat() ? "float modulo" : "integer division or modulo by zero";
            };
            zd = site(ExcKind.ZeroDivisionError, msg, span);
        }
        return new TExpr.Binary(a, cast(l, operand, span), cast(r, operand, span), t, zd, span);
    }

    /**
     * {@code z ** k} for a constant integer k with |k| <= 100 by square-and-multiply, as CPython's
     * {@code c_powi} computes it (so results round the same); null for other exponents (cpow).
     */
    private TExpr complexIntegerPower(TExpr z, TExpr exponent, Type.Complex ct, Span span) {
        long k;
        if (exponent instanceof TExpr.Const c && c.value() instanceof Long n) k = n;
        else if (exponent instanceof TExpr.Const c && c.value() instanceof double[] d && d[1] == 0 && d[0] == Math.rint(d[0])) k = (long) d[0];
        else if (exponent instanceof TExpr.Const c && c.value() instanceof Double d && d == Math.rint(d)) k = (long) (double) d;
        else return null;
        if (Math.abs(k) > 100 || !(z instanceof TExpr.Load || z instanceof TExpr.Const)) return null;
        TExpr one = new TExpr.Const(ct, new double[] {1.0, 0.0}, span);
        TExpr r = one, p = z;
        for (long n = Math.abs(k), mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) r = new TExpr.Binary(ArithOp.MUL, r, p, ct, null, span);
            p = new TExpr.Binary(ArithOp.MUL, p, p, ct, null, span);
        }
        if (k < 0) {
            ErrorSite zd = decl.info().flags().numpyErrors() ? null
                    : site(ExcKind.ZeroDivisionError, "0.0 to a negative or complex power", span);
            r = new TExpr.Binary(ArithOp.DIV, one, r, ct, zd, span);
        }
        return r;
    }

    private TExpr unary(Expr.Unary u) {
        TExpr v = u.op() == dev.arrayjit.frontend.ast.UnaryOp.NOT ? expr(u.operand()) : unwrap(expr(u.operand()));
        if (v == null) return null;
        if (v.type() instanceof Type.Array) return new ArrayExprs(this).unary(u.op(), v, u.span());
        if (v.type() instanceof Type.Optional) {
            TExpr test = truth(v, u.span());
            return test == null ? null : new TExpr.Unary(UnOp.NOT, test, Types.BOOL, u.span());
        }
        Type t = v.type();
        if (!t.isScalar() || (t instanceof Type.Complex && u.op() != dev.arrayjit.frontend.ast.UnaryOp.NEG
                && u.op() != dev.arrayjit.frontend.ast.UnaryOp.POS && u.op() != dev.arrayjit.frontend.ast.UnaryOp.NOT)) {
            error("type.unary", u.span(), "unsupported operand type for " + u.op().symbol + ": " + t, "apply it to a number");
            return null;
        }
        return switch (u.op()) {
            case NOT -> new TExpr.Unary(UnOp.NOT, truth(v, u.span()), Types.BOOL, u.span());
            case POS, NEG -> {
                Type rt = t instanceof Type.Int i ? (i.signed() ? Types.INT64 : Types.UINT64) : t instanceof Type.Bool ? Types.INT64 : t;
                if (u.op() == dev.arrayjit.frontend.ast.UnaryOp.NEG && t instanceof Type.Int i && !i.signed() && i.bits() < 64) {
                    // Numba negates in the narrow unsigned type, then widens: -uint8(1) is 255.
                    yield cast(new TExpr.Unary(UnOp.NEG, v, t, u.span()), rt, u.span());
                }
                TExpr c = cast(v, rt, u.span());
                yield u.op() == dev.arrayjit.frontend.ast.UnaryOp.POS ? c
                        : c instanceof TExpr.Const k && k.value() instanceof Double d ? new TExpr.Const(rt, -d, u.span())
                        : c instanceof TExpr.Const k && k.value() instanceof Long l ? new TExpr.Const(rt, -l, u.span())
                        : new TExpr.Unary(UnOp.NEG, c, rt, u.span());
            }
            case INVERT -> {
                if (t instanceof Type.Float) {
                    error("type.unary", u.span(), "unsupported operand type for ~: " + t, "'~' needs an integer or a bool");
                    yield null;
                }
                if (t instanceof Type.Bool) yield new TExpr.Unary(UnOp.NOT, v, Types.BOOL, u.span());
                Type.Int it = (Type.Int) t;
                Type rt = it.signed() ? Types.INT64 : Types.UINT64;
                if (!it.signed() && it.bits() < 64) {
                    yield cast(new TExpr.Unary(UnOp.INVERT, v, t, u.span()), rt, u.span()); // ~uint8(0) is 255
                }
                yield new TExpr.Unary(UnOp.INVERT, cast(v, rt, u.span()), rt, u.span());
            }
        };
    }

    private TExpr logical(Expr.Logical l) {
        TExpr acc = expr(l.operands().get(0));
        for (int i = 1; i < l.operands().size(); i++) {
            TExpr r = expr(l.operands().get(i));
            if (acc == null || r == null) { acc = null; continue; }
            Type t = acc.type().equals(r.type()) ? acc.type() : Unify.unify(acc.type(), r.type());
            if (t == null || !t.isScalar()) {
                error("type.logical", l.span(), "cannot combine " + acc.type() + " and " + r.type() + " with "
                        + l.op().name().toLowerCase(java.util.Locale.ROOT), "use numbers or bools on both sides");
                return null;
            }
            Span sp = l.operands().get(0).span().to(l.operands().get(i).span());
            acc = new TExpr.Logical(l.op() == dev.arrayjit.frontend.ast.BoolOp.AND, cast(acc, t, sp), cast(r, t, sp), t, sp);
        }
        return acc;
    }

    /**
     * {@code a < b < c} is {@code (a < b) and (b < c)} with {@code b} evaluated once, and {@code c}
     * only when {@code a < b}: an operand with side effects (a call, a random draw) that is compared
     * twice is held in a temporary where it is evaluated ({@link TExpr.Let}).
     */
    private TExpr compare(Expr.Compare c) {
        TExpr left = expr(c.left());
        List<TExpr> rights = new ArrayList<>();
        for (Expr e : c.comparators()) rights.add(expr(e));
        if (left == null || rights.contains(null)) return null;
        if (rights.size() > 1 && !Exprs.isPure(left) && !Exprs.isPure(rights.get(0)) && left.type().isScalar()) {
            Var t = temp(left.type()); // evaluated before the middle operand, as Python does
            TExpr rest = chain(c, 0, new TExpr.Load(t, left.span()), rights);
            return rest == null ? null : new TExpr.Let(t, left, rest, c.span());
        }
        return chain(c, 0, left, rights);
    }

    private TExpr chain(Expr.Compare c, int i, TExpr left, List<TExpr> rights) {
        TExpr right = rights.get(i);
        Span sp = (i == 0 ? c.left() : c.comparators().get(i - 1)).span().to(c.comparators().get(i).span());
        if (i == rights.size() - 1) return compareOne(c.ops().get(i), left, right, sp);
        if (!Exprs.isPure(right) && right.type().isScalar()) {
            Var t = temp(right.type());
            TExpr held = new TExpr.Load(t, right.span());
            TExpr cmp = compareOne(c.ops().get(i), left, held, sp), rest = chain(c, i + 1, held, rights);
            if (cmp == null || rest == null) return null;
            return new TExpr.Let(t, right, new TExpr.Logical(true, cmp, rest, Types.BOOL, c.span()), c.span());
        }
        TExpr cmp = compareOne(c.ops().get(i), left, right, sp), rest = chain(c, i + 1, right, rights);
        return cmp == null || rest == null ? null : new TExpr.Logical(true, cmp, rest, Types.BOOL, c.span());
    }

    private static final Map<CompareOp, CmpOp> CMP = Map.of(CompareOp.EQ, CmpOp.EQ, CompareOp.NE, CmpOp.NE,
            CompareOp.LT, CmpOp.LT, CompareOp.LE, CmpOp.LE, CompareOp.GT, CmpOp.GT, CompareOp.GE, CmpOp.GE);

    private TExpr compareOne(CompareOp op, TExpr l, TExpr r, Span span) {
        if (op == CompareOp.IS || op == CompareOp.IS_NOT) {
            boolean lNone = l.type() instanceof Type.None, rNone = r.type() instanceof Type.None;
            if ((lNone && r.type() instanceof Type.Optional) || (rNone && l.type() instanceof Type.Optional)) {
                TExpr test = new TExpr.IsNone(lNone ? r : l, span);
                return op == CompareOp.IS ? test : new TExpr.Unary(UnOp.NOT, test, Types.BOOL, span);
            }
            if (lNone || rNone) {
                boolean same = lNone && rNone;
                return new TExpr.Const(Types.BOOL, op == CompareOp.IS ? same : !same, span);
            }
            if (l.type() instanceof Type.Array || r.type() instanceof Type.Array) {
                error("unsupported.is", span, "'" + op.symbol + "' between arrays is not supported", "compare with == element by element");
                return null;
            }
            op = op == CompareOp.IS ? CompareOp.EQ : CompareOp.NE;
        }
        l = unwrap(l);
        r = unwrap(r);
        if (l.type() instanceof Type.Array || r.type() instanceof Type.Array) {
            return new ArrayExprs(this).compare(op, CMP.get(op), l, r, span);
        }
        if ((op == CompareOp.IN || op == CompareOp.NOT_IN) && r.type() instanceof Type.ListOf) {
            TExpr has = new Lists(this).contains(l, r, span);
            return has == null || op == CompareOp.IN ? has : new TExpr.Unary(UnOp.NOT, has, Types.BOOL, span);
        }
        if (op == CompareOp.IN || op == CompareOp.NOT_IN) {
            error("unsupported.in", span, "'" + op.symbol + "' is not supported yet", "compare with == in a loop");
            return null;
        }
        if (l.type() instanceof Type.Tuple lt && r.type() instanceof Type.Tuple rt && (op == CompareOp.EQ || op == CompareOp.NE)) {
            if (lt.elements().size() != rt.elements().size()) return new TExpr.Const(Types.BOOL, op == CompareOp.NE, span);
            TExpr all = new TExpr.Const(Types.BOOL, true, span);
            for (int i = 0; i < lt.elements().size(); i++) {
                TExpr e = compareOne(CompareOp.EQ, new TExpr.TupleGet(l, i, span), new TExpr.TupleGet(r, i, span), span);
                if (e == null) return null;
                all = i == 0 ? e : new TExpr.Logical(true, all, e, Types.BOOL, span);
            }
            return op == CompareOp.EQ ? all : new TExpr.Unary(UnOp.NOT, all, Types.BOOL, span);
        }
        if (!l.type().isScalar() || !r.type().isScalar()) {
            error("type.compare", span, "cannot compare " + l.type() + " and " + r.type() + " with " + op.symbol,
                    l.type() instanceof Type.Array || r.type() instanceof Type.Array
                            ? "whole-array comparisons are not supported yet; compare elements in a loop" : "compare numbers");
            return null;
        }
        Type t = Promotion.comparison(l.type(), r.type());
        if (t == null || (t instanceof Type.Complex && op != CompareOp.EQ && op != CompareOp.NE)) {
            error("type.compare", span, "cannot compare " + l.type() + " and " + r.type() + " with " + op.symbol,
                    t instanceof Type.Complex ? "complex numbers have no order: compare abs(z) or z.real" : "compare numbers of one kind");
            return null;
        }
        return new TExpr.Compare(CMP.get(op), cast(l, t, span), cast(r, t, span), span);
    }

    private TExpr ifExp(Expr.IfExp i) {
        TExpr c = condition(i.test());
        TExpr a = expr(i.body()), b = expr(i.orElse());
        if (c == null || a == null || b == null) return null;
        Type t = Unify.unify(a.type(), b.type());
        if (t == null) {
            error("type.ifexp", i.span(), "the branches of this conditional have types " + a.type() + " and " + b.type()
                    + ", which cannot be unified", "make both branches the same type");
            return null;
        }
        return new TExpr.Select(c, cast(a, t, i.body().span()), cast(b, t, i.orElse().span()), t, i.span());
    }

    static String describe(Expr e) {
        return switch (e) {
            case Expr.Call c -> "a function call";
            case Expr.IntLit i -> "a literal";
            case Expr.FloatLit f -> "a literal";
            case Expr.Binary b -> "an expression";
            default -> "'" + e.span().text() + "'";
        };
    }

    List<Type> argTypes() { return argTypes; }
}
