package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One syntax error per snippet: its code, position and CPython-style message, and a hint. */
class SyntaxErrorTest {
    static Stream<Arguments> errors() {
        return Stream.of(
                // Brackets.
                err("foo(a, b\n", "1:4", "unclosed '(' opened here"),
                err("x = [1,\n     2\ny = 3\n", "1:5", "unclosed '[' opened here"),
                err("x = (1 + 2))\n", "1:12", "unmatched ')'"),
                err("z = (1, 2]\n", "1:10", "closing parenthesis ']' does not match opening parenthesis '('"),
                // Colons and blocks.
                err("if x\n    pass\n", "1:5", "expected ':' after the if condition"),
                err("while x < 3\n    pass\n", "1:12", "expected ':' after the while condition"),
                err("for x in range(3)\n    pass\n", "1:18", "expected ':' after the for clause"),
                err("def f(x)\n    return x\n", "1:9", "expected ':' after the function signature"),
                err("class A(B)\n    pass\n", "1:11", "expected ':' after the class header"),
                err("def f():\nreturn 1\n", "2:1", "expected an indented block after function definition on line 1"),
                err("x = 1\nif x:\npass\n", "3:1", "expected an indented block after 'if' statement on line 2"),
                err("for i in r:\n    pass\nelse:\nx = 1\n", "4:1", "expected an indented block after 'else' statement on line 3"),
                // Indentation.
                err("  x = 1\n", "1:3", "unexpected indent"),
                err("if x:\n        a = 1\n    b = 2\n", "3:5", "unindent does not match any outer indentation level"),
                err("if x:\n\ty = 1\n        z = 2\n", "3:9", "inconsistent use of tabs and spaces in indentation"),
                // Tokens the parser cannot use.
                err("x = 1 +\n", "1:8", "invalid syntax: unexpected end of line"),
                err("f(a b)\n", "1:5", "invalid syntax: unexpected 'b'"),
                err("if x = 1:\n    pass\n", "1:6", "invalid syntax: unexpected '='"),
                err("def class(): pass\n", "1:5", "invalid syntax: unexpected 'class'"),
                err("print 'hi'\n", "1:7", "missing parentheses in call to 'print'"),
                err("x = $\n", "1:5", "invalid character '$' (U+0024)"),
                err("x = 1 + \\ 2\n", "1:9", "unexpected character after line continuation character"),
                // Literals.
                err("x = 'abc\n", "1:5", "unterminated string literal"),
                err("s = '''abc\n\nx = 1\n", "1:5", "unterminated triple-quoted string literal"),
                err("x = 0777\n", "1:5", "leading zeros in decimal integer literals are not permitted"),
                err("s = \"\\x4\"\n", "1:6", "invalid escape sequence: truncated \\xXX escape"),
                err("s = b\"x\" \"y\"\n", "1:5", "cannot mix bytes and nonbytes literals"),
                err("s = f'{x!z}'\n", "1:9", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
                err("s = f'{}'\n", "1:7", "f-string: empty expression not allowed"),
                err("s = f'a}b'\n", "1:8", "f-string: single '}' is not allowed"),
                err("s = f'{x +}'\n", "1:11", "invalid syntax: unexpected end of file"),
                // Targets.
                err("1 = x\n", "1:1", "cannot assign to literal"),
                err("f() = 3\n", "1:1", "cannot assign to function call"),
                err("for f(x) in y:\n    pass\n", "1:5", "cannot assign to function call"),
                err("a, b += 1\n", "1:1", "'tuple' is an illegal expression for augmented assignment"),
                err("a, b: int\n", "1:1", "only single target (not tuple) can be annotated"),
                err("del f()\n", "1:5", "cannot delete function call"),
                err("a, *b, *c = x\n", "1:8", "multiple starred expressions in assignment"),
                err("x = *a\n", "1:5", "can't use starred expression here"),
                // Parameters and arguments.
                err("def f(a=1, b):\n  pass\n", "1:12", "non-default argument follows default argument"),
                err("def f(a, *, b, a): pass\n", "1:16", "duplicate argument 'a' in function definition"),
                err("def f(a, *): pass\n", "1:10", "named arguments must follow bare *"),
                err("def f(**k, a): pass\n", "1:12", "arguments cannot follow var-keyword argument"),
                err("f(x=1, 2)\n", "1:8", "positional argument follows keyword argument"),
                err("f(**k, *a)\n", "1:8", "iterable argument unpacking follows keyword argument unpacking"),
                err("f(a.b=1)\n", "1:3", "expression cannot contain assignment, perhaps you meant \"==\"?"),
                err("f(k=1, k=2)\n", "1:8", "keyword argument repeated: k"),
                err("f(x for x in y, 1)\n", "1:3", "Generator expression must be parenthesized"));
    }

    private static Arguments err(String source, String where, String message) {
        return Arguments.of(source.replace("\n", "\\n"), source, where, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsOneErrorInPythonsWords(String label, String source, String where, String message) {
        Diagnostics diags = new Diagnostics();
        Parser.parse(new SourceFile("t.py", source), diags);
        List<Diagnostic> all = diags.all();
        assertEquals(1, all.size(), () -> "expected one diagnostic, got:\n" + render(all));
        Diagnostic d = all.getFirst();
        assertEquals("parse.syntax", d.code());
        assertEquals(where + " " + message, d.span() + " " + d.message(), () -> render(all));
        assertFalse(d.hint().isBlank(), "every syntax error says what to do");
    }

    static String render(List<Diagnostic> ds) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : ds) b.append(d.render());
        return b.toString();
    }
}
