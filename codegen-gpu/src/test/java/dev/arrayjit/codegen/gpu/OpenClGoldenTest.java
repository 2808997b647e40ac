package dev.arrayjit.codegen.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.typing.TypeParser;
import dev.arrayjit.typeinfer.types.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL C the generator writes for the ufunc and gufunc loops of {@code opencl/ufuncs.py} and the
 * {@code @cuda.jit} kernels of {@code opencl/kernels.py}, against the {@code .cl} file of each;
 * {@code -Darrayjit.bless=true} rewrites the golden files.
 */
class OpenClGoldenTest {
    static final Path DIR = Path.of("src/test/resources/opencl");
    private static final Pattern TYPES = Pattern.compile("^# TYPES: (\\w+)\\((.*)\\)$", Pattern.MULTILINE);

    /** One kernel of the file, typed for its loop and lowered: what the backend compiles. */
    record Loop(String kernel, List<Type> types, CompileUnit unit) {}

    static List<Loop> loops() throws IOException { return loops("ufuncs.py"); }

    /** The kernels of a file in this directory, each typed by its TYPES line and lowered. */
    static List<Loop> loops(String name) throws IOException {
        SourceFile file = SourceFile.read(DIR.resolve(name));
        Program program = Program.load(file);
        List<Loop> out = new ArrayList<>();
        Matcher m = TYPES.matcher(file.text());
        while (m.find()) {
            List<Type> types = new ArrayList<>();
            for (String t : m.group(2).split(",(?![^\\[\\]]*])")) types.add(TypeParser.parse(t.trim())); // not the commas inside float64[:, ::1]
            out.add(new Loop(m.group(1), types, program.lower(program.specialize(m.group(1), types))));
        }
        return out;
    }

    @Test
    void generatedOpenClMatchesTheGoldenFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Loop l : loops()) {
            text.append("// ==== ").append(l.kernel()).append(l.types()).append(" ====\n");
            boolean gufunc = l.unit().entry().params().stream().anyMatch(p -> p.type() instanceof Type.Array);
            text.append((gufunc ? OpenClGenerator.gufunc(l.unit(), l.kernel() + "_gufunc")
                    : OpenClGenerator.ufunc(l.unit(), l.kernel() + "_loop")).source()).append('\n');
        }
        compare("ufuncs.cl", text.toString());
    }

    @Test
    void generatedKernelsMatchTheGoldenFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Loop l : loops("kernels.py")) {
            text.append("// ==== ").append(l.kernel()).append(l.types()).append(" ====\n");
            text.append(OpenClGenerator.kernel(l.unit()).source()).append('\n');
        }
        compare("kernels.cl", text.toString());
    }

    private static void compare(String name, String text) throws IOException {
        Path golden = DIR.resolve(name);
        if (Boolean.getBoolean("arrayjit.bless") || "1".equals(System.getenv("ARRAYJIT_BLESS"))) Files.writeString(golden, text);
        assertEquals(Files.readString(golden), text, "OpenCL C of " + name + " (bless with -Darrayjit.bless=true)");
    }
}
