package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Turns the lexer's physical lines into CPython's logical lines: NEWLINE only where a statement
 * ends (not on blank or comment-only lines, not inside brackets), INDENT and DEDENT from the
 * indentation of each logical line's first token (tabs to the next multiple of 8, a form feed
 * resets the column, tabs and spaces must agree as CPython checks).
 *
 * <p>It also reports the lexical errors it can see and repairs them so that the parser can go on:
 * an unmatched closing bracket is dropped, a mismatched one is taken as the right one, brackets
 * still open at end of file are closed there, stray characters are dropped.
 *
 * <p>Synthetic tokens are zero-width: INDENT and DEDENT sit at the start of the line's first token,
 * the NEWLINE added at end of file and the closers added there sit at the end of the text.
 */
final class IndentingTokenSource implements TokenSource {
    private static final int TAB_SIZE = 8;

    private final PythonLexer lexer;
    private final String text;
    private final Offsets offsets;
    private final SyntaxErrors errors;
    private final boolean bracketed;
    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<Token> openBrackets = new ArrayDeque<>();
    /** Indentation of the enclosing blocks: columns with tabs to 8 and, to detect mixing, tabs to 1. */
    private final List<int[]> indents = new ArrayList<>(List.of(new int[] {0, 0}));
    private boolean atLineStart;
    private boolean finished;

