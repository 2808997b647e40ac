package dev.arrayjit.tests;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The error corpus: each {@code errors/<name>.py} holds one intended mistake (or, in
 * {@code two_errors.py}, two independent ones) and a {@code # CALL:} line. The file is run through
 * the CLI in-process ({@code arrayjit run <name>.py FUNCTION ARGS...}), which must exit with 1 and
 * print the diagnostics on stderr. Two checks per file:
 * <ul>
 *   <li><b>expect</b>: {@code <name>.expect} lists {@code LINE:COL REGEX} per expected error (written
 *       by hand: where a caret belongs and what a good message must say). The output must have
 *       exactly that many {@code file:line:col: error: message} headlines, in that order, each at its
 *       line:col with a message the (Java) regex finds.</li>
 *   <li><b>golden</b>: stderr must equal {@code <name>.err} exactly (headline, source line, caret
 *       line, help line for every diagnostic). The path of the file is shown as {@code <name>.py}.
 *       Missing .err files fail; create them with {@code -Darrayjit.bless=true} once the output is
 *       right, and review them with git diff.</li>
 * </ul>
 * Arguments come from {@code errors/calls.json} (written by {@code tests/golden-tools/generate.py},
 * which also records Numba's own reaction to each file for comparison).
 */
class ErrorCorpusTest {

    static final Pattern HEADLINE = Pattern.compile("^(\\S+?):(\\d+):(\\d+): error: (.*)$", Pattern.MULTILINE);

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicNode> errorCorpus() {
        Corpus.Archive data = Corpus.errorData();
        return Corpus.errorFiles().stream().map(f -> {
            Run run = new Run(f, data);
            return dynamicContainer(f.name(), Stream.of(
                    dynamicTest("expect", () -> checkExpect(f, run.result())),
                    dynamicTest("golden", () -> Golden.check(f.err(), run.result().stderr()))));
        });
    }

    /** Runs the CLI once per file, for both checks. */
    static final class Run {
        private final Corpus.ErrorFile file;
        private final Corpus.Archive data;
        private Outcome.CliResult result;

        Run(Corpus.ErrorFile file, Corpus.Archive data) { this.file = file; this.data = data; }

        synchronized Outcome.CliResult result() {
            if (result == null) result = runCli(file, data);
            return result;
        }
    }

    static Outcome.CliResult runCli(Corpus.ErrorFile f, Corpus.Archive data) {
        if (f.function() == null) {
            throw new AssertionFailedError("errors/calls.json has no entry for " + f.name()
                    + ": run /usr/bin/python3 tests/golden-tools/generate.py --errors");
        }
        try {
            Path in = Files.createTempDirectory(tmp, f.name());
            List<String> cmd = new ArrayList<>(List.of("run", f.source().toString(), f.function()));
            List<Corpus.Arg> args = Corpus.args(f.rawArgs(), data);
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case Corpus.ScalarArg s -> cmd.add(s.token());
                    case Corpus.ArrayArg a -> cmd.add(data.extract(a.member(), in, "arg" + i + ".npy").toString());
                }
            }
            Outcome.CliResult r = Timeouts.within("arrayjit " + String.join(" ", cmd), () -> Bridge.cli(cmd));
            return new Outcome.CliResult(r.exitCode(), normalize(r.stdout(), f), normalize(r.stderr(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows the kernel file as {@code <name>.py} however the CLI spelled its path. */
    static String normalize(String text, Corpus.ErrorFile f) {
        String shortName = f.source().getFileName().toString();
        List<String> spellings = new ArrayList<>(List.of(
                f.source().toString(),
                f.source().toAbsolutePath().normalize().toString(),
                Path.of("").toAbsolutePath().relativize(f.source().toAbsolutePath()).toString()));
        spellings.sort(Comparator.comparingInt(String::length).reversed());
        String out = Golden.normalize(text);
        for (String s : spellings) if (!s.equals(shortName)) out = out.replace(s, shortName);
        return out;
    }

    static void checkExpect(Corpus.ErrorFile f, Outcome.CliResult r) {
        if (!Files.exists(f.expect())) throw new AssertionFailedError("missing " + TestPaths.display(f.expect()));
        List<Corpus.Expected> want = Corpus.expectations(f.expect());
        String shortName = f.source().getFileName().toString();
        List<String[]> got = new ArrayList<>();
        Matcher m = HEADLINE.matcher(r.stderr());
        while (m.find()) {
            if (m.group(1).equals(shortName)) got.add(new String[] {m.group(2), m.group(3), m.group(4)});
        }
        List<String> problems = new ArrayList<>();
        if (r.exitCode() != 1) problems.add("exit code " + r.exitCode() + ", expected 1 (compile error)");
        if (got.size() != want.size()) {
            problems.add(got.size() + " error diagnostic(s) for " + shortName + ", expected " + want.size());
        }
        for (int k = 0; k < want.size(); k++) {
            Corpus.Expected e = want.get(k);
            if (k >= got.size()) { problems.add("missing: " + e.source()); continue; }
            String[] g = got.get(k);
            String at = g[0] + ":" + g[1];
            if (Integer.parseInt(g[0]) != e.line() || Integer.parseInt(g[1]) != e.col()) {
                problems.add("diagnostic " + (k + 1) + " at " + at + ", expected at " + e.line() + ":" + e.col());
            }
            if (!e.regex().matcher(g[2]).find()) {
                problems.add("diagnostic " + (k + 1) + " message '" + g[2] + "' does not match /" + e.regex() + "/");
            }
        }
        if (!problems.isEmpty()) {
            Object numba = f.numba() == null ? null : f.numba().get("message");
            throw new AssertionFailedError(f.name() + ".py: " + String.join("\n  ", problems)
                    + "\n  stderr:\n" + indent(r.stderr())
                    + (numba == null ? "" : "  (Numba 0.56 says: " + firstLines(numba.toString()) + ")"));
        }
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) sb.append("    | ").append(line).append('\n');
        return sb.toString();
    }

    private static String firstLines(String s) {
        return s.lines().filter(l -> !l.isBlank() && !l.startsWith("Failed in")).limit(2).reduce((a, b) -> a + " / " + b).orElse("");
    }
}
