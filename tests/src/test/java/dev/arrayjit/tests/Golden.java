package dev.arrayjit.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Golden-file checks: compares text a test produced with an expected file kept in the source tree,
 * or rewrites the file when blessing.
 *
 * <p>Bless with {@code -Darrayjit.bless=true} or the environment variable {@code ARRAYJIT_BLESS=1}
 * ({@code mvn -pl tests test -Darrayjit.bless=true}). Blessing writes into {@code src/test/resources}
 * (not the copy under {@code target/}), so review the change with {@code git diff} afterwards.
 * Without blessing, a missing expected file fails (it is never created silently), and a difference
 * fails with a unified diff ({@code ---} expected, {@code +++} actual). Line endings are normalised to
 * {@code \n} on both sides before comparing.
 */
public final class Golden {
    private Golden() {}

    /** Whether this run rewrites golden files. */
    public static boolean blessing() {
        String p = System.getProperty("arrayjit.bless");
        if (p != null) return p.isEmpty() || p.equalsIgnoreCase("true") || p.equals("1");
        String e = System.getenv("ARRAYJIT_BLESS");
        return e != null && (e.equals("1") || e.equalsIgnoreCase("true"));
    }

    /** Checks {@code actual} against {@code expectedFile}, or rewrites it when {@link #blessing()}. */
    public static void check(Path expectedFile, String actual) {
        check(expectedFile, actual, blessing());
    }

    public static void check(Path expectedFile, String actual, boolean bless) {
        String act = normalize(actual);
        String shown = TestPaths.display(expectedFile);
        if (!Files.exists(expectedFile)) {
            if (bless) { write(expectedFile, act); return; }
            throw new AssertionFailedError("missing golden file " + shown + "\n"
                    + "  bless it once the output is right: mvn -pl tests test -Darrayjit.bless=true "
                    + "(or ARRAYJIT_BLESS=1)\n  actual output:\n" + indent(act));
        }
        String exp;
        try {
            exp = normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exp.equals(act)) return;
        if (bless) { write(expectedFile, act); return; }
        throw new AssertionFailedError("output differs from golden file " + shown
                + " (bless with -Darrayjit.bless=true)\n" + unifiedDiff(shown, exp, "actual", act, 3), exp, act);
    }

    static String normalize(String s) { return s.replace("\r\n", "\n").replace('\r', '\n'); }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) sb.append("    | ").append(line).append('\n');
        return sb.toString();
    }

    /**
     * A unified diff of two texts (line based, {@code context} lines around each change). A missing
     * newline at the end of either side is shown as {@code \ No newline at end of file}.
     */
    public static String unifiedDiff(String aName, String a, String bName, String b, int context) {
        List<String> x = lines(a), y = lines(b);
        int n = x.size(), m = y.size();
        // longest common subsequence table; golden files are small
        if ((long) n * m > 25_000_000L) {
            return "--- " + aName + "\n+++ " + bName + "\n(too large to diff: " + n + " vs " + m + " lines)\n";
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // edit script: ' ', '-', '+' with line numbers
        List<int[]> ops = new ArrayList<>(); // {kind, i, j}: kind 0 same, 1 delete x[i], 2 insert y[j]
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) { ops.add(new int[] {0, i++, j++}); }
            else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.add(new int[] {1, i++, j}); }
            else { ops.add(new int[] {2, i, j++}); }
        }
        StringBuilder out = new StringBuilder("--- ").append(aName).append('\n').append("+++ ").append(bName).append('\n');
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) { k++; continue; }
            int start = Math.max(0, k - context);
            int end = k;
            // extend the hunk while changes are within 2*context of each other
            int last = k;
            for (int q = k; q < ops.size(); q++) {
                if (ops.get(q)[0] != 0) last = q;
                else if (q - last > 2 * context) break;
            }
            end = Math.min(ops.size(), last + context + 1);
            int aStart = ops.get(start)[1], bStart = ops.get(start)[2];
            int aLen = 0, bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int q = start; q < end; q++) {
                int[] op = ops.get(q);
                switch (op[0]) {
                    case 0 -> { body.append(' ').append(x.get(op[1])).append('\n'); aLen++; bLen++; }
                    case 1 -> { body.append('-').append(x.get(op[1])).append('\n'); aLen++; }
                    default -> { body.append('+').append(y.get(op[2])).append('\n'); bLen++; }
                }
            }
            out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n").append(body);
            k = end;
        }
        return out.toString();
    }

    private static String range(int start, int len) {
        return len == 1 ? Integer.toString(start + 1) : (len == 0 ? start : start + 1) + "," + len;
    }

    /** Lines of a text; a final line without newline is marked as such. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        else out.set(out.size() - 1, out.get(out.size() - 1) + "\n\\ No newline at end of file");
        return out;
    }
}
