package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Alias;
import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.parser.PythonParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the parse tree into the AST. Statements come from here, expressions from
 * {@link ExprBuilder}. A statement whose parse tree came through error recovery incomplete is
 * dropped (its error is already reported), so the module is always built.
 *
 * <p>Conventions: {@code elif} becomes an {@code If} nested in the else branch, spanning from
 * {@code elif} to the end of the chain; a function's leading docstring moves into
 * {@code FunctionDef.docstring}; a {@code def}'s span starts at {@code def}, not at its decorators;
 * parameter and return annotations are dropped.
 */
final class AstBuilder {
    private final BuildContext c;
    private final ExprBuilder e;

    AstBuilder(ExprBuilder exprs) {
        this.e = exprs;
        this.c = exprs.context();
    }

    Module module(File_inputContext tree) {
        List<Stmt> body = statements(tree.stmt());
        return new Module(c.file, body, new Span(c.file, 0, c.file.text().length()));
    }

    private List<Stmt> statements(List<StmtContext> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (StmtContext s : stmts) {
            try {
                c.check(s);
                if (s.simple_stmts() != null) out.addAll(simpleStatements(s.simple_stmts()));
                else out.add(compound(s.compound_stmt()));
            } catch (BuildContext.Malformed m) {
                if (!c.errors.any()) {
                    c.errors.internal(m.at == null ? c.span(s.start) : c.span(m.at), "could not build this statement");
                }
            }
        }
        return out;
    }

    private List<Stmt> simpleStatements(Simple_stmtsContext x) {
        c.check(x);
        List<Stmt> out = new ArrayList<>();
        for (Simple_stmtContext s : x.simple_stmt()) out.add(simple(s));
        return out;
    }

    private List<Stmt> block(BlockContext b) {
        c.check(b);
        if (b.simple_stmts() != null) return simpleStatements(b.simple_stmts());
        return statements(b.stmt());
    }

    // ---- simple statements

    private Stmt simple(Simple_stmtContext x) {
        c.check(x);
        Span span = c.span(x);
        if (x.expr_stmt() != null) return exprStatement(x.expr_stmt(), span);
        if (x.yield_expr() != null) {
            e.yieldExpr(x.yield_expr());
            return new Stmt.Unsupported(x.yield_expr().FROM() != null ? Constructs.YIELD_FROM_STMT : Constructs.YIELD_STMT, span);
        }
        if (x.return_stmt() != null) {
            Return_stmtContext r = c.check(x.return_stmt());
            return new Stmt.Return(r.testlist_star_expr() == null ? null : value(r.testlist_star_expr()), span);
        }
        if (x.import_name() != null) return importName(x.import_name(), span);
        if (x.import_from() != null) return importFrom(x.import_from(), span);
        if (x.raise_stmt() != null) {
            Raise_stmtContext r = c.check(x.raise_stmt());
            Expr exc = r.test().isEmpty() ? null : e.test(r.test(0));
            Expr cause = r.test().size() > 1 ? e.test(r.test(1)) : null;
            return new Stmt.Raise(exc, cause, span);
        }
        if (x.pass_stmt() != null) return new Stmt.Pass(span);
        if (x.break_stmt() != null) return new Stmt.Break(span);
        if (x.continue_stmt() != null) return new Stmt.Continue(span);
        if (x.del_stmt() != null) {
            List<Expr> targets = e.exprlistElements(c.check(x.del_stmt()).exprlist());
            targets.forEach(t -> Targets.delete(t, c));
            return new Stmt.Del(targets, span);
        }
        if (x.assert_stmt() != null) {
            Assert_stmtContext a = c.check(x.assert_stmt());
            return new Stmt.Assert(e.test(a.test(0)), a.test().size() > 1 ? e.test(a.test(1)) : null, span);
        }
        if (x.global_stmt() != null) {
            return new Stmt.Global(c.check(x.global_stmt()).name().stream().map(e::name).toList(), span);
        }
        if (x.nonlocal_stmt() != null) {
            return new Stmt.Nonlocal(c.check(x.nonlocal_stmt()).name().stream().map(e::name).toList(), span);
        }
        throw new BuildContext.Malformed(x.start);
    }

