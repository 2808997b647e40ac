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

    private static ModuleScope load() {
        try (InputStream in = Prelude.class.getResourceAsStream("/dev/arrayjit/typeinfer/prelude.py")) {
            if (in == null) throw new IllegalStateException("prelude.py is missing from the class path");
            SourceFile file = new SourceFile("<numpy>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Diagnostics diags = new Diagnostics();
            Module module = Parser.parse(file, diags);
            ModuleScope scope = new ModuleScope(module, diags);
            if (diags.hasErrors()) throw new IllegalStateException("prelude.py does not compile:\n" + diags.all());
            return scope;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModuleScope scope() { return Holder.SCOPE; }

    /** A prelude kernel by name. */
    static KernelDecl kernel(String name) {
        KernelDecl d = scope().kernels().get(name);
        if (d == null) throw new IllegalStateException("no prelude kernel " + name);
        return d;
    }

    static boolean owns(KernelDecl d) { return scope().kernels().get(d.name()) == d; }
}
