package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.backend.Backend;
import java.util.List;
import java.util.ServiceLoader;

/**
 * End-to-end tests need the real front half ({@link Program}) and the {@code cpu} backend. While
 * either is missing (Program's bodies were still being written when these tests were), such tests
 * are reported as skipped with this reason, and they run by themselves as soon as both exist.
 */
public final class NeedsCompiler {
    private NeedsCompiler() {}

    private static final String MISSING = missing();

    private static String missing() {
        try {
            Program.load(new SourceFile("probe.py", "from numba import njit\n\n@njit\ndef f(x):\n    return x\n")).kernels();
        } catch (UnsupportedOperationException | LinkageError e) {
            return "typeinfer's Program is not implemented yet (" + e + ")";
        } catch (RuntimeException e) {
            return null; // it exists; let the tests show what is wrong
        }
        List<String> names = ServiceLoader.load(Backend.class).stream().map(p -> p.get().name()).toList();
        return names.contains("cpu") ? null : "no 'cpu' backend on the class path (found " + names + ")";
    }

    /** Skips the calling test, naming what is missing, unless the compiler is complete. */
    public static void assumeCompiler() {
        assumeTrue(MISSING == null, () -> "depends on the compiler: " + MISSING);
    }
}