    private Stmt exprStatement(Expr_stmtContext x, Span span) {
        c.check(x);
        Expr first = e.testlistStarExpr(x.testlist_star_expr(0));
        if (x.annassign() != null) {
            AnnassignContext a = c.check(x.annassign());
            Targets.annotated(first, c);
            Expr annotation = e.test(a.test());
            Expr value = a.yield_expr() != null ? e.yieldExpr(a.yield_expr())
                    : a.testlist_star_expr() != null ? value(a.testlist_star_expr()) : null;
            return new Stmt.AnnAssign(first, annotation, value, span);
        }
        if (x.augassign() != null) {
            Targets.augmented(first, c);
            String symbol = c.check(x.augassign()).getText();
            BinaryOp op = BinaryOp.fromSymbol(symbol.substring(0, symbol.length() - 1));
            Expr value = x.yield_expr() != null ? e.yieldExpr(x.yield_expr()) : value(x.testlist_star_expr(1));
            return new Stmt.AugAssign(first, op, value, span);
        }
        if (x.assign_tail().isEmpty()) {
            noBareStar(first);
            return new Stmt.ExprStmt(first, span);
        }
        List<Expr> targets = new ArrayList<>();
        targets.add(first);
        Expr value = null;
        List<Assign_tailContext> tails = x.assign_tail();
        for (int i = 0; i < tails.size(); i++) {
            Assign_tailContext t = c.check(tails.get(i));
            Expr rhs = t.yield_expr() != null ? e.yieldExpr(t.yield_expr()) : value(t.testlist_star_expr());
            if (i < tails.size() - 1) targets.add(rhs);
            else value = rhs;
        }
        for (Expr target : targets) Targets.assign(target, c, "maybe you meant '==' instead of '='?");
        return new Stmt.Assign(targets, value, span);
    }

    /** A value position: {@code *a} alone is not a value, {@code *a, b} is. */
    private Expr value(Testlist_star_exprContext x) {
        Expr v = e.testlistStarExpr(x);
        noBareStar(v);
        return v;
    }

    private void noBareStar(Expr v) {
        if (v instanceof Expr.Starred s) {
            c.error(s.span(), "can't use starred expression here", "add a trailing comma to make a tuple: *a,");
        }
    }

    private Stmt importName(Import_nameContext x, Span span) {
        c.check(x);
        List<Alias> names = new ArrayList<>();
        for (Dotted_as_nameContext d : x.dotted_as_name()) {
            c.check(d);
            names.add(new Alias(dotted(d.dotted_name()), d.name() == null ? null : e.name(d.name()), c.span(d)));
        }
        return new Stmt.Import(names, span);
    }

    /** {@code from ..pkg.mod import a}: the module keeps its leading dots ("..pkg.mod", or ".." alone). */
    private Stmt importFrom(Import_fromContext x, Span span) {
        c.check(x);
        StringBuilder module = new StringBuilder();
        for (Relative_dotsContext d : x.relative_dots()) module.append(c.check(d).getText());
        if (x.dotted_name() != null) module.append(dotted(x.dotted_name()));
        List<Alias> names = new ArrayList<>();
        if (x.STAR() != null) {
            names.add(new Alias("*", null, c.span(x.STAR())));
        } else {
            for (Import_as_nameContext n : c.check(x.import_as_names()).import_as_name()) {
                c.check(n);
                names.add(new Alias(e.name(n.name(0)), n.AS() == null ? null : e.name(n.name(1)), c.span(n)));
            }
        }
        return new Stmt.ImportFrom(module.toString(), names, span);
    }

    private String dotted(Dotted_nameContext d) {
        return c.check(d).name().stream().map(e::name).collect(Collectors.joining("."));
    }

    // ---- compound statements

