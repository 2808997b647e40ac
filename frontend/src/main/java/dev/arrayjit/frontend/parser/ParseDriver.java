package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.diag.Diagnostics;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs lexer, token source, parser and AST builder over a file. This is the one place the
 * frontend's public API ({@code dev.arrayjit.frontend.Parser}) calls into ANTLR; no ANTLR type
 * appears in its signatures.
 */
public final class ParseDriver {
    private ParseDriver() {}

    /** Parses a whole module; syntax errors go to {@code diags}; never throws for bad input. */
    public static Module parse(SourceFile file, Diagnostics diags) {
        SyntaxErrors errors = new SyntaxErrors(file);
        Parsed<PythonParser.File_inputContext> parsed =
                run(file, 0, file.text().length(), false, errors, PythonParser::file_input);
        Module module = new AstBuilder(builder(parsed, errors)).module(parsed.tree());
        errors.flushInto(diags);
        return module;
    }

    /** The lexer's tokens after indentation processing, for {@link TokenDump}. */
    static Lexed lex(SourceFile file, SyntaxErrors errors) {
        return lex(file, 0, file.text().length(), false, errors);
    }

    record Lexed(CommonTokenStream tokens, Offsets offsets) {}

    private record Parsed<T extends ParserRuleContext>(T tree, Lexed lexed) {}

    private static Lexed lex(SourceFile file, int start, int end, boolean bracketed, SyntaxErrors errors) {
        String text = file.text().substring(start, end);
        Offsets offsets = Offsets.of(text, start);
        PythonLexer lexer = new PythonLexer(CharStreams.fromString(text, file.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            // ERROR_CHAR matches any character, so this is unreachable short of a grammar bug.
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
                int at = file.offset(line, col + 1);
                errors.internal(new Span(file, at, at), "lexer: " + msg);
            }
        });
        CommonTokenStream tokens = new CommonTokenStream(new IndentingTokenSource(lexer, text, offsets, errors, bracketed));
        tokens.fill();
        return new Lexed(tokens, offsets);
    }

    /**
     * Parses the text in {@code [start, end)} of the file with one of the grammar's entry rules.
     * SLL prediction first, which is fast and right for almost all input; on a syntax error, again
     * with full LL and error recovery so that the errors are the true ones.
     */
    private static <T extends ParserRuleContext> Parsed<T> run(SourceFile file, int start, int end, boolean bracketed,
                                                                SyntaxErrors errors, Function<PythonParser, T> rule) {
        Lexed lexed = lex(file, start, end, bracketed, errors);
        PythonParser parser = new PythonParser(lexed.tokens());
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Parsed<>(rule.apply(parser), lexed);
        } catch (ParseCancellationException e) {
            lexed.tokens().seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrorStrategy(errors, lexed.offsets()));
            return new Parsed<>(rule.apply(parser), lexed);
        }
    }

    private static ExprBuilder builder(Parsed<?> parsed, SyntaxErrors errors) {
        SourceFile file = errors.file();
        BuildContext c = new BuildContext(file, parsed.lexed().offsets(), parsed.lexed().tokens(), errors);
        return new ExprBuilder(c, (start, end) -> field(file, start, end, errors));
    }

    /** An f-string replacement field, parsed on its own as if inside parentheses. */
    private static Expr field(SourceFile file, int start, int end, SyntaxErrors errors) {
        Parsed<PythonParser.Fstring_exprContext> parsed = run(file, start, end, true, errors, PythonParser::fstring_expr);
        ExprBuilder exprs = builder(parsed, errors);
        PythonParser.Fstring_exprContext tree = exprs.context().check(parsed.tree());
        if (tree.yield_expr() != null) return exprs.yieldExpr(tree.yield_expr());
        return exprs.testlistStarExpr(tree.testlist_star_expr());
    }
}
