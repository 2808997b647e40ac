package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import org.antlr.v4.runtime.Token;

/**
 * The token stream the parser sees (after indentation processing), one token per line, for lexer
 * golden tests: {@code start-end TYPE "text"}, positions as line:col with the end exclusive.
 * Lexical errors follow, one per line.
 */
public final class TokenDump {
    private TokenDump() {}

    public static String dump(SourceFile file) {
        SyntaxErrors errors = new SyntaxErrors(file);
        ParseDriver.Lexed lexed = ParseDriver.lex(file, errors);
        StringBuilder out = new StringBuilder();
        for (Token t : lexed.tokens().getTokens()) {
            int start = lexed.offsets().toChar(t.getStartIndex());
            int end = Math.max(start, lexed.offsets().toChar(t.getStopIndex() + 1));
            Span span = new Span(file, start, end);
            String position = span + "-" + file.line(end) + ":" + file.column(end);
            String type = t.getType() == Token.EOF ? "EOF" : PythonLexer.VOCABULARY.getSymbolicName(t.getType());
            String line = String.format("%-12s %-16s", position, type);
            if (t.getType() != Token.EOF && end > start) line += " " + quote(file.text().substring(start, end));
            out.append(line.stripTrailing()).append('\n');
        }
        Diagnostics diags = new Diagnostics();
        errors.flushInto(diags);
        for (Diagnostic d : diags.all()) out.append(d.span()).append(": ").append(d.message()).append('\n');
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> {
                    if (ch < 0x20 || ch == 0x7F) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