    private Stmt compound(Compound_stmtContext x) {
        c.check(x);
        if (x.if_stmt() != null) return ifStatement(x.if_stmt());
        if (x.while_stmt() != null) {
            While_stmtContext w = c.check(x.while_stmt());
            return new Stmt.While(e.namedexprTest(w.namedexpr_test()), block(w.block()), orElse(w.else_clause()), c.span(w));
        }
        if (x.for_stmt() != null) return forStatement(x.for_stmt());
        if (x.funcdef() != null) return function(x.funcdef(), List.of());
        if (x.decorated() != null) return decorated(x.decorated());
        if (x.classdef() != null) return classDefinition(x.classdef());
        if (x.try_stmt() != null) {
            Try_stmtContext t = c.check(x.try_stmt());
            t.block().forEach(this::block);
            for (Except_clauseContext ex : t.except_clause()) {
                if (c.check(ex).test() != null) e.test(ex.test());
            }
            if (t.else_clause() != null) orElse(t.else_clause());
            if (t.finally_clause() != null) block(c.check(t.finally_clause()).block());
            return new Stmt.Unsupported(Constructs.TRY, c.span(t));
        }
        if (x.with_stmt() != null) {
            With_stmtContext w = withStatement(x.with_stmt());
            return new Stmt.Unsupported(Constructs.WITH, c.span(w));
        }
        if (x.async_stmt() != null) {
            Async_stmtContext a = c.check(x.async_stmt());
            if (a.funcdef() != null) {
                function(a.funcdef(), List.of());
                return new Stmt.Unsupported(Constructs.ASYNC_DEF, c.span(a));
            }
            if (a.for_stmt() != null) {
                forStatement(a.for_stmt());
                return new Stmt.Unsupported(Constructs.ASYNC_FOR, c.span(a));
            }
            withStatement(a.with_stmt());
            return new Stmt.Unsupported(Constructs.ASYNC_WITH, c.span(a));
        }
        if (x.match_stmt() != null) {
            Match_stmtContext m = c.check(x.match_stmt());
            e.testlistStarExpr(m.testlist_star_expr());
            for (Case_blockContext k : m.case_block()) block(c.check(k).block());
            return new Stmt.Unsupported(Constructs.MATCH, c.span(m));
        }
        throw new BuildContext.Malformed(x.start);
    }

