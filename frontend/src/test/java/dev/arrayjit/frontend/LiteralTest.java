package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.arrayjit.frontend.ast.Expr;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number and string literals decode to the values Python gives them. */
class LiteralTest {
    @ParameterizedTest
    @CsvSource({
            "0, 0", "00, 0", "42, 42", "1_000_000, 1000000", "0xFF, 255", "0x_dead_BEEF, 3735928559",
            "0o777, 511", "0b1010_1010, 170", "9223372036854775807, 9223372036854775807",
            "18446744073709551616, 18446744073709551616"})
    void integers(String source, String value) {
        Expr.IntLit i = assertInstanceOf(Expr.IntLit.class, Parsing.value(source));
        assertEquals(new BigInteger(value), i.value());
    }

    @ParameterizedTest
    @CsvSource({"1., 1.0", ".5, 0.5", "1e-3, 0.001", "1E10, 1e10", "1_0.5, 10.5", "3.14e+2, 314.0", "1e400, Infinity"})
    void floats(String source, double value) {
        assertEquals(value, assertInstanceOf(Expr.FloatLit.class, Parsing.value(source)).value());
    }

    @Test
    void imaginary() {
        assertEquals(2.0, assertInstanceOf(Expr.ImagLit.class, Parsing.value("2j")).value());
        assertEquals(1000.0, assertInstanceOf(Expr.ImagLit.class, Parsing.value("1e3J")).value());
    }

    @Test
    void negativeLiteralsStayUnary() {
        Expr.Unary u = assertInstanceOf(Expr.Unary.class, Parsing.value("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), assertInstanceOf(Expr.IntLit.class, u.operand()).value());
    }

    private static String str(String source) {
        return assertInstanceOf(Expr.StrLit.class, Parsing.value(source)).value();
    }

    @Test
    void strings() {
        assertEquals("single", str("'single'"));
        assertEquals("it's", str("'it\\'s'"));
        assertEquals("a\tb\nc\\d\u0007\b\f\r\u000B\0", str("\"a\\tb\\nc\\\\d\\a\\b\\f\\r\\v\\0\""));
        assertEquals("AAé😀•", str("'\\101\\x41\\u00e9\\U0001F600\\N{BULLET}'"));
        assertEquals("unknown \\q kept", str("'unknown \\q kept'"));
        assertEquals("raw \\n \\x41", str("r'raw \\n \\x41'"));
        assertEquals("raw\\'", str("R'raw\\''"));
        assertEquals("joined across three literals", str("'joined ' \"across \" '''three literals'''"));
        assertEquals("line continued", str("'line \\\ncontinued'"));
        assertEquals("multi\nline", str("'''multi\r\nline'''"));
        assertEquals("u prefix", str("u'u prefix'"));
    }

    @Test
    void bytesAreUnsupported() {
        Expr.Unsupported u = assertInstanceOf(Expr.Unsupported.class, Parsing.value("b'ab' rb'\\d'"));
        assertEquals("bytes literal", u.construct());
    }

    @Test
    void fstringParts() {
        Expr.FString f = assertInstanceOf(Expr.FString.class, Parsing.value("f'a={a} {b:.3f} {c!r}'"));
        List<Expr> p = f.parts();
        assertEquals(6, p.size());
        assertEquals("a=", assertInstanceOf(Expr.StrLit.class, p.get(0)).value());
        assertEquals("a", assertInstanceOf(Expr.Name.class, p.get(1)).id());
        Expr.Call format = assertInstanceOf(Expr.Call.class, p.get(3));
        assertEquals("format", assertInstanceOf(Expr.Name.class, format.func()).id());
        assertEquals("b", assertInstanceOf(Expr.Name.class, format.args().get(0)).id());
        assertEquals(".3f", assertInstanceOf(Expr.StrLit.class, format.args().get(1)).value());
        assertEquals(":.3f", format.func().span().text(), "the synthetic name points at the spec");
        Expr.Call repr = assertInstanceOf(Expr.Call.class, p.get(5));
        assertEquals("repr", assertInstanceOf(Expr.Name.class, repr.func()).id());
        assertEquals("{c!r}", repr.span().text());
    }

    @Test
    void fstringSelfDocumentingAndBraces() {
        Expr.FString f = assertInstanceOf(Expr.FString.class, Parsing.value("f'{{x}} {x=}'"));
        assertEquals("{x} x=", assertInstanceOf(Expr.StrLit.class, f.parts().get(0)).value());
        assertEquals("repr", assertInstanceOf(Expr.Name.class, assertInstanceOf(Expr.Call.class, f.parts().get(1)).func()).id());
    }

    @Test
    void fstringFieldSpansPointIntoTheFile() {
        Expr.FString f = assertInstanceOf(Expr.FString.class, Parsing.value("f'{np.sum(a[1:]) + 1}'"));
        Expr.Binary b = assertInstanceOf(Expr.Binary.class, f.parts().getFirst());
        assertEquals("np.sum(a[1:]) + 1", b.span().text());
        assertEquals("a[1:]", assertInstanceOf(Expr.Call.class, b.left()).args().getFirst().span().text());
    }
}
