package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden files: each input {@code X.py} in a folder has its expected output {@code X.<ext>} next to
 * it, compared exactly. With {@code -Darrayjit.bless=true} (or {@code ARRAYJIT_BLESS=1}) the
 * expected files are rewritten instead; review the diff before committing it.
 */
final class Golden {
    private Golden() {}

    /** The source tree's test resources (not the copy on the class path), so that blessing edits them. */
    static final Path RESOURCES = locate();

    private static Path locate() {
        Path local = Path.of("src/test/resources");
        if (Files.isDirectory(local.resolve("parse"))) return local;
        return Path.of(System.getProperty("arrayjit.repo", "."), "frontend/src/test/resources");
    }

    static boolean blessing() {
        return Boolean.getBoolean("arrayjit.bless") || "1".equals(System.getenv("ARRAYJIT_BLESS"));
    }

    static Stream<DynamicTest> tests(String folder, String extension, Function<SourceFile, String> render) {
        Path dir = RESOURCES.resolve(folder);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (inputs.isEmpty()) throw new IllegalStateException("no golden inputs in " + dir.toAbsolutePath());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(folder + "/" + input.getFileName(), () -> {
            String name = input.getFileName().toString();
            Path expectedFile = input.resolveSibling(name.substring(0, name.length() - 3) + "." + extension);
            String actual = render.apply(new SourceFile(folder + "/" + name, Files.readString(input, StandardCharsets.UTF_8)));
            if (blessing()) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(expectedFile)) {
                throw new AssertionError("missing " + expectedFile + "; run with -Darrayjit.bless=true to create it");
            }
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual,
                    () -> input + " differs from " + expectedFile + " (rerun with -Darrayjit.bless=true to accept)");
        }));
    }
}
