package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.diag.Diagnostics;

/** Small helpers for tests that parse snippets which must be free of errors. */
final class Parsing {
    private Parsing() {}

    static Module module(String source) {
        Diagnostics diags = new Diagnostics();
        Module m = Parser.parse(new SourceFile("t.py", source), diags);
        assertEquals("", SyntaxErrorTest.render(diags.all()), "unexpected diagnostics");
        return m;
    }

    static Stmt stmt(String source) {
        Module m = module(source);
        assertEquals(1, m.body().size(), "statements");
        return m.body().getFirst();
    }

    /** The value of {@code x = <source>}. */
    static Expr value(String source) {
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, stmt("x = " + source + "\n"));
        return a.value();
    }
}
