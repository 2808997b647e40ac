package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import java.util.ArrayList;
import java.util.List;

/** The program-wide table of places that may raise; ids are indices, so every unit can share it. */
public final class ErrorSites {
    private final List<ErrorSite> sites = new ArrayList<>();

    public synchronized ErrorSite add(ExcKind kind, String message, Span span) {
        ErrorSite s = new ErrorSite(sites.size(), kind, message, span);
        sites.add(s);
        return s;
    }

    public synchronized List<ErrorSite> snapshot() { return List.copyOf(sites); }
}
