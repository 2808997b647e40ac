package dev.arrayjit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arrayjit aot}: what it writes and prints, and its exit codes for bad input. Skipped without a C compiler. */
@Tag("needs-compiler")
class AotCliTest {
    @TempDir Path dir;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cc")) || System.getenv("CC") != null, "no C compiler (install gcc)");
        file = dir.resolve("mod.py");
        Files.writeString(file, """
                from numba import njit

                @njit
                def mult(a, b):
                    return a * b

                @njit
                def first(x):
                    return x[0]
                """);
    }

    @Test
    void exportsFromTheCommandLine() {
        Cli r = Cli.run("aot", file.toString(), "-o", dir.resolve("out/libmod.so").toString(), "--export", "mult:f8(f8,f8)",
                "--export", "mult:i8(i8,i8)", "--export", "first:f4(f4[::1])", "--cpu", "native");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("wrote .*libmod\\.so and .*libmod\\.h: mult__dd, mult__ll, first \\(\\d+ ms\\)\n"), r.out());
        assertTrue(Files.exists(dir.resolve("out/libmod.so")) && Files.exists(dir.resolve("out/libmod.h")));
        Cli h = Cli.run("aot", file.toString(), "-o", dir.resolve("libm2.so").toString(), "--header", dir.resolve("inc/m2.h").toString(),
                "--export", "mult:f8(f8,f8)");
        assertEquals(0, h.exit(), h.toString());
        assertTrue(Files.exists(dir.resolve("inc/m2.h")));
    }

    @Test
    void badInputExitsWithAMessageAndWritesNothing() {
        Path out = dir.resolve("libbad.so");
        Cli none = Cli.run("aot", file.toString(), "-o", out.toString());
        assertEquals(1, none.exit(), none.toString());
        assertTrue(none.err().contains("mod.py exports nothing: give --export NAME:SIGNATURE"), none.err());
        Cli type = Cli.run("aot", file.toString(), "-o", out.toString(), "--export", "first:f8(f8)");
        assertEquals(1, type.exit(), type.toString());
        assertTrue(type.err().contains("mod.py:9:12: error:") && type.err().contains("^"), type.err());
        Cli unknown = Cli.run("aot", file.toString(), "-o", out.toString(), "--export", "nope:f8(f8)");
        assertEquals(2, unknown.exit(), unknown.toString());
        Cli form = Cli.run("aot", file.toString(), "-o", out.toString(), "--export", "mult");
        assertEquals(2, form.exit(), form.toString());
        assertTrue(form.err().contains("write NAME:SIGNATURE"), form.err());
        Cli sig = Cli.run("aot", file.toString(), "-o", out.toString(), "--export", "mult:f8(notatype)");
        assertEquals(1, sig.exit(), sig.toString());
        Cli missing = Cli.run("aot", dir.resolve("nope.py").toString(), "-o", out.toString());
        assertEquals(2, missing.exit(), missing.toString());
        Cli noOut = Cli.run("aot", file.toString());
        assertEquals(2, noOut.exit(), noOut.toString());
        assertTrue(noOut.err().contains("usage: arrayjit aot FILE.py -o OUT.so"), noOut.err());
        assertFalse(Files.exists(out) || Files.exists(dir.resolve("libbad.h")));
    }
}
