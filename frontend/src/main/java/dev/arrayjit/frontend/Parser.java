package dev.arrayjit.frontend;

import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.frontend.parser.ParseDriver;

/**
 * The frontend's entry point: Python source in, {@link Module} out.
 *
 * <p>Syntax errors are reported with code {@code parse.syntax}, a span on the offending token and
 * CPython's wording; as many as can be found are reported (at most one per line), and the module
 * returned holds every statement that parsed cleanly. Constructs the kernel language does not
 * support are not errors here: they become {@code Stmt.Unsupported} and {@code Expr.Unsupported}
 * nodes for later phases to reject if a kernel uses them.
 */
public final class Parser {
    private Parser() {}

    /** Parses {@code file}, reporting syntax errors into {@code diags}; never throws for bad input. */
    public static Module parse(SourceFile file, Diagnostics diags) {
        return ParseDriver.parse(file, diags);
    }

    /** Parses {@code file}, or throws a {@link CompileException} carrying every syntax error. */
    public static Module parseOrThrow(SourceFile file) {
        Diagnostics diags = new Diagnostics();
        Module module = parse(file, diags);
        diags.throwIfErrors();
        return module;
    }
}
