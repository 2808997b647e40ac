package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;

/** A function parameter; {@code kind} tells plain, {@code *args} and {@code **kwargs} apart. */
public record Param(String name, Expr defaultValue, Kind kind, Span span) implements Node {
    public enum Kind { PLAIN, VARARGS, KWARGS, KEYWORD_ONLY }
}
