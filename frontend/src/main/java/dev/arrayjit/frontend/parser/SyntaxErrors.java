package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the syntax errors of one parse from the lexer, the parser and the AST builder, and
 * hands the useful ones to {@link Diagnostics} at the end. One mistake often upsets all three
 * stages, so errors are kept back and filtered: the earliest stage wins, one error per line, and
 * nothing the parser says after a bracket that is never closed (that is the only real error).
 */
final class SyntaxErrors {
    static final String CODE = "parse.syntax";
    static final String INTERNAL = "parse.internal";

    /** Earlier stages explain later ones: a lexical error causes parse errors, not the reverse. */
    enum Stage { LEXER, PARSER, BUILDER }

    private record Pending(Stage stage, String code, Span span, String message, String hint, int causeLine) {}

    private final SourceFile file;
    private final List<Pending> pending = new ArrayList<>();
    private int unclosedFrom = Integer.MAX_VALUE;

    SyntaxErrors(SourceFile file) { this.file = file; }

    SourceFile file() { return file; }

    void add(Stage stage, Span span, String message, String hint) {
        pending.add(new Pending(stage, CODE, span, message, hint, -1));
    }

    /** For {@link #addConsequence}: the cause may be any earlier error. */
    static final int ANY_EARLIER = 0;

    /**
     * An error that is likely a consequence of an error on {@code causeLine} (an indented block
     * after a header that failed to parse), or of any earlier error for {@link #ANY_EARLIER}:
     * dropped when that error exists.
     */
    void addConsequence(Stage stage, Span span, String message, String hint, int causeLine) {
        pending.add(new Pending(stage, CODE, span, message, hint, causeLine));
    }

    void internal(Span span, String message) {
        pending.add(new Pending(Stage.BUILDER, INTERNAL, span, message, "this is a bug in arrayjit; please report it", -1));
    }

    /** A bracket opened at {@code offset} is never closed: later parse errors are its echoes. */
    void unclosedBracketAt(int offset) { unclosedFrom = Math.min(unclosedFrom, offset); }

    boolean any() { return !pending.isEmpty(); }

    void flushInto(Diagnostics diags) {
        List<Pending> ordered = new ArrayList<>(pending);
        ordered.sort(Comparator.comparing(Pending::stage).thenComparingInt(p -> p.span().start()));
        Set<Integer> linesWithErrors = new HashSet<>();
        int firstAccepted = Integer.MAX_VALUE;
        for (Pending p : ordered) {
            int line = p.span().line();
            if (p.stage() != Stage.LEXER && p.span().start() >= unclosedFrom) continue;
            if (linesWithErrors.contains(line) || linesWithErrors.contains(p.causeLine())) continue;
            if (p.causeLine() == ANY_EARLIER && firstAccepted < p.span().start()) continue;
            linesWithErrors.add(line);
            firstAccepted = Math.min(firstAccepted, p.span().start());
            diags.error(p.code(), p.span(), p.message(), p.hint());
        }
        pending.clear();
    }
}
