package dev.arrayjit.frontend;

import dev.arrayjit.frontend.ast.AstPrinter;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.frontend.parser.TokenDump;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code parse/*.py} against {@code *.ast} (tree, then any diagnostics); {@code lex/*.py} against {@code *.tokens}. */
class GoldenTest {
    @TestFactory
    Stream<DynamicTest> parse() {
        return Golden.tests("parse", "ast", GoldenTest::renderParse);
    }

    @TestFactory
    Stream<DynamicTest> lex() {
        return Golden.tests("lex", "tokens", TokenDump::dump);
    }

    static String renderParse(SourceFile file) {
        Diagnostics diags = new Diagnostics();
        Module module = Parser.parse(file, diags);
        StringBuilder out = new StringBuilder(AstPrinter.print(module));
        if (!diags.all().isEmpty()) {
            out.append("-- diagnostics\n");
            for (Diagnostic d : diags.all()) {
                out.append(d.span()).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
                if (!d.hint().isEmpty()) out.append("    help: ").append(d.hint()).append('\n');
            }
        }
        return out.toString();
    }
}
