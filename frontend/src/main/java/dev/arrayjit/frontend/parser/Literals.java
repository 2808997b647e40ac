package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import java.math.BigInteger;
import java.util.Locale;

/** Decoding of number and string tokens, with CPython's rules and error messages. */
final class Literals {
    private Literals() {}

    /** Integers are unbounded here; whether a value fits a machine type is decided by type inference. */
    static Expr number(String text, Span span, BuildContext c) {
        String digits = text.replace("_", "");
        char last = digits.charAt(digits.length() - 1);
        if (last == 'j' || last == 'J') {
            return new Expr.ImagLit(Double.parseDouble(digits.substring(0, digits.length() - 1)), span);
        }
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) return new Expr.IntLit(new BigInteger(digits.substring(2), 16), span);
        if (lower.startsWith("0o")) return new Expr.IntLit(new BigInteger(digits.substring(2), 8), span);
        if (lower.startsWith("0b")) return new Expr.IntLit(new BigInteger(digits.substring(2), 2), span);
        if (lower.indexOf('.') >= 0 || lower.indexOf('e') >= 0) {
            return new Expr.FloatLit(Double.parseDouble(digits), span);
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(ch -> ch == '0')) {
            c.error(span, "leading zeros in decimal integer literals are not permitted",
                    "write " + digits.replaceFirst("^0+", "") + " for decimal, or 0o" + digits.replaceFirst("^0+", "")
                            + " for an octal number");
        }
        return new Expr.IntLit(new BigInteger(digits), span);
    }

    /** The parts of one string token: {@code prefix} is lower-case, the body excludes the quotes. */
    record StringToken(boolean raw, boolean bytes, boolean format, int bodyStart, int bodyEnd) {
        static StringToken of(String text) {
            int q = 0;
            while (q < text.length() && text.charAt(q) != '\'' && text.charAt(q) != '"') q++;
            String prefix = text.substring(0, q).toLowerCase(Locale.ROOT);
            char quote = text.charAt(q);
            int quoteLen = text.startsWith(String.valueOf(quote).repeat(3), q) ? 3 : 1;
            int bodyStart = q + quoteLen;
            int bodyEnd = text.length();
            String closing = String.valueOf(quote).repeat(quoteLen);
            // An unterminated token (already reported) has no closing quote.
            if (bodyEnd - quoteLen >= bodyStart && text.endsWith(closing)) bodyEnd -= quoteLen;
            return new StringToken(prefix.contains("r"), prefix.contains("b"), prefix.contains("f"), bodyStart, bodyEnd);
        }
    }

    /**
     * Decodes the escapes of a string body (unless raw) and turns line ends into {@code \n}, as
     * Python's universal newlines do. {@code offset} is the body's position in the file, for errors.
     */
    static String decode(String body, boolean raw, boolean bytes, int offset, BuildContext c) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch == '\r') {
                out.append('\n');
                i += body.startsWith("\r\n", i) ? 2 : 1;
                continue;
            }
            if (bytes && ch > 0x7F) {
                c.error(new Span(c.file, offset + i, offset + i + 1), "bytes can only contain ASCII literal characters",
                        "write the byte as an escape such as \\xNN");
                out.append(ch);
                i++;
                continue;
            }
            if (ch != '\\' || i + 1 >= body.length()) {
                out.append(ch);
                i++;
                continue;
            }
            if (raw) {
                // A raw string keeps the backslash and what it escapes, a line end included.
                out.append(ch);
                i++;
                continue;
            }
            i = escape(body, i, bytes, offset, c, out);
        }
        return out.toString();
    }

    /** Decodes the escape at {@code body[i] == '\\'}; returns the index after it. */
    private static int escape(String body, int i, boolean bytes, int offset, BuildContext c, StringBuilder out) {
        char e = body.charAt(i + 1);
        switch (e) {
            case '\n' -> { return i + 2; }
            case '\r' -> { return body.startsWith("\r\n", i + 1) ? i + 3 : i + 2; }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int j = i + 1;
                int value = 0;
                while (j < body.length() && j < i + 4 && body.charAt(j) >= '0' && body.charAt(j) <= '7') {
                    value = value * 8 + (body.charAt(j++) - '0');
                }
                out.appendCodePoint(bytes ? value & 0xFF : value);
                return j;
            }
            case 'x' -> { return hex(body, i, 2, "\\xXX", offset, c, out); }
            case 'u' -> {
                if (bytes) break;
                return hex(body, i, 4, "\\uXXXX", offset, c, out);
            }
            case 'U' -> {
                if (bytes) break;
                return hex(body, i, 8, "\\UXXXXXXXX", offset, c, out);
            }
            case 'N' -> {
                if (bytes) break;
                return named(body, i, offset, c, out);
            }
            default -> {
                // Python keeps an unknown escape as written (and warns).
                out.append('\\').append(e);
            }
        }
        if (bytes && (e == 'u' || e == 'U' || e == 'N')) out.append('\\').append(e);
        return i + 2;
    }

    private static int hex(String body, int i, int digits, String form, int offset, BuildContext c, StringBuilder out) {
        int j = i + 2;
        while (j < body.length() && j < i + 2 + digits && Character.digit(body.charAt(j), 16) >= 0) j++;
        Span where = new Span(c.file, offset + i, offset + j);
        if (j - (i + 2) < digits) {
            c.error(where, "invalid escape sequence: truncated " + form + " escape",
                    "write exactly " + digits + " hexadecimal digits after \\" + body.charAt(i + 1));
            return j;
        }
        int value = Integer.parseUnsignedInt(body.substring(i + 2, j), 16);
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            c.error(where, "invalid escape sequence: illegal Unicode character", "the largest code point is \\U0010FFFF");
            return j;
        }
        out.appendCodePoint(value);
        return j;
    }

    private static int named(String body, int i, int offset, BuildContext c, StringBuilder out) {
        int close = body.indexOf('}', i);
        if (i + 2 >= body.length() || body.charAt(i + 2) != '{' || close < 0) {
            c.error(new Span(c.file, offset + i, offset + i + 2), "invalid escape sequence: malformed \\N character escape",
                    "write \\N{NAME OF THE CHARACTER}");
            return i + 2;
        }
        String name = body.substring(i + 3, close);
        try {
            out.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException e) {
            c.error(new Span(c.file, offset + i, offset + close + 1), "invalid escape sequence: unknown Unicode character name",
                    "check the spelling of '" + name + "'");
        }
        return close + 1;
    }
}
