package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * What the statement and expression builders share: spans from tokens, the error sink, and the
 * check that a parse-tree node came through error recovery intact.
 */
final class BuildContext {
    /**
     * Thrown when a parse-tree node is incomplete after error recovery; the enclosing statement
     * is dropped (the parser has already reported why).
     */
    static final class Malformed extends RuntimeException {
        final Token at;

        Malformed(Token at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    final SourceFile file;
    final Offsets offsets;
    final TokenStream tokens;
    final SyntaxErrors errors;

    BuildContext(SourceFile file, Offsets offsets, TokenStream tokens, SyntaxErrors errors) {
        this.file = file;
        this.offsets = offsets;
        this.tokens = tokens;
        this.errors = errors;
    }

    /**
     * Returns the node if it is complete, else throws {@link Malformed}. Tokens the parser skipped
     * during recovery do not make a node incomplete; a rule that failed, or a token the parser had
     * to make up, does.
     */
    <T extends ParserRuleContext> T check(T ctx) {
        if (ctx == null) throw new Malformed(null);
        if (ctx.exception != null || ctx.stop == null) throw new Malformed(ctx.start);
        if (ctx.children != null) {
            for (ParseTree child : ctx.children) {
                if (child instanceof ErrorNode e && e.getSymbol().getTokenIndex() < 0) throw new Malformed(ctx.start);
            }
        }
        return ctx;
    }

    Span span(Token t) {
        return span(t, t);
    }

    Span span(TerminalNode n) {
        if (n == null) throw new Malformed(null);
        return span(n.getSymbol());
    }

    /** From the first character of {@code first} to just after the last of {@code last}. */
    Span span(Token first, Token last) {
        if (first == null || last == null || first.getTokenIndex() < 0 || last.getTokenIndex() < 0) {
            throw new Malformed(first);
        }
        int start = offsets.toChar(first.getStartIndex());
        int end = offsets.toChar(last.getStopIndex() + 1);
        return new Span(file, start, Math.max(start, end));
    }

    /** The node's source text, without the line breaks and indentation tokens that close a block. */
    Span span(ParserRuleContext ctx) {
        check(ctx);
        return span(ctx.start, lastReal(ctx));
    }

    Span span(TerminalNode first, TerminalNode last) {
        if (first == null || last == null) throw new Malformed(null);
        return span(first.getSymbol(), last.getSymbol());
    }

    /** From the start of {@code first} to the end of {@code last}. */
    Span span(ParserRuleContext first, ParserRuleContext last) {
        return span(check(first).start, lastReal(check(last)));
    }

    private Token lastReal(ParserRuleContext ctx) {
        int i = ctx.stop.getTokenIndex();
        int floor = ctx.start.getTokenIndex();
        while (i > floor && isLayout(tokens.get(i).getType())) i--;
        return tokens.get(i);
    }

    private static boolean isLayout(int type) {
        return type == PythonLexer.NEWLINE || type == PythonLexer.INDENT || type == PythonLexer.DEDENT
                || type == PythonLexer.SEMI;
    }

    void error(Span span, String message, String hint) {
        errors.add(SyntaxErrors.Stage.BUILDER, span, message, hint);
    }
}
