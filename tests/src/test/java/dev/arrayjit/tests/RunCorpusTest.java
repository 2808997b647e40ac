package dev.arrayjit.tests;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The run corpus through the Java API: every {@code # CASE:} of every {@code run/*.py} is one
 * dynamic test that calls the kernel with the recorded arguments and compares with what Numba 0.56
 * returned (golden data from {@code tests/golden-tools/generate.py}).
 *
 * <p>Checked per case: the outcome kind (a value, None, or the Python exception class); each returned
 * value's dtype, shape and elements ({@link Compare}: exact, or within the case's ulp tolerance; the
 * value only for {@code unspecified} cases); every array argument after the call (the mutated ones
 * must equal Numba's, the others must be unchanged). For raised exceptions only the class is
 * compared, plus, for ValueError and AssertionError, that the message contains Numba's (user-written
 * messages). Array arguments that were non-contiguous views in Numba are rebuilt as the same views.
 */
class RunCorpusTest {

    @TestFactory
    Stream<DynamicNode> runCorpus() {
        return Corpus.runFiles().stream().map(this::file);
    }

    private DynamicNode file(Corpus.RunFile f) {
        if (f.cases().isEmpty()) {
            return dynamicTest(f.name() + " (no golden data)", () -> {
                throw new AssertionFailedError("no manifest " + TestPaths.display(f.manifest())
                        + ": run /usr/bin/python3 tests/golden-tools/generate.py " + f.name());
            });
        }
        ModuleHolder holder = new ModuleHolder(f);
        return dynamicContainer(f.name(), f.cases().stream().map(c ->
                dynamicTest(c.label(), () -> runCase(f, holder, c))));
    }

    /** Loads each corpus file once, on its first case; a load failure fails every case of the file. */
    private static final class ModuleHolder {
        private final Corpus.RunFile file;
        private Corpus.Archive archive;
        private Bridge.Loaded module;
        private Throwable failure;

        ModuleHolder(Corpus.RunFile file) { this.file = file; }

        /** Set when a case of this file timed out: its hung thread may still hold the compiler. */
        volatile String hung;

        synchronized Bridge.Loaded module() throws Throwable {
            if (module == null && failure == null) {
                try {
                    module = Bridge.load(file.source());
                } catch (Throwable t) {
                    failure = t;
                }
            }
            if (failure != null) throw new AssertionFailedError("loading " + file.name() + ".py failed: " + failure.getMessage(), failure);
            return module;
        }

        synchronized Corpus.Archive archive() {
            if (archive == null) archive = file.archive();
            return archive;
        }
    }

    private static void runCase(Corpus.RunFile f, ModuleHolder holder, Corpus.Case c) throws Throwable {
        Corpus.Archive data = holder.archive();
        List<Corpus.Arg> args = Corpus.args(c.rawArgs(), data);
        String where = f.name() + ".py:" + c.line() + ": " + c.call();
        if (holder.hung != null) {
            throw new AssertionFailedError(where + ": not run, because " + holder.hung + " timed out earlier in this file");
        }
        Outcome out;
        try {
            out = Timeouts.within(where, () -> Bridge.call(holder.module(), c.function(), args));
        } catch (AssertionFailedError e) {
            if (Timeouts.isHang(e)) holder.hung = c.call();
            throw e;
        } catch (Throwable t) {
            throw new AssertionFailedError(where + ": call failed with " + t, t);
        }
        List<String> problems = CaseCheck.check(c, data, args, out);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(where);
            sb.append(" (argument types ").append(c.argTypes()).append(", Numba returns ").append(c.returnType()).append(")");
            if (c.note() != null) sb.append("\n  note: ").append(c.note());
            for (String p : problems) sb.append("\n  ").append(p);
            throw new AssertionFailedError(sb.toString());
        }
    }
}
