package dev.arrayjit.typeinfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.IrPrinter;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.typing.TypeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of type inference: each {@code types/*.py} names its calls in {@code # TYPE: f(int64, float64[::1])}
 * lines; the typed IR of each (or its diagnostics) must equal {@code *.typed}. Run with
 * {@code -Darrayjit.bless=true} (or ARRAYJIT_BLESS=1) to rewrite the expected files.
 */
class TypedIrGoldenTest {
    static final Path DIR = Path.of("src/test/resources/types");

    @TestFactory
    Stream<DynamicTest> typedIr() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
    }

    private static void check(Path py) throws IOException {
        String name = DIR.relativize(py).toString();
        SourceFile src = new SourceFile(name, Files.readString(py));
        StringBuilder out = new StringBuilder();
        Program program = Program.load(src);
        for (String line : src.text().lines().toList()) {
            if (!line.startsWith("# TYPE:")) continue;
            String call = line.substring(7).trim();
            String fn = call.substring(0, call.indexOf('('));
            String inner = call.substring(call.indexOf('(') + 1, call.lastIndexOf(')')).trim();
            List<Type> args = new ArrayList<>();
            if (!inner.isEmpty()) for (String a : TypeParser.splitTopLevel(inner)) args.add(TypeParser.parse(a.trim()));
            out.append("# ").append(call).append('\n');
            try {
                CompileUnit unit = program.specialize(fn, args);
                out.append(IrPrinter.print(unit));
            } catch (CompileException e) {
                out.append(e.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining()));
                out.append('\n');
            }
        }
        Path expected = Path.of(py.toString().replaceAll("\\.py$", ".typed"));
        if (bless()) {
            Files.writeString(expected, out.toString());
            return;
        }
        if (!Files.exists(expected)) fail("no golden " + expected + "; run with -Darrayjit.bless=true to create it");
        assertEquals(Files.readString(expected), out.toString(), "typed IR of " + name);
    }

    static boolean bless() {
        return Boolean.getBoolean("arrayjit.bless") || "1".equals(System.getenv("ARRAYJIT_BLESS"));
    }
}
