package dev.arrayjit.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the corpus lives in the source tree (golden files are blessed there, not under target/). */
final class TestPaths {
    private TestPaths() {}

    /** {@code tests/src/test/resources}, found from Maven's basedir or the working directory. */
    static Path resources() {
        for (String base : new String[] {System.getProperty("arrayjit.repo"), System.getProperty("basedir"),
                System.getProperty("user.dir")}) {
            if (base == null) continue;
            for (String rel : new String[] {"src/test/resources", "tests/src/test/resources"}) {
                Path p = Path.of(base).resolve(rel);
                if (Files.isDirectory(p.resolve("run"))) return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find tests/src/test/resources from basedir="
                + System.getProperty("basedir") + " user.dir=" + System.getProperty("user.dir"));
    }

    static Path runDir() { return resources().resolve("run"); }

    static Path errorsDir() { return resources().resolve("errors"); }

    /** The GPU-kernel corpus ({@code @cuda.jit} kernels, goldens from Numba's CUDA simulator). */
    static Path gpuDir() { return resources().resolve("gpu"); }

    /** A path shown relative to the tests module when it is inside it. */
    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path module = resources().getParent().getParent().getParent();
        return abs.startsWith(module) ? module.getParent().relativize(abs).toString() : abs.toString();
    }
}
