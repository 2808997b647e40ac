package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;

/** A keyword argument {@code name=value} in a call; {@code name} is null for {@code **mapping}. */
public record Keyword(String name, Expr value, Span span) implements Node {}
