package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import org.junit.jupiter.api.Test;

/** Every node's span covers exactly its own source text. */
class SpanTest {
    @Test
    void callAttributeAndName() {
        Expr.Call call = assertInstanceOf(Expr.Call.class, Parsing.value("np.zeros((n, m), dtype=np.float64)"));
        assertEquals("np.zeros((n, m), dtype=np.float64)", call.span().text());
        Expr.Attribute attr = assertInstanceOf(Expr.Attribute.class, call.func());
        assertEquals("np.zeros", attr.span().text());
        assertEquals("np", attr.value().span().text());
        assertEquals("(n, m)", call.args().getFirst().span().text(), "a parenthesized tuple includes its parentheses");
        assertEquals("dtype=np.float64", call.keywords().getFirst().span().text());
    }

    @Test
    void parenthesesOnlyGroup() {
        Expr.Binary b = assertInstanceOf(Expr.Binary.class, Parsing.value("(a + b) * c"));
        assertEquals("(a + b) * c", b.span().text());
        assertEquals("a + b", b.left().span().text());
    }

    @Test
    void trailersChainFromTheFirstAtom() {
        Expr.Subscript s = assertInstanceOf(Expr.Subscript.class, Parsing.value("a.b(c)[d, 1:-1]"));
        assertEquals("a.b(c)[d, 1:-1]", s.span().text());
        Expr.Tuple index = assertInstanceOf(Expr.Tuple.class, s.index());
        assertEquals("d, 1:-1", index.span().text());
        assertEquals("1:-1", index.elements().get(1).span().text());
        assertEquals("a.b(c)", s.value().span().text());
    }

    @Test
    void functionNameDecoratorsAndParams() {
        Stmt.FunctionDef f = assertInstanceOf(Stmt.FunctionDef.class,
                Parsing.stmt("@njit(cache=True)\ndef kernel(a, b: int = 2, *args, **kw):\n    \"\"\"Doc.\"\"\"\n    return a\n"));
        assertEquals("kernel", f.nameSpan().text());
        assertEquals("def kernel(a, b: int = 2, *args, **kw):\n    \"\"\"Doc.\"\"\"\n    return a", f.span().text());
        assertEquals("njit(cache=True)", f.decorators().getFirst().span().text());
        assertEquals("b: int = 2", f.params().get(1).span().text());
        assertEquals("*args", f.params().get(2).span().text());
        assertEquals(Param.Kind.KWARGS, f.params().get(3).kind());
        assertEquals("Doc.", f.docstring());
        assertEquals(1, f.body().size(), "the docstring left the body");
    }

    @Test
    void elifIsANestedIfFromElifToTheEnd() {
        Stmt.If outer = assertInstanceOf(Stmt.If.class, Parsing.stmt("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n"));
        assertEquals("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3", outer.span().text());
        Stmt.If inner = assertInstanceOf(Stmt.If.class, outer.orElse().getFirst());
        assertEquals("elif b:\n    x = 2\nelse:\n    x = 3", inner.span().text());
        assertEquals("b", inner.test().span().text());
        assertEquals(1, inner.orElse().size());
    }

    @Test
    void statementSpansStopAtTheirLastToken() {
        Stmt.For f = assertInstanceOf(Stmt.For.class, Parsing.stmt("for i in range(n):  # loop\n    s += i  # add\n\n# trailing\n"));
        assertEquals("for i in range(n):  # loop\n    s += i", f.span().text());
        assertEquals("s += i", f.body().getFirst().span().text());
    }

    @Test
    void sliceParts() {
        Expr.Subscript s = assertInstanceOf(Expr.Subscript.class, Parsing.value("a[::2]"));
        Expr.Slice slice = assertInstanceOf(Expr.Slice.class, s.index());
        assertEquals("::2", slice.span().text());
        assertNull(slice.lower());
        assertNull(slice.upper());
        assertEquals("2", slice.step().span().text());
    }

    @Test
    void unsupportedConstructsSpanTheWholeConstruct() {
        Stmt.Unsupported u = assertInstanceOf(Stmt.Unsupported.class, Parsing.stmt("class A:\n    x = 1\n"));
        assertEquals("class definition", u.construct());
        assertEquals("class A:\n    x = 1", u.span().text());
        Expr.Unsupported l = assertInstanceOf(Expr.Unsupported.class, Parsing.value("lambda x: x + 1"));
        assertEquals("lambda", l.construct());
        assertEquals("lambda x: x + 1", l.span().text());
    }

    @Test
    void nonBmpCharactersCountAsTwoChars() {
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, Parsing.stmt("s = '😀' + name\n"));
        Expr.Binary b = assertInstanceOf(Expr.Binary.class, a.value());
        assertEquals("name", b.right().span().text());
        assertEquals(12, b.right().span().column(), "the emoji is two chars");
    }
}
