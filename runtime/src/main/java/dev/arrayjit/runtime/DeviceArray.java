package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.ref.Cleaner;

/**
 * An array in GPU memory (Numba's device array): C-contiguous, of a dtype and shape. Kernel
 * launches and device ufuncs use it in place, so data stays on the device between launches;
 * {@link #copyToHost()} brings it back. {@link #close()} frees the device memory at once; an
 * array that becomes unreachable is freed by a cleaner, so the JVM never leaks device memory.
 */
public final class DeviceArray implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    /** Device arrays whose memory is not freed yet (for tests of the cleaner). */
    private static final java.util.concurrent.atomic.AtomicLong LIVE = new java.util.concurrent.atomic.AtomicLong();

    private final Type dtype;
    private final long[] shape;
    private final GpuOffload.Buffer buffer;
    private final Cleaner.Cleanable cleanable;

    private DeviceArray(Type dtype, long[] shape, GpuOffload.Buffer buffer) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.buffer = buffer;
        LIVE.incrementAndGet();
        this.cleanable = CLEANER.register(this, () -> { // the action holds the buffer, never this array
            buffer.close();
            LIVE.decrementAndGet();
        });
    }

    /** How many device arrays hold device memory now. */
    static long live() { return LIVE.get(); }

    /** A new device array of {@code shape}, contents undefined (Numba's {@code cuda.device_array}). */
    public static DeviceArray empty(Type dtype, long... shape) {
        if (!dtype.isScalar()) throw new IllegalArgumentException("device arrays hold numbers, not " + dtype);
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimensions are not allowed");
            n = Math.multiplyExact(n, d);
        }
        return new DeviceArray(dtype, shape, Gpu.require("a device array").allocate(n * Types.sizeOf(dtype)));
    }

    /** A device copy of {@code host} (Numba's {@code cuda.to_device}). */
    public static DeviceArray of(NDArray host) {
        DeviceArray d = empty(host.dtype(), host.shape());
        d.copyFrom(host);
        return d;
    }

    /** Replaces the contents with {@code host}'s, which must have this shape and dtype. */
    public void copyFrom(NDArray host) {
        if (!host.dtype().equals(dtype) || !java.util.Arrays.equals(host.shape(), shape)) {
            throw new IllegalArgumentException("cannot copy " + host.dtype() + " " + java.util.Arrays.toString(host.shape())
                    + " into a device array of " + dtype + " " + java.util.Arrays.toString(shape));
        }
        NDArray c = host.isCContiguous() ? host : host.copy();
        buffer.write(c.segment().asSlice(c.offset(), byteSize()));
    }

    /** A new host array with the contents (Numba's {@code copy_to_host}). */
    public NDArray copyToHost() {
        NDArray out = NDArray.zeros(dtype, shape);
        copyToHost(out);
        return out;
    }

    /** Copies the contents into {@code host}, which must have this shape and dtype. */
    public void copyToHost(NDArray host) {
        if (!host.dtype().equals(dtype) || !java.util.Arrays.equals(host.shape(), shape)) {
            throw new IllegalArgumentException("cannot copy a device array of " + dtype + " " + java.util.Arrays.toString(shape)
                    + " into " + host.dtype() + " " + java.util.Arrays.toString(host.shape()));
        }
        if (host.isCContiguous()) {
            buffer.read(host.segment().asSlice(host.offset(), byteSize()));
        } else {
            NDArray tmp = NDArray.zeros(dtype, shape);
            buffer.read(tmp.segment());
            DeviceLoops.copyInto(host, tmp);
        }
    }

    public Type dtype() { return dtype; }

    public long[] shape() { return shape.clone(); }

    public int ndim() { return shape.length; }

    public long size() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    long byteSize() { return size() * Types.sizeOf(dtype); }

    /** The kernel type of this array as an argument: C-contiguous. */
    public Type.Array type() { return new Type.Array(dtype, shape.length, dev.arrayjit.typeinfer.types.Layout.C, false); }

    GpuOffload.Buffer buffer() { return buffer; }

    /** Frees the device memory now; the array cannot be used after. */
    @Override public void close() { cleanable.clean(); }

    @Override public String toString() {
        return "DeviceArray(" + dtype + ", shape=" + java.util.Arrays.toString(shape) + ")";
    }
}
