package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;

/** One imported name: {@code name as asName}; {@code asName} is null when absent. Dotted names keep their dots. */
public record Alias(String name, String asName, Span span) implements Node {
    /** The name bound in the importing scope. */
    public String boundName() {
        if (asName != null) return asName;
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
