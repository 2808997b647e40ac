package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ufunc's loops on an OpenCL device ({@code target='opencl'}): the scalar kernel compiled for the
 * device once per loop and one work-item per element of the result. Host operands are broadcast and
 * converted on the host into contiguous buffers of the loop's types; {@link DeviceArray} operands of
 * the loop's type and the result's shape are used in place, and then the result stays on the device
 * too (a DeviceArray), as Numba's CUDA ufuncs do.
 */
final class DeviceLoops implements AutoCloseable {
    /** Why ufuncs cannot run on a device here (what to install), or null when they can. */
    static String unavailable() { return Gpu.unavailable(); }

    private record Compiled(GpuOffload.Loop loop, Type result) {}

    private final KernelModule module;
    private final String kernel;
    private final ConcurrentHashMap<List<Type>, Compiled> loops = new ConcurrentHashMap<>();

    DeviceLoops(KernelModule module, String kernel) {
        this.module = module;
        this.kernel = kernel;
    }

    /**
     * The loop {@code loop} applied to the inputs broadcast together: an array (a DeviceArray when
     * an input is one), or a number for numbers alone.
     */
    Object call(Object[] in, List<Type> types, List<Type> loop) {
        GpuOffload gpu = Gpu.require(kernel + "() with target='opencl'");
        Compiled c = loops.computeIfAbsent(List.copyOf(loop), k -> {
            CompileUnit unit = module.program().lower(module.program().specialize(kernel, k));
            try {
                GpuOffload.Loop l = gpu.compile(unit);
                if (module.options().dumpAfter().contains("opencl")) module.options().report().accept("=== after opencl ===\n" + l.source());
                return new Compiled(l, unit.entry().returnType());
            } catch (IllegalArgumentException e) {
                throw new ArgumentException(e.getMessage());
            }
        });
        long[] shape = broadcastShape(in, types);
        long n = 1;
        for (long d : shape) n *= d;
        boolean onDevice = false;
        List<GpuOffload.Buffer> buffers = new ArrayList<>();
        List<GpuOffload.Buffer> temporaries = new ArrayList<>();
        DeviceArray result = null;
        try {
            for (int i = 0; i < in.length; i++) {
                if (in[i] instanceof DeviceArray d && d.dtype().equals(loop.get(i)) && java.util.Arrays.equals(d.shape(), shape)) {
                    buffers.add(d.buffer());
                    onDevice = true;
                    continue;
                }
                Object host = in[i] instanceof DeviceArray d ? d.copyToHost() : in[i];
                onDevice |= in[i] instanceof DeviceArray;
                MemorySegment m = buffer(host, loop.get(i), shape, n);
                GpuOffload.Buffer b = gpu.allocate(m.byteSize());
                temporaries.add(b);
                b.write(m);
                buffers.add(b);
            }
            result = DeviceArray.empty(c.result(), shape);
            c.loop().run(buffers, result.buffer(), n);
            if (onDevice) {
                DeviceArray r = result;
                result = null; // handed to the caller
                return r;
            }
            NDArray host = result.copyToHost();
            return shape.length == 0 ? host.get() : host;
        } finally {
            temporaries.forEach(GpuOffload.Buffer::close);
            if (result != null) result.close();
        }
    }

    /** NumPy's broadcast shape of the array operands; ValueError naming both shapes when they do not broadcast. */
    private static long[] broadcastShape(Object[] in, List<Type> types) {
        long[] shape = new long[0];
        for (Object o : in) {
            long[] s;
            if (o instanceof NDArray a) s = a.shape();
            else if (o instanceof DeviceArray d) s = d.shape();
            else continue;
            long[] wide = new long[Math.max(shape.length, s.length)];
            for (int k = 0; k < wide.length; k++) {
                long x = k - (wide.length - shape.length) >= 0 ? shape[k - (wide.length - shape.length)] : 1;
                long y = k - (wide.length - s.length) >= 0 ? s[k - (wide.length - s.length)] : 1;
                if (x != y && x != 1 && y != 1) {
                    throw new KernelException("ValueError", "operands could not be broadcast together with shapes "
                            + tuple(shape) + " " + tuple(s) + " ", null); // NumPy's text ends with a space
                }
                wide[k] = x == 1 ? y : x;
            }
            shape = wide;
        }
        return shape;
    }

    private static String tuple(long[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < s.length; k++) sb.append(k == 0 ? "" : ",").append(s[k]);
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }

    /** {@code n} contiguous elements of {@code dtype}: the operand broadcast to {@code shape} (its own memory when it already is one). */
    private static MemorySegment buffer(Object operand, Type dtype, long[] shape, long n) {
        if (operand instanceof NDArray a && a.dtype().equals(dtype) && java.util.Arrays.equals(a.shape(), shape) && contiguous(a)) {
            return a.segment().asSlice(a.offset(), n * Types.sizeOf(dtype));
        }
        NDArray out = NDArray.zeros(dtype, shape.length == 0 ? new long[] {1} : shape);
        long[] idx = new long[shape.length];
        for (long f = 0; f < n; f++) {
            Object v = operand instanceof NDArray a ? a.get(sourceIndex(a, idx)) : operand;
            out.set(v, shape.length == 0 ? new long[] {0} : idx);
            for (int k = shape.length - 1; k >= 0 && ++idx[k] == shape[k]; k--) idx[k] = 0;
        }
        return out.segment();
    }

    /** The element of {@code a} that broadcasting puts at {@code idx}. */
    private static long[] sourceIndex(NDArray a, long[] idx) {
        long[] s = new long[a.ndim()];
        for (int k = 0; k < s.length; k++) s[k] = a.shape(k) == 1 ? 0 : idx[idx.length - s.length + k];
        return s;
    }

    private static boolean contiguous(NDArray a) {
        long expect = a.itemSize();
        for (int k = a.ndim() - 1; k >= 0; k--) {
            if (a.shape(k) != 1 && a.stride(k) != expect) return false;
            expect *= a.shape(k);
        }
        return true;
    }

    /** The programs of the loops made so far, for inspection. */
    List<String> sources() { return loops.values().stream().map(c -> c.loop().source()).toList(); }

    @Override public void close() {
        for (Compiled c : loops.values()) c.loop().close();
        loops.clear();
    }
}
