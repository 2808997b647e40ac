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

    KernelFunction(KernelInfo info, Dispatcher dispatcher, Ufunc ufunc) {
        this.info = info;
        this.dispatcher = dispatcher;
        this.ufunc = ufunc;
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
        return dispatcher.compileNanos() + (ufunc == null ? 0 : ufunc.compileNanos());
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

    @Override public String toString() { return "KernelFunction[" + info.name() + "]"; }
}
