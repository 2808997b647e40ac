package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
 * The GPU-kernel corpus ({@code gpu/*.py}: vector add, matrix multiply with and without shared
 * tiles, block reductions, histograms with atomics, the heat equation, and the kernel API one
 * feature at a time) launched on the OpenCL device, against Numba's CUDA simulator's results
 * (which {@code generate_gpu.py} also checks against a plain NumPy reference per kernel). Arrays
 * after the launch must match: integers exactly, floats within the case's ulp. An out-of-bounds
 * case must raise IndexError naming the index, axis and extent Numba names. Skipped, saying what
 * to install, where there is no OpenCL device.
 */
class GpuCorpusTest {
    @TestFactory
    Stream<DynamicTest> gpuKernelsOnTheDevice() throws Exception {
        String why = Ufunc.offloadUnavailable();
        assumeTrue(why == null, why);
        List<Corpus.RunFile> files = Corpus.gpuFiles();
        assertFalse(files.isEmpty(), "no GPU corpus under " + TestPaths.gpuDir());
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.RunFile f : files) {
            KernelModule module = ArrayJit.load(f.source());
            Corpus.Archive data = f.archive();
            List<long[][]> launches = Corpus.launches(f);
            for (Corpus.Case c : f.cases()) {
                long[][] launch = launches.get(c.index());
                tests.add(dynamicTest(c.label(), () -> {
                    List<Corpus.Arg> args = Corpus.args(c.rawArgs(), data);
                    String where = f.name() + ".py:" + c.line() + ": " + c.call();
                    Outcome out = Timeouts.within(where, () -> Bridge.call((fn, a) -> {
                        module.function(fn).configure(launch[0], launch[1]).call(a);
                        return null;
                    }, c.function(), args));
                    List<String> problems = new ArrayList<>(CaseCheck.check(c, data, args, out));
                    // The simulator prefixes the thread ("tid=[1, 0, 0] ctaid=[3, 0, 0]: "); the rest is NumPy's text, as ours.
                    if (problems.isEmpty() && out instanceof Outcome.Raised r && c.message() != null && c.message().contains(": ")
                            && !c.message().endsWith(": " + r.message())) {
                        problems.add("IndexError '" + r.message() + "'; Numba's simulator says '" + c.message() + "'");
                    }
                    if (!problems.isEmpty()) throw new AssertionFailedError(where + " on OpenCL: " + String.join("\n  ", problems));
                }));
            }
        }
        return tests.stream();
    }
}