    /** {@code if a: x elif b: y else: z} is {@code If(a, [x], [If(b, [y], [z])])}. */
    private Stmt ifStatement(If_stmtContext x) {
        c.check(x);
        Span whole = c.span(x);
        List<Stmt> orElse = orElse(x.else_clause());
        Expr test = e.namedexprTest(x.namedexpr_test());
        List<Stmt> body = block(x.block());
        List<Elif_clauseContext> elifs = x.elif_clause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            Elif_clauseContext elif = c.check(elifs.get(i));
            Span span = new Span(c.file, c.span(elif.start).start(), whole.end());
            orElse = List.of(new Stmt.If(e.namedexprTest(elif.namedexpr_test()), block(elif.block()), orElse, span));
        }
        return new Stmt.If(test, body, orElse, whole);
    }

    private List<Stmt> orElse(Else_clauseContext x) {
        return x == null ? List.of() : block(c.check(x).block());
    }

    private Stmt forStatement(For_stmtContext x) {
        c.check(x);
        Expr target = e.exprlist(x.exprlist());
        Targets.assign(target, c, "a for loop's target must be a name, attribute, subscript, or a tuple of them");
        Expr iter = value(x.testlist_star_expr());
        return new Stmt.For(target, iter, block(x.block()), orElse(x.else_clause()), c.span(x));
    }

    private With_stmtContext withStatement(With_stmtContext w) {
        c.check(w);
        for (With_itemContext item : w.with_item()) {
            e.test(c.check(item).test());
            if (item.expr() != null) e.expr(item.expr());
        }
        block(w.block());
        return w;
    }

    private Stmt decorated(DecoratedContext x) {
        c.check(x);
        List<Expr> decorators = new ArrayList<>();
        for (DecoratorContext d : x.decorator()) decorators.add(e.namedexprTest(c.check(d).namedexpr_test()));
        if (x.funcdef() != null) return function(x.funcdef(), decorators);
        if (x.classdef() != null) return classDefinition(x.classdef());
        Async_funcdefContext a = c.check(x.async_funcdef());
        function(a.funcdef(), decorators);
        return new Stmt.Unsupported(Constructs.ASYNC_DEF, c.span(a));
    }

    private Stmt classDefinition(ClassdefContext x) {
        c.check(x);
        if (x.arglist() != null) {
            // Base classes and keywords are built for their checks only.
            for (ArgumentContext a : c.check(x.arglist()).argument()) c.check(a).test().forEach(e::test);
        }
        block(x.block());
        return new Stmt.Unsupported(Constructs.CLASS, c.span(x));
    }

    private Stmt function(FuncdefContext x, List<Expr> decorators) {
        c.check(x);
        String name = e.name(x.name());
        List<Param> params = parameters(x.parameters());
        if (x.test() != null) e.test(x.test()); // the return annotation: checked, then dropped
        List<Stmt> body = block(x.block());
        String docstring = null;
        if (!body.isEmpty() && body.getFirst() instanceof Stmt.ExprStmt(Expr.StrLit doc, _)) {
            docstring = doc.value();
            body = body.subList(1, body.size());
        }
        return new Stmt.FunctionDef(name, params, decorators, List.copyOf(body), docstring, c.span(x.name()), c.span(x));
    }

    /**
     * Parameters in order. Plain ones after {@code *} or {@code *args} are keyword-only; the
     * {@code /} marker is dropped (the parameters before it stay PLAIN).
     */
    private List<Param> parameters(ParametersContext x) {
        c.check(x);
        List<Param> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean star = false;
        boolean kwargs = false;
        boolean positionalDefault = false;
        boolean slash = false;
        Span bareStar = null;
        for (Param_itemContext item : x.param_item()) {
            c.check(item);
            Span span = c.span(item);
            if (kwargs) {
                c.error(span, "arguments cannot follow var-keyword argument", "make **" + out.getLast().name() + " the last parameter");
            }
            switch (item) {
                case PlainParamContext p -> {
                    Expr dflt = p.test() == null ? null : e.test(p.test());
                    if (!star) {
                        if (dflt == null && positionalDefault) {
                            c.error(span, "non-default argument follows default argument",
                                    "give this parameter a default too, or move it before those with defaults");
                        }
                        positionalDefault |= dflt != null;
                    }
                    out.add(new Param(param(p.param()), dflt, star ? Param.Kind.KEYWORD_ONLY : Param.Kind.PLAIN, span));
                    bareStar = null;
                }
                case StarParamContext s -> {
                    if (star) c.error(span, "* argument may appear only once", "keep a single * or *args");
                    star = true;
                    if (s.param() != null) out.add(new Param(param(s.param()), null, Param.Kind.VARARGS, span));
                    else bareStar = span;
                }
                case DoubleStarParamContext d -> {
                    out.add(new Param(param(d.param()), null, Param.Kind.KWARGS, span));
                    kwargs = true;
                }
                case SlashParamContext _ -> {
                    if (slash) c.error(span, "/ may appear only once", "keep a single /");
                    else if (star) c.error(span, "/ must be ahead of *", "move the / before the *");
                    else if (out.isEmpty()) c.error(span, "at least one argument must precede /", "remove the /");
                    slash = true;
                }
                default -> throw new BuildContext.Malformed(item.start);
            }
        }
        if (bareStar != null) {
            c.error(bareStar, "named arguments must follow bare *", "add a keyword-only parameter after the *, or remove it");
        }
        for (Param p : out) {
            if (!seen.add(p.name())) {
                c.error(p.span(), "duplicate argument '" + p.name() + "' in function definition", "rename one of them");
            }
        }
        return out;
    }

    /** A parameter's name; its annotation is checked and dropped. */
    private String param(ParamContext p) {
        c.check(p);
        if (p.test() != null) e.test(p.test());
        return e.name(p.name());
    }
}
