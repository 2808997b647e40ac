package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input never throws, reports every independent error once, and keeps the good statements. */
class RecoveryTest {
    private static List<Diagnostic> errors(String source, Module[] out) {
        Diagnostics diags = new Diagnostics();
        out[0] = Parser.parse(new SourceFile("t.py", source), diags);
        return diags.all();
    }

    @Test
    void independentErrorsAreAllReported() {
        Module[] m = new Module[1];
        List<Diagnostic> ds = errors("x = )\ny = 2\nz = (]\ndef f(a)\n    return a\nw = 4 5\nv = 6\n", m);
        assertEquals(List.of("1:5", "3:6", "4:9", "6:7"), ds.stream().map(d -> d.span().toString()).toList(),
                SyntaxErrorTest.render(ds));
        List<String> kept = m[0].body().stream()
                .filter(s -> s instanceof Stmt.Assign)
                .map(s -> s.span().text()).toList();
        assertTrue(kept.containsAll(List.of("y = 2", "v = 6")), kept.toString());
        assertFalse(m[0].body().stream().anyMatch(s -> s instanceof Stmt.Return), "the failed def's body is not hoisted");
    }

    @Test
    void aBrokenStatementInsideAFunctionKeepsTheFunction() {
        Module[] m = new Module[1];
        List<Diagnostic> ds = errors("def f(a):\n    x = a +\n    return a\n", m);
        assertEquals(1, ds.size());
        Stmt.FunctionDef f = (Stmt.FunctionDef) m[0].body().getFirst();
        assertEquals(1, f.body().size());
        assertTrue(f.body().getFirst() instanceof Stmt.Return);
    }

    @Test
    void unclosedBracketHidesTheParsersEchoes() {
        Module[] m = new Module[1];
        List<Diagnostic> ds = errors("x = foo(a, b\n\ndef g():\n    return 1\n\ny = 2 3\n", m);
        assertEquals(1, ds.size(), SyntaxErrorTest.render(ds));
        assertEquals("unclosed '(' opened here", ds.getFirst().message());
    }

    @Test
    void parseOrThrowCarriesEveryError() {
        CompileException e = assertThrows(CompileException.class,
                () -> Parser.parseOrThrow(new SourceFile("t.py", "x = )\ny = (]\n")));
        assertEquals(2, e.diagnostics().size());
        assertTrue(e.getMessage().contains("t.py:1:5: error: unmatched ')'"), e.getMessage());
    }

    @Test
    void nothingIsPrintedToTheConsole() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured));
        try {
            Parser.parse(new SourceFile("t.py", "def (:\n  x = = 1\n]\n"), new Diagnostics());
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString());
    }

    /** Every prefix of a realistic file, and random token soup: no exception, no internal error. */
    @Test
    void neverThrowsOnTruncatedOrRandomInput() throws IOException {
        String full = Files.readString(Golden.RESOURCES.resolve("parse/numba_kernels.py"));
        for (int end = 0; end <= full.length(); end += 7) mustNotFail(full.substring(0, end));
        String[] pieces = {"def", "f", "(", ")", ":", "\n", "    ", "if", "x", "=", "1", "+", "[", "]", "{", "}",
                "'s", "\"", "f'{", "}'", ",", "*", "**", "lambda", "else", "elif", "@", ".", "\\\n", "\t", "#c\n",
                "return", "class", "for", "in", "match", "case", "async", "yield", ";", "0x", "1e", "..."};
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(30);
            for (int j = 0; j < n; j++) b.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            mustNotFail(b.toString());
        }
    }

    private static void mustNotFail(String source) {
        Diagnostics diags = new Diagnostics();
        try {
            Parser.parse(new SourceFile("t.py", source), diags);
        } catch (RuntimeException e) {
            throw new AssertionError("parse threw on:\n" + source, e);
        }
        for (Diagnostic d : diags.all()) {
            assertEquals("parse.syntax", d.code(), () -> "on:\n" + source + "\n" + d.render());
        }
    }
}
