package dev.arrayjit.frontend.diag;

import dev.arrayjit.frontend.Span;

/**
 * One message about the user's source. {@code code} is a stable key (such as {@code type.unify})
 * that tests may match; {@code hint} says what to do about it and may be empty.
 */
public record Diagnostic(Severity severity, String code, Span span, String message, String hint) {
    public static Diagnostic error(String code, Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, span, message, hint == null ? "" : hint);
    }

    public static Diagnostic error(String code, Span span, String message) {
        return error(code, span, message, "");
    }

    /** The one-line raw form: {@code file:line:col: error: message}. */
    public String headline() {
        return span.where() + ": " + severity.label() + ": " + message;
    }

    /** The human form: headline, the source line, a caret under the column, then the hint. */
    public String render() {
        StringBuilder sb = new StringBuilder(headline()).append('\n');
        String line = span.file().lineText(span.line());
        sb.append("    ").append(line).append('\n');
        int col = span.column();
        int endCol = span.file().line(Math.max(span.start(), span.end() - 1)) == span.line()
                ? span.file().column(Math.max(span.start(), span.end() - 1)) : line.length();
        StringBuilder caret = new StringBuilder("    ");
        for (int i = 1; i < col; i++) caret.append(i - 1 < line.length() && line.charAt(i - 1) == '\t' ? '\t' : ' ');
        caret.append('^');
        for (int i = col + 1; i <= endCol && i <= line.length(); i++) caret.append('~');
        sb.append(caret).append('\n');
        if (!hint.isEmpty()) sb.append("    = help: ").append(hint).append('\n');
        return sb.toString();
    }
}
