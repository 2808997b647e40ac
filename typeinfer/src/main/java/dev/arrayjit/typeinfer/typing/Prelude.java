package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.frontend.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kernels of {@code prelude.py}: NumPy functions (sorting, median, ...) written in the kernel
 * language itself, as Numba writes them in Python. Parsed once per JVM; calls to them are typed
 * and specialized like calls to user kernels, under the prelude's own module scope.
 */
final class Prelude {
    private Prelude() {}

    private static final class Holder {
        static final ModuleScope SCOPE = load();
    }

    /** The prelude's files, read as one module (random.py holds the random-number generators). */
    private static final String[] FILES = {"prelude.py", "random.py"};

    private static ModuleScope load() {
        StringBuilder text = new StringBuilder();
        for (String name : FILES) {
            try (InputStream in = Prelude.class.getResourceAsStream("/dev/arrayjit/typeinfer/" + name)) {
                if (in == null) throw new IllegalStateException(name + " is missing from the class path");
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        {
            SourceFile file = new SourceFile("<numpy>", text.toString());
            Diagnostics diags = new Diagnostics();
            Module module = Parser.parse(file, diags);
            ModuleScope scope = new ModuleScope(module, diags);
            if (diags.hasErrors()) throw new IllegalStateException("the prelude does not compile:\n" + diags.all());
            return scope;
        }
    }

    static ModuleScope scope() { return Holder.SCOPE; }

    /** A prelude kernel by name, or null when the prelude has none (not implemented yet). */
    static KernelDecl kernel(String name) {
        return scope().kernels().get(name);
    }

    static boolean owns(KernelDecl d) { return scope().kernels().get(d.name()) == d; }
}