    /**
     * @param text the text the lexer reads, which starts at the file offset the offsets map from
     * @param bracketed lex as if inside brackets from the start (an f-string field): no NEWLINE,
     *     INDENT or DEDENT at all
     */
    IndentingTokenSource(PythonLexer lexer, String text, Offsets offsets, SyntaxErrors errors, boolean bracketed) {
        this.lexer = lexer;
        this.text = text;
        this.offsets = offsets;
        this.errors = errors;
        this.bracketed = bracketed;
        this.atLineStart = !bracketed;
    }

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) fill();
        return pending.poll();
    }

    private void fill() {
        if (finished) {
            pending.add(synthetic(Token.EOF, "<EOF>", lexer.getInputStream().size(), null));
            return;
        }
        Token t = lexer.nextToken();
        switch (t.getType()) {
            case PythonLexer.NEWLINE -> {
                // Inside brackets, and on lines with nothing but blanks and comments, a line end is nothing.
                if (bracketed || !openBrackets.isEmpty() || atLineStart) return;
                pending.add(t);
                atLineStart = true;
            }
            case Token.EOF -> endOfFile(t);
            case PythonLexer.ERROR_CHAR -> {
                if (atLineStart) indent(t);
                atLineStart = false;
                reportStrayCharacter(t);
            }
            default -> {
                if (atLineStart) indent(t);
                atLineStart = false;
                if (t.getType() == PythonLexer.UNTERMINATED_STRING) reportUnterminated(t);
                if (bracket(t)) pending.add(t);
            }
        }
    }

    // ---- indentation

    private void indent(Token first) {
        int start = first.getStartIndex();
        int lineStart = start;
        while (lineStart > 0 && isIndentChar(text.charAt(charIndex(lineStart - 1)))) lineStart--;
        int col = 0;
        int altCol = 0;
        for (int i = lineStart; i < start; i++) {
            switch (text.charAt(charIndex(i))) {
                case '\t' -> { col = (col / TAB_SIZE + 1) * TAB_SIZE; altCol++; }
                case '\f' -> { col = 0; altCol = 0; }
                case '\uFEFF' -> { }
                default -> { col++; altCol++; }
            }
        }
        int[] top = indents.getLast();
        if (col == top[0]) {
            if (altCol != top[1]) reportTabs(first);
        } else if (col > top[0]) {
            if (altCol <= top[1]) reportTabs(first);
            indents.add(new int[] {col, altCol});
            pending.add(synthetic(PythonLexer.INDENT, "", start, first));
        } else {
            int dedents = 0;
            while (indents.size() > 1 && col < indents.getLast()[0]) {
                indents.removeLast();
                dedents++;
            }
            if (col != indents.getLast()[0]) {
                errors.add(SyntaxErrors.Stage.LEXER, span(first),
                        "unindent does not match any outer indentation level",
                        "indent this line exactly as far as an earlier line of the block it belongs to");
                // Keep the line in the block it only partly left, at its new column, so one
                // mistake makes one error.
                indents.add(new int[] {col, altCol});
                dedents--;
            } else if (altCol != indents.getLast()[1]) {
                reportTabs(first);
            }
            for (int i = 0; i < dedents; i++) pending.add(synthetic(PythonLexer.DEDENT, "", start, first));
        }
    }

    private static boolean isIndentChar(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\uFEFF';
    }

    /** The lexed text is indexed by code point in ANTLR and by char here; they differ only past surrogates. */
    private int charIndex(int codePointIndex) {
        return offsets.toChar(codePointIndex) - offsets.toChar(0);
    }

    private void reportTabs(Token first) {
        errors.add(SyntaxErrors.Stage.LEXER, span(first), "inconsistent use of tabs and spaces in indentation",
                "indent with spaces only (or with tabs only) throughout the file");
    }

    // ---- brackets

    /** Tracks bracket nesting; returns false when the token should be dropped. */
    private boolean bracket(Token t) {
        int type = t.getType();
        switch (type) {
            case PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE -> {
                openBrackets.push(t);
                return true;
            }
            case PythonLexer.RPAR, PythonLexer.RSQB, PythonLexer.RBRACE -> {
                if (openBrackets.isEmpty()) {
                    errors.add(SyntaxErrors.Stage.LEXER, span(t), "unmatched '" + t.getText() + "'",
                            "remove it, or add the opening '" + opener(type) + "' it closes");
                    return false;
                }
                Token open = openBrackets.pop();
                int expected = closer(open.getType());
                if (type != expected) {
                    int openLine = span(open).line();
                    String where = openLine == span(t).line() ? "" : " on line " + openLine;
                    errors.add(SyntaxErrors.Stage.LEXER, span(t),
                            "closing parenthesis '" + t.getText() + "' does not match opening parenthesis '"
                                    + open.getText() + "'" + where,
                            "close the '" + open.getText() + "' with '" + closerText(expected) + "'");
                    ((CommonToken) t).setType(expected);
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static int closer(int openType) {
        return switch (openType) {
            case PythonLexer.LPAR -> PythonLexer.RPAR;
            case PythonLexer.LSQB -> PythonLexer.RSQB;
            default -> PythonLexer.RBRACE;
        };
    }

    private static String closerText(int closeType) {
        return switch (closeType) {
            case PythonLexer.RPAR -> ")";
            case PythonLexer.RSQB -> "]";
            default -> "}";
        };
    }

    private static String opener(int closeType) {
        return switch (closeType) {
            case PythonLexer.RPAR -> "(";
            case PythonLexer.RSQB -> "[";
            default -> "{";
        };
    }

    // ---- end of file

    private void endOfFile(Token eof) {
        int end = eof.getStartIndex();
        if (!openBrackets.isEmpty()) {
            Token innermost = openBrackets.peek();
            errors.add(SyntaxErrors.Stage.LEXER, span(innermost), "unclosed '" + innermost.getText() + "' opened here",
                    "add the matching '" + closerText(closer(innermost.getType())) + "'");
            // Inside an f-string field the echoes are the field's own; the file's errors stand.
            if (!bracketed) errors.unclosedBracketAt(offsets.toChar(openBrackets.getLast().getStartIndex()));
            while (!openBrackets.isEmpty()) {
                int type = closer(openBrackets.pop().getType());
                pending.add(synthetic(type, "", end, eof));
            }
        }
        if (!atLineStart && !bracketed) pending.add(synthetic(PythonLexer.NEWLINE, "", end, eof));
        while (indents.size() > 1) {
            indents.removeLast();
            pending.add(synthetic(PythonLexer.DEDENT, "", end, eof));
        }
        pending.add(eof);
        finished = true;
    }

    // ---- other lexical errors

    private void reportUnterminated(Token t) {
        String s = t.getText();
        int quote = 0;
        while (quote < s.length() && s.charAt(quote) != '\'' && s.charAt(quote) != '"') quote++;
        boolean triple = s.startsWith("'''", quote) || s.startsWith("\"\"\"", quote);
        Span where = span(t);
        if (triple) {
            errors.add(SyntaxErrors.Stage.LEXER, where, "unterminated triple-quoted string literal",
                    "close the string with " + s.substring(quote, quote + 3));
        } else {
            errors.add(SyntaxErrors.Stage.LEXER, where, "unterminated string literal",
                    "add the closing " + s.charAt(quote) + "; a string that spans lines needs triple quotes");
        }
    }

    private void reportStrayCharacter(Token t) {
        String c = t.getText();
        int cp = c.codePointAt(0);
        if (cp == '\\') {
            errors.add(SyntaxErrors.Stage.LEXER, span(t), "unexpected character after line continuation character",
                    "a backslash joins lines only as the very last character of a line");
            return;
        }
        String hint = switch (cp) {
            case '\u2018', '\u2019', '\u201C', '\u201D' -> "replace the typographic quote with a plain ' or \"";
            case '\u2013', '\u2014', '\u2212' -> "replace the dash with a plain '-'";
            case '$', '?', '`' -> "'" + c + "' is not a Python operator; remove it";
            default -> "remove it";
        };
        errors.add(SyntaxErrors.Stage.LEXER, span(t),
                String.format("invalid character '%s' (U+%04X)", c, cp), hint);
    }

    // ---- helpers

    private Span span(Token t) {
        int start = offsets.toChar(t.getStartIndex());
        int end = offsets.toChar(t.getStopIndex() + 1);
        return new Span(errors.file(), start, Math.max(start, end));
    }

    /** A zero-width token at stream index {@code at}, on the line of {@code near} (or the lexer's). */
    private Token synthetic(int type, String tokenText, int at, Token near) {
        CommonToken t = new CommonToken(new Pair<>(this, lexer.getInputStream()), type, Token.DEFAULT_CHANNEL, at, at - 1);
        t.setText(tokenText);
        t.setLine(near != null ? near.getLine() : lexer.getLine());
        t.setCharPositionInLine(near != null ? near.getCharPositionInLine() : lexer.getCharPositionInLine());
        return t;
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
