package dev.arrayjit.runtime.aot;

import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.KernelLibrary;
import dev.arrayjit.runtime.NDArray;
import java.nio.file.Path;

/** Loads a library and calls two of its exports: run by a test in a JVM without the compiler on its class path. */
public final class LoadLibraryMain {
    private LoadLibraryMain() {}

    public static void main(String[] args) {
        KernelLibrary lib = ArrayJit.loadLibrary(Path.of(args[0]));
        System.out.println(lib.function("mult").call(1.5, 4.0) + " " + lib.function("total").call(NDArray.of(1.0, 2.0, 3.5)));
    }
}
