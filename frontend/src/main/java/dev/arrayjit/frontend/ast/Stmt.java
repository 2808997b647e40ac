package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;
import java.util.List;

/** Statements of the kernel language, plus the module-level ones a Numba file needs. */
public sealed interface Stmt extends Node {
    /** {@code def name(params): body}, with its decorators in source order. {@code docstring} may be null. */
    record FunctionDef(String name, List<Param> params, List<Expr> decorators, List<Stmt> body,
                       String docstring, Span nameSpan, Span span) implements Stmt {}
    /** {@code import a.b as c, d}. */
    record Import(List<Alias> names, Span span) implements Stmt {}
    /** {@code from module import a as b, c}; a star import has the single name {@code *}. */
    record ImportFrom(String module, List<Alias> names, Span span) implements Stmt {}
    /** {@code t1 = t2 = value}: one or more targets. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {}
    record AugAssign(Expr target, BinaryOp op, Expr value, Span span) implements Stmt {}
    /** {@code target: annotation = value}; value may be null. */
    record AnnAssign(Expr target, Expr annotation, Expr value, Span span) implements Stmt {}
    record ExprStmt(Expr value, Span span) implements Stmt {}
    record If(Expr test, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}
    record While(Expr test, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}
    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}
    record Break(Span span) implements Stmt {}
    record Continue(Span span) implements Stmt {}
    record Pass(Span span) implements Stmt {}
    /** {@code return} with an optional value (null when bare). */
    record Return(Expr value, Span span) implements Stmt {}
    /** {@code raise exc from cause}; both may be null (a bare re-raise). */
    record Raise(Expr exception, Expr cause, Span span) implements Stmt {}
    record Assert(Expr test, Expr message, Span span) implements Stmt {}
    record Global(List<String> names, Span span) implements Stmt {}
    record Nonlocal(List<String> names, Span span) implements Stmt {}
    record Del(List<Expr> targets, Span span) implements Stmt {}
    /**
     * A statement the kernel language does not support (class, with, try, async, match, yield ...).
     * Kept so module-level code that no kernel uses is accepted, and a kernel that holds it gets an
     * error naming the construct.
     */
    record Unsupported(String construct, Span span) implements Stmt {}
}
