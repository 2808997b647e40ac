package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.ast.AstPrinter;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Stmt;
import org.junit.jupiter.api.Test;

/** Logical lines and indentation, through the parser. */
class LexerTest {
    @Test
    void crlfParsesLikeLf() {
        String lf = "def f(x):\n    if x:\n        return (1 +\n                2)\n    return 0\n";
        String crlf = lf.replace("\n", "\r\n");
        // Same tree at the same line:column positions; only the module's end differs.
        String a = AstPrinter.print(Parsing.module(lf)).lines().skip(1).toList().toString();
        String b = AstPrinter.print(Parsing.module(crlf)).lines().skip(1).toList().toString();
        assertEquals(a, b);
    }

    @Test
    void fileWithoutTrailingNewline() {
        Stmt.FunctionDef f = assertInstanceOf(Stmt.FunctionDef.class, Parsing.stmt("def f():\n    return 1"));
        assertInstanceOf(Stmt.Return.class, f.body().getFirst());
        Parsing.stmt("x = 1");
        Parsing.stmt("x = (1,\n     2)");
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        assertTrue(Parsing.module("").body().isEmpty());
        assertTrue(Parsing.module("\n\n   \n").body().isEmpty());
        assertTrue(Parsing.module("# just a comment\n    # indented comment").body().isEmpty());
    }

    @Test
    void blankAndCommentLinesInsideBlocksAreIgnored() {
        Stmt.If s = assertInstanceOf(Stmt.If.class, Parsing.stmt("if x:\n\n  # odd indent\n    a = 1\n\n        # deeper\n    b = 2\n"));
        assertEquals(2, s.body().size());
    }

    @Test
    void tabsAdvanceToTheNextMultipleOfEight() {
        Stmt.If s = assertInstanceOf(Stmt.If.class, Parsing.stmt("if x:\n\ta = 1\n\tb = 2\n"));
        assertEquals(2, s.body().size());
        Stmt.If t = assertInstanceOf(Stmt.If.class, Parsing.stmt("if x:\n\tif y:\n\t\ta = 1\n\tb = 2\n"));
        assertEquals(2, t.body().size());
    }

    @Test
    void formFeedResetsTheColumn() {
        assertEquals(2, Parsing.module("x = 1\n\f\ny = 2\n").body().size());
    }

    @Test
    void backslashJoinsLines() {
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, Parsing.stmt("x = 1 + \\\n    2\n"));
        assertInstanceOf(Expr.Binary.class, a.value());
        assertInstanceOf(Stmt.If.class, Parsing.stmt("if a and \\\n        b:\n    pass\n"));
    }

    @Test
    void newlinesInsideBracketsAreIgnored() {
        Module m = Parsing.module("x = [\n1,\n\n      2,\n  # c\n]\ny = f(a,\n b)\n");
        assertEquals(2, m.body().size());
    }

    @Test
    void dedentSeveralLevelsAtOnce() {
        Module m = Parsing.module("def f():\n    for i in r:\n        if i:\n            pass\nx = 1\n");
        assertEquals(2, m.body().size());
    }

    @Test
    void semicolonsSeparateStatements() {
        assertEquals(3, Parsing.module("a = 1; b = 2; c = 3;\n").body().size());
        Stmt.If s = assertInstanceOf(Stmt.If.class, Parsing.stmt("if x: a = 1; b = 2\n"));
        assertEquals(2, s.body().size());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertEquals(1, Parsing.module("\uFEFFx = 1\n").body().size());
    }
}
