package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of an f-string into literal parts and replacement fields, as Python 3.11 does
 * (a field may not hold the f-string's own quote character).
 *
 * <p>A field {@code {expr}} becomes the expression itself. A conversion becomes a call of the
 * builtin it names and a format spec a call of {@code format}, which is what Python evaluates:
 * <pre>
 *   {x!r}        repr(x)              {x:.3f}       format(x, ".3f")
 *   {x!s:>{w}}   format(str(x), f"&gt;{w}")   {x=}  "x=" then repr(x)
 * </pre>
 * Synthesised names carry the span of what they stand for: {@code repr} the {@code !r},
 * {@code format} the spec; the call spans the whole {@code {...}} field.
 */
final class FStrings {
    /** Parses a field's expression text, given as a range of file offsets. */
    interface FieldParser {
        Expr parse(int start, int end);
    }

    private final String body;
    private final int base;
    private final boolean raw;
    private final BuildContext c;
    private final FieldParser fields;
    private int pos;

    private FStrings(String body, int base, boolean raw, BuildContext c, FieldParser fields) {
        this.body = body;
        this.base = base;
        this.raw = raw;
        this.c = c;
        this.fields = fields;
    }

    /**
     * The parts of an f-string body that starts at file offset {@code base}: {@link Expr.StrLit}
     * for literal text (never empty), other expressions for fields.
     */
    static List<Expr> parts(String body, int base, boolean raw, BuildContext c, FieldParser fields) {
        FStrings f = new FStrings(body, base, raw, c, fields);
        List<Expr> parts = f.sequence(false);
        while (f.pos < body.length()) {
            // A '}' that closes nothing: report it, keep it as text and go on.
            f.error(f.pos, f.pos + 1, "f-string: single '}' is not allowed", "write '}}' for a literal '}'");
            f.pos++;
            parts.addAll(f.sequence(false));
        }
        return merge(parts);
    }

    /** Literal text and fields up to the end of the body, or in a format spec up to its closing '}'. */
    private List<Expr> sequence(boolean inSpec) {
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textStart = pos;
        int runStart = pos;
        while (pos < body.length()) {
            char ch = body.charAt(pos);
            boolean doubled = pos + 1 < body.length() && body.charAt(pos + 1) == ch;
            if ((ch == '{' || ch == '}') && doubled && !inSpec) {
                text.append(decode(runStart, pos)).append(ch);
                pos += 2;
                runStart = pos;
            } else if (ch == '{') {
                text.append(decode(runStart, pos));
                addText(parts, text, textStart, pos);
                field(parts);
                textStart = runStart = pos;
            } else if (ch == '}') {
                break;
            } else if (ch == '\\' && !raw && pos + 1 < body.length()) {
                char next = body.charAt(pos + 1);
                if (next == 'N' && pos + 2 < body.length() && body.charAt(pos + 2) == '{') {
                    int close = body.indexOf('}', pos);
                    pos = close < 0 ? body.length() : close + 1;
                } else {
                    // "\{" is not an escape: the backslash stays and the brace opens a field.
                    pos += next == '{' || next == '}' ? 1 : 2;
                }
            } else {
                pos++;
            }
        }
        text.append(decode(runStart, pos));
        addText(parts, text, textStart, pos);
        return parts;
    }

    private String decode(int from, int to) {
        return Literals.decode(body.substring(from, to), raw, false, base + from, c);
    }

    private void addText(List<Expr> parts, StringBuilder text, int from, int to) {
        if (!text.isEmpty()) parts.add(new Expr.StrLit(text.toString(), span(from, to)));
        text.setLength(0);
    }

    /** One replacement field; {@code pos} is at its '{' and ends after its '}'. */
    private void field(List<Expr> parts) {
        int open = pos;
        int exprStart = pos + 1;
        int exprEnd = scanExpression(exprStart);
        if (exprEnd < 0) {
            error(open, open + 1, "f-string: expecting '}'", "close the replacement field with '}'");
            pos = body.length();
            return;
        }
        int selfDocEnd = -1;
        int eq = selfDocEquals(exprStart, exprEnd);
        if (eq >= 0) {
            selfDocEnd = exprEnd;
            exprEnd = eq;
        }
        if (body.substring(exprStart, exprEnd).isBlank()) {
            error(open, Math.max(exprEnd, open + 1), "f-string: empty expression not allowed",
                    "put an expression between the braces, or write '{{' for a literal '{'");
            skipToClose(selfDocEnd >= 0 ? selfDocEnd : exprEnd);
            return;
        }
        pos = selfDocEnd >= 0 ? selfDocEnd : exprEnd;
        String conversion = null;
        int convStart = pos;
        if (pos < body.length() && body.charAt(pos) == '!') {
            conversion = pos + 1 < body.length() ? switch (body.charAt(pos + 1)) {
                case 's' -> "str";
                case 'r' -> "repr";
                case 'a' -> "ascii";
                default -> null;
            } : null;
            if (conversion == null) {
                error(pos, Math.min(pos + 2, body.length()), "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        "write !s, !r or !a, or remove the '!'");
                skipToClose(pos + 1);
                return;
            }
            pos += 2;
        }
        int convEnd = pos;
        Expr spec = null;
        int specStart = pos;
        if (pos < body.length() && body.charAt(pos) == ':') {
            pos++;
            List<Expr> specParts = merge(sequence(true));
            if (specParts.size() == 1 && specParts.getFirst() instanceof Expr.StrLit s) {
                spec = s;
            } else if (!specParts.isEmpty()) {
                spec = new Expr.FString(specParts, span(specStart + 1, pos));
            }
        }
        if (pos >= body.length() || body.charAt(pos) != '}') {
            error(open, open + 1, "f-string: expecting '}'", "close the replacement field with '}'");
            pos = body.length();
            return;
        }
        pos++;
        Span fieldSpan = span(open, pos);
        Expr value = fields.parse(base + exprStart, base + exprEnd);
        if (selfDocEnd >= 0) {
            parts.add(new Expr.StrLit(body.substring(exprStart, selfDocEnd), span(exprStart, selfDocEnd)));
            // Python's '=' shows the repr unless a conversion or a format spec says otherwise.
            if (conversion == null && spec == null) conversion = "repr";
        }
        if (conversion != null) {
            Span at = convEnd > convStart ? span(convStart, convEnd) : span(exprEnd, selfDocEnd);
            value = new Expr.Call(new Expr.Name(conversion, at), List.of(value), List.of(), fieldSpan);
        }
        if (spec != null) {
            value = new Expr.Call(new Expr.Name("format", span(specStart, pos - 1)), List.of(value, spec), List.of(), fieldSpan);
        }
        parts.add(value);
    }

    /**
     * The end of the expression starting at {@code from}: the first '!', ':' or '}' outside brackets
     * and strings ('!=' excluded); -1 when the field never closes.
     */
    private int scanExpression(int from) {
        int depth = 0;
        int i = from;
        while (i < body.length()) {
            char ch = body.charAt(i);
            switch (ch) {
                case '\'', '"' -> {
                    int close = body.indexOf(ch, i + 1);
                    if (close < 0) return -1;
                    i = close;
                }
                case '(', '[', '{' -> depth++;
                case ')', ']' -> depth = Math.max(0, depth - 1);
                case '}' -> {
                    if (depth == 0) return i;
                    depth--;
                }
                case '!' -> {
                    if (depth == 0 && !(i + 1 < body.length() && body.charAt(i + 1) == '=')) return i;
                }
                case ':' -> {
                    if (depth == 0) return i;
                }
                default -> { }
            }
            i++;
        }
        return -1;
    }

    /** The position of a self-documenting '=' ending the expression in {@code [from, to)}, or -1. */
    private int selfDocEquals(int from, int to) {
        int i = to - 1;
        while (i >= from && Character.isWhitespace(body.charAt(i))) i--;
        if (i < from || body.charAt(i) != '=') return -1;
        char before = i > from ? body.charAt(i - 1) : ' ';
        if ("=!<>".indexOf(before) >= 0) return -1;
        return i;
    }

    private void skipToClose(int from) {
        int close = body.indexOf('}', from);
        pos = close < 0 ? body.length() : close + 1;
    }

    /** Joins adjacent literal parts (from string concatenation or doubled braces). */
    static List<Expr> merge(List<Expr> parts) {
        List<Expr> out = new ArrayList<>();
        for (Expr p : parts) {
            if (p instanceof Expr.StrLit s && s.value().isEmpty()) continue;
            if (p instanceof Expr.StrLit s && !out.isEmpty() && out.getLast() instanceof Expr.StrLit prev) {
                out.set(out.size() - 1, new Expr.StrLit(prev.value() + s.value(), prev.span().to(s.span())));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private Span span(int from, int to) {
        return new Span(c.file, base + from, base + to);
    }

    private void error(int from, int to, String message, String hint) {
        c.error(span(from, to), message, hint);
    }
}
