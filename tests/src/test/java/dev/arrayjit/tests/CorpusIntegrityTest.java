package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Checks the golden corpus itself, without the compiler: every run file has an up-to-date manifest
 * (its CASE lines match the manifest's calls, in order), every referenced .npy member exists and
 * parses, scalar results are 0-d arrays of the recorded dtype, and every error file has a
 * well-formed .expect, an entry in calls.json, and positions inside the file. A failure here means
 * the golden data must be regenerated: {@code /usr/bin/python3 tests/golden-tools/generate.py}.
 */
class CorpusIntegrityTest {

    private static final Set<String> SCALAR_ARG = Set.of("True", "False");

    @TestFactory
    Stream<DynamicTest> runManifests() {
        return Stream.concat(Corpus.runFiles().stream(), Corpus.gpuFiles().stream()).map(f -> dynamicTest(f.name(), () -> {
            List<String> problems = new ArrayList<>();
            if (!Files.exists(f.manifest())) throw new AssertionFailedError("no manifest " + TestPaths.display(f.manifest()));
            List<String> lines = Corpus.caseLines(f.source());
            List<String> calls = f.cases().stream().map(Corpus.Case::call).toList();
            if (!lines.equals(calls)) {
                problems.add("CASE lines and manifest differ (stale golden data):\n    source:   " + lines + "\n    manifest: " + calls);
            }
            Corpus.Archive data = f.archive();
            Set<String> used = new HashSet<>();
            for (Corpus.Case c : f.cases()) {
                String where = "case" + c.index() + " " + c.call() + ": ";
                for (Object a : c.rawArgs()) {
                    if (a instanceof String s) {
                        if (!validScalarToken(s)) problems.add(where + "bad scalar argument token '" + s + "'");
                    }
                }
                for (Corpus.Arg a : Corpus.args(c.rawArgs(), data)) {
                    if (a instanceof Corpus.ArrayArg x) {
                        used.add(x.member());
                        NpyData d = NpyData.parse(x.npy(), x.member());
                        if (d.size() > 1000) problems.add(where + x.member() + " has " + d.size() + " elements (max 1000)");
                    }
                }
                if (c.raises() == null) {
                    if (c.returns() == null) problems.add(where + "no return kind");
                    else if (!c.returns().equals("none") && c.result().isEmpty()) problems.add(where + "no result");
                    for (Corpus.Value v : c.result()) {
                        used.add(v.member());
                        NpyData d = data.npy(v.member());
                        // complex elements are read as (real, imaginary) pairs of their float type
                        boolean complex = v.dtype().startsWith("complex");
                        String expected = complex ? (v.dtype().equals("complex64") ? "float32" : "float64") : v.dtype();
                        if (!d.dtype().equals(expected)) problems.add(where + v.member() + " dtype " + d.dtype() + " != " + v.dtype());
                        boolean scalarType = !v.type().contains("array(") && !v.list();
                        if (scalarType && d.shape().length != (complex ? 1 : 0)) problems.add(where + v.member() + " should be 0-d");
                        if (v.list() && d.shape().length != (complex ? 2 : 1)) problems.add(where + v.member() + " of a list should be 1-D");
                        if (v.list() != v.type().startsWith("list(")) problems.add(where + v.member() + " list flag disagrees with " + v.type());
                    }
                    if (c.returns() != null && c.returns().equals("tuple") && !c.returnType().contains("Tuple")) {
                        problems.add(where + "tuple result with return type " + c.returnType());
                    }
                    c.mutated().values().forEach(m -> { used.add(m); data.npy(m); });
                } else if (c.message() == null) {
                    problems.add(where + "raising case without message");
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError(f.name() + ": " + String.join("\n  ", problems)
                        + "\n  regenerate: /usr/bin/python3 tests/golden-tools/"
                        + (f.source().getParent().endsWith("gpu") ? "generate_gpu.py " : "generate.py ") + f.name());
            }
        }));
    }

    static boolean validScalarToken(String s) {
        if (SCALAR_ARG.contains(s)) return true;
        String v = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String type = s.substring(0, colon);
            if (!Set.of("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "bool")
                    .contains(type)) {
                return false;
            }
            v = s.substring(colon + 1);
        }
        return v.matches("-?\\d+") || v.matches("-?(inf|nan)") || v.matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?")
                && (v.contains(".") || v.contains("e") || colon >= 0);
    }

    @TestFactory
    Stream<DynamicTest> errorFiles() {
        return Corpus.errorFiles().stream().map(f -> dynamicTest(f.name(), () -> {
            assertTrue(Files.exists(f.expect()), "missing " + TestPaths.display(f.expect()));
            List<Corpus.Expected> exp = Corpus.expectations(f.expect());
            assertTrue(!exp.isEmpty(), f.expect() + " lists no expected error");
            List<String> src = Corpus.read(f.source()).lines().toList();
            for (Corpus.Expected e : exp) {
                assertTrue(e.line() >= 1 && e.line() <= src.size(), f.name() + ": line " + e.line() + " outside the file");
                assertTrue(e.col() >= 1 && e.col() <= src.get(e.line() - 1).length() + 1,
                        f.name() + ": column " + e.col() + " outside line " + e.line());
            }
            assertTrue(f.function() != null, "errors/calls.json has no entry for " + f.name()
                    + ": run /usr/bin/python3 tests/golden-tools/generate.py --errors");
            long calls = src.stream().filter(l -> l.matches("^#\\s*CALL:.*")).count();
            assertEquals(1, calls, f.name() + ".py needs exactly one '# CALL:' line");
        }));
    }

    @Test
    void corpusIsLargeEnough() {
        List<Corpus.RunFile> files = Corpus.runFiles();
        int cases = files.stream().mapToInt(f -> f.cases().size()).sum();
        assertTrue(files.size() >= 60, "run corpus has " + files.size() + " files");
        assertTrue(cases >= 500, "run corpus has " + cases + " cases");
        assertTrue(Corpus.errorFiles().size() >= 35, "error corpus has " + Corpus.errorFiles().size() + " files");
    }

    @Test
    void everyExceptionKindIsCovered() {
        Set<String> kinds = new HashSet<>();
        Corpus.runFiles().forEach(f -> f.cases().forEach(c -> { if (c.raises() != null) kinds.add(c.raises()); }));
        assertTrue(kinds.containsAll(Set.of("IndexError", "ZeroDivisionError", "ValueError", "AssertionError")), kinds.toString());
    }
}
