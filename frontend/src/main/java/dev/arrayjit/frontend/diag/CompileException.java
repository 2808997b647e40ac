package dev.arrayjit.frontend.diag;

import java.util.List;
import java.util.stream.Collectors;

/** A compile failure: the user's source has errors. Its message is the rendered diagnostics. */
public final class CompileException extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining()), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public CompileException(Diagnostic d) { this(List.of(d)); }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
