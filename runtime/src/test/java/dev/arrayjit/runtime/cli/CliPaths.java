package dev.arrayjit.runtime.cli;

import java.nio.file.Path;

/** Paths of the repository's examples, for tests outside this package. */
public final class CliPaths {
    private CliPaths() {}

    public static Path example(String name) { return Path.of(Cli.example(name)); }
}
