package dev.arrayjit.frontend.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Words for the parser's errors, in the plain terms CPython uses: what was unexpected, what the
 * statement needed ("expected ':' after the if condition", "expected an indented block after
 * 'for' statement on line 3"), and a hint that says what to do.
 */
final class SyntaxMessages {
    record Message(String text, String hint, int causeLine) {
        Message(String text, String hint) { this(text, hint, -1); }
    }

    private static final IntervalSet HARD_KEYWORDS = IntervalSet.of(PythonLexer.FALSE, PythonLexer.YIELD); // a range
    private static final IntervalSet STARTS_OPERAND = new IntervalSet(
            PythonLexer.NAME, PythonLexer.MATCH, PythonLexer.CASE, PythonLexer.NUMBER, PythonLexer.STRING,
            PythonLexer.UNTERMINATED_STRING, PythonLexer.TRUE, PythonLexer.FALSE, PythonLexer.NONE,
            PythonLexer.ELLIPSIS, PythonLexer.LBRACE, PythonLexer.LAMBDA, PythonLexer.NOT, PythonLexer.AWAIT);
    private static final IntervalSet ENDS_OPERAND = new IntervalSet(
            PythonLexer.NAME, PythonLexer.MATCH, PythonLexer.CASE, PythonLexer.NUMBER, PythonLexer.STRING,
            PythonLexer.TRUE, PythonLexer.FALSE, PythonLexer.NONE, PythonLexer.ELLIPSIS,
            PythonLexer.RPAR, PythonLexer.RSQB, PythonLexer.RBRACE);
    private static final IntervalSet LINE_BREAKS = new IntervalSet(
            PythonLexer.NEWLINE, PythonLexer.INDENT, PythonLexer.DEDENT);

    private SyntaxMessages() {}

    /**
     * @param expected the tokens the parser could have used at {@code t}, or an empty set when
     *     that is not known precisely
     */
    static Message describe(TokenStream tokens, Token t, IntervalSet expected) {
        int type = t.getType();
        if (type == PythonLexer.INDENT) {
            return new Message("unexpected indent",
                    "remove the extra indentation; only a line ending in ':' opens an indented block",
                    lineOf(previous(tokens, t.getTokenIndex())));
        }
        if (expected.contains(PythonLexer.INDENT)) {
            Token header = headerBefore(tokens, t.getTokenIndex());
            return new Message("expected an indented block after " + blockOwner(header),
                    "indent the statements of the block; write 'pass' for an empty block");
        }
        if (type == PythonLexer.DEDENT) {
            // Almost always the parser's recovery from an earlier error leaving a block early.
            return new Message("unexpected unindent", "this line is indented less than the block it continues",
                    SyntaxErrors.ANY_EARLIER);
        }
        if ((type == PythonLexer.NEWLINE || type == Token.EOF) && expected.contains(PythonLexer.COLON)) {
            Token start = lineStart(tokens, t.getTokenIndex() - 1);
            String phrase = colonPhrase(start, tokens);
            if (phrase != null) return new Message("expected ':' " + phrase, "end the line with ':'");
        }
        Token prev = previous(tokens, t.getTokenIndex());
        if (prev != null && prev.getType() == PythonLexer.NAME && prev.getText().equals("print")
                && lineStart(tokens, prev.getTokenIndex()) == prev && STARTS_OPERAND.contains(type)) {
            return new Message("missing parentheses in call to 'print'", "write print(...)");
        }
        String message = "invalid syntax: unexpected " + describe(t);
        return new Message(message, hint(t, prev, expected));
    }

    private static String hint(Token t, Token prev, IntervalSet expected) {
        int type = t.getType();
        if (type == PythonLexer.IF && prev != null && prev.getType() == PythonLexer.ELSE) {
            return "write 'elif' instead of 'else if'";
        }
        if (type == PythonLexer.COMMA && prev != null && prev.getType() == PythonLexer.COMMA) {
            return "remove the extra ','";
        }
        if (type == PythonLexer.EQUAL && !expected.contains(PythonLexer.EQUAL)) {
            return "use '==' to compare values; '=' assigns only in a statement of its own";
        }
        if (HARD_KEYWORDS.contains(type) && expected.contains(PythonLexer.NAME)) {
            return "'" + t.getText() + "' is a reserved word and cannot be used as a name";
        }
        if (prev != null && ENDS_OPERAND.contains(prev.getType()) && STARTS_OPERAND.contains(type)) {
            return "insert a comma or an operator between the two expressions";
        }
        if ((type == PythonLexer.NEWLINE || type == Token.EOF) && expected.contains(PythonLexer.NAME)) {
            return "complete the expression; to continue it on the next line, wrap it in parentheses";
        }
        List<String> names = expectedNames(expected);
        if (!names.isEmpty() && names.size() <= 4) return "expected " + String.join(" or ", names) + " here";
        return "check the code just before this point";
    }

    /** How an error message names a token. */
    static String describe(Token t) {
        return switch (t.getType()) {
            case PythonLexer.NEWLINE -> "end of line";
            case Token.EOF -> "end of file";
            case PythonLexer.INDENT -> "indent";
            case PythonLexer.DEDENT -> "unindent";
            case PythonLexer.STRING, PythonLexer.UNTERMINATED_STRING -> "string literal";
            default -> "'" + abbreviate(t.getText()) + "'";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 21) + "...";
    }

    private static List<String> expectedNames(IntervalSet expected) {
        List<String> names = new ArrayList<>();
        if (expected.isNil()) return names;
        Vocabulary vocab = PythonParser.VOCABULARY;
        for (int type : expected.toArray()) {
            String name = switch (type) {
                case Token.EOF -> "end of file";
                case PythonLexer.NEWLINE -> "end of line";
                case PythonLexer.INDENT -> "an indented block";
                case PythonLexer.NAME -> "a name";
                case PythonLexer.NUMBER -> "a number";
                case PythonLexer.STRING, PythonLexer.UNTERMINATED_STRING -> "a string";
                case PythonLexer.MATCH, PythonLexer.CASE, PythonLexer.DEDENT, Token.EPSILON -> null;
                default -> vocab.getLiteralName(type);
            };
            if (name != null && !names.contains(name)) names.add(name);
        }
        return names;
    }

    // ---- what statement a ':' or a block belongs to

    private static String blockOwner(Token header) {
        if (header == null) return "':'";
        String kw = header.getText();
        String line = " on line " + header.getLine();
        return switch (kw) {
            case "def" -> "function definition" + line;
            case "class" -> "class definition" + line;
            case "if", "elif", "else", "while", "for", "try", "except", "finally", "with", "match", "case" ->
                    "'" + kw + "' statement" + line;
            default -> "':'" + line;
        };
    }

    private static String colonPhrase(Token start, TokenStream tokens) {
        if (start == null) return null;
        return switch (keyword(start, tokens)) {
            case "if" -> "after the if condition";
            case "elif" -> "after the elif condition";
            case "else" -> "after 'else'";
            case "while" -> "after the while condition";
            case "for" -> "after the for clause";
            case "def" -> "after the function signature";
            case "class" -> "after the class header";
            case "try" -> "after 'try'";
            case "except" -> "after the except clause";
            case "finally" -> "after 'finally'";
            case "with" -> "after the with items";
            case "match" -> "after the match subject";
            case "case" -> "after the case pattern";
            default -> null;
        };
    }

    /** The header keyword a line starts with, looking past {@code async}. Lines are the main file's. */
    private static String keyword(Token start, TokenStream tokens) {
        if (start.getType() == PythonLexer.ASYNC && start.getTokenIndex() + 1 < tokens.size()) {
            return tokens.get(start.getTokenIndex() + 1).getText();
        }
        return start.getText();
    }

    /** The first token of the header line that ends just before the line break preceding {@code index}. */
    private static Token headerBefore(TokenStream tokens, int index) {
        int i = index - 1;
        while (i >= 0 && LINE_BREAKS.contains(tokens.get(i).getType())) i--;
        if (i < 0) return null;
        Token start = lineStart(tokens, i);
        if (start != null && start.getType() == PythonLexer.ASYNC && start.getTokenIndex() + 1 < tokens.size()) {
            return tokens.get(start.getTokenIndex() + 1);
        }
        return start;
    }

    /** The first token of the logical line holding token {@code index}. */
    private static Token lineStart(TokenStream tokens, int index) {
        if (index < 0) return null;
        int i = index;
        while (i > 0 && !LINE_BREAKS.contains(tokens.get(i - 1).getType())) i--;
        return tokens.get(i);
    }

    private static Token previous(TokenStream tokens, int index) {
        return index > 0 ? tokens.get(index - 1) : null;
    }

    private static int lineOf(Token t) {
        return t == null ? -1 : t.getLine();
    }
}
