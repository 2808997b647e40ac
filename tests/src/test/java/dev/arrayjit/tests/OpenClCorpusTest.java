package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.arrayjit.runtime.ArgumentException;
import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.KernelModule;
import dev.arrayjit.runtime.Ufunc;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The run corpus's ufunc and gufunc files on the OpenCL device ({@code --target opencl}): every
 * case whose function is a {@code @vectorize} ufunc the device can run or a {@code @guvectorize}
 * gufunc, against Numba's golden data, with the
 * OpenCL math built-ins allowed {@link #ULP} units in the last place (the C library's are exact or
 * within 1 ulp; OpenCL's specification allows up to 4 for exp, sin and the like). Skipped, saying
 * what to install, where there is no OpenCL device.
 */
class OpenClCorpusTest {
    static final int ULP = 4;
    static final List<String> FILES = List.of("ufunc_vectorize", "ufunc_guvectorize");

    @TestFactory
    Stream<DynamicTest> ufuncCorpusOnTheDevice() throws Exception {
        String why = Ufunc.offloadUnavailable();
        assumeTrue(why == null, why);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES) {
            Corpus.RunFile f = Corpus.runFile(TestPaths.runDir().resolve(name + ".py"));
            KernelModule module = ArrayJit.load(f.source(), ArrayJit.Options.DEFAULT.withTarget("opencl"));
            Corpus.Archive data = f.archive();
            for (Corpus.Case c : f.cases()) {
                if (!module.function(c.function()).isUfunc()) continue;
                tests.add(dynamicTest(c.label(), () -> {
                    List<Corpus.Arg> args = Corpus.args(c.rawArgs(), data);
                    Outcome out;
                    try {
                        out = Bridge.call((fn, a) -> module.function(fn).call(a), c.function(), args);
                    } catch (ArgumentException | dev.arrayjit.frontend.diag.CompileException e) {
                        // What the device cannot run yet is refused by name (at its line), never wrong; every gufunc of the file runs.
                        assertTrue(e.getMessage().contains("cannot run on an OpenCL device"), e.getMessage());
                        assertTrue(module.function(c.function()).info().layout() == null, "a gufunc was refused: " + e.getMessage());
                        return;
                    }
                    Corpus.Case tolerant = new Corpus.Case(c.index(), c.function(), c.call(), c.line(), c.rawArgs(), c.argTypes(),
                            c.returns(), c.returnType(), c.raises(), c.message(), c.pythonMessage(), c.result(), c.mutated(),
                            Math.max(c.ulp(), ULP), c.unspecified(), c.note());
                    List<String> problems = CaseCheck.check(tolerant, data, args, out);
                    if (!problems.isEmpty()) throw new AssertionFailedError(name + ".py:" + c.line() + ": " + c.call() + " on OpenCL: " + problems);
                }));
            }
        }
        return tests.stream();
    }
}
