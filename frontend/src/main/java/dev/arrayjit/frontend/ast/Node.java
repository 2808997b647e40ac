package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;

/** Every AST node knows where it came from. */
public sealed interface Node permits Expr, Stmt, Module, Param, Keyword, Alias {
    Span span();
}
