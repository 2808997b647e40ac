package dev.arrayjit.frontend.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics so one run reports every error it finds, in source order. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void report(Diagnostic d) {
        for (Diagnostic seen : items) {
            if (seen.span().start() == d.span().start() && seen.message().equals(d.message())) return;
        }
        items.add(d);
    }

    public void error(String code, dev.arrayjit.frontend.Span span, String message, String hint) {
        report(Diagnostic.error(code, span, message, hint));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.span().file().name())
                .thenComparingInt(d -> d.span().start()));
        return sorted;
    }

    /** Throws {@link CompileException} carrying everything collected, if any error was reported. */
    public void throwIfErrors() {
        if (hasErrors()) throw new CompileException(all());
    }
}
