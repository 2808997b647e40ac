package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The golden-file helper itself: matching, diffs, missing files, blessing. */
class GoldenTest {

    @TempDir
    Path dir;

    @Test
    void equalTextPasses() throws Exception {
        Path f = dir.resolve("a.err");
        Files.writeString(f, "x.py:1:1: error: boom\r\n    x\n    ^\n");
        Golden.check(f, "x.py:1:1: error: boom\n    x\n    ^\n", false);
    }

    @Test
    void missingFileFailsAndIsNotCreated() {
        Path f = dir.resolve("missing.err");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.check(f, "out\n", false));
        assertTrue(e.getMessage().contains("missing golden file"), e.getMessage());
        assertTrue(e.getMessage().contains("-Darrayjit.bless=true"), e.getMessage());
        assertTrue(!Files.exists(f));
    }

    @Test
    void blessingWritesMissingAndChangedFiles() throws Exception {
        Path f = dir.resolve("sub/new.err");
        Golden.check(f, "first\n", true);
        assertEquals("first\n", Files.readString(f));
        Golden.check(f, "second\n", true);
        assertEquals("second\n", Files.readString(f));
        Golden.check(f, "second\n", false);
    }

    @Test
    void differenceShowsUnifiedDiff() throws Exception {
        Path f = dir.resolve("b.err");
        Files.writeString(f, "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Golden.check(f, "l1\nl2\nl3\nl4 changed\nl5\nl6\nl7\nl8\nl9\n", false));
        String m = e.getMessage();
        assertTrue(m.contains("@@ -1,8 +1,9 @@"), m);
        assertTrue(m.contains("\n-l4\n+l4 changed\n"), m);
        assertTrue(m.contains("\n+l9\n"), m);
        assertEquals("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n", Files.readString(f), "not rewritten without blessing");
    }

    @Test
    void diffHunksAndNewlineMarker() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        String b = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL";
        String d = Golden.unifiedDiff("exp", a, "act", b, 1);
        assertEquals("""
                --- exp
                +++ act
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                 c
                @@ -11,2 +11,2 @@
                 k
                -l
                +L
                \\ No newline at end of file
                """, d);
    }

    @Test
    void blessSwitchReadsPropertyAndEnvironment() {
        String old = System.getProperty("arrayjit.bless");
        try {
            System.setProperty("arrayjit.bless", "true");
            assertTrue(Golden.blessing());
            System.setProperty("arrayjit.bless", "false");
            assertTrue(!Golden.blessing());
        } finally {
            if (old == null) System.clearProperty("arrayjit.bless"); else System.setProperty("arrayjit.bless", old);
        }
    }
}
