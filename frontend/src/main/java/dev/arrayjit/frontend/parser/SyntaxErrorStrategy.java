package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery (single-token insertion and deletion, resynchronisation on follow sets), with
 * the reports rewritten in Python's words and sent to {@link SyntaxErrors} instead of the console.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final SyntaxErrors errors;
    private final Offsets offsets;
    /**
     * Blocks whose INDENT recovery made up (the header's line was followed by an unindented one):
     * their DEDENT will be missing too, and is made up silently where the block ends.
     */
    private int phantomBlocks;

    SyntaxErrorStrategy(SyntaxErrors errors, Offsets offsets) {
        this.errors = errors;
        this.offsets = offsets;
    }

    /**
     * ANTLR's resynchronisation, and then, if it stepped into an indented block (the header of a
     * compound statement failed), past the whole block: its statements belong to a construct that
     * no longer exists, and parsing them at the outer level would only misplace them.
     */
    @Override
    public void recover(Parser parser, RecognitionException e) {
        TokenStream tokens = parser.getInputStream();
        int from = tokens.index();
        super.recover(parser, e);
        int depth = 0;
        for (int i = from; i < tokens.index(); i++) depth += layoutDepth(tokens.get(i).getType());
        skipBlock(parser, depth);
    }

    @Override
    public Token recoverInline(Parser parser) throws RecognitionException {
        if (phantomBlocks > 0 && getExpectedTokens(parser).contains(PythonLexer.DEDENT)) {
            phantomBlocks--;
            return getMissingSymbol(parser);
        }
        Token t = super.recoverInline(parser);
        if (t.getType() == PythonLexer.INDENT && t.getTokenIndex() < 0) phantomBlocks++;
        return t;
    }

    /**
     * An indented block where none may start (after a header that failed, or a line indented by
     * mistake) is reported once and skipped whole, rather than deleted token by token.
     */
    @Override
    public void sync(Parser parser) throws RecognitionException {
        TokenStream tokens = parser.getInputStream();
        if (phantomBlocks > 0) {
            IntervalSet next = parser.getATN().nextTokens(parser.getATN().states.get(parser.getState()));
            if (next.contains(PythonLexer.DEDENT) && !next.contains(tokens.LA(1))) return;
        }
        if (tokens.LA(1) == PythonLexer.INDENT && !parser.isExpectedToken(PythonLexer.INDENT)) {
            if (!inErrorRecoveryMode(parser)) {
                beginErrorCondition(parser);
                report(parser, tokens.LT(1), new IntervalSet());
            }
            parser.consume();
            skipBlock(parser, 1);
        }
        super.sync(parser);
    }

    /** Never delete a line break to make two statements into one. */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        int next = parser.getInputStream().LA(1);
        if (next == PythonLexer.NEWLINE || next == PythonLexer.INDENT || next == PythonLexer.DEDENT) return null;
        return super.singleTokenDeletion(parser);
    }

    /** Consumes tokens until {@code depth} more blocks have ended. */
    private static void skipBlock(Parser parser, int depth) {
        TokenStream tokens = parser.getInputStream();
        while (depth > 0 && tokens.LA(1) != Token.EOF) {
            depth += layoutDepth(tokens.LA(1));
            parser.consume();
        }
    }

    private static int layoutDepth(int type) {
        return type == PythonLexer.INDENT ? 1 : type == PythonLexer.DEDENT ? -1 : 0;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        // The expected set belongs to where the decision started; it only describes the
        // offending token when that is where the decision failed.
        IntervalSet expected = e.getStartToken() == e.getOffendingToken() ? e.getExpectedTokens() : new IntervalSet();
        report(parser, e.getOffendingToken(), expected);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    private void report(Parser parser, Token t, IntervalSet expected) {
        SyntaxMessages.Message m = SyntaxMessages.describe(parser.getInputStream(), t, expected == null ? new IntervalSet() : expected);
        int start = offsets.toChar(t.getStartIndex());
        int end = Math.max(start, offsets.toChar(t.getStopIndex() + 1));
        Span span = new Span(errors.file(), start, end);
        if (m.causeLine() >= SyntaxErrors.ANY_EARLIER) {
            errors.addConsequence(SyntaxErrors.Stage.PARSER, span, m.text(), m.hint(), m.causeLine());
        } else {
            errors.add(SyntaxErrors.Stage.PARSER, span, m.text(), m.hint());
        }
    }
}
