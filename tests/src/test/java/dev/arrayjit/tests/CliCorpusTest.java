package dev.arrayjit.tests;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A sample of the run corpus through the command line, in-process:
 * {@code arrayjit run FILE.py FUNCTION ARGS... --out DIR}, with array arguments as {@code .npy} files
 * and scalars in the CLI syntax from the manifest. Compares {@code DIR/return.npy} (or
 * {@code return.<j>.npy} for tuples, nothing for None) and {@code DIR/arg<i>.npy} for every array
 * argument with Numba's golden data, and the exit code (0, or 3 when the kernel raises, with the
 * exception's class on stderr). Non-contiguous inputs go in as contiguous copies (a .npy file cannot
 * hold a view); the values are the same.
 */
class CliCorpusTest {

    /**
     * (corpus file, call exactly as in its CASE line): scalars of many types, arrays of every rank,
     * None, tuples, lists, raises, a parallel loop and ufuncs.
     */
    static final List<String[]> SAMPLE = List.of(
            new String[] {"k_saxpy", "saxpy(np.float32(2.5), np.arange(8, dtype=np.float32), np.ones(8, dtype=np.float32))"},
            new String[] {"k_matmul", "matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))"},
            new String[] {"arr_alloc_nd", "grid3(2, 3, 4)"},
            new String[] {"arr_layouts", "colsum(np.asfortranarray(np.arange(12.0).reshape(3, 4)))"},
            new String[] {"tuples", "mixed_tuple(np.int32(-1), np.float32(0.5), False)"},
            new String[] {"unsigned_ints", "sub(np.uint64(0), np.uint64(1))"},
            new String[] {"casts", "to_u8(-1.0)"},
            new String[] {"arith_float32", "f32_ops(np.float32(0.1), np.float32(0.2))"},
            new String[] {"k_prime_sieve", "sieve(30)"},
            new String[] {"deco_signature", "fill2d(np.zeros((2, 3)), 4.5)"},
            new String[] {"math_edge", "log_(0.0)"},
            new String[] {"exc_zero_division", "ifloordiv(1, 0)"},
            new String[] {"arr_bounds", "get2(np.zeros((3, 4)), 2, 4)"},
            new String[] {"exc_value_error", "require_square(np.zeros((3, 2)))"},
            new String[] {"lang_lists", "squares_of_odds(7)"},
            new String[] {"par_prange", "reductions(np.arange(1, 200))"},
            new String[] {"ufunc_vectorize", "axpy(np.arange(3.0).reshape(3, 1), np.arange(4.0).reshape(1, 4))"},
            new String[] {"ufunc_vectorize", "axpy(np.arange(4, dtype=np.float32), 0.5)"});

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> cliSample() {
        return SAMPLE.stream().map(s -> dynamicTest(s[0] + ": " + s[1], () -> runOne(s[0], s[1])));
    }

    private void runOne(String fileName, String call) throws IOException {
        Corpus.RunFile f = Corpus.runFile(TestPaths.runDir().resolve(fileName + ".py"));
        Corpus.Case c = f.cases().stream().filter(x -> x.call().equals(call)).findFirst()
                .orElseThrow(() -> new AssertionFailedError("no case '" + call + "' in " + TestPaths.display(f.manifest())));
        Corpus.Archive data = f.archive();
        Path dir = Files.createTempDirectory(tmp, fileName);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of("run", f.source().toString(), c.function()));
        List<Corpus.Arg> args = Corpus.args(c.rawArgs(), data);
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case Corpus.ScalarArg s -> cmd.add(s.token());
                case Corpus.ArrayArg a -> cmd.add(data.extract(a.member(), in, "in" + i + ".npy").toString());
            }
        }
        cmd.add("--out");
        cmd.add(out.toString());
        Outcome.CliResult r = Timeouts.within("arrayjit " + String.join(" ", cmd), () -> Bridge.cli(cmd));
        String where = "arrayjit " + String.join(" ", cmd) + "\n  exit " + r.exitCode()
                + "\n  stdout: " + r.stdout().strip() + "\n  stderr: " + r.stderr().strip();
        if (c.raises() != null) {
            if (r.exitCode() != 3 || !r.stderr().contains(c.raises())) {
                throw new AssertionFailedError(where + "\n  expected exit 3 and " + c.raises() + " on stderr");
            }
            return;
        }
        if (r.exitCode() != 0) throw new AssertionFailedError(where + "\n  expected exit 0");
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = CaseCheck.expectedOutputs(c);
        for (var e : expected.entrySet()) {
            Path p = out.resolve(e.getKey());
            NpyData actual = Files.exists(p) ? NpyData.parse(Files.readAllBytes(p), e.getKey()) : null;
            String d = Compare.diff(e.getKey(), data.npy(e.getValue()), actual, c.ulp(), c.unspecified());
            if (d != null) problems.add(d);
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("return") && !expected.containsKey(n))
                        .forEach(n -> problems.add("unexpected " + n + " (Numba returns " + c.returnType() + ")"));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof Corpus.ArrayArg a)) continue;
            String name = "arg" + i + ".npy";
            Path p = out.resolve(name);
            NpyData actual = Files.exists(p) ? NpyData.parse(Files.readAllBytes(p), name) : null;
            String d = Compare.diff(name, data.npy(c.mutated().getOrDefault(i, a.member())), actual, c.ulp(), false);
            if (d != null) problems.add(d);
        }
        if (!problems.isEmpty()) throw new AssertionFailedError(where + "\n  " + String.join("\n  ", problems));
    }
}
