package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** The hints that say what to do, for the mistakes they are written for. */
class HintTest {
    private static Diagnostic only(String source) {
        Diagnostics diags = new Diagnostics();
        Parser.parse(new SourceFile("t.py", source), diags);
        assertEquals(1, diags.all().size(), () -> SyntaxErrorTest.render(diags.all()));
        return diags.all().getFirst();
    }

    @Test
    void missingComma() {
        assertEquals("insert a comma or an operator between the two expressions", only("f(a b)\n").hint());
    }

    @Test
    void assignmentInCondition() {
        assertEquals("use '==' to compare values; '=' assigns only in a statement of its own", only("while x = 1:\n    pass\n").hint());
    }

    @Test
    void keywordAsName() {
        assertEquals("'lambda' is a reserved word and cannot be used as a name", only("def lambda(): pass\n").hint());
    }

    @Test
    void elseIf() {
        assertEquals("write 'elif' instead of 'else if'", only("if a:\n    pass\nelse if b:\n    pass\n").hint());
    }

    @Test
    void unclosedBracketNamesTheCloser() {
        assertEquals("add the matching ']'", only("x = a[1\n").hint());
    }

    @Test
    void emptyBlock() {
        assertEquals("indent the statements of the block; write 'pass' for an empty block", only("def f():\n\nx = 1\n").hint());
    }

    @Test
    void renderedWithCaretUnderTheToken() {
        Diagnostic d = only("total = (a +\n         b c)\n");
        assertEquals("""
                t.py:2:12: error: invalid syntax: unexpected 'c'
                             b c)
                               ^
                    = help: insert a comma or an operator between the two expressions
                """, d.render());
    }
}
