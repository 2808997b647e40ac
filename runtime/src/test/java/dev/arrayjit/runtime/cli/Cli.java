package dev.arrayjit.runtime.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@link Main} in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The repository root (surefire passes it; else the module's parent). */
    static Path repo() {
        String p = System.getProperty("arrayjit.repo");
        Path root = p != null && !p.isBlank() ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("examples"))) root = Path.of("").toAbsolutePath().getParent();
        return root;
    }

    static String example(String name) { return repo().resolve("examples").resolve(name).toString(); }

    @Override public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
}
