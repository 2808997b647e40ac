package dev.arrayjit.runtime;

import dev.arrayjit.runtime.call.Invoker;
import dev.arrayjit.typeinfer.KernelInfo;
import java.util.List;

/**
 * One kernel of a loaded file, callable from Java.
 *
 * <p>Arguments: {@link Long}/{@link Integer}/{@link Short}/{@link Byte} are Python ints (int64),
 * {@link Double} float64, {@link Float} float32, {@link Boolean} bool, {@link Complex} complex128,
 * {@link Scalar} its own type, {@link NDArray} an array, {@link PyTuple} or {@link List} a tuple;
 * {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]}, {@code short[]} and {@code byte[]}
 * are taken as 1-D arrays viewing the Java array (writes reach it).
 *
 * <p>Results: int64 → {@link Long}, int32 → {@link Integer}, int16 → {@link Short}, int8 → {@link Byte},
 * float64 → {@link Double}, float32 → {@link Float}, bool → {@link Boolean}, complex128 →
 * {@link Complex}, unsigned integers and complex64 → {@link Scalar}, arrays → {@link NDArray} (owning
 * memory the kernel allocated, or viewing an argument it returned), tuples → {@link PyTuple}, none →
 * {@code null}. A kernel that raises throws {@link KernelException}.
 */
public final class KernelFunction {
    private final KernelInfo info;
    private final Dispatcher dispatcher;
    private final Ufunc ufunc;
    private final GpuKernel gpu;

    KernelFunction(KernelInfo info, Dispatcher dispatcher, Ufunc ufunc, GpuKernel gpu) {
        this.info = info;
        this.dispatcher = dispatcher;
        this.ufunc = ufunc;
        this.gpu = gpu;
    }

    /** Whether this is a {@code @cuda.jit} kernel, launched over a grid with {@link #configure}. */
    public boolean isGpuKernel() { return gpu != null; }

    /**
     * A launch configuration of a {@code @cuda.jit} kernel, as Numba's {@code kernel[blocks, threads]}:
     * {@code grid} blocks of {@code block} threads, 1 to 3 extents each (x, y, z).
     * @throws IllegalStateException for other kernels
     */
    public Launch configure(long[] grid, long[] block) {
        if (gpu == null) throw new IllegalStateException(info.name() + " is not a @cuda.jit kernel; call it with call(...)");
        return new Launch(grid.clone(), block.clone());
    }

    /** {@code configure(new long[] {blocks}, new long[] {threads})}: a 1-D launch. */
    public Launch configure(long blocks, long threads) { return configure(new long[] {blocks}, new long[] {threads}); }

    /** A {@code @cuda.jit} kernel with its grid and block. */
    public final class Launch {
        private final long[] grid, block;

        private Launch(long[] grid, long[] block) {
            this.grid = grid;
            this.block = block;
        }

        /**
         * Runs the kernel on the GPU and waits for it. Arrays ({@link NDArray}s and Java arrays) are
         * copied to the device and back after the launch; {@link DeviceArray}s stay on the device.
         * @throws KernelException when a thread raised (an index out of bounds, a raise statement)
         * @throws ArgumentException for arguments it cannot take, or no OpenCL device
         */
        public void call(Object... args) { gpu.launch(grid, block, args); }
    }

    /**
     * The ufunc of a {@code @vectorize} kernel ({@link #call} goes through it).
     * @throws IllegalStateException for other kernels
     */
    public Ufunc ufunc() {
        if (ufunc == null) throw new IllegalStateException(info.name() + " is not a @vectorize function");
        return ufunc;
    }

    /** Time spent compiling this kernel so far: its specializations, and its ufunc's when it is one. */
    public long compileNanos() {
        return dispatcher.compileNanos() + (ufunc == null ? 0 : ufunc.compileNanos()) + (gpu == null ? 0 : gpu.compileNanos());
    }

    /** Whether this is a {@code @vectorize} kernel, called as a ufunc. */
    public boolean isUfunc() { return ufunc != null; }

    public String name() { return info.name(); }

    public KernelInfo info() { return info; }

    public Dispatcher dispatcher() { return dispatcher; }

    /**
     * Calls the kernel, compiling it for these argument types on first use.
     * @throws dev.arrayjit.frontend.diag.CompileException when the kernel does not type for these arguments
     * @throws ArgumentException for arguments it cannot take
     * @throws KernelException when the kernel raises
     */
    public Object call(Object... args) {
        if (ufunc != null) return ufunc.call(args);
        if (gpu != null) {
            throw new ArgumentException(info.name() + " is a @cuda.jit kernel: launch it over a grid, "
                    + "configure(blocks, threads).call(...), as " + info.name() + "[blocks, threads](...) in Python");
        }
        if (info.kind() == KernelInfo.Kind.GPU_DEVICE) {
            throw new ArgumentException(info.name() + " is a GPU device function: call it from a @cuda.jit kernel");
        }
        Object[] a = args;
        for (int i = 0; i < a.length; i++) {
            Object v = javaArrayAsNDArray(a[i]);
            if (v != a[i]) {
                if (a == args) a = args.clone(); // never change the caller's array
                a[i] = v;
            }
        }
        return Invoker.call(dispatcher.resolve(a), a);
    }

    static Object javaArrayAsNDArray(Object o) {
        return switch (o) {
            case double[] d -> NDArray.wrap(d);
            case float[] f -> NDArray.wrap(f);
            case long[] l -> NDArray.wrap(l);
            case int[] i -> NDArray.wrap(i);
            case short[] s -> NDArray.wrap(s);
            case byte[] b -> NDArray.wrap(b);
            case null, default -> o;
        };
    }

    /** The OpenCL C this GPU kernel has been compiled to so far (one per argument-type tuple). */
    public List<String> gpuSources() { return gpu == null ? List.of() : gpu.sources(); }

    void closeGpu() { if (gpu != null) gpu.close(); }

    @Override public String toString() { return "KernelFunction[" + info.name() + "]"; }
}
