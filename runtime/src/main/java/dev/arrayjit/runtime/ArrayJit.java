package dev.arrayjit.runtime;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Java entry point: load a Numba source file, then call its kernels.
 * <pre>{@code
 * KernelModule m = ArrayJit.load(Path.of("examples/saxpy.py"));
 * NDArray y = NDArray.of(1.0, 2.0, 3.0);
 * m.function("saxpy").call(2.0, NDArray.of(1.0, 1.0, 1.0), y);
 * }</pre>
 */
public final class ArrayJit {
    private ArrayJit() {}

    /**
     * How kernels compile. {@code target}: {@code cpu}, {@code parallel} (as cpu; {@code prange}
     * loops of {@code parallel=True} kernels run on {@link Threads#count()} threads under both) or a
     * backend name found through {@link java.util.ServiceLoader}.
     */
    public record Options(String target, CompileOptions compileOptions, Set<String> dumpAfter, boolean timings,
                          Consumer<String> report, boolean targetGiven) {
        public static final Options DEFAULT = new Options("cpu", CompileOptions.DEFAULT, Set.of(), false, s -> { }, false);

        /** The passes whose output can be dumped: {@code typed} (typed IR), {@code lowered} (after lower-arrays), {@code llvm}, {@code llvm-opt}, {@code asm}, {@code opencl} (the C of GPU code). */
        public static final List<String> DUMPABLE = List.of("typed", "lowered", "llvm", "llvm-opt", "asm", "opencl");

        public Options(String target, CompileOptions compileOptions) {
            this(target, compileOptions, Set.of(), false, s -> { }, true);
        }

        /** The target named explicitly: it overrides the decorators' ({@code target='parallel'} of a ufunc). */
        public Options withTarget(String t) { return new Options(t, compileOptions, dumpAfter, timings, report, true); }

        /** Dumps these passes' output and, with {@code timings}, each pass's time, to {@code report}. */
        public Options withDiagnostics(Set<String> dumpAfter, boolean timings, Consumer<String> report) {
            return new Options(target, compileOptions, Set.copyOf(dumpAfter), timings, report, targetGiven);
        }
    }

    /**
     * Parses and resolves a file.
     * @throws IOException when the file cannot be read
     * @throws dev.arrayjit.frontend.diag.CompileException for parse and module-level errors
     */
    public static KernelModule load(Path file) throws IOException { return load(file, Options.DEFAULT); }

    public static KernelModule load(Path file, Options options) throws IOException {
        return load(SourceFile.read(file), options);
    }

    /** Compiles source text; {@code fileName} appears in diagnostics and kernel exceptions. */
    public static KernelModule compile(String source, String fileName) { return compile(source, fileName, Options.DEFAULT); }

    public static KernelModule compile(String source, String fileName, Options options) {
        return load(new SourceFile(fileName, source), options);
    }

    /** Sets how many threads parallel loops use (see {@link Threads}). */
    public static void setNumThreads(int n) { Threads.set(n); }

    /**
     * The machine's OpenCL devices, in words ({@code "0: NVIDIA H200 (NVIDIA CUDA, GPU, fp64)"}),
     * numbered as {@link #selectGpuDevice} counts them; empty when there is no OpenCL platform.
     */
    public static List<String> gpuDevices() { return Gpu.unavailable() != null ? List.of() : Gpu.require("listing devices").devices(); }

    /**
     * Runs GPU code compiled and device arrays allocated from now on on the device {@code spec}
     * names (its number in {@link #gpuDevices()} or part of its name); null goes back to the default
     * ({@code ARRAYJIT_OPENCL_DEVICE}, else the first GPU, else the first device). Device arrays
     * made before stay on their device.
     * @throws IllegalArgumentException when it names no device
     */
    public static void selectGpuDevice(String spec) { Gpu.require("choosing a device").select(spec); }

    /**
     * Loads a library {@code bin/arrayjit aot} built: its exports, called as JIT-compiled kernels
     * are, without the compiler (no LLVM is loaded).
     * @throws IllegalArgumentException when the file is missing or not an arrayjit library
     */
    public static KernelLibrary loadLibrary(Path library) { return KernelLibrary.load(library); }

    /** A copy of {@code host} in GPU memory (Numba's {@code cuda.to_device}); see {@link DeviceArray}. */
    public static DeviceArray toDevice(NDArray host) { return DeviceArray.of(host); }

    /** A new array in GPU memory, contents undefined (Numba's {@code cuda.device_array}). */
    public static DeviceArray deviceArray(dev.arrayjit.typeinfer.types.Type dtype, long... shape) { return DeviceArray.empty(dtype, shape); }

    /** How many threads parallel loops use. */
    public static int numThreads() { return Threads.count(); }

    private static KernelModule load(SourceFile file, Options options) {
        Warmup.start(options.target());
        long t0 = System.nanoTime();
        Program program = Program.load(file);
        return new KernelModule(program, options, System.nanoTime() - t0);
    }
}
